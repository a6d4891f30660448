package dev.nlpkit.embeddings;

/**
 * Which implementation computes the length-{@code d} dot products and {@code y += a*x} updates of training.
 * Both give the same results within float rounding (they sum in a different order); each is deterministic,
 * so a one-worker run is bit-reproducible with either.
 */
public enum VectorKernel {
    /** The Vector API when the JVM has {@code jdk.incubator.vector}, plain Java otherwise. */
    AUTO,
    /** Plain Java loops (four partial sums for the dot product). */
    PLAIN,
    /** The Vector API ({@code jdk.incubator.vector}); fit fails with a clear message when the module is absent. */
    VECTOR_API
}
