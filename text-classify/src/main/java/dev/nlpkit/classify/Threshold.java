package dev.nlpkit.classify;

import java.util.Objects;

/**
 * How a two-class {@link TextClassifier} turns the probability of its second class into a label: the second class
 * when {@code P >= threshold}. {@link Mode#FIXED} uses {@code value} (0.5 by default); {@link Mode#BALANCED} lets
 * {@code fit} choose the threshold on the validation texts that maximises their balanced accuracy (the mean of the
 * two classes' recalls), which corrects a model that over-predicts one class. The chosen threshold is saved in the
 * bundle ({@link TextClassifier#threshold()}); {@code predict}, {@code explain} and {@code evaluate}'s labels use it,
 * {@code predictProba} is unchanged. A classifier of more than two classes refuses a threshold other than
 * {@code FIXED 0.5} when it is fitted.
 *
 * <p><b>How BALANCED chooses.</b> The candidates are the midpoints between consecutive distinct validation
 * probabilities; among those of the highest balanced accuracy, the one closest to 0.5 wins, and of two equally
 * close the lower. A midpoint keeps every validation text on the same side whatever the rounding of a probability.
 *
 * @param mode  fixed or chosen on the validation texts
 * @param value the fixed threshold, in (0, 1) (0.5 with {@link Mode#BALANCED}, where it is unused)
 */
public record Threshold(Mode mode, double value) {

    /** How the threshold is set. */
    public enum Mode {
        /** {@code value}. */
        FIXED,
        /** Chosen on the validation texts for the highest balanced accuracy. */
        BALANCED
    }

    /** Validates. */
    public Threshold {
        Objects.requireNonNull(mode, "mode");
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("threshold value must be in (0, 1), got " + value);
        }
        if (mode == Mode.BALANCED && value != 0.5) {
            throw new IllegalArgumentException("a BALANCED threshold is chosen at fit time; its value must be 0.5, "
                    + "got " + value);
        }
    }

    /**
     * 0.5 (the default).
     *
     * @return the fixed threshold 0.5
     */
    public static Threshold defaults() {
        return fixed(0.5);
    }

    /**
     * A fixed threshold.
     *
     * @param value in (0, 1)
     * @return the threshold
     */
    public static Threshold fixed(double value) {
        return new Threshold(Mode.FIXED, value);
    }

    /**
     * Chosen on the validation texts for the highest balanced accuracy.
     *
     * @return the balanced mode
     */
    public static Threshold balanced() {
        return new Threshold(Mode.BALANCED, 0.5);
    }

    @Override
    public String toString() {
        return mode == Mode.BALANCED ? "balanced" : Double.toString(value);
    }
}
