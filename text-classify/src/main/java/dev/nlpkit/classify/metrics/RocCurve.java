package dev.nlpkit.classify.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The receiver operating characteristic of a scored binary classifier, exact and tie-aware.
 *
 * <p>Examples are sorted by score, highest first; every distinct score {@code t} contributes one point
 * {@code (FPR(t), TPR(t))} where {@code FPR(t) = #{negatives with score >= t} / N} and
 * {@code TPR(t) = #{positives with score >= t} / P}. The curve starts at (0, 0) (threshold +infinity) and
 * ends at (1, 1). Tied scores form one step, so the area under the trapezoids equals the Mann-Whitney
 * statistic with ties counted one half:
 * {@code AUC = (#{(p, n): s_p > s_n} + 0.5 #{(p, n): s_p = s_n}) / (P N)}. This is scikit-learn's
 * {@code roc_curve(y, s, drop_intermediate=False)} and {@code roc_auc_score}.
 *
 * @param falsePositiveRates FPR per point, non-decreasing, from 0 to 1
 * @param truePositiveRates  TPR per point, non-decreasing, from 0 to 1
 * @param thresholds         the score of each point (+infinity for the first)
 * @param auc                area under the curve, computed from integer counts with one final division
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds, double auc) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException when the three arrays differ in length
     */
    public RocCurve {
        if (falsePositiveRates.length != truePositiveRates.length || thresholds.length != truePositiveRates.length) {
            throw new IllegalArgumentException("ROC arrays differ in length: " + falsePositiveRates.length + ", "
                    + truePositiveRates.length + ", " + thresholds.length);
        }
        falsePositiveRates = falsePositiveRates.clone();
        truePositiveRates = truePositiveRates.clone();
        thresholds = thresholds.clone();
    }

    /**
     * The ROC curve of {@code scores} (higher means more likely class 1) against {@code labels}.
     *
     * @param labels true classes, each 0 or 1, both present
     * @param scores score per example, same length as {@code labels}
     * @return the curve, one point per distinct score plus (0, 0), with its area
     * @throws IllegalArgumentException when the labels hold one class only (the curve is then undefined), when the
     *                                  lengths differ, or when a score is not finite
     */
    public static RocCurve of(int[] labels, double[] scores) {
        BinaryLabels.check(labels, "labels");
        BinaryLabels.checkScores(scores, labels.length);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC-AUC needs both classes in the labels, but all " + labels.length
                    + " examples are class " + labels[0]);
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        int capacity = labels.length + 1;
        double[] fpr = new double[capacity];
        double[] tpr = new double[capacity];
        double[] thresholds = new double[capacity];
        thresholds[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        long truePositives = 0;
        long falsePositives = 0;
        long twiceArea = 0; // sum of fpDelta * (tpBefore + tpAfter): integer, exact
        int i = 0;
        while (i < order.length) {
            double score = scores[order[i]];
            long tpBefore = truePositives;
            long fpBefore = falsePositives;
            while (i < order.length && scores[order[i]] == score) {
                if (labels[order[i]] == 1) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                i++;
            }
            twiceArea += (falsePositives - fpBefore) * (tpBefore + truePositives);
            fpr[points] = (double) falsePositives / negatives;
            tpr[points] = (double) truePositives / positives;
            thresholds[points] = score;
            points++;
        }
        double auc = twiceArea / (2.0 * positives * negatives);
        return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), Arrays.copyOf(thresholds, points),
                auc);
    }

    /**
     * Number of points on the curve, (0, 0) included.
     *
     * @return the number of points, at least 2
     */
    public int size() {
        return truePositiveRates.length;
    }

    /**
     * FPR per point, non-decreasing from 0 to 1.
     *
     * @return a fresh copy
     */
    @Override
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /**
     * TPR per point, non-decreasing from 0 to 1.
     *
     * @return a fresh copy
     */
    @Override
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /**
     * The score of each point, decreasing, +infinity first.
     *
     * @return a fresh copy
     */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RocCurve r && Arrays.equals(falsePositiveRates, r.falsePositiveRates)
                && Arrays.equals(truePositiveRates, r.truePositiveRates) && Arrays.equals(thresholds, r.thresholds)
                && Double.compare(auc, r.auc) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(falsePositiveRates) + Arrays.hashCode(truePositiveRates))
                + Double.hashCode(auc);
    }

    @Override
    public String toString() {
        return "RocCurve[points=" + size() + ", auc=" + auc + "]";
    }
}
