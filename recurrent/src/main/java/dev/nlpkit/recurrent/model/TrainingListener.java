package dev.nlpkit.recurrent.model;

/**
 * Receives training progress; the library never prints, a command line renders these events. Called on the
 * training thread; keep it cheap.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * After each optimizer update.
     *
     * @param epoch    0-based epoch
     * @param batch    0-based batch within the epoch
     * @param batches  batches per epoch
     * @param loss     the batch's mean loss
     * @param accuracy the batch's accuracy (NaN for regression losses)
     */
    default void onBatchEnd(int epoch, int batch, int batches, double loss, double accuracy) {
    }

    /**
     * After each epoch, with the epoch's record.
     *
     * @param epoch the epoch's losses and metrics
     */
    default void onEpochEnd(History.Epoch epoch) {
    }
}
