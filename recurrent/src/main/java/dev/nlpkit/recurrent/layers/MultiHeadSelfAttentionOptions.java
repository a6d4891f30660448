package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link MultiHeadSelfAttention}.
 *
 * @param heads   number of attention heads, >= 1
 * @param keyDim  width of each head's queries, keys and values (Keras' {@code key_dim}), >= 1; or 0 for "the input
 *                width divided by the heads" (PyTorch's {@code embed_dim / num_heads}), which then must divide it
 * @param causal  whether step {@code t} may attend only to steps {@code <= t} (a decoder's look-ahead mask)
 * @param useBias whether the four projections add a bias
 */
public record MultiHeadSelfAttentionOptions(int heads, int keyDim, boolean causal, boolean useBias)
        implements LayerOptions {

    /** Validates. */
    public MultiHeadSelfAttentionOptions {
        if (heads < 1) {
            throw new IllegalArgumentException("MultiHeadSelfAttention heads must be >= 1, got " + heads);
        }
        if (keyDim < 0) {
            throw new IllegalArgumentException("MultiHeadSelfAttention keyDim must be >= 1 (or 0: input width / "
                    + "heads), got " + keyDim);
        }
    }

    /**
     * {@code heads} heads, each {@code inputWidth / heads} wide, not causal, with biases.
     *
     * @param heads the number of heads, >= 1 (must divide the input width)
     * @return the options
     */
    public static MultiHeadSelfAttentionOptions of(int heads) {
        return new MultiHeadSelfAttentionOptions(heads, 0, false, true);
    }

    /**
     * A copy with another per-head width.
     *
     * @param d the width of each head, >= 1, or 0 for the input width divided by the heads
     * @return a copy with {@code keyDim} replaced
     */
    public MultiHeadSelfAttentionOptions withKeyDim(int d) {
        return new MultiHeadSelfAttentionOptions(heads, d, causal, useBias);
    }

    /**
     * A copy with or without the causal mask.
     *
     * @param c true to let each step attend only to itself and earlier steps
     * @return a copy with {@code causal} replaced
     */
    public MultiHeadSelfAttentionOptions withCausal(boolean c) {
        return new MultiHeadSelfAttentionOptions(heads, keyDim, c, useBias);
    }

    /**
     * A copy with or without the projections' biases.
     *
     * @param b true to add biases
     * @return a copy with {@code useBias} replaced
     */
    public MultiHeadSelfAttentionOptions withUseBias(boolean b) {
        return new MultiHeadSelfAttentionOptions(heads, keyDim, causal, b);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new MultiHeadSelfAttention(this, input, precision, seed);
    }
}
