package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;

/**
 * A training callback (Keras' {@code keras.callbacks.Callback}): one {@link Trainer} loop serves
 * {@link Sequential#fit} and {@link Seq2Seq#fit}, and early stopping, checkpoints and the divergence check are
 * callbacks of it, built from {@link FitOptions}; a user adds their own to
 * {@link Sequential#fit(Dataset, Dataset, FitOptions, TrainingListener, java.util.List)}. Called on the training
 * thread, in the order given, after the built-in ones. A callback ends training with {@link Run#stop()}: the
 * current epoch completes, is recorded and the {@link History} is returned as usual ({@code stoppedEarly} true when
 * epochs were left). An exception thrown by a callback ends {@code fit} with that exception (the divergence check
 * does this, before the update of the batch).
 */
public interface Callback {

    /**
     * What a callback sees of the training run and may do to it.
     */
    interface Run {
        /** Asks training to end after the current epoch. */
        void stop();

        /**
         * Whether a callback asked to stop.
         *
         * @return true after {@link #stop()}
         */
        boolean stopRequested();

        /**
         * The epochs recorded so far in this call.
         *
         * @return an unmodifiable view
         */
        java.util.List<History.Epoch> epochs();

        /**
         * Copies of the trained weights, in parameter order.
         *
         * @return the copies
         */
        java.util.List<dev.nlpkit.recurrent.tensor.Tensor> snapshot();

        /**
         * Overwrites the trained weights with a {@link #snapshot()}.
         *
         * @param weights the snapshot
         */
        void restore(java.util.List<dev.nlpkit.recurrent.tensor.Tensor> weights);

        /**
         * Saves the model with its optimizer state to {@code file}, atomically.
         *
         * @param file the target
         * @throws java.io.IOException when it cannot be written
         */
        void save(java.nio.file.Path file) throws java.io.IOException;

        /**
         * The optimizer state (its step count, current learning rate).
         *
         * @return the optimizer
         */
        dev.nlpkit.recurrent.optim.Optimizer optimizer();
    }

    /**
     * Before the first epoch.
     *
     * @param run the run
     */
    default void onTrainBegin(Run run) {
    }

    /**
     * Before each epoch (before its shuffle).
     *
     * @param run   the run
     * @param epoch the epoch number
     */
    default void onEpochBegin(Run run, int epoch) {
    }

    /**
     * After a batch's loss is known and before its update is applied: throwing here prevents the update.
     *
     * @param run   the run
     * @param epoch epoch number
     * @param batch 0-based batch within the epoch
     * @param loss  the batch (or truncated window) loss
     */
    default void beforeUpdate(Run run, int epoch, int batch, double loss) {
    }

    /**
     * After each epoch, with its record (already in {@link Run#epochs()}).
     *
     * @param run   the run
     * @param epoch the record
     */
    default void onEpochEnd(Run run, History.Epoch epoch) {
    }

    /**
     * After the last epoch (also after a stop), before {@code fit} returns.
     *
     * @param run the run
     */
    default void onTrainEnd(Run run) {
    }
}
