package dev.nlpkit.recurrent.math;

/**
 * Products of small matrices that fit in the first-level cache, for attention's per-head products
 * ({@code [T, d] x [d, T]} and {@code [T, T] x [T, d]} with {@code d} around 32): no packing, no splitting over
 * threads, no per-call allocation. {@link Gemm} packs its operands into panels first, which pays off on large
 * products but is most of the cost of these; here the operands are read where they lie and the output is built
 * in registers, a block of 8 rows by 2 vectors at a time. The caller runs many of them at once, one thread per
 * (example, head) pair.
 *
 * <p>Both forms overwrite {@code C} ({@code beta = 0}). Each output element is one fused multiply-add chain in the
 * order of the inner index, then scaled by {@code alpha}, in the Vector API kernel and in the plain-Java one alike,
 * so the two give the same bits. The Vector API kernel runs when {@link Kernels#vectorApi()} and {@code n} is a
 * multiple of the vector length; the plain one otherwise.
 */
public final class SmallGemm {

    private SmallGemm() {
    }

    /**
     * {@code C = alpha A B}: {@code A} is {@code [m, k]} (row stride {@code lda}), {@code B} {@code [k, n]}
     * ({@code ldb}), {@code C} {@code [m, n]} ({@code ldc}), all row-major.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param alpha the scale of the product
     * @param a A's storage
     * @param aOff A's first element
     * @param lda A's row stride
     * @param b B's storage
     * @param bOff B's first element
     * @param ldb B's row stride
     * @param c C's storage, overwritten
     * @param cOff C's first element
     * @param ldc C's row stride
     */
    public static void gemmNN(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                              int ldb, float[] c, int cOff, int ldc) {
        if (Kernels.vectorApi() && n % VectorSmallGemm.LANES == 0) {
            VectorSmallGemm.gemmNN(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        } else {
            plainNN(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }
    }

    /**
     * {@code C = alpha A^T B}: {@code A} is stored {@code [k, m]} (row stride {@code lda}), {@code B}
     * {@code [k, n]} ({@code ldb}), {@code C} {@code [m, n]} ({@code ldc}), all row-major.
     *
     * @param m rows of C (columns of the stored A)
     * @param n columns of B and C
     * @param k rows of the stored A and of B
     * @param alpha the scale of the product
     * @param a A's storage
     * @param aOff A's first element
     * @param lda the stored A's row stride
     * @param b B's storage
     * @param bOff B's first element
     * @param ldb B's row stride
     * @param c C's storage, overwritten
     * @param cOff C's first element
     * @param ldc C's row stride
     */
    public static void gemmTN(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                              int ldb, float[] c, int cOff, int ldc) {
        if (Kernels.vectorApi() && n % VectorSmallGemm.LANES == 0) {
            VectorSmallGemm.gemmTN(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        } else {
            plainTN(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }
    }

    /** The plain-Java {@link #gemmNN}, also the reference the Vector API kernel is tested against. */
    static void plainNN(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                        int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * lda + p];
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
            for (int j = 0; j < n; j++) {
                c[ci + j] *= alpha;
            }
        }
    }

    /** The plain-Java {@link #gemmTN}, also the reference the Vector API kernel is tested against. */
    static void plainTN(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                        int ldb, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            for (int p = 0; p < k; p++) {
                float api = a[aOff + p * lda + i];
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(api, b[bp + j], c[ci + j]);
                }
            }
            for (int j = 0; j < n; j++) {
                c[ci + j] *= alpha;
            }
        }
    }
}
