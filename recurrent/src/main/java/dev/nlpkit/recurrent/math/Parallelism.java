package dev.nlpkit.recurrent.math;

import dev.nlpkit.core.Threads;

/**
 * The number of threads the math kernels may use, process-wide. It defaults to nlpkit-core's
 * {@link Threads#defaultCount()}: the system property {@code nlpkit.threads} when set, else the available cores. Large products are split over that many threads
 * (the calling thread plus a fixed pool of daemon workers); small ones run on the calling thread alone, where
 * splitting would cost more than it saves.
 *
 * <p>With one thread every kernel is bit-reproducible; with several, each output element is still summed in an
 * order fixed by the shape (by one thread, or for a long {@code k} in slices of {@code k} that are added in slice
 * order), so results do not depend on the thread count either.
 */
public final class Parallelism {

    private static volatile int threads = Threads.defaultCount();

    private Parallelism() {
    }

    /**
     * The number of threads the kernels use (>= 1).
     *
     * @return the thread count
     */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads the kernels use from now on, process-wide (a benchmark forcing 1 or 2).
     *
     * @param count the thread count, >= 1
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public static void setThreads(int count) {
        threads = Threads.check("thread count", count);
    }

    /**
     * Runs {@code part.accept(i)} for every {@code i} in {@code [0, parts)} on up to {@link #threads()} threads
     * (the caller and the kernels' worker pool) and returns when all are done; a part's exception is rethrown.
     * Kernels called from inside a part run on that part's thread alone: this is how a model splits a batch
     * into halves that each run a whole forward pass, instead of synchronizing the threads inside every small
     * per-step product. When the pool is busy (another thread's job) the parts run on the caller, in order.
     *
     * @param parts the number of parts, >= 0
     * @param part the work of part {@code i}
     */
    public static void forEachPart(int parts, java.util.function.IntConsumer part) {
        if (parts < 0) {
            throw new IllegalArgumentException("parts must be >= 0, got " + parts);
        }
        WorkerPool.run(parts, threads, part);
    }
}
