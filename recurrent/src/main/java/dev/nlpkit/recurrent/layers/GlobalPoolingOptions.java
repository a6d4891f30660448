package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of the global pooling layers over time, {@code [batch, time, F] -> [batch, F]}:
 * {@link GlobalMaxPooling1D} and {@link GlobalAveragePooling1D}. Both pool over the real steps only; a row
 * without any real step gives zeros.
 *
 * @param mode which reduction
 */
public record GlobalPoolingOptions(Mode mode) implements LayerOptions {

    /** The reduction over the real steps. */
    public enum Mode {
        /** The largest value of each feature ({@link GlobalMaxPooling1D}). */
        MAX,
        /** The mean of each feature ({@link GlobalAveragePooling1D}). */
        AVERAGE
    }

    /** Validates. */
    public GlobalPoolingOptions {
        if (mode == null) {
            throw new IllegalArgumentException("global pooling mode must not be null");
        }
    }

    /**
     * Global max pooling over the real steps.
     *
     * @return the options
     */
    public static GlobalPoolingOptions max() {
        return new GlobalPoolingOptions(Mode.MAX);
    }

    /**
     * Global average pooling over the real steps.
     *
     * @return the options
     */
    public static GlobalPoolingOptions average() {
        return new GlobalPoolingOptions(Mode.AVERAGE);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return mode == Mode.MAX ? new GlobalMaxPooling1D(this, input) : new GlobalAveragePooling1D(this, input);
    }
}
