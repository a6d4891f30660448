package dev.nlpkit.vectorize.bow;

/** What a bag-of-words cell holds. */
public enum CountMode {
    /** How often the term occurs in the document. */
    COUNTS,
    /** 1 when the term occurs in the document (scikit-learn's {@code binary=True}). */
    BINARY
}
