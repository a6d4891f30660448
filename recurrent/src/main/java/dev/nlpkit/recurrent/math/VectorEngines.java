package dev.nlpkit.recurrent.math;

/**
 * The one place that names the Vector API implementation classes; called only after {@link Kernels} has
 * checked that {@code jdk.incubator.vector} is present.
 */
final class VectorEngines {

    private VectorEngines() {
    }

    static GemmEngine gemm() {
        return VectorGemm.INSTANCE;
    }
}
