package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels of {@link SmallGemm}: {@code n} a multiple of the vector length, output blocks of 4 rows
 * by 2 vectors held in 8 accumulators while the inner index runs, each accumulator one FMA chain in the order of
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
