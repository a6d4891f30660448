package dev.nlpkit.embeddings.vectors;

/**
 * A query named a word that the {@link WordVectors} do not contain (or that lies beyond a
 * {@link WordVectors#restrictToMostFrequent most-frequent restriction}). Check with
 * {@link WordVectors#contains} or use the {@code Optional}-returning {@link WordVectors#vector} to avoid it.
 */
public final class UnknownWordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The word that was looked up. */
    private final String word;

    /**
     * A word was looked up that has no vector.
     *
     * @param word the word
     * @param vocabularySize the number of words the vectors have, for the message
     */
    public UnknownWordException(String word, int vocabularySize) {
        super("word '" + word + "' is not in the vocabulary (" + vocabularySize + " words)");
        this.word = word;
    }

    /**
     * The unknown word.
     *
     * @return the word
     */
    public String word() {
        return word;
    }
}
