package dev.nlpkit.vectorize.bow;

/**
 * The inverse-document-frequency factor {@code idf(t)} of a TF-IDF weight, from the number {@code N} of fitted
 * documents and the number {@code df(t)} of those that contain {@code t}.
 */
public enum InverseDocumentFrequency {
    /** {@code idf = 1}. */
    NONE,
    /**
     * {@code idf = log_b(N / df)} with the base {@code b} of the options (the course: {@code b = 2}). A term in
     * every document gets weight 0.
     */
    PLAIN,
    /** {@code idf = ln((1 + N) / (1 + df)) + 1} (scikit-learn's default {@code smooth_idf=True}). */
    SMOOTH;

    double apply(long documents, long documentFrequency, double logBase) {
        return switch (this) {
            case NONE -> 1.0;
            case PLAIN -> documentFrequency == 0 ? 0.0
                    : Math.log((double) documents / documentFrequency) / Math.log(logBase);
            case SMOOTH -> Math.log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0;
        };
    }
}
