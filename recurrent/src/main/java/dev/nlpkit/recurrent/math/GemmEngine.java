package dev.nlpkit.recurrent.math;

/**
 * One implementation of the matrix kernels. Declared as an interface so that code holding an engine never
 * names the Vector API implementation class: that class is loaded only after the module check in
 * {@link Kernels}.
 */
interface GemmEngine {

    /**
     * {@code C += alpha * op(A) * op(B)}; arguments already validated by {@link Gemm}, all dimensions >= 1.
     */
    void multiplyAdd(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc);

    /** Short name for {@link Kernels#describe()}, e.g. {@code "vector api, 512-bit"}. */
    String name();
}
