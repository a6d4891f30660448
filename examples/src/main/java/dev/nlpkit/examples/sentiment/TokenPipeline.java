package dev.nlpkit.examples.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.lemma.PartOfSpeech;
import dev.nlpkit.preprocess.lemma.WordNetLemmatizer;
import smile.nlp.pos.HMMPOSTagger;
import smile.nlp.pos.PennTreebankPOS;

/**
 * Text to tokens as a {@link Preprocessing} says: the text-preprocess chain of the preset, then, when asked,
 * WordNet lemmatization of every token, either as a noun or with the part of speech Smile's HMM tagger
 * (smile-nlp, trained on the Penn Treebank) gives it. text-preprocess itself stays free of Smile: the tagger
 * runs here and the lemmatizer only receives the WordNet part of speech.
 *
 * <p>The tagger sees the chain's output tokens (lower-cased, stop words removed), not the raw sentence: that
 * costs some tagging accuracy (capitalization and function words are cues) but keeps tokens and tags aligned one
 * to one. Tokens whose tag has no WordNet part of speech (determiners, pronouns, punctuation, placeholders such as
 * {@code <user>}) are kept unchanged. Thread-safe.
 */
public final class TokenPipeline {

    private final Preprocessing.Lemmatization lemmatization;
    private final TextPreprocessor preprocessor;
    private final WordNetLemmatizer lemmatizer;
    private final HMMPOSTagger tagger;

    private TokenPipeline(PreprocessOptions options, Preprocessing.Lemmatization lemmatization) {
        this.lemmatization = Objects.requireNonNull(lemmatization, "lemmatization");
        if (lemmatization != Preprocessing.Lemmatization.NONE && options.stemmer() != Stemmer.NONE) {
            throw new IllegalArgumentException("choose stemming or lemmatization, not both (stemmer "
                    + options.stemmer() + ", lemmatization " + lemmatization + ")");
        }
        this.preprocessor = TextPreprocessor.of(options);
        this.lemmatizer = lemmatization == Preprocessing.Lemmatization.NONE ? null : WordNetLemmatizer.load();
        this.tagger = lemmatization == Preprocessing.Lemmatization.POS ? HMMPOSTagger.getDefault() : null;
    }

    /** The pipeline a sentiment run (and its bundle) describes. */
    public static TokenPipeline of(Preprocessing preprocessing) {
        return new TokenPipeline(preprocessing.options(), preprocessing.lemmatization());
    }

    /** Any text-preprocess options, then lemmatization. */
    public static TokenPipeline of(PreprocessOptions options, Preprocessing.Lemmatization lemmatization) {
        return new TokenPipeline(options, lemmatization);
    }

    public Preprocessing.Lemmatization lemmatization() {
        return lemmatization;
    }

    /** The tokens of every text, in order (the chain runs on {@code threads} threads). */
    public List<List<String>> tokensBatch(List<String> texts, int threads) {
        List<List<String>> chain = preprocessor.tokensBatch(texts, threads);
        if (lemmatizer == null) {
            return chain;
        }
        List<List<String>> out = new ArrayList<>(chain.size());
        for (List<String> tokens : chain) {
            out.add(lemmatize(tokens));
        }
        return out;
    }

    /** The tokens of {@code text}. */
    public List<String> tokens(String text) {
        return lemmatize(preprocessor.tokens(text));
    }

    private List<String> lemmatize(List<String> tokens) {
        if (lemmatizer == null || tokens.isEmpty()) {
            return tokens;
        }
        if (tagger == null) {
            List<String> lemmas = new ArrayList<>(tokens.size());
            for (String token : tokens) {
                lemmas.add(isWord(token) ? lemmatizer.lemmatize(token) : token);
            }
            return lemmas;
        }
        return tagged(tokens).stream().map(TaggedToken::lemma).toList();
    }

    /** Every token with its Penn tag, WordNet part of speech (if any) and lemma; needs POS lemmatization. */
    public List<TaggedToken> tagged(List<String> tokens) {
        if (tagger == null) {
            throw new IllegalStateException("tagging needs lemmatization POS, this pipeline has " + lemmatization);
        }
        PennTreebankPOS[] tags = tagger.tag(tokens.toArray(String[]::new));
        List<TaggedToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String tag = tags[i] == null ? "" : pennName(tags[i]);
            Optional<PartOfSpeech> pos = isWord(token) ? PartOfSpeech.fromPennTag(tag) : Optional.empty();
            out.add(new TaggedToken(token, tag, pos, pos.map(p -> lemmatizer.lemmatize(token, p)).orElse(token)));
        }
        return out;
    }

    /** The preprocessor's tokens, before any lemmatization. */
    public List<String> chainTokens(String text) {
        return preprocessor.tokens(text);
    }

    /** A description of the chain, stage by stage. */
    public String describe() {
        return preprocessor + (lemmatizer == null ? "" : " -> WordNet lemmatizer ("
                + (tagger == null ? "as nouns" : "POS from Smile's HMM tagger") + ")");
    }

    /** Smile names a few tags by Java-safe names; give the Penn spelling. */
    private static String pennName(PennTreebankPOS tag) {
        return tag.toString();
    }

    /** Placeholders such as {@code <user>} and emoticons are not words. */
    private static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetter(token.codePointAt(0)) && !token.startsWith("<");
    }

    /**
     * A tagged token.
     *
     * @param token        the chain's token
     * @param pennTag      Smile's Penn Treebank tag
     * @param partOfSpeech the WordNet part of speech, when the tag has one
     * @param lemma        the lemma under that part of speech, or the token
     */
    public record TaggedToken(String token, String pennTag, Optional<PartOfSpeech> partOfSpeech, String lemma) {
    }
}
