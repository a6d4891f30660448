package dev.nlpkit.vectorize.bow;

/**
 * Row normalisation of the weights {@code w} of a document. A row whose norm is 0 (an empty document, or only
 * zero weights) is left as zeros: never NaN.
 */
public enum VectorNormalization {
    /** Weights as computed. */
    NONE,
    /** {@code w / sum |w|}. */
    L1,
    /** {@code w / sqrt(sum w^2)} (scikit-learn's default): the dot product of two rows is their cosine. */
    L2
}
