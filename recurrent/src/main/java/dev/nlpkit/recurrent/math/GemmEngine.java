package dev.nlpkit.recurrent.math;

/**
 * One implementation of the matrix kernels. Declared as an interface so that code holding an engine never
 * names the Vector API implementation class: that class is loaded only after the module check in
 * {@link Kernels}.
 */
interface GemmEngine {

    /**
     * {@code C += alpha * op(A) * op(B)}, or with {@code overwrite} {@code C = alpha * op(A) * op(B)} (the old
     * C, even NaN, ignored: BLAS' beta = 0); arguments already validated by {@link Gemm}, all dimensions >= 1.
     */
    void multiplyAdd(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean overwrite);

    /** {@code op(B)} ({@code k x n}) in this engine's packed layout, for {@link #multiplyAddPacked}. */
    float[] packB(boolean transB, int k, int n, float[] b, int bOff, int ldb);

    /** {@link #multiplyAdd} with {@code op(B)} given by {@link #packB} of the same {@code k} and {@code n}. */
    void multiplyAddPacked(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                           float[] packed, float[] c, int cOff, int ldc, boolean overwrite);

    /** Short name for {@link Kernels#describe()}, e.g. {@code "vector api, 512-bit"}. */
    String name();
}
