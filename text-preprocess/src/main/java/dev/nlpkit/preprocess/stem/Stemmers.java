package dev.nlpkit.preprocess.stem;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.EnglishStemmer;

import dev.nlpkit.preprocess.Stemmer;

/**
 * Builds the Lucene filter for a {@link Stemmer}. All of them skip tokens whose {@code KeywordAttribute} is
 * set, which our tokenizers set for every non-WORD token (URLs, placeholders, emoticons, numbers...). They
 * expect lower-case input.
 */
public final class Stemmers {

    private Stemmers() {
    }

    /**
     * {@code input} followed by the stemmer's filter ({@code input} itself for {@link Stemmer#NONE}).
     *
     * @param input the tokens
     * @param stemmer the stemmer
     * @return the stemmed stream
     */
    public static TokenStream wrap(TokenStream input, Stemmer stemmer) {
        return switch (stemmer) {
            case NONE -> input;
            case PORTER -> new PorterStemFilter(input);
            case PORTER2 -> new SnowballFilter(input, new EnglishStemmer());
            case KSTEM -> new KStemFilter(input);
            case ENGLISH_MINIMAL -> new EnglishMinimalStemFilter(input);
        };
    }

    /**
     * The name of the Lucene filter for {@code toString()} of a pipeline.
     *
     * @param stemmer the stemmer
     * @return the Lucene filter's name (for example {@code PorterStemFilter}), or {@code none}
     */
    public static String describe(Stemmer stemmer) {
        return switch (stemmer) {
            case NONE -> "none";
            case PORTER -> "PorterStemFilter";
            case PORTER2 -> "SnowballFilter(English/Porter2)";
            case KSTEM -> "KStemFilter";
            case ENGLISH_MINIMAL -> "EnglishMinimalStemFilter";
        };
    }
}
