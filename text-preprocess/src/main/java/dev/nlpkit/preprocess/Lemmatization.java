package dev.nlpkit.preprocess;

import dev.nlpkit.preprocess.lemma.LemmaMode;

/**
 * The lemmatization stage ({@link dev.nlpkit.preprocess.lemma.LemmatizerFilter} over WordNet 3.0, as NLTK's
 * {@code WordNetLemmatizer}). It runs after stop-word removal and before any stemmer, on WORD tokens only (the
 * others are marked as keywords by the tokenizer and the type policy).
 */
public enum Lemmatization {
    /** No lemmatization. */
    NONE(null),
    /** Every word as a noun: NLTK's {@code WordNetLemmatizer().lemmatize(w)} default. */
    NOUN(LemmaMode.NOUN),
    /** Every word as a verb ({@code lemmatize(w, 'v')}). */
    VERB(LemmaMode.VERB),
    /** Every word as an adjective. */
    ADJECTIVE(LemmaMode.ADJECTIVE),
    /** Every word as an adverb. */
    ADVERB(LemmaMode.ADVERB),
    /** Untagged text: parts of speech tried in a fixed order (verb, noun, adjective, adverb); see {@link LemmaMode#UNTAGGED}. */
    UNTAGGED(LemmaMode.UNTAGGED),
    /**
     * Each word with the part of speech a tagger gives it: a
     * {@link dev.nlpkit.preprocess.lemma.PartOfSpeechTaggerFilter} (the tagger named by
     * {@link PreprocessOptions#partOfSpeechTagger()}, found in
     * {@link dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers}) right before the lemmatizer; a word tagged with a
     * closed-class tag ({@code DT}, {@code IN}, ...) is left as it is ({@link LemmaMode#UNCHANGED}).
     */
    POS(LemmaMode.UNCHANGED);

    private final LemmaMode mode;

    Lemmatization(LemmaMode mode) {
        this.mode = mode;
    }

    /**
     * The lemmatizer mode, or null for {@link #NONE}.
     *
     * @return the mode, or null
     */
    public LemmaMode mode() {
        return mode;
    }
}
