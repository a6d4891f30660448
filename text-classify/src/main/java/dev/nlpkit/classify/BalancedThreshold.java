package dev.nlpkit.classify;

import java.util.Arrays;

/**
 * The threshold of {@link Threshold#balanced()}: on labelled probabilities, the midpoint between consecutive
 * distinct probabilities whose rule "second class when {@code p >= t}" has the highest balanced accuracy
 * {@code (TPR + TNR) / 2}; among equals the one closest to 0.5, then the lower. Balanced accuracies are compared
 * exactly (as {@code tp * N + tn * P} in integers).
 */
final class BalancedThreshold {

    private BalancedThreshold() {
    }

    /**
     * @param classes       0 or 1 per text, both present
     * @param probabilities the probability of class 1 per text, finite
     * @return the chosen threshold in (0, 1); 0.5 when all probabilities are equal (no midpoint separates them)
     */
    static double choose(int[] classes, double[] probabilities) {
        int n = classes.length;
        long positives = 0;
        for (int c : classes) {
            positives += c;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a balanced threshold needs both classes, got " + n + " texts of one");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(probabilities[i])) {
                throw new IllegalArgumentException("probability " + i + " is " + probabilities[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[a], probabilities[b]));
        // sweep upwards: everything at or below the current distinct value is predicted class 0
        long trueNegatives = 0;
        long falseNegatives = 0;
        long bestScore = -1;
        double best = 0.5;
        for (int k = 0; k < n; ) {
            double value = probabilities[order[k]];
            while (k < n && probabilities[order[k]] == value) {
                if (classes[order[k]] == 1) {
                    falseNegatives++;
                } else {
                    trueNegatives++;
                }
                k++;
            }
            if (k == n) {
                break;
            }
            double next = probabilities[order[k]];
            double t = value + (next - value) / 2;
            if (!(t > value)) {
                t = next;
            }
            if (!(t > 0 && t < 1)) {
                continue;
            }
            long truePositives = positives - falseNegatives;
            long score = truePositives * negatives + trueNegatives * positives;
            if (score > bestScore || score == bestScore && closer(t, best)) {
                bestScore = score;
                best = t;
            }
        }
        return best;
    }

    /** Whether {@code t} is closer to 0.5 than {@code than}, or as close and lower. */
    private static boolean closer(double t, double than) {
        double a = Math.abs(t - 0.5);
        double b = Math.abs(than - 0.5);
        return a < b || a == b && t < than;
    }
}
