package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link Dropout}.
 *
 * @param rate probability of zeroing an element during training, in [0, 1)
 */
public record DropoutOptions(double rate) implements LayerOptions {

    /** Validates. */
    public DropoutOptions {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
    }

    /**
     * Dropout with the given rate.
     *
     * @return the options
     */
    public static DropoutOptions of(double rate) {
        return new DropoutOptions(rate);
    }

    /**
     * Rate 0.5.
     *
     * @return the default options
     */
    public static DropoutOptions defaults() {
        return of(0.5);
    }

    /**
     * A copy with another rate.
     *
     * @param r the fraction of inputs zeroed while training, in [0, 1)
     * @return a copy with {@code rate} replaced
     */
    public DropoutOptions withRate(double r) {
        return new DropoutOptions(r);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new Dropout(this, input);
    }
}
