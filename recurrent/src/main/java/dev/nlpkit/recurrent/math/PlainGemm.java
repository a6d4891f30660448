package dev.nlpkit.recurrent.math;

/**
 * The plain-Java kernels: the fallback when {@code jdk.incubator.vector} is absent. Same structure as the
 * Vector API kernels (packed panels, cache blocking, split over the worker pool) with a scalar
 * {@code 4 x 4} register-blocked micro-kernel: HotSpot does not auto-vectorize {@code c[i] += a * b[i]}
 * when it cannot prove that {@code c} and {@code b} do not overlap, so sixteen scalar accumulators are
 * the fastest portable form.
 */
final class PlainGemm implements GemmEngine {

    static final PlainGemm INSTANCE = new PlainGemm();

    private static final int MR = 4;
    private static final int NR = 4;
    private static final int KC = 256;
    private static final int MC = 64;
    private static final int NC = 1024;

    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MC * KC], new float[KC * NC], new float[MR * NR]});

    private PlainGemm() {
    }

    @Override
    public String name() {
        return "plain java";
    }

    @Override
    public void multiplyAdd(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, boolean overwrite) {
        if (overwrite) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
        int threads = Parallelism.threads();
        if (threads == 1 || (long) m * n * k < Split.PARALLEL_MIN_MULTIPLY_ADDS / 4) {
            serial(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        Split.run(threads, m, n, MR, NR * 8, (i0, rows, j0, cols) -> serial(transA, transB, rows, cols, k, alpha,
                a, aOff + (transA ? i0 : i0 * lda), lda,
                b, bOff + (transB ? j0 * ldb : j0), ldb,
                c, cOff + i0 * ldc + j0, ldc));
    }

    /** The plain layout is op(B) itself, row-major {@code k x n}: the transposition is resolved once. */
    @Override
    public float[] packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        float[] packed = new float[k * n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                packed[p * n + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        return packed;
    }

    @Override
    public void multiplyAddPacked(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                  float[] packed, float[] c, int cOff, int ldc, boolean overwrite) {
        multiplyAdd(transA, false, m, n, k, alpha, a, aOff, lda, packed, 0, Math.max(1, n), c, cOff, ldc, overwrite);
    }

    static void serial(boolean transA, boolean transB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc) {
        float[][] buf = BUFFERS.get();
        float[] pa = buf[0];
        float[] pb = buf[1];
        float[] tile = buf[2];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                Packing.packB(transB, b, bOff, ldb, pc, kc, jc, nc, NR, pb, 0);
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    Packing.packA(transA, a, aOff, lda, ic, mc, pc, kc, MR, pa);
                    for (int jr = 0; jr < panels; jr++) {
                        int j = jc + jr * NR;
                        int nr = Math.min(NR, n - j);
                        for (int ir = 0; ir * MR < mc; ir++) {
                            int i = ic + ir * MR;
                            int mr = Math.min(MR, m - i);
                            if (mr == MR && nr == NR) {
                                kernel(kc, pa, ir * kc * MR, pb, jr * kc * NR, alpha, c, cOff + i * ldc + j, ldc);
                            } else {
                                edge(kc, pa, ir * kc * MR, pb, jr * kc * NR, alpha, c, cOff + i * ldc + j, ldc,
                                        mr, nr, tile);
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code C[MR x NR] += alpha * Apanel * Bpanel} with sixteen scalar accumulators. */
    private static void kernel(int kc, float[] pa, int ai, float[] pb, int bi, float alpha,
                               float[] c, int ci, int ldc) {
        float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f;
        float c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
        float c20 = 0f, c21 = 0f, c22 = 0f, c23 = 0f;
        float c30 = 0f, c31 = 0f, c32 = 0f, c33 = 0f;
        for (int p = 0; p < kc; p++) {
            float a0 = pa[ai + 0]; float a1 = pa[ai + 1]; float a2 = pa[ai + 2]; float a3 = pa[ai + 3];
            float b0 = pb[bi + 0]; float b1 = pb[bi + 1]; float b2 = pb[bi + 2]; float b3 = pb[bi + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            ai += MR;
            bi += NR;
        }
        c[ci + 0 * ldc + 0] += alpha * c00; c[ci + 0 * ldc + 1] += alpha * c01; c[ci + 0 * ldc + 2] += alpha * c02; c[ci + 0 * ldc + 3] += alpha * c03;
        c[ci + 1 * ldc + 0] += alpha * c10; c[ci + 1 * ldc + 1] += alpha * c11; c[ci + 1 * ldc + 2] += alpha * c12; c[ci + 1 * ldc + 3] += alpha * c13;
        c[ci + 2 * ldc + 0] += alpha * c20; c[ci + 2 * ldc + 1] += alpha * c21; c[ci + 2 * ldc + 2] += alpha * c22; c[ci + 2 * ldc + 3] += alpha * c23;
        c[ci + 3 * ldc + 0] += alpha * c30; c[ci + 3 * ldc + 1] += alpha * c31; c[ci + 3 * ldc + 2] += alpha * c32; c[ci + 3 * ldc + 3] += alpha * c33;
    }

    /** A partial tile: the full product into a scratch tile, then only the valid part added to {@code C}. */
    private static void edge(int kc, float[] pa, int ai, float[] pb, int bi, float alpha,
                             float[] c, int ci, int ldc, int mr, int nr, float[] tile) {
        java.util.Arrays.fill(tile, 0f);
        kernel(kc, pa, ai, pb, bi, 1f, tile, 0, NR);
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                c[ci + r * ldc + j] += alpha * tile[r * NR + j];
            }
        }
    }
}
