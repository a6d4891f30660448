package dev.nlpkit.recurrent.runtime;

import dev.nlpkit.recurrent.math.Kernels;
import dev.nlpkit.recurrent.math.Parallelism;

/**
 * What the recurrent layers run on, process-wide: which kernels (the Vector API or plain Java) and how many
 * threads. The one public door to the kernel package ({@code dev.nlpkit.recurrent.math}), which the module does not
 * export.
 *
 * <pre>{@code
 * System.out.println(RecurrentRuntime.describe());   // e.g. "vector api, 256-bit, 2 threads"
 * RecurrentRuntime.setThreads(1);                     // bit-reproducible single-threaded runs
 * }</pre>
 */
public final class RecurrentRuntime {

    /** System property that, set to {@code false}, forces the plain-Java kernels (for tests and comparisons). */
    public static final String VECTOR_PROPERTY = Kernels.VECTOR_PROPERTY;

    private RecurrentRuntime() {
    }

    /**
     * True when the Vector API kernels are active.
     *
     * @return true when the JVM was started with {@code --add-modules jdk.incubator.vector} (and
     *         {@value #VECTOR_PROPERTY} is not {@code false}), so the Vector API kernels are in use
     */
    public static boolean vectorApi() {
        return Kernels.vectorApi();
    }

    /**
     * A one-line description of the active kernels, e.g. {@code "vector api, 512-bit, 2 threads"} or
     * {@code "plain java, 2 threads"}, with the reason when the Vector API is off.
     *
     * @return the description
     */
    public static String describe() {
        return Kernels.describe();
    }

    /**
     * The number of threads the kernels use: nlpkit-core's default ({@code -Dnlpkit.threads}, else the available
     * cores) until {@link #setThreads(int)} is called.
     *
     * @return the thread count, >= 1
     */
    public static int threads() {
        return Parallelism.threads();
    }

    /**
     * Sets the number of threads the kernels use from now on, process-wide. With one thread every kernel is
     * bit-reproducible; with several, each output element is still computed by one thread in a fixed order.
     *
     * @param count the thread count, >= 1
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public static void setThreads(int count) {
        Parallelism.setThreads(count);
    }
}
