package dev.nlpkit.vectorize.sequence;

/** Which tokens are cut when a sequence is longer than the maximum length (Keras {@code truncating}). */
public enum Truncation {
    /** Cut from the start, keep the last {@code maxLength} tokens (Keras' default {@code 'pre'}). */
    PRE,
    /** Cut from the end, keep the first {@code maxLength} tokens. */
    POST
}
