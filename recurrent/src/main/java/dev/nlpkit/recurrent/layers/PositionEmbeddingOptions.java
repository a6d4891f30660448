package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link PositionEmbedding}: which position vectors are added to a sequence.
 *
 * <p><b>The default is learned</b> ({@link #learned(int)}): a trainable {@code [maxLength, F]} table, as Keras-nlp's
 * {@code PositionEmbedding} / {@code TokenAndPositionEmbedding} and BERT do. A classifier reads texts cut to a known
 * maximum length (text-classify's {@code maxLength}), so the table's limit costs nothing there, and the model learns
 * which positions matter for its task instead of using a fixed code; Vaswani et al. (2017, table 3 row E) found the
 * two choices equally good. {@link #sinusoidal()} is the parameter-free encoding of that paper, with no length
 * limit: the choice for sequences longer than any seen in training.
 *
 * @param mode      learned table or fixed sinusoids
 * @param maxLength positions of the learned table, >= 1 (a row with more real steps is refused); 0 for
 *                  {@link Mode#SINUSOIDAL} (no limit)
 */
public record PositionEmbeddingOptions(Mode mode, int maxLength) implements LayerOptions {

    /** How the position vectors are made. */
    public enum Mode {
        /** A trainable table {@code P [maxLength, F]}, Glorot-uniform initialized (Keras-nlp). */
        LEARNED,
        /** {@code P[p, 2i] = sin(p / 10000^(2i/F))}, {@code P[p, 2i+1] = cos(p / 10000^(2i/F))}, not trained. */
        SINUSOIDAL
    }

    /** Validates. */
    public PositionEmbeddingOptions {
        if (mode == null) {
            throw new IllegalArgumentException("PositionEmbedding mode must not be null");
        }
        if (mode == Mode.LEARNED && maxLength < 1) {
            throw new IllegalArgumentException("PositionEmbedding maxLength must be >= 1 for learned positions, got "
                    + maxLength);
        }
        if (mode == Mode.SINUSOIDAL && maxLength != 0) {
            throw new IllegalArgumentException("PositionEmbedding maxLength must be 0 (no limit) for sinusoidal "
                    + "positions, got " + maxLength);
        }
    }

    /**
     * Learned positions (the default choice, see the class comment).
     *
     * @param maxLength the number of positions, >= 1: the longest row (in real steps) the layer accepts
     * @return the options
     */
    public static PositionEmbeddingOptions learned(int maxLength) {
        return new PositionEmbeddingOptions(Mode.LEARNED, maxLength);
    }

    /**
     * Fixed sinusoidal positions (Vaswani et al. 2017), no parameters and no length limit.
     *
     * @return the options
     */
    public static PositionEmbeddingOptions sinusoidal() {
        return new PositionEmbeddingOptions(Mode.SINUSOIDAL, 0);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new PositionEmbedding(this, input, precision, seed);
    }
}
