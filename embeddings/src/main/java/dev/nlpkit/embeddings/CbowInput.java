package dev.nlpkit.embeddings;

/** How CBOW combines the context vectors (gensim's {@code cbow_mean}: 1 = mean, 0 = sum). */
public enum CbowInput {
    /** The mean of the context vectors (gensim's default, {@code cbow_mean=1}). */
    MEAN,
    /** The sum of the context vectors ({@code cbow_mean=0}). */
    SUM
}
