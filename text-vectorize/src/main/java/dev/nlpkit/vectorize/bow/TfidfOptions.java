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

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code maxNgram} or {@code threads} is below 1, {@code logBase} is not a
     *                                  finite number above 1, an option is null, or the vocabulary reserves entries
     */
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

    /**
     * {@link #sklearn()}.
     *
     * @return the default options
     */
    public static TfidfOptions defaults() {
        return sklearn();
    }

    /**
     * scikit-learn's {@code TfidfVectorizer()} defaults on the same tokens: raw counts, smooth idf
     * {@code ln((1 + N) / (1 + df)) + 1}, L2 rows, no pruning, alphabetical columns (scikit-learn's column order).
     *
     * @return scikit-learn's options
     */
    public static TfidfOptions sklearn() {
        return new TfidfOptions(1, TermFrequency.RAW_COUNT, InverseDocumentFrequency.SMOOTH, Math.E, VectorNormalization.L2,
                VocabularyOptions.defaults().withOrder(TermOrder.ALPHABETICAL), CountOptions.defaultThreads());
    }

    /**
     * The course's formulas exactly: {@code TF = count / words in the document}, {@code IDF = log2(N / df)},
     * {@code w = TF x IDF}, no normalisation; columns by frequency.
     *
     * @return the course's options
     */
    public static TfidfOptions lesson() {
        return new TfidfOptions(1, TermFrequency.FREQUENCY, InverseDocumentFrequency.PLAIN, 2.0, VectorNormalization.NONE,
                VocabularyOptions.defaults(), CountOptions.defaultThreads());
    }

    /**
     * With another n-gram range.
     *
     * @param value the longest n-gram, >= 1
     * @return a copy with {@code maxNgram} replaced
     */
    public TfidfOptions withMaxNgram(int value) {
        return new TfidfOptions(value, tf, idf, logBase, norm, vocabulary, threads);
    }

    /**
     * With another term-frequency factor.
     *
     * @param value the tf formula
     * @return a copy with {@code tf} replaced
     */
    public TfidfOptions withTf(TermFrequency value) {
        return new TfidfOptions(maxNgram, value, idf, logBase, norm, vocabulary, threads);
    }

    /**
     * With another inverse-document-frequency factor.
     *
     * @param value the idf formula
     * @return a copy with {@code idf} replaced
     */
    public TfidfOptions withIdf(InverseDocumentFrequency value) {
        return new TfidfOptions(maxNgram, tf, value, logBase, norm, vocabulary, threads);
    }

    /**
     * With another logarithm base for the plain idf.
     *
     * @param value the base, finite and > 1
     * @return a copy with {@code logBase} replaced
     */
    public TfidfOptions withLogBase(double value) {
        return new TfidfOptions(maxNgram, tf, idf, value, norm, vocabulary, threads);
    }

    /**
     * With another row scaling.
     *
     * @param value the row scaling (none, L1 or L2)
     * @return a copy with {@code norm} replaced
     */
    public TfidfOptions withNorm(VectorNormalization value) {
        return new TfidfOptions(maxNgram, tf, idf, logBase, value, vocabulary, threads);
    }

    /**
     * With other pruning and column order.
     *
     * @param value the vocabulary options
     * @return a copy with {@code vocabulary} replaced
     */
    public TfidfOptions withVocabulary(VocabularyOptions value) {
        return new TfidfOptions(maxNgram, tf, idf, logBase, norm, value, threads);
    }

    /**
     * With another number of worker threads.
     *
     * @param value threads for fit and transform, >= 1; the result does not depend on it
     * @return a copy with {@code threads} replaced
     */
    public TfidfOptions withThreads(int value) {
        return new TfidfOptions(maxNgram, tf, idf, logBase, norm, vocabulary, value);
    }
}
