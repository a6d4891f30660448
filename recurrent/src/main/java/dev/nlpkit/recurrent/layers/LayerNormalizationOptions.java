package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link LayerNormalization}.
 *
 * @param epsilon added to the variance before the square root, > 0 and finite (Keras' default 1e-3; PyTorch's
 *                {@code nn.LayerNorm} uses 1e-5)
 */
public record LayerNormalizationOptions(double epsilon) implements LayerOptions {

    /** Validates. */
    public LayerNormalizationOptions {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("LayerNormalization epsilon must be > 0 and finite, got " + epsilon);
        }
    }

    /**
     * Keras' defaults: epsilon 1e-3.
     *
     * @return the options
     */
    public static LayerNormalizationOptions defaults() {
        return new LayerNormalizationOptions(1e-3);
    }

    /**
     * A copy with another epsilon.
     *
     * @param e the epsilon, > 0 and finite
     * @return a copy with {@code epsilon} replaced
     */
    public LayerNormalizationOptions withEpsilon(double e) {
        return new LayerNormalizationOptions(e);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new LayerNormalization(this, input, precision);
    }
}
