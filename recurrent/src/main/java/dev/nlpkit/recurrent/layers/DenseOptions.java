package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link Dense}.
 *
 * @param units      output width, >= 1
 * @param activation output non-linearity
 * @param useBias    whether a bias is added
 */
public record DenseOptions(int units, Activation activation, boolean useBias) implements LayerOptions {

    /** Validates. */
    public DenseOptions {
        if (units < 1) {
            throw new IllegalArgumentException("Dense units must be >= 1, got " + units);
        }
        if (activation == null) {
            throw new IllegalArgumentException("Dense activation must not be null");
        }
    }

    /**
     * {@code units} outputs with the given activation and a bias.
     *
     * @param units the number of outputs, >= 1
     * @param activation the output activation
     * @return the options
     */
    public static DenseOptions of(int units, Activation activation) {
        return new DenseOptions(units, activation, true);
    }

    /**
     * 1 linear output with a bias.
     *
     * @return the default options
     */
    public static DenseOptions defaults() {
        return of(1, Activation.LINEAR);
    }

    /**
     * A copy with another width.
     *
     * @param u the number of outputs, >= 1
     * @return a copy with {@code units} replaced
     */
    public DenseOptions withUnits(int u) {
        return new DenseOptions(u, activation, useBias);
    }

    /**
     * A copy with another activation.
     *
     * @param a the output activation
     * @return a copy with {@code activation} replaced
     */
    public DenseOptions withActivation(Activation a) {
        return new DenseOptions(units, a, useBias);
    }

    /**
     * A copy with or without bias.
     *
     * @param b true to add a bias
     * @return a copy with {@code useBias} replaced
     */
    public DenseOptions withUseBias(boolean b) {
        return new DenseOptions(units, activation, b);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new Dense(this, input, precision, seed);
    }
}
