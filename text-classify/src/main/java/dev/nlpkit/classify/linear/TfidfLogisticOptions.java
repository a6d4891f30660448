package dev.nlpkit.classify.linear;

/**
 * Options of a {@link TfidfLogisticRegression}: the TF-IDF rows (text-vectorize's scikit-learn weighting: smooth
 * idf {@code ln((1 + N) / (1 + df)) + 1}, L2-normalised rows, n-grams 1..{@code maxNgram} joined by one space) and
 * the L2-regularised logistic regression fitted on them.
 *
 * @param maxNgram      longest n-gram, >= 1 (2: unigrams and bigrams, scikit-learn's {@code ngram_range=(1, 2)})
 * @param sublinearTf   {@code tf = 1 + ln(count)} instead of the raw count (scikit-learn's {@code sublinear_tf})
 * @param minCount      fewest occurrences of an n-gram in the training texts for it to get a column, >= 1
 *                      (1 keeps all, as scikit-learn's default; 2 bounds the bigram columns of a large corpus)
 * @param c             inverse regularisation strength, finite and > 0 (scikit-learn's {@code C})
 * @param tolerance     L-BFGS stops when the largest component of the gradient of the mean-scaled objective is at
 *                      most this, > 0 (see {@link LogisticRegression})
 * @param maxIterations L-BFGS iterations at most, >= 1
 */
public record TfidfLogisticOptions(int maxNgram, boolean sublinearTf, int minCount, double c, double tolerance,
        int maxIterations) {

    /** Validates. */
    public TfidfLogisticOptions {
        if (maxNgram < 1) {
            throw new IllegalArgumentException("linear maxNgram must be >= 1, got " + maxNgram);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("linear minCount must be >= 1, got " + minCount);
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("linear C must be a finite number > 0, got " + c);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("linear tolerance must be a finite number > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("linear maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /**
     * Unigrams and bigrams, raw counts (no sublinear tf), n-grams seen at least twice, C = 1, tolerance 1e-6,
     * at most 1,000 iterations.
     *
     * @return the default options
     */
    public static TfidfLogisticOptions defaults() {
        return new TfidfLogisticOptions(2, false, 2, 1.0, 1e-6, 1000);
    }

    /**
     * With another n-gram range.
     *
     * @param value the longest n-gram, >= 1
     * @return a copy with {@code maxNgram} replaced
     */
    public TfidfLogisticOptions withMaxNgram(int value) {
        return new TfidfLogisticOptions(value, sublinearTf, minCount, c, tolerance, maxIterations);
    }

    /**
     * With or without sublinear tf.
     *
     * @param value true for {@code 1 + ln(count)}
     * @return a copy with {@code sublinearTf} replaced
     */
    public TfidfLogisticOptions withSublinearTf(boolean value) {
        return new TfidfLogisticOptions(maxNgram, value, minCount, c, tolerance, maxIterations);
    }

    /**
     * With another minimum count.
     *
     * @param value fewest occurrences for a column, >= 1
     * @return a copy with {@code minCount} replaced
     */
    public TfidfLogisticOptions withMinCount(int value) {
        return new TfidfLogisticOptions(maxNgram, sublinearTf, value, c, tolerance, maxIterations);
    }

    /**
     * With another inverse regularisation strength.
     *
     * @param value C, finite and > 0
     * @return a copy with {@code c} replaced
     */
    public TfidfLogisticOptions withC(double value) {
        return new TfidfLogisticOptions(maxNgram, sublinearTf, minCount, value, tolerance, maxIterations);
    }

    /**
     * With another convergence tolerance.
     *
     * @param value the gradient tolerance, > 0
     * @return a copy with {@code tolerance} replaced
     */
    public TfidfLogisticOptions withTolerance(double value) {
        return new TfidfLogisticOptions(maxNgram, sublinearTf, minCount, c, value, maxIterations);
    }

    /**
     * With another iteration cap.
     *
     * @param value iterations at most, >= 1
     * @return a copy with {@code maxIterations} replaced
     */
    public TfidfLogisticOptions withMaxIterations(int value) {
        return new TfidfLogisticOptions(maxNgram, sublinearTf, minCount, c, tolerance, value);
    }
}
