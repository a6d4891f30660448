/**
 * The model API: {@link dev.nlpkit.recurrent.model.Sequential} (builder with shape inference, Keras-style
 * summary, fit with seeded shuffling, validation, early stopping, checkpoints, clipping and truncated BPTT,
 * evaluate, thread-safe batched predict, versioned save/load through {@link dev.nlpkit.recurrent.model.ModelFile})
 * and the encoder-decoder {@link dev.nlpkit.recurrent.model.Seq2Seq}. Inputs may be ragged: every batch is padded
 * to its longest row and the lengths travel as a mask.
 *
 * <pre>{@code
 * Sequential model = Sequential.builder(Shape.tokens())
 *         .add(EmbeddingOptions.random(vocabulary, 100))
 *         .add(RecurrentOptions.lstm(64))
 *         .add(DenseOptions.of(1, Activation.SIGMOID))
 *         .build(42L);
 * FitOptions fit = FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(1e-3)).withEpochs(5);
 * History history = model.fit(Dataset.of(Inputs.tokens(ids), Targets.binary(labels)), null, fit,
 *         TrainingListener.none());
 * model.save(Path.of("sentiment.nlpk"), true);
 * }</pre>
 */
package dev.nlpkit.recurrent.model;
