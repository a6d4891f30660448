package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link Bidirectional}.
 *
 * @param layer the recurrent layer run in both directions (its {@code goBackwards} must be false)
 * @param merge how the two outputs are combined
 */
public record BidirectionalOptions(RecurrentOptions layer, Merge merge) implements LayerOptions {

    /** How the forward and backward outputs are combined (Keras' {@code merge_mode}). */
    public enum Merge {
        /** {@code [forward, backward]}: twice the width. */
        CONCAT,
        /** {@code forward + backward}. */
        SUM,
        /** {@code (forward + backward) / 2}. */
        AVERAGE,
        /** {@code forward * backward}, element-wise. */
        MULTIPLY
    }

    /** Validates. */
    public BidirectionalOptions {
        if (layer == null || merge == null) {
            throw new IllegalArgumentException("Bidirectional needs a recurrent layer and a merge mode");
        }
        if (layer.goBackwards()) {
            throw new IllegalArgumentException("the layer wrapped by Bidirectional must not set goBackwards");
        }
        if (layer.returnState()) {
            throw new IllegalArgumentException("Bidirectional does not support returnState");
        }
    }

    /**
     * Wraps {@code layer} with concatenation.
     *
     * @param layer the recurrent layer to run in both directions
     * @return the options, outputs concatenated
     */
    public static BidirectionalOptions of(RecurrentOptions layer) {
        return new BidirectionalOptions(layer, Merge.CONCAT);
    }

    /**
     * A copy with another merge mode.
     *
     * @param m how the two directions' outputs are merged
     * @return a copy with {@code merge} replaced
     */
    public BidirectionalOptions withMerge(Merge m) {
        return new BidirectionalOptions(layer, m);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new Bidirectional(this, input, precision, seed);
    }
}
