package dev.nlpkit.classify.metrics;

/** Input checks shared by the metrics: classes are 0 or 1, scores are finite. */
final class BinaryLabels {

    private BinaryLabels() {
    }

    static void check(int[] classes, String what) {
        if (classes == null || classes.length == 0) {
            throw new IllegalArgumentException(what + " are empty: metrics need at least one example");
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] != 0 && classes[i] != 1) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + classes[i] + ", expected 0 or 1");
            }
        }
    }

    static void checkScores(double[] scores, int expectedLength) {
        if (scores == null || scores.length != expectedLength) {
            throw new IllegalArgumentException("expected " + expectedLength + " scores (one per label), got "
                    + (scores == null ? "none" : scores.length));
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score[" + i + "] is " + scores[i] + ", expected a finite number");
            }
        }
    }
}
