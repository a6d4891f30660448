package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link TimeDistributed}: a {@link Dense} applied with shared weights to every step of a sequence.
 *
 * @param dense the per-step layer
 */
public record TimeDistributedOptions(DenseOptions dense) implements LayerOptions {

    /** Validates. */
    public TimeDistributedOptions {
        if (dense == null) {
            throw new IllegalArgumentException("TimeDistributed needs a Dense layer");
        }
    }

    /**
     * Wraps {@code dense}.
     *
     * @param dense the layer applied to every step
     * @return the options
     */
    public static TimeDistributedOptions of(DenseOptions dense) {
        return new TimeDistributedOptions(dense);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new TimeDistributed(this, input, precision, seed);
    }
}
