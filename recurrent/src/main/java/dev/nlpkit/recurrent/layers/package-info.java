/**
 * Layers: {@link dev.nlpkit.recurrent.layers.Embedding}, {@link dev.nlpkit.recurrent.layers.Dense},
 * {@link dev.nlpkit.recurrent.layers.Dropout}, the recurrent {@link dev.nlpkit.recurrent.layers.SimpleRnn},
 * {@link dev.nlpkit.recurrent.layers.Lstm} and {@link dev.nlpkit.recurrent.layers.Gru},
 * {@link dev.nlpkit.recurrent.layers.Bidirectional}, {@link dev.nlpkit.recurrent.layers.TimeDistributed} and
 * {@link dev.nlpkit.recurrent.layers.RepeatVector}; {@link dev.nlpkit.recurrent.layers.Conv1D},
 * {@link dev.nlpkit.recurrent.layers.GlobalMaxPooling1D}, {@link dev.nlpkit.recurrent.layers.GlobalAveragePooling1D},
 * {@link dev.nlpkit.recurrent.layers.LayerNormalization} and
 * {@link dev.nlpkit.recurrent.layers.MultiHeadSelfAttention}, {@link dev.nlpkit.recurrent.layers.PositionEmbedding},
 * {@link dev.nlpkit.recurrent.layers.AttentionPooling} and {@link dev.nlpkit.recurrent.layers.TransformerEncoder}. Each is described by an immutable options record and built
 * for a known input shape; forward passes are read-only (caches travel in the returned
 * {@link dev.nlpkit.recurrent.layers.Layer.Forward}), gradients go into a caller-owned
 * {@link dev.nlpkit.recurrent.layers.Gradients}. Batches are batch-major: {@code [batch, time, features]};
 * padding masks travel with every {@link dev.nlpkit.recurrent.layers.Signal}.
 *
 * <pre>{@code
 * Layer lstm = RecurrentOptions.lstm(100).withDropout(0.2)
 *         .build(Shape.sequence(300), Precision.FLOAT32, 42L);
 * Signal x = Signal.sequence(Tensor.wrap(values, batch, time, 300), Signal.maskFromLengths(lengths, time));
 * Layer.Forward f = lstm.forward(x, true, new SplittableRandom(7));
 * Gradients grads = new Gradients();
 * Tensor dx = lstm.backward(f, dLoss, grads);   // [batch, time, 300]
 * }</pre>
 */
package dev.nlpkit.recurrent.layers;
