package dev.nlpkit.recurrent.loss;

import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * A training loss: the open interface behind {@link Loss}, whose constants are the built-in implementations.
 * A user loss implements {@link #evaluate} on the model's output values (a user loss never receives logits: only
 * the built-in cross-entropies are fused with their output activation) and is passed to
 * {@code FitOptions.of(loss, optimizer)}. Losses are not saved with a model (Keras saves the loss only with the
 * compiled training state); a loaded model is trained again by passing the loss again.
 *
 * <pre>{@code
 * record Huber(double delta) implements LossFunction {
 *     public Loss.Evaluation evaluate(Tensor p, Tensor logits, Tensor y, boolean[] mask, boolean gradient) { ... }
 * }
 * model.fit(train, null, FitOptions.of(new Huber(1.0), OptimizerOptions.adam(1e-3)), TrainingListener.none());
 * }</pre>
 *
 * <p>Contract: {@code predictions} are {@code [rows..., K]}; a row is one example (or one step of one example);
 * {@code mask} (per row; false = padding) or null; the returned loss is the mean over real rows, {@code rows} the
 * number of real rows and the gradient (when asked) has the predictions' shape and is the gradient of that mean,
 * zero on padded rows. The loss must be deterministic (no hidden randomness) for fits to be reproducible.
 */
public interface LossFunction {

    /**
     * Evaluates the loss of a batch.
     *
     * @param predictions the output layer's values, {@code [rows..., K]}
     * @param logits      the output layer's pre-activation when the loss is fused with it (built-in
     *                    cross-entropies only), else null
     * @param targets     the targets: the predictions' shape, or one class id per row when
     *                    {@link #sparseLabels()}
     * @param mask        per-row real flags, or null
     * @param gradient    whether to compute the gradient
     * @return loss, accuracy (NaN when it has no meaning), real rows, gradient
     */
    Loss.Evaluation evaluate(Tensor predictions, Tensor logits, Tensor targets, boolean[] mask, boolean gradient);

    /**
     * Whether the targets are integer class ids (one per row) rather than values of the predictions' shape.
     *
     * @return false unless overridden
     */
    default boolean sparseLabels() {
        return false;
    }

    /**
     * Whether the accuracy of {@link Loss.Evaluation} means something (a classification loss); when false the
     * history records NaN accuracy.
     *
     * @return true unless overridden
     */
    default boolean hasAccuracy() {
        return true;
    }
}
