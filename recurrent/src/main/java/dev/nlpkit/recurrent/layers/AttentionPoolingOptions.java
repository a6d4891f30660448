package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link AttentionPooling}.
 *
 * @param units width of the scoring layer {@code W [F, U]}, >= 1; or 0 for the input width {@code F}
 */
public record AttentionPoolingOptions(int units) implements LayerOptions {

    /** Validates. */
    public AttentionPoolingOptions {
        if (units < 0) {
            throw new IllegalArgumentException("AttentionPooling units must be >= 1 (or 0: the input width), got "
                    + units);
        }
    }

    /**
     * A scoring layer as wide as the input.
     *
     * @return the options
     */
    public static AttentionPoolingOptions defaults() {
        return new AttentionPoolingOptions(0);
    }

    /**
     * A copy with another scoring width.
     *
     * @param u the width, >= 1, or 0 for the input width
     * @return a copy with {@code units} replaced
     */
    public AttentionPoolingOptions withUnits(int u) {
        return new AttentionPoolingOptions(u);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new AttentionPooling(this, input, precision, seed);
    }
}
