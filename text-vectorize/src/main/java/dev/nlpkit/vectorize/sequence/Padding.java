package dev.nlpkit.vectorize.sequence;

/** Where padding ids (0) go when a sequence is shorter than the maximum length (Keras {@code padding}). */
public enum Padding {
    /** Before the tokens: real steps end at the last column (Keras' default {@code 'pre'}). */
    PRE,
    /** After the tokens: real steps start at column 0. */
    POST
}
