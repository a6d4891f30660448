package dev.nlpkit.embeddings;

/**
 * Receives training progress. Called on the thread that called {@code fit} (never on a worker thread),
 * about every {@link #intervalMillis()} ms and at each epoch end. Implementations render it (the CLI draws a
 * progress bar); the library itself never prints.
 */
public interface TrainingListener {

    /**
     * Periodic progress within an epoch.
     *
     * @param progress words processed, passes done, the current learning rate and loss
     */
    default void onProgress(TrainingProgress progress) {
    }

    /**
     * The end of an epoch: {@code progress.epochLoss()} is the loss of the whole epoch.
     *
     * @param progress the progress at the end of the epoch
     */
    default void onEpochEnd(TrainingProgress progress) {
    }

    /**
     * How often {@link #onProgress} is wanted.
     *
     * @return the interval in milliseconds
     */
    default long intervalMillis() {
        return 1000;
    }
}
