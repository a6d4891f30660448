package dev.nlpkit.embeddings;

/**
 * Receives training progress. Called on the thread that called {@code fit} (never on a worker thread),
 * about every {@link #intervalMillis()} ms and at each epoch end. Implementations render it (the CLI draws a
 * progress bar); the library itself never prints.
 */
public interface TrainingListener {

    /** Periodic progress within an epoch. */
    default void onProgress(TrainingProgress progress) {
    }

    /** The end of an epoch: {@code progress.epochLoss()} is the loss of the whole epoch. */
    default void onEpochEnd(TrainingProgress progress) {
    }

    /** How often {@link #onProgress} is wanted. */
    default long intervalMillis() {
        return 1000;
    }
}
