package dev.nlpkit.recurrent.math;

/**
 * General matrix multiply on row-major {@code float[]} storage (the BLAS {@code sgemm} contract, row-major):
 * <pre>
 *   C[m x n] = alpha * op(A)[m x k] * op(B)[k x n] + beta * C
 * </pre>
 * {@code op(A)} is {@code A}, stored {@code m x k} with row stride {@code lda >= k}, or, when {@code transA},
 * {@code A^T} where {@code A} is stored {@code k x m} with {@code lda >= m}; the same holds for {@code B}
 * ({@code k x n}, {@code ldb >= n}, or stored {@code n x k}, {@code ldb >= k}, when {@code transB}). {@code C}
 * is stored {@code m x n} with {@code ldc >= n}. Element {@code (i, j)} of a matrix at offset {@code off} with
 * leading dimension {@code ld} is {@code x[off + i * ld + j]}.
 *
 * <p>When {@code beta == 0}, {@code C} is overwritten and its previous contents (even NaN) are ignored, as in
 * BLAS. The work runs on the kernels chosen at start-up ({@link Kernels#describe()}): register-blocked Vector API
 * kernels when {@code jdk.incubator.vector} is present, plain Java otherwise, split over
 * {@link Parallelism#threads()} threads when the product is large enough to gain from it. Results of the two
 * paths agree within float rounding; the summation order over {@code k} is fixed for a given shape, path and
 * thread count, so repeated calls are bit-identical.
 */
public final class Gemm {

    private Gemm() {
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}; see the class documentation for the storage contract.
     *
     * @param transA whether A is read transposed
     * @param transB whether B is read transposed
     * @param m rows of op(A) and C
     * @param n columns of op(B) and C
     * @param k columns of op(A), rows of op(B)
     * @param alpha scale of the product
     * @param a the storage of A
     * @param aOff the index of A's first element in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b the storage of B
     * @param bOff the index of B's first element in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param beta scale of the old C (0: C is overwritten, its old content ignored)
     * @param c the storage of C, written
     * @param cOff the index of C's first element in {@code c}
     * @param ldc the distance between rows of C
     * @throws IllegalArgumentException if a dimension is negative, a leading dimension too small, or an array
     *                                  too short for the stated shape
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: dimensions must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        checkMatrix("C", c, cOff, ldc, m, n);
        if (!applyBeta(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        Kernels.engine().multiplyAdd(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc,
                beta == 0f);
    }

    /**
     * Packs {@code op(B)} ({@code k x n}) once for many products with {@link #gemm(boolean, int, float, float[],
     * int, int, PackedMatrix, float, float[], int, int)}: a weight that several calls multiply (the recurrent
     * kernel, once per time step of a batch) is then laid out for the kernels once instead of at every call.
     * The result is a copy: later changes of {@code b} are not seen, so pack again after the weights change.
     *
     * @param transB whether B is read transposed (stored {@code n x k})
     * @param k rows of op(B)
     * @param n columns of op(B)
     * @param b the storage of B
     * @param bOff the index of B's first element in {@code b}
     * @param ldb the distance between rows of B as stored
     * @return the packed copy of op(B)
     * @throws IllegalArgumentException if a dimension is negative, the leading dimension too small, or the array
     *                                  too short for the stated shape
     */
    public static PackedMatrix pack(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        if (k < 0 || n < 0) {
            throw new IllegalArgumentException("gemm: dimensions must be >= 0, got k=" + k + ", n=" + n);
        }
        checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        GemmEngine engine = Kernels.engine();
        return new PackedMatrix(engine, k, n, engine.packB(transB, k, n, b, bOff, ldb));
    }

    /**
     * {@code C = alpha * op(A) * B + beta * C} with {@code B} packed by {@link #pack}: the same result, bit for
     * bit, as {@link #gemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float,
     * float[], int, int) gemm} on the matrix that was packed.
     *
     * @param transA whether A is read transposed
     * @param m rows of op(A) and C
     * @param alpha scale of the product
     * @param a the storage of A ({@code m x k}, or {@code k x m} when {@code transA})
     * @param aOff the index of A's first element in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b the packed {@code k x n} matrix
     * @param beta scale of the old C (0: C is overwritten, its old content ignored)
     * @param c the storage of C ({@code m x n}), written
     * @param cOff the index of C's first element in {@code c}
     * @param ldc the distance between rows of C
     * @throws IllegalArgumentException if {@code m} is negative, a leading dimension too small, an array too short
     *                                  for the stated shape, or {@code b} was packed by other kernels
     */
    public static void gemm(boolean transA, int m, float alpha, float[] a, int aOff, int lda, PackedMatrix b,
                            float beta, float[] c, int cOff, int ldc) {
        int n = b.columns();
        int k = b.rows();
        if (m < 0) {
            throw new IllegalArgumentException("gemm: dimensions must be >= 0, got m=" + m);
        }
        GemmEngine engine = Kernels.engine();
        if (b.engine() != engine) {
            throw new IllegalArgumentException("gemm: B was packed by the " + b.engine().name()
                    + " kernels, the active ones are " + engine.name());
        }
        checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        checkMatrix("C", c, cOff, ldc, m, n);
        if (!applyBeta(m, n, k, alpha, beta, c, cOff, ldc)) {
            return;
        }
        engine.multiplyAddPacked(transA, m, n, k, alpha, a, aOff, lda, b.data(), c, cOff, ldc, beta == 0f);
    }

    /**
     * The part of {@code C = alpha op(A) op(B) + beta C} both {@code gemm} forms share before the kernels: nothing for
     * an empty C, only {@code beta C} when the product is empty or {@code alpha} is 0, else C scaled by a non-zero
     * {@code beta}. With {@code beta = 0} C is left as it is: the kernels store their first block of k instead of
     * adding it to a zero-filled C.
     *
     * @return whether the kernels still have to add the product
     */
    private static boolean applyBeta(int m, int n, int k, float alpha, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return false;
        }
        if (k == 0 || alpha == 0f) {
            scale(beta, c, cOff, ldc, m, n);
            return false;
        }
        if (beta != 0f) {
            scale(beta, c, cOff, ldc, m, n);
        }
        return true;
    }

