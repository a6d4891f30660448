package dev.nlpkit.recurrent.model;

/**
 * The divergence check of one {@code fit} call, a callback run before every update: a NaN or infinite batch loss,
 * or one above {@link FitOptions#divergenceFactor()} times the first positive batch loss, throws
 * {@link TrainingDivergedException}; the step strategy then zeroes the gradients, so no update happens.
 */
final class LossGuard implements Callback {

    private final double factor;
    private double reference = Double.NaN;

    LossGuard(FitOptions options) {
        this.factor = options.divergenceFactor();
    }

    @Override
    public void beforeUpdate(Callback.Run run, int epoch, int batch, double loss) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, batch, loss);
        }
        if (!(reference > 0)) {
            reference = loss;
        } else if (factor > 0 && loss > factor * reference) {
            throw new TrainingDivergedException(epoch, batch, loss, reference, factor);
        }
    }
}
