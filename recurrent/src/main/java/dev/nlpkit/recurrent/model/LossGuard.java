package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.Gradients;

/**
 * The divergence check of one {@code fit} call: a NaN or infinite batch loss, or one above
 * {@link FitOptions#divergenceFactor()} times the first positive batch loss, stops training before the update.
 */
final class LossGuard {

    private final double factor;
    private double reference = Double.NaN;

    LossGuard(FitOptions options) {
        this.factor = options.divergenceFactor();
    }

    /** Throws (after zeroing the gradients, so no update happens) when {@code loss} shows divergence. */
    void check(double loss, int epoch, int batch, Gradients grads) {
        if (!Double.isFinite(loss)) {
            grads.zero();
            throw new TrainingDivergedException(epoch, batch, loss);
        }
        if (!(reference > 0)) {
            reference = loss;
        } else if (factor > 0 && loss > factor * reference) {
            grads.zero();
            throw new TrainingDivergedException(epoch, batch, loss, reference, factor);
        }
    }
}
