package dev.nlpkit.classify.metrics;

import java.util.Locale;

/**
 * The 2 x 2 confusion matrix of a binary classifier, class 1 being the positive class. Counts follow
 * scikit-learn's {@code confusion_matrix(y, p).ravel()} order: tn, fp, fn, tp.
 *
 * @param trueNegatives  label 0, predicted 0
 * @param falsePositives label 0, predicted 1
 * @param falseNegatives label 1, predicted 0
 * @param truePositives  label 1, predicted 1
 */
public record ConfusionMatrix(long trueNegatives, long falsePositives, long falseNegatives, long truePositives) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public ConfusionMatrix {
        if (trueNegatives < 0 || falsePositives < 0 || falseNegatives < 0 || truePositives < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0, got tn=" + trueNegatives + " fp="
                    + falsePositives + " fn=" + falseNegatives + " tp=" + truePositives);
        }
    }

    /**
     * Counts the pairs {@code (labels[i], predicted[i])}.
     *
     * @param labels    true classes, each 0 or 1
     * @param predicted predicted classes, each 0 or 1, same length
     * @return the counts of the four (true, predicted) pairs
     */
    public static ConfusionMatrix of(int[] labels, int[] predicted) {
        BinaryLabels.check(labels, "labels");
        BinaryLabels.check(predicted, "predicted");
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("labels and predictions differ in length: " + labels.length + " vs "
                    + predicted.length);
        }
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                if (predicted[i] == 1) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted[i] == 1) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tn, fp, fn, tp);
    }

    /**
     * All examples: tn + fp + fn + tp.
     *
     * @return the number of examples counted
     */
    public long total() {
        return trueNegatives + falsePositives + falseNegatives + truePositives;
    }

    /**
     * Examples whose true class is 1: tp + fn.
     *
     * @return the number of positive examples
     */
    public long positives() {
        return truePositives + falseNegatives;
    }

    /**
     * Examples whose true class is 0: tn + fp.
     *
     * @return the number of negative examples
     */
    public long negatives() {
        return trueNegatives + falsePositives;
    }

    /**
     * (tp + tn) / total.
     *
     * @return the fraction of correct predictions, in [0, 1]; 0 for an empty matrix
     */
    public double accuracy() {
        return total() == 0 ? 0.0 : (double) (truePositives + trueNegatives) / total();
    }

    /**
     * tp / (tp + fp), or 0 when nothing was predicted positive (scikit-learn's {@code zero_division=0}).
     *
     * @return the precision of class 1, in [0, 1]
     */
    public double precision() {
        long predictedPositive = truePositives + falsePositives;
        return predictedPositive == 0 ? 0.0 : (double) truePositives / predictedPositive;
    }

    /**
     * tp / (tp + fn), or 0 when there is no positive label.
     *
     * @return the recall of class 1, in [0, 1]
     */
    public double recall() {
        return positives() == 0 ? 0.0 : (double) truePositives / positives();
    }

    /**
     * 2 tp / (2 tp + fp + fn): the harmonic mean of precision and recall, 0 when undefined.
     *
     * @return the F1 score of class 1, in [0, 1]
     */
    public double f1() {
        long denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0.0 : 2.0 * truePositives / denominator;
    }

    /**
     * The matrix as text, rows the true class and columns the predicted one:
     * <pre>
     *                predicted 0  predicted 1
     * actual 0              812          188
     * actual 1              143          857
     * </pre>
     *
     * @param negativeName row and column label of class 0 (for example "negative")
     * @param positiveName row and column label of class 1
     * @return the table, one line per true class, ending with a line break
     */
    public String render(String negativeName, String positiveName) {
        int width = Math.max(11, Math.max(negativeName.length(), positiveName.length()) + 10);
        String rowFormat = "%-" + width + "s%" + width + "d%" + width + "d%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + width + "s%" + width + "s%" + width + "s%n", "",
                "pred " + negativeName, "pred " + positiveName));
        text.append(String.format(Locale.ROOT, rowFormat, "true " + negativeName, trueNegatives, falsePositives));
        text.append(String.format(Locale.ROOT, rowFormat, "true " + positiveName, falseNegatives, truePositives));
        return text.toString();
    }
}
