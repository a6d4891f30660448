package dev.nlpkit.embeddings;

/** The Word2Vec model architecture (gensim's {@code sg} parameter: 0 = CBOW, 1 = skip-gram). */
public enum Architecture {
    /** Continuous bag of words: the (mean or sum of the) context vectors predict the centre word. */
    CBOW,
    /** Skip-gram: each context word's input vector predicts the centre word. */
    SKIP_GRAM
}
