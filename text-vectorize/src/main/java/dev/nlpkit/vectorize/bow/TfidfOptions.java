package dev.nlpkit.vectorize.bow;

import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.TermOrder;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * Options of a {@link TfidfVectorizer}: the weight of term {@code t} in document {@code d} is
 * {@code w(t, d) = tf(t, d) * idf(t)}, then the row is normalised. See {@link TermFrequency},
 * {@link InverseDocumentFrequency} and {@link VectorNormalization} for the formulas.
 *
 * @param maxNgram   terms are the n-grams for n = 1..maxNgram (tokens joined by one space)
 * @param tf         term-frequency factor
 * @param idf        inverse-document-frequency factor
 * @param logBase    base {@code b} of {@link InverseDocumentFrequency#PLAIN} (> 1)
 * @param norm       row normalisation
 * @param vocabulary pruning and column order
 * @param threads    worker threads for fit and transform (results do not depend on it)
 */
public record TfidfOptions(int maxNgram, TermFrequency tf, InverseDocumentFrequency idf, double logBase,
                           VectorNormalization norm, VocabularyOptions vocabulary, int threads) {

    public TfidfOptions {
        if (maxNgram < 1) {
            throw new IllegalArgumentException("maxNgram must be >= 1, got " + maxNgram);
        }
        if (tf == null || idf == null || norm == null || vocabulary == null) {
            throw new IllegalArgumentException("tf, idf, norm and vocabulary options must not be null");
        }
        if (!(logBase > 1.0) || Double.isInfinite(logBase)) {
            throw new IllegalArgumentException("logBase must be a finite number > 1, got " + logBase);
        }
        if (vocabulary.reserved() != ReservedTokens.NONE) {
            throw new IllegalArgumentException("TF-IDF columns have no reserved entries; got reserved="
                    + vocabulary.reserved());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** {@link #sklearn()}. */
    public static TfidfOptions defaults() {
        return sklearn();
    }

    /**
     * scikit-learn's {@code TfidfVectorizer()} defaults on the same tokens: raw counts, smooth idf
     * {@code ln((1 + N) / (1 + df)) + 1}, L2 rows, no pruning, alphabetical columns (scikit-learn's column order).
     */
    public static TfidfOptions sklearn() {
        return new TfidfOptions(1, TermFrequency.RAW_COUNT, InverseDocumentFrequency.SMOOTH, Math.E, VectorNormalization.L2,
                VocabularyOptions.defaults().withOrder(TermOrder.ALPHABETICAL), CountOptions.defaultThreads());
    }

    /**
     * The course's formulas exactly: {@code TF = count / words in the document}, {@code IDF = log2(N / df)},
     * {@code w = TF x IDF}, no normalisation; columns by frequency.
     */
    public static TfidfOptions lesson() {
        return new TfidfOptions(1, TermFrequency.FREQUENCY, InverseDocumentFrequency.PLAIN, 2.0, VectorNormalization.NONE,
                VocabularyOptions.defaults(), CountOptions.defaultThreads());
    }

    public TfidfOptions withMaxNgram(int value) {
        return new TfidfOptions(value, tf, idf, logBase, norm, vocabulary, threads);
    }

    public TfidfOptions withTf(TermFrequency value) {
        return new TfidfOptions(maxNgram, value, idf, logBase, norm, vocabulary, threads);
    }

    public TfidfOptions withIdf(InverseDocumentFrequency value) {
        return new TfidfOptions(maxNgram, tf, value, logBase, norm, vocabulary, threads);
    }

    public TfidfOptions withLogBase(double value) {
        return new TfidfOptions(maxNgram, tf, idf, value, norm, vocabulary, threads);
    }

    public TfidfOptions withNorm(VectorNormalization value) {
        return new TfidfOptions(maxNgram, tf, idf, logBase, value, vocabulary, threads);
    }

    public TfidfOptions withVocabulary(VocabularyOptions value) {
        return new TfidfOptions(maxNgram, tf, idf, logBase, norm, value, threads);
    }

    public TfidfOptions withThreads(int value) {
        return new TfidfOptions(maxNgram, tf, idf, logBase, norm, vocabulary, value);
    }
}
