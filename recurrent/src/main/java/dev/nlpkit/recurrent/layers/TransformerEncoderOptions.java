package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link TransformerEncoder}.
 *
 * @param attention       the self-attention sub-layer (heads, key dimension, biases); must not be causal: an
 *                        encoder block lets every step see the whole sequence
 * @param intermediateDim width of the position-wise feed-forward network's hidden layer, >= 1 (Keras-nlp's
 *                        {@code intermediate_dim}, PyTorch's {@code dim_feedforward})
 * @param dropout         dropout rate on the attention output and on the feed-forward output, in [0, 1)
 * @param norm            where the layer normalizations sit
 * @param epsilon         the layer normalizations' epsilon, > 0 (default 1e-5, Keras-nlp's and PyTorch's)
 */
public record TransformerEncoderOptions(MultiHeadSelfAttentionOptions attention, int intermediateDim, double dropout,
        Norm norm, double epsilon) implements LayerOptions {

    /** Where the two layer normalizations sit relative to the residual connections. */
    public enum Norm {
        /**
         * After each residual sum, {@code LN(x + sublayer(x))}: the original Transformer (Vaswani et al. 2017), and
         * the default of Keras-nlp ({@code normalize_first=False}) and PyTorch ({@code norm_first=False}).
         */
        POST,
        /**
         * Before each sub-layer, {@code x + sublayer(LN(x))} (Xiong et al. 2020): trains deep stacks without a
         * learning-rate warm-up; the output is not normalized.
         */
        PRE
    }

    /** Validates. */
    public TransformerEncoderOptions {
        if (attention == null) {
            throw new IllegalArgumentException("TransformerEncoder attention options must not be null");
        }
        if (attention.causal()) {
            throw new IllegalArgumentException("TransformerEncoder: a causal attention mask makes no sense in an "
                    + "encoder block (every step attends to the whole sequence); got " + attention
                    + ". Use MultiHeadSelfAttention with withCausal(true) for a decoder");
        }
        if (intermediateDim < 1) {
            throw new IllegalArgumentException("TransformerEncoder intermediateDim must be >= 1, got "
                    + intermediateDim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("TransformerEncoder dropout must be in [0, 1), got " + dropout);
        }
        if (norm == null) {
            throw new IllegalArgumentException("TransformerEncoder norm must not be null");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("TransformerEncoder epsilon must be > 0 and finite, got " + epsilon);
        }
    }

    /**
     * {@code heads} heads of width input width / heads, a feed-forward hidden layer of {@code intermediateDim},
     * dropout 0.1, post-norm, epsilon 1e-5 (PyTorch's {@code nn.TransformerEncoderLayer} defaults; Keras-nlp's are
     * the same but dropout 0).
     *
     * @param heads           attention heads, >= 1, dividing the input width
     * @param intermediateDim feed-forward hidden width, >= 1
     * @return the options
     */
    public static TransformerEncoderOptions of(int heads, int intermediateDim) {
        return new TransformerEncoderOptions(MultiHeadSelfAttentionOptions.of(heads), intermediateDim, 0.1, Norm.POST,
                1e-5);
    }

    /**
     * A copy with other attention options.
     *
     * @param a the attention options (not causal)
     * @return a copy with {@code attention} replaced
     */
    public TransformerEncoderOptions withAttention(MultiHeadSelfAttentionOptions a) {
        return new TransformerEncoderOptions(a, intermediateDim, dropout, norm, epsilon);
    }

    /**
     * A copy with another feed-forward width.
     *
     * @param d the hidden width, >= 1
     * @return a copy with {@code intermediateDim} replaced
     */
    public TransformerEncoderOptions withIntermediateDim(int d) {
        return new TransformerEncoderOptions(attention, d, dropout, norm, epsilon);
    }

    /**
     * A copy with another dropout rate.
     *
     * @param rate in [0, 1)
     * @return a copy with {@code dropout} replaced
     */
    public TransformerEncoderOptions withDropout(double rate) {
        return new TransformerEncoderOptions(attention, intermediateDim, rate, norm, epsilon);
    }

    /**
     * A copy with the normalizations elsewhere.
     *
     * @param n post- or pre-norm
     * @return a copy with {@code norm} replaced
     */
    public TransformerEncoderOptions withNorm(Norm n) {
        return new TransformerEncoderOptions(attention, intermediateDim, dropout, n, epsilon);
    }

    /**
     * A copy with another normalization epsilon.
     *
     * @param e > 0
     * @return a copy with {@code epsilon} replaced
     */
    public TransformerEncoderOptions withEpsilon(double e) {
        return new TransformerEncoderOptions(attention, intermediateDim, dropout, norm, e);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new TransformerEncoder(this, input, precision, seed);
    }
}