    /**
     * {@code C += op(A) * op(B)}: {@link #gemm} with {@code alpha = beta = 1}, the common accumulate case.
     *
     * @param transA whether A is read transposed
     * @param transB whether B is read transposed
     * @param m rows of op(A) and C
     * @param n columns of op(B) and C
     * @param k columns of op(A), rows of op(B)
     * @param a the storage of A
     * @param aOff the index of A's first element in {@code a}
     * @param lda the distance between rows of A as stored
     * @param b the storage of B
     * @param bOff the index of B's first element in {@code b}
     * @param ldb the distance between rows of B as stored
     * @param c the storage of C, added into
     * @param cOff the index of C's first element in {@code c}
     * @param ldc the distance between rows of C
     */
    public static void gemmAdd(boolean transA, boolean transB, int m, int n, int k,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, 1f, a, aOff, lda, b, bOff, ldb, 1f, c, cOff, ldc);
    }

    private static void scale(float beta, float[] c, int cOff, int ldc, int m, int n) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }

    private static void checkMatrix(String name, float[] x, int off, int ld, int rows, int cols) {
        if (x == null) {
            throw new IllegalArgumentException("gemm: matrix " + name + " is null");
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: leading dimension of " + name + " must be >= " + Math.max(1, cols)
                    + " (its stored row length), got " + ld);
        }
        if (off < 0) {
            throw new IllegalArgumentException("gemm: offset of " + name + " must be >= 0, got " + off);
        }
        if (rows > 0 && cols > 0) {
            long last = (long) off + (long) (rows - 1) * ld + cols;
            if (last > x.length) {
                throw new IllegalArgumentException("gemm: matrix " + name + " stored " + rows + " x " + cols + " with ld="
                        + ld + " at offset " + off + " needs " + last + " floats, array has " + x.length);
            }
        }
    }
}
