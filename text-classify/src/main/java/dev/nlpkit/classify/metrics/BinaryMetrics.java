package dev.nlpkit.classify.metrics;

/**
 * The test metrics of a binary classifier: accuracy, precision, recall and F1 at a decision threshold,
 * ROC-AUC over all thresholds, and the confusion matrix. Class 1 is the positive class. Precision, recall and
 * F1 are 0 where their denominator is 0 (scikit-learn's {@code zero_division=0}).
 *
 * @param accuracy  (tp + tn) / n
 * @param precision tp / (tp + fp)
 * @param recall    tp / (tp + fn)
 * @param f1        2 tp / (2 tp + fp + fn)
 * @param rocAuc    area under the ROC curve (tie-aware, see {@link RocCurve})
 * @param confusion the counts behind the first four
 * @param roc       the ROC curve itself (for plots)
 * @param threshold predicted positive when score {@code >= threshold}
 */
public record BinaryMetrics(double accuracy, double precision, double recall, double f1, double rocAuc,
        ConfusionMatrix confusion, RocCurve roc, double threshold) {

    /** The threshold for probabilities: 0.5. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /**
     * Metrics of probabilities of class 1 at threshold 0.5.
     *
     * @param labels true classes, each 0 or 1, at least one of each
     * @param probabilities probability of class 1 per example, same length as {@code labels}
     * @return the metrics at threshold {@value #DEFAULT_THRESHOLD}
     */
    public static BinaryMetrics of(int[] labels, double[] probabilities) {
        return of(labels, probabilities, DEFAULT_THRESHOLD);
    }

    /**
     * Metrics of scores (higher means class 1), predicting class 1 when {@code score >= threshold}.
     *
     * @param labels true classes, each 0 or 1, at least one of each
     * @param scores score per example, same length as {@code labels}; any finite range (probabilities, logits)
     * @param threshold the score from which class 1 is predicted (inclusive)
     * @return accuracy, precision, recall, F1 and confusion matrix at {@code threshold}, and the threshold-free
     *         ROC-AUC
     * @throws IllegalArgumentException on empty input, labels other than 0/1, one class only (ROC-AUC is then
     *                                  undefined), a length mismatch or a non-finite score
     */
    public static BinaryMetrics of(int[] labels, double[] scores, double threshold) {
        RocCurve roc = RocCurve.of(labels, scores);
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold ? 1 : 0;
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, predicted);
        return new BinaryMetrics(confusion.accuracy(), confusion.precision(), confusion.recall(), confusion.f1(),
                roc.auc(), confusion, roc, threshold);
    }

    /**
     * Metrics of float probabilities (the network's output type).
     *
     * @param labels true classes, each 0 or 1, at least one of each
     * @param probabilities probability of class 1 per example, same length as {@code labels}
     * @return the metrics at threshold {@value #DEFAULT_THRESHOLD}
     */
    public static BinaryMetrics of(int[] labels, float[] probabilities) {
        double[] scores = new double[probabilities.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probabilities[i];
        }
        return of(labels, scores);
    }
}
