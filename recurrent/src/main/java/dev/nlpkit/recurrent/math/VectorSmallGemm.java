package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels of {@link SmallGemm}: {@code n} a multiple of the vector length, output blocks of 8 rows
 * by 2 vectors held in 16 accumulators while the inner index runs (enough independent FMA chains to cover the
 * FMA latency on both units; 4 rows, then 1, on the edges and when {@code n} is an odd number of vectors), each accumulator one FMA chain in the order of
 * the inner index (as {@link SmallGemm#plainNN}). The kernels are written out per block shape, not through a
 * helper taking vectors: C2 boxes a vector passed to a call it does not inline.
 */
final class VectorSmallGemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int LANES = S.length();

    private VectorSmallGemm() {
    }

    static void gemmNN(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc) {
        int i = 0;
        for (; i + 8 <= m && n % (2 * LANES) == 0; i += 8) {
            int c0 = cOff + i * ldc;
            int a0 = aOff + i * lda;
            for (int j = 0; j + 2 * LANES <= n; j += 2 * LANES) {
                FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
                FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
                FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
                FloatVector s40 = FloatVector.zero(S), s41 = FloatVector.zero(S);
                FloatVector s50 = FloatVector.zero(S), s51 = FloatVector.zero(S);
                FloatVector s60 = FloatVector.zero(S), s61 = FloatVector.zero(S);
                FloatVector s70 = FloatVector.zero(S), s71 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    int bp = bOff + p * ldb + j;
                    FloatVector b0 = FloatVector.fromArray(S, b, bp);
                    FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
                    s00 = x0.fma(b0, s00);
                    s01 = x0.fma(b1, s01);
                    FloatVector x1 = FloatVector.broadcast(S, a[a0 + 1 * lda + p]);
                    s10 = x1.fma(b0, s10);
                    s11 = x1.fma(b1, s11);
                    FloatVector x2 = FloatVector.broadcast(S, a[a0 + 2 * lda + p]);
                    s20 = x2.fma(b0, s20);
                    s21 = x2.fma(b1, s21);
                    FloatVector x3 = FloatVector.broadcast(S, a[a0 + 3 * lda + p]);
                    s30 = x3.fma(b0, s30);
                    s31 = x3.fma(b1, s31);
                    FloatVector x4 = FloatVector.broadcast(S, a[a0 + 4 * lda + p]);
                    s40 = x4.fma(b0, s40);
                    s41 = x4.fma(b1, s41);
                    FloatVector x5 = FloatVector.broadcast(S, a[a0 + 5 * lda + p]);
                    s50 = x5.fma(b0, s50);
                    s51 = x5.fma(b1, s51);
                    FloatVector x6 = FloatVector.broadcast(S, a[a0 + 6 * lda + p]);
                    s60 = x6.fma(b0, s60);
                    s61 = x6.fma(b1, s61);
                    FloatVector x7 = FloatVector.broadcast(S, a[a0 + 7 * lda + p]);
                    s70 = x7.fma(b0, s70);
                    s71 = x7.fma(b1, s71);
                }
                int cj = c0 + j;
                s00.mul(alpha).intoArray(c, cj + 0 * ldc);
                s01.mul(alpha).intoArray(c, cj + 0 * ldc + LANES);
                s10.mul(alpha).intoArray(c, cj + 1 * ldc);
                s11.mul(alpha).intoArray(c, cj + 1 * ldc + LANES);
                s20.mul(alpha).intoArray(c, cj + 2 * ldc);
                s21.mul(alpha).intoArray(c, cj + 2 * ldc + LANES);
                s30.mul(alpha).intoArray(c, cj + 3 * ldc);
                s31.mul(alpha).intoArray(c, cj + 3 * ldc + LANES);
                s40.mul(alpha).intoArray(c, cj + 4 * ldc);
                s41.mul(alpha).intoArray(c, cj + 4 * ldc + LANES);
                s50.mul(alpha).intoArray(c, cj + 5 * ldc);
                s51.mul(alpha).intoArray(c, cj + 5 * ldc + LANES);
                s60.mul(alpha).intoArray(c, cj + 6 * ldc);
                s61.mul(alpha).intoArray(c, cj + 6 * ldc + LANES);
                s70.mul(alpha).intoArray(c, cj + 7 * ldc);
                s71.mul(alpha).intoArray(c, cj + 7 * ldc + LANES);
            }
        }
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * lda;
            int a1 = a0 + lda;
            int a2 = a1 + lda;
            int a3 = a2 + lda;
            int c0 = cOff + i * ldc;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
                FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
                FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    int bp = bOff + p * ldb + j;
                    FloatVector b0 = FloatVector.fromArray(S, b, bp);
                    FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
                    FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
                    s00 = x.fma(b0, s00);
                    s01 = x.fma(b1, s01);
                    x = FloatVector.broadcast(S, a[a1 + p]);
                    s10 = x.fma(b0, s10);
                    s11 = x.fma(b1, s11);
                    x = FloatVector.broadcast(S, a[a2 + p]);
                    s20 = x.fma(b0, s20);
                    s21 = x.fma(b1, s21);
                    x = FloatVector.broadcast(S, a[a3 + p]);
                    s30 = x.fma(b0, s30);
                    s31 = x.fma(b1, s31);
                }
                int cj = c0 + j;
                s00.mul(alpha).intoArray(c, cj);
                s01.mul(alpha).intoArray(c, cj + LANES);
                s10.mul(alpha).intoArray(c, cj + ldc);
                s11.mul(alpha).intoArray(c, cj + ldc + LANES);
                s20.mul(alpha).intoArray(c, cj + 2 * ldc);
                s21.mul(alpha).intoArray(c, cj + 2 * ldc + LANES);
                s30.mul(alpha).intoArray(c, cj + 3 * ldc);
                s31.mul(alpha).intoArray(c, cj + 3 * ldc + LANES);
            }
            for (; j < n; j += LANES) {
                FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
                FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, b, bOff + p * ldb + j);
                    s0 = FloatVector.broadcast(S, a[a0 + p]).fma(b0, s0);
                    s1 = FloatVector.broadcast(S, a[a1 + p]).fma(b0, s1);
                    s2 = FloatVector.broadcast(S, a[a2 + p]).fma(b0, s2);
                    s3 = FloatVector.broadcast(S, a[a3 + p]).fma(b0, s3);
                }
                int cj = c0 + j;
                s0.mul(alpha).intoArray(c, cj);
                s1.mul(alpha).intoArray(c, cj + ldc);
                s2.mul(alpha).intoArray(c, cj + 2 * ldc);
                s3.mul(alpha).intoArray(c, cj + 3 * ldc);
            }
        }
        for (; i < m; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j += LANES) {
                FloatVector s0 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    s0 = FloatVector.broadcast(S, a[ai + p]).fma(FloatVector.fromArray(S, b, bOff + p * ldb + j), s0);
                }
                s0.mul(alpha).intoArray(c, ci + j);
            }
        }
    }

    static void gemmTN(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc) {
        int i = 0;
        for (; i + 8 <= m && n % (2 * LANES) == 0; i += 8) {
            int c0 = cOff + i * ldc;
            for (int j = 0; j + 2 * LANES <= n; j += 2 * LANES) {
                FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
                FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
                FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
                FloatVector s40 = FloatVector.zero(S), s41 = FloatVector.zero(S);
                FloatVector s50 = FloatVector.zero(S), s51 = FloatVector.zero(S);
                FloatVector s60 = FloatVector.zero(S), s61 = FloatVector.zero(S);
                FloatVector s70 = FloatVector.zero(S), s71 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    int bp = bOff + p * ldb + j;
                    int ap = aOff + p * lda + i;
                    FloatVector b0 = FloatVector.fromArray(S, b, bp);
                    FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
                    FloatVector x0 = FloatVector.broadcast(S, a[ap]);
                    s00 = x0.fma(b0, s00);
                    s01 = x0.fma(b1, s01);
                    FloatVector x1 = FloatVector.broadcast(S, a[ap + 1]);
                    s10 = x1.fma(b0, s10);
                    s11 = x1.fma(b1, s11);
                    FloatVector x2 = FloatVector.broadcast(S, a[ap + 2]);
                    s20 = x2.fma(b0, s20);
                    s21 = x2.fma(b1, s21);
                    FloatVector x3 = FloatVector.broadcast(S, a[ap + 3]);
                    s30 = x3.fma(b0, s30);
                    s31 = x3.fma(b1, s31);
                    FloatVector x4 = FloatVector.broadcast(S, a[ap + 4]);
                    s40 = x4.fma(b0, s40);
                    s41 = x4.fma(b1, s41);
                    FloatVector x5 = FloatVector.broadcast(S, a[ap + 5]);
                    s50 = x5.fma(b0, s50);
                    s51 = x5.fma(b1, s51);
                    FloatVector x6 = FloatVector.broadcast(S, a[ap + 6]);
                    s60 = x6.fma(b0, s60);
                    s61 = x6.fma(b1, s61);
                    FloatVector x7 = FloatVector.broadcast(S, a[ap + 7]);
                    s70 = x7.fma(b0, s70);
                    s71 = x7.fma(b1, s71);
                }
                int cj = c0 + j;
                s00.mul(alpha).intoArray(c, cj + 0 * ldc);
                s01.mul(alpha).intoArray(c, cj + 0 * ldc + LANES);
                s10.mul(alpha).intoArray(c, cj + 1 * ldc);
                s11.mul(alpha).intoArray(c, cj + 1 * ldc + LANES);
                s20.mul(alpha).intoArray(c, cj + 2 * ldc);
                s21.mul(alpha).intoArray(c, cj + 2 * ldc + LANES);
                s30.mul(alpha).intoArray(c, cj + 3 * ldc);
                s31.mul(alpha).intoArray(c, cj + 3 * ldc + LANES);
                s40.mul(alpha).intoArray(c, cj + 4 * ldc);
                s41.mul(alpha).intoArray(c, cj + 4 * ldc + LANES);
                s50.mul(alpha).intoArray(c, cj + 5 * ldc);
                s51.mul(alpha).intoArray(c, cj + 5 * ldc + LANES);
                s60.mul(alpha).intoArray(c, cj + 6 * ldc);
                s61.mul(alpha).intoArray(c, cj + 6 * ldc + LANES);
                s70.mul(alpha).intoArray(c, cj + 7 * ldc);
                s71.mul(alpha).intoArray(c, cj + 7 * ldc + LANES);
            }
        }
        for (; i + 4 <= m; i += 4) {
            int c0 = cOff + i * ldc;
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S);
                FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
                FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S);
                FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    int bp = bOff + p * ldb + j;
                    int ap = aOff + p * lda + i;
                    FloatVector b0 = FloatVector.fromArray(S, b, bp);
                    FloatVector b1 = FloatVector.fromArray(S, b, bp + LANES);
                    FloatVector x = FloatVector.broadcast(S, a[ap]);
                    s00 = x.fma(b0, s00);
                    s01 = x.fma(b1, s01);
                    x = FloatVector.broadcast(S, a[ap + 1]);
                    s10 = x.fma(b0, s10);
                    s11 = x.fma(b1, s11);
                    x = FloatVector.broadcast(S, a[ap + 2]);
                    s20 = x.fma(b0, s20);
                    s21 = x.fma(b1, s21);
                    x = FloatVector.broadcast(S, a[ap + 3]);
                    s30 = x.fma(b0, s30);
                    s31 = x.fma(b1, s31);
                }
                int cj = c0 + j;
                s00.mul(alpha).intoArray(c, cj);
                s01.mul(alpha).intoArray(c, cj + LANES);
                s10.mul(alpha).intoArray(c, cj + ldc);
                s11.mul(alpha).intoArray(c, cj + ldc + LANES);
                s20.mul(alpha).intoArray(c, cj + 2 * ldc);
                s21.mul(alpha).intoArray(c, cj + 2 * ldc + LANES);
                s30.mul(alpha).intoArray(c, cj + 3 * ldc);
                s31.mul(alpha).intoArray(c, cj + 3 * ldc + LANES);
            }
            for (; j < n; j += LANES) {
                FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S);
                FloatVector s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    int ap = aOff + p * lda + i;
                    FloatVector b0 = FloatVector.fromArray(S, b, bOff + p * ldb + j);
                    s0 = FloatVector.broadcast(S, a[ap]).fma(b0, s0);
                    s1 = FloatVector.broadcast(S, a[ap + 1]).fma(b0, s1);
                    s2 = FloatVector.broadcast(S, a[ap + 2]).fma(b0, s2);
                    s3 = FloatVector.broadcast(S, a[ap + 3]).fma(b0, s3);
                }
                int cj = c0 + j;
                s0.mul(alpha).intoArray(c, cj);
                s1.mul(alpha).intoArray(c, cj + ldc);
                s2.mul(alpha).intoArray(c, cj + 2 * ldc);
                s3.mul(alpha).intoArray(c, cj + 3 * ldc);
            }
        }
        for (; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j += LANES) {
                FloatVector s0 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    s0 = FloatVector.broadcast(S, a[aOff + p * lda + i])
                            .fma(FloatVector.fromArray(S, b, bOff + p * ldb + j), s0);
                }
                s0.mul(alpha).intoArray(c, ci + j);
            }
        }
    }
}
