package dev.nlpkit.preprocess.lemma;

/**
 * How to lemmatize a token whose part of speech is not known: as one fixed part of speech, in
 * {@link #UNTAGGED} mode (see {@link WordNetLemmatizer#lemmatizeUntagged(String)}), or not at all
 * ({@link #UNCHANGED}).
 */
public enum LemmaMode {
    /** As a noun: NLTK's {@code WordNetLemmatizer().lemmatize(w)} default. */
    NOUN(PartOfSpeech.NOUN),
    /** As a verb. */
    VERB(PartOfSpeech.VERB),
    /** As an adjective. */
    ADJECTIVE(PartOfSpeech.ADJECTIVE),
    /** As an adverb. */
    ADVERB(PartOfSpeech.ADVERB),
    /** Parts of speech tried in the fixed order {@link WordNetLemmatizer#UNTAGGED_ORDER}. */
    UNTAGGED(null),
    /**
     * Left as it is: the mode of tagged text ({@link PartOfSpeechTaggerFilter}), where a token without a part of
     * speech is one the tagger called a closed-class word ({@code DT}, {@code IN}, {@code PRP}, ...), which
     * WordNet has no lemma for (lemmatizing "as" as a noun would give "a").
     */
    UNCHANGED(null);

    private final PartOfSpeech partOfSpeech;

    LemmaMode(PartOfSpeech partOfSpeech) {
        this.partOfSpeech = partOfSpeech;
    }

    /** The fixed part of speech of this mode, or null for {@link #UNTAGGED} and {@link #UNCHANGED}. */
    PartOfSpeech partOfSpeech() {
        return partOfSpeech;
    }

    /**
     * The mode that always uses {@code pos}.
     *
     * @param pos the part of speech to lemmatize every untagged token as
     * @return the mode
     */
    public static LemmaMode of(PartOfSpeech pos) {
        return switch (pos) {
            case NOUN -> NOUN;
            case VERB -> VERB;
            case ADJECTIVE -> ADJECTIVE;
            case ADVERB -> ADVERB;
        };
    }
}
