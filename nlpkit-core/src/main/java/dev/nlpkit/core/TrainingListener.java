package dev.nlpkit.core;

/**
 * Observes a training run: progress within an epoch, and the end of each epoch. The one listener shape of every
 * nlpkit trainer; each module supplies its event records (recurrent: {@code TrainingListener<BatchEnd,
 * History.Epoch>}, embeddings: {@code TrainingListener<TrainingProgress, TrainingProgress>}).
 *
 * <p>Called on the thread that called {@code fit} (never on a worker thread), so an implementation needs no
 * locking of its own; keep it cheap, training waits for it. The library never prints: a listener is where a
 * command line draws its progress bar. Listeners only observe; to stop training, recurrent has callbacks.
 *
 * <pre>{@code
 * TrainingListener<BatchEnd, History.Epoch> bar = new TrainingListener<>() {
 *     public void onProgress(BatchEnd b) { draw(b.batch() + 1, b.batches(), b.loss()); }
 *     public void onEpochEnd(History.Epoch e) { println(e); }
 *     public long intervalMillis() { return 200; }
 * };
 * }</pre>
 *
 * @param <P> the progress event within an epoch (a finished batch, or a periodic snapshot)
 * @param <E> the end-of-epoch event
 */
public interface TrainingListener<P, E> {

    /**
     * Progress within an epoch: after a batch, or a periodic snapshot, at most every {@link #intervalMillis()}.
     *
     * @param progress the trainer's progress event
     */
    default void onProgress(P progress) {
    }

    /**
     * The end of an epoch; called for every epoch, whatever {@link #intervalMillis()} says.
     *
     * @param epoch the trainer's end-of-epoch event
     */
    default void onEpochEnd(E epoch) {
    }

    /**
     * The least time between two {@link #onProgress} calls, in milliseconds; 0 (the default) asks for every
     * progress event the trainer has (each batch in recurrent, each queued job of about {@code batchWords}
     * words in embeddings). The last progress event of an epoch may come sooner.
     *
     * @return the interval in milliseconds, {@code >= 0}
     */
    default long intervalMillis() {
        return 0;
    }

    /**
     * A listener that ignores everything.
     *
     * @param <P> the progress event type
     * @param <E> the end-of-epoch event type
     * @return a listener with no effect
     */
    static <P, E> TrainingListener<P, E> none() {
        return new TrainingListener<>() {
        };
    }
}
