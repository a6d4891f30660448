package dev.nlpkit.vectorize.vocab;

/**
 * A bound on a term's document frequency, either an absolute number of documents or a fraction of the documents
 * seen (scikit-learn's {@code min_df}/{@code max_df} as an int or a float). Resolved against the corpus size
 * {@code N} by {@link #threshold(long)}: a fraction {@code f} means {@code f * N} documents.
 *
 * @param value    the number of documents (a whole number) or the fraction in [0, 1]
 * @param fraction whether {@code value} is a fraction of the documents
 */
public record DocumentFrequencyLimit(double value, boolean fraction) {

    /**
     * Checks the value.
     *
     * @throws IllegalArgumentException when a fraction is outside [0, 1] or a count is negative or not whole
     */
    public DocumentFrequencyLimit {
        if (fraction && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("a document-frequency fraction must be in [0, 1], got " + value);
        }
        if (!fraction && !(value >= 0.0 && value == Math.rint(value))) {
            throw new IllegalArgumentException("a document count must be a whole number >= 0, got " + value);
        }
    }

    /**
     * At least / at most {@code documents} documents.
     *
     * @param documents the number of documents, >= 0
     * @return the limit
     */
    public static DocumentFrequencyLimit documents(long documents) {
        return new DocumentFrequencyLimit(documents, false);
    }

    /**
     * At least / at most {@code fraction * N} documents.
     *
     * @param fraction the fraction of the counted documents, in [0, 1]
     * @return the limit
     */
    public static DocumentFrequencyLimit fraction(double fraction) {
        return new DocumentFrequencyLimit(fraction, true);
    }

    /**
     * The threshold in documents for a corpus of {@code documentCount} documents.
     *
     * @param documentCount the number of documents counted
     * @return the number of documents this limit stands for (a fraction times {@code documentCount}, else the count)
     */
    public double threshold(long documentCount) {
        return fraction ? value * documentCount : value;
    }

    @Override
    public String toString() {
        return fraction ? value + " of documents" : (long) value + " documents";
    }
}
