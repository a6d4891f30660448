package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link Conv1D}: a 1-D convolution over time, stride 1.
 *
 * @param filters    number of output channels, >= 1
 * @param kernelSize number of taps, >= 1
 * @param padding    {@link Padding#SAME} (output as long as the input) or {@link Padding#VALID} (no padding)
 * @param dilation   distance between taps, >= 1 (the receptive field is {@code dilation * (kernelSize - 1) + 1})
 * @param activation output non-linearity
 * @param useBias    whether a bias is added
 */
public record Conv1DOptions(int filters, int kernelSize, Padding padding, int dilation, Activation activation,
                            boolean useBias) implements LayerOptions {

    /** How the sequence ends are treated (Keras' {@code padding}). */
    public enum Padding {
        /** Zeros around the sequence so that the output has as many steps as the input. */
        SAME,
        /** No padding: only windows that lie inside the sequence; the output is shorter by the span minus 1. */
        VALID
    }

    /** Validates. */
    public Conv1DOptions {
        if (filters < 1) {
            throw new IllegalArgumentException("Conv1D filters must be >= 1, got " + filters);
        }
        if (kernelSize < 1) {
            throw new IllegalArgumentException("Conv1D kernelSize must be >= 1, got " + kernelSize);
        }
        if (dilation < 1) {
            throw new IllegalArgumentException("Conv1D dilation must be >= 1, got " + dilation);
        }
        if (padding == null) {
            throw new IllegalArgumentException("Conv1D padding must not be null");
        }
        if (activation == null) {
            throw new IllegalArgumentException("Conv1D activation must not be null");
        }
        if ((long) dilation * (kernelSize - 1) + 1 > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("Conv1D receptive field dilation * (kernelSize - 1) + 1 is too large: "
                    + dilation + " * " + (kernelSize - 1) + " + 1");
        }
    }

    /**
     * {@code filters} channels of {@code kernelSize} taps, {@code valid} padding, no dilation, linear, with bias
     * (Keras' defaults).
     *
     * @param filters the number of output channels, >= 1
     * @param kernelSize the number of taps, >= 1
     * @return the options
     */
    public static Conv1DOptions of(int filters, int kernelSize) {
        return new Conv1DOptions(filters, kernelSize, Padding.VALID, 1, Activation.LINEAR, true);
    }

    /**
     * A copy with another padding.
     *
     * @param p the padding
     * @return a copy with {@code padding} replaced
     */
    public Conv1DOptions withPadding(Padding p) {
        return new Conv1DOptions(filters, kernelSize, p, dilation, activation, useBias);
    }

    /**
     * A copy with another dilation.
     *
     * @param d the distance between taps, >= 1
     * @return a copy with {@code dilation} replaced
     */
    public Conv1DOptions withDilation(int d) {
        return new Conv1DOptions(filters, kernelSize, padding, d, activation, useBias);
    }

    /**
     * A copy with another activation.
     *
     * @param a the output activation
     * @return a copy with {@code activation} replaced
     */
    public Conv1DOptions withActivation(Activation a) {
        return new Conv1DOptions(filters, kernelSize, padding, dilation, a, useBias);
    }

    /**
     * A copy with or without bias.
     *
     * @param b true to add a bias
     * @return a copy with {@code useBias} replaced
     */
    public Conv1DOptions withUseBias(boolean b) {
        return new Conv1DOptions(filters, kernelSize, padding, dilation, activation, b);
    }

    /**
     * The number of input steps one output step sees: {@code dilation * (kernelSize - 1) + 1}.
     *
     * @return the receptive field, >= 1
     */
    public int span() {
        return dilation * (kernelSize - 1) + 1;
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new Conv1D(this, input, precision, seed);
    }
}
