package dev.nlpkit.recurrent.model;

/**
 * Training produced a NaN or infinite loss, or a loss above {@link FitOptions#divergenceFactor()} times the first
 * one. The weights are those before the offending batch, and the last
 * checkpoint file (if any) is intact: it was written, atomically, after an earlier epoch.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The 0-based epoch of the offending batch. */
    private final int epoch;
    /** The 0-based batch within the epoch. */
    private final int batch;

    TrainingDivergedException(int epoch, int batch, double loss) {
        super("training diverged: loss is " + loss + " at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                + " (1-based); the weights are those before this batch. Lower the learning rate or clip gradients.");
        this.epoch = epoch;
        this.batch = batch;
    }

    TrainingDivergedException(int epoch, int batch, double loss, double firstLoss, double factor) {
        super(String.format(java.util.Locale.ROOT, "training diverged: loss grew from %.4g to %.4g (more than %.0fx) "
                + "at epoch %d, batch %d (1-based); the weights are those before this batch. Lower the learning rate "
                + "or clip gradients.", firstLoss, loss, factor, epoch + 1, batch + 1));
        this.epoch = epoch;
        this.batch = batch;
    }

    /**
     * 0-based epoch.
     *
     * @return the epoch, >= 0
     */
    public int epoch() {
        return epoch;
    }

    /**
     * 0-based batch within the epoch.
     *
     * @return the batch, >= 0
     */
    public int batch() {
        return batch;
    }
}
