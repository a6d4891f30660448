package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * The immutable description of a layer; {@link #build} makes the layer for a known input shape (shape
 * inference: the builder of a model passes each layer's output shape to the next). The same options, shape and
 * seed always give the same initial weights, in either precision.
 *
 * <p>The built-in layers are the records permitted here; a user layer implements the open
 * {@link LayerSpec} (and registers it in {@link LayerRegistry} to be saved and loaded).
 */
public sealed interface LayerOptions permits EmbeddingOptions, DenseOptions, DropoutOptions, RecurrentOptions,
        BidirectionalOptions, TimeDistributedOptions, RepeatVectorOptions, Conv1DOptions, GlobalPoolingOptions,
        LayerNormalizationOptions, MultiHeadSelfAttentionOptions, PositionEmbeddingOptions, AttentionPoolingOptions,
        TransformerEncoderOptions, LayerSpec {

    /**
     * Builds the layer.
     *
     * @param input     per-example input shape
     * @param precision number type of the weights and computations
     * @param seed      seed of the weight initialization
     * @return the layer, with freshly initialized weights
     * @throws IllegalArgumentException when the input shape does not fit the layer
     */
    Layer build(Shape input, Precision precision, long seed);
}
