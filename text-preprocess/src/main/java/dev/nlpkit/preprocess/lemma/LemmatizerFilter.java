package dev.nlpkit.preprocess.lemma;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Replaces each token by its WordNet lemma ({@link WordNetLemmatizer}). Offsets, positions and types are
 * left as they are.
 *
 * <p>The part of speech of each token is decided in this order:
 * <ol>
 * <li>{@link PartOfSpeechAttribute}, when a stage upstream set it (not null);</li>
 * <li>the token's {@link TypeAttribute} when it is a Penn Treebank tag, the convention of Lucene's
 *     OpenNLP part-of-speech filter: {@code NN*} noun, {@code VB*} verb, {@code JJ*} adjective,
 *     {@code RB*} adverb; any other Penn tag ({@code DT}, {@code IN}, {@code PRP}, ...) leaves the token
 *     unchanged, since WordNet has no lemma for closed-class words (and noun-lemmatizing {@code as} would
 *     give {@code a});</li>
 * <li>otherwise the filter's {@link LemmaMode}: a fixed part of speech (noun by default, as NLTK) or
 *     {@link LemmaMode#UNTAGGED}. Types that are not Penn tags (Lucene's {@code <ALPHANUM>}, our
 *     tokenizers' {@code WORD}, ...) fall here.</li>
 * </ol>
 * Tokens marked as keywords ({@link KeywordAttribute}) are left alone, as Lucene's stemmers do. Matching is
 * case-sensitive (WordNet lemmas are lower case): put a lower-case filter before this one.
 */
public final class LemmatizerFilter extends TokenFilter {

    private final WordNetLemmatizer lemmatizer;
    private final LemmaMode mode;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final TypeAttribute typeAttribute = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keywordAttribute = addAttribute(KeywordAttribute.class);
    private final PartOfSpeechAttribute partOfSpeechAttribute = addAttribute(PartOfSpeechAttribute.class);

    /**
     * Noun lemmatization of untagged tokens with the shared {@link WordNetLemmatizer#load()}.
     *
     * @param input the tokens, lower-cased
     */
    public LemmatizerFilter(TokenStream input) {
        this(input, WordNetLemmatizer.load(), LemmaMode.NOUN);
    }

    /**
     * Lemmatizes with {@code lemmatizer}, tokens without a part of speech as {@code mode} says.
     *
     * @param input      the tokens
     * @param lemmatizer the lemmatizer (usually {@link WordNetLemmatizer#load()})
     * @param mode       what to do with tokens that carry no part of speech
     */
    public LemmatizerFilter(TokenStream input, WordNetLemmatizer lemmatizer, LemmaMode mode) {
        super(input);
        this.lemmatizer = Objects.requireNonNull(lemmatizer, "lemmatizer");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keywordAttribute.isKeyword()) {
            return true;
        }
        String term = termAttribute.toString();
        String lemma;
        PartOfSpeech tagged = partOfSpeechAttribute.getPartOfSpeech();
        if (tagged != null) {
            lemma = lemmatizer.lemmatize(term, tagged);
        } else if (PartOfSpeech.isPennTag(typeAttribute.type())) {
            Optional<PartOfSpeech> pos = PartOfSpeech.fromPennTag(typeAttribute.type());
            lemma = pos.isPresent() ? lemmatizer.lemmatize(term, pos.get()) : term;
        } else {
            lemma = lemmatizer.lemmatize(term, mode);
        }
        if (!lemma.equals(term)) {
            termAttribute.setEmpty().append(lemma);
        }
        return true;
    }

    @Override
    public String toString() {
        return "LemmatizerFilter(WordNet 3.0 morphy, untagged tokens: " + mode + ")";
    }
}
