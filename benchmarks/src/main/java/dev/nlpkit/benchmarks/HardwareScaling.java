package dev.nlpkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * What the machine itself gives a second thread, as a reference for the trainers' worker scaling: the speed-up
 * from 1 to 2 threads of three loops with no locks and no shared counters.
 *
 * <ul>
 *   <li>{@code independent}: a 64-bit LCG per thread, registers only: the cores' own 2-thread scaling.</li>
 *   <li>{@code private_rows}: each thread updates rows of its own V x 100 float matrix (V = 31,453, the
 *       word2vec benchmark's vocabulary) like a negative-sampling step ({@code f = h.u; u += g h}), rows drawn
 *       with a word2vec-like skew (rank {@code V u^4}, i.e. frequency^0.75 of a Zipf law).</li>
 *   <li>{@code shared_rows}: the same, but both threads update ONE matrix, lock-free, as hogwild training does:
 *       a row one core wrote must move to the other core's cache before that one can read it.</li>
 * </ul>
 * The difference between the last two is the cost of sharing the weights, independent of any trainer code.
 */
final class HardwareScaling {

    private static final int ROWS = 31_453;
    private static final int DIMENSION = 100;

    private HardwareScaling() {
    }

    /** Speed-ups (2-thread over 1-thread throughput, best of {@code rounds}) of the three loops. */
    record Result(double independent, double privateRows, double sharedRows) {
    }

    static Result measure(int rounds) throws InterruptedException {
        return measure(rounds, 1.0);
    }

    /** As {@link #measure(int)} with the work of each loop scaled by {@code work} (1 = about 0.7 s a thread). */
    static Result measure(int rounds, double work) throws InterruptedException {
        float[] shared = new float[ROWS * DIMENSION];
        float[][] own = {new float[ROWS * DIMENSION], new float[ROWS * DIMENSION]};
        long steps = (long) Math.max(1, 2e9 * work);
        int updates = (int) Math.max(1, 1e7 * work);
        IntToLongFunction independent = id -> lcg(id, steps);
        IntToLongFunction privateRows = id -> rowUpdates(own[id], id, updates);
        IntToLongFunction sharedRows = id -> rowUpdates(shared, id, updates);
        return new Result(speedup(independent, rounds), speedup(privateRows, rounds), speedup(sharedRows, rounds));
    }

    /** Best-of-rounds throughput of 2 threads over 1 thread, each thread doing the same work; warm-up first. */
    private static double speedup(IntToLongFunction work, int rounds) throws InterruptedException {
        run(work, 1);
        run(work, 2);
        double one = Double.MAX_VALUE;
        double two = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            one = Math.min(one, run(work, 1));
            two = Math.min(two, run(work, 2));
        }
        return 2 * one / two; // twice the work in the 2-thread run
    }

    /** Seconds for {@code threads} threads each running {@code work} once. */
    private static double run(IntToLongFunction work, int threads) throws InterruptedException {
        long[] sink = new long[threads * 16]; // one result per 128 bytes: no false sharing of the results
        List<Thread> started = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int id = i;
            started.add(Thread.ofPlatform().start(() -> sink[id * 16] = work.applyAsLong(id)));
        }
        for (Thread t : started) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sink[0] == 42) {
            System.identityHashCode(sink); // keeps the results observable
        }
        return seconds;
    }

    private static long lcg(int id, long iterations) {
        long state = id + 1;
        long sum = 0;
        for (long i = 0; i < iterations; i++) {
            state = state * 25214903917L + 11;
            sum += state >>> 40;
        }
        return sum;
    }

    /** {@code f = h.u; g = small function of f; h += g u; u += g h} on skewed random rows of {@code matrix}. */
    private static long rowUpdates(float[] matrix, int id, int updates) {
        float[] h = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            h[i] = (i - 50) * 1e-3f;
        }
        long state = 12_345 + id;
        float total = 0;
        for (int n = 0; n < updates; n++) {
            state = state * 25214903917L + 11;
            double u = ((state >>> 16) & 0xFFFFFF) / (double) (1 << 24);
            int offset = (int) (ROWS * (u * u) * (u * u)) * DIMENSION;
            float f0 = 0;
            float f1 = 0;
            float f2 = 0;
            float f3 = 0;
            for (int i = 0; i < DIMENSION; i += 4) { // four sums: no 100-long chain of dependent adds
                f0 += h[i] * matrix[offset + i];
                f1 += h[i + 1] * matrix[offset + i + 1];
                f2 += h[i + 2] * matrix[offset + i + 2];
                f3 += h[i + 3] * matrix[offset + i + 3];
            }
            float f = (f0 + f1) + (f2 + f3);
            float g = 1e-4f * (0.5f - f);
            for (int i = 0; i < DIMENSION; i++) {
                float w = matrix[offset + i];
                h[i] = h[i] * 0.999f + g * w;
                matrix[offset + i] = w + g * h[i];
            }
            total += f;
        }
        return Float.floatToIntBits(total);
    }
}
