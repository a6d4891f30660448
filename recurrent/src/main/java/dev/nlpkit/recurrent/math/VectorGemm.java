package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API matrix multiply: GotoBLAS/BLIS structure in Java. {@code op(B)} is packed, {@code KC} rows
 * at a time, into panels {@code NR = 2 * lanes} columns wide; {@code op(A)} into panels {@code MR = 6} rows
 * high, {@code MC} rows at a time; a register-blocked micro-kernel then keeps a {@code 6 x NR} tile of
 * {@code C} in 12 vector registers and, per step of {@code k}, loads two vectors of {@code B}, broadcasts six
 * values of {@code A} and issues 12 fused multiply-adds. A {@code KC x NR} panel of {@code B} stays in L1
 * while the {@code MC x KC} block of {@code A} streams from L2. Products too small to amortize a packed copy
 * (one recurrent step, {@code [batch x 100] x [100 x 400]}) read {@code A} and a non-transposed {@code B} in
 * place through a second micro-kernel with runtime strides; only partial edge panels are then packed.
 *
 * <p>Every vector value lives inside one method: handing a {@code FloatVector} to a call that the JIT does not
 * inline boxes it (measured: a 4x slower kernel), so the tile store is written out in each kernel.
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is present (see {@link Kernels}).
 */
final class VectorGemm implements GemmEngine {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 6;
    static final int NR = 2 * L;
    private static final int KC = 256;
    private static final int MC = 16 * MR;
    private static final int NC = 128 * NR;

    static final VectorGemm INSTANCE = new VectorGemm();

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Per-thread packing buffers, grown on demand and reused. */
    private static final class Buffers {
        final float[] a = new float[MC * KC];
        final float[] tile = new float[MR * NR];
        float[] b = new float[0];

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }

    private VectorGemm() {
    }

    @Override
    public String name() {
        return "vector api, " + S.vectorBitSize() + "-bit";
    }

    @Override
    public void multiplyAdd(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        int threads = Parallelism.threads();
        if (threads == 1 || (long) m * n * k < Split.PARALLEL_MIN_MULTIPLY_ADDS) {
            serial(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        Split.run(threads, m, n, MR, NR, (i0, rows, j0, cols) -> serial(transA, transB, rows, cols, k, alpha,
                a, aOff + (transA ? i0 : i0 * lda), lda,
                b, bOff + (transB ? j0 * ldb : j0), ldb,
                c, cOff + i0 * ldc + j0, ldc));
    }

    /** Pack A when at least this many columns of C reuse each packed block; below, read A in place. */
    private static final int PACK_A_MIN_N = 4 * NR;
    /** Pack a non-transposed B when at least this many rows of C reuse it; below, read B in place. */
    private static final int PACK_B_MIN_M = 256;

    /**
     * One thread's share. A and a non-transposed B are read in place when too few tiles would reuse a packed
     * copy (the products of one recurrent step: {@code m} = batch, {@code n} or {@code k} = units), else packed;
     * partial edge panels are always packed, zero-padded, so the micro-kernels only see whole tiles.
     */
    static void serial(boolean transA, boolean transB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        float[] tile = buf.tile;
        float[] pa = buf.a;
        boolean packA = n >= PACK_A_MIN_N;
        boolean packB = transB || m >= PACK_B_MIN_M;
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        int fullRows = m - m % MR;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            int inPlacePanels = packB ? 0 : nc / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] pb = buf.b((panels - inPlacePanels) * NR * kc);
                if (panels > inPlacePanels) {
                    Packing.packB(transB, b, bOff, ldb, pc, kc, jc + inPlacePanels * NR, nc - inPlacePanels * NR,
                            NR, pb);
                }
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    // Packed rows of this block: all of them, or only a partial last panel.
                    int packedFrom = packA ? ic : Math.max(ic, fullRows);
                    if (packedFrom < ic + mc) {
                        Packing.packA(transA, a, aOff, lda, packedFrom, ic + mc - packedFrom, pc, kc, MR, pa);
                    }
                    for (int jr = 0; jr < panels; jr++) {
                        int j = jc + jr * NR;
                        int nr = Math.min(NR, n - j);
                        boolean bInPlace = jr < inPlacePanels;
                        float[] bp = bInPlace ? b : pb;
                        int bi = bInPlace ? bOff + pc * ldb + j : (jr - inPlacePanels) * kc * NR;
                        int bld = bInPlace ? ldb : NR;
                        for (int ir = 0; ir * MR < mc; ir++) {
                            int i = ic + ir * MR;
                            int mr = Math.min(MR, m - i);
                            int ci = cOff + i * ldc + j;
                            boolean aPacked = i >= packedFrom;
                            boolean whole = mr == MR && nr == NR;
                            float[] target = whole ? c : tile;
                            int ti = whole ? ci : 0;
                            int tld = whole ? ldc : NR;
                            if (!whole) {
                                java.util.Arrays.fill(tile, 0f);
                            }
                            if (aPacked && !bInPlace) {
                                fullKernel(kc, pa, (i - packedFrom) / MR * kc * MR, pb, bi, alpha, target, ti, tld);
                            } else if (aPacked) {
                                stridedKernel(kc, pa, (i - packedFrom) / MR * kc * MR, 1, MR, bp, bi, bld, alpha,
                                        target, ti, tld);
                            } else {
                                stridedKernel(kc, a, aOff + i * ars + pc * acs, ars, acs, bp, bi, bld, alpha,
                                        target, ti, tld);
                            }
                            if (!whole) {
                                addTile(tile, mr, nr, c, ci, ldc);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void addTile(float[] tile, int mr, int nr, float[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            int row = ci + r * ldc;
            for (int j = 0; j < nr; j++) {
                c[row + j] += tile[r * NR + j];
            }
        }
    }

    /**
     * The register-blocked micro-kernel on strided operands: {@code C[MR x NR] += alpha * A * B} where
     * {@code A(r, p) = a[ai + r*ars + p*acs]} and {@code B(p, j) = b[bi + p*ldb + j]}.
     */
    static void stridedKernel(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, float alpha,
                              float[] c, int ci, int ldc) {
        int r1 = 1 * ars;
        int r2 = 2 * ars;
        int r3 = 3 * ars;
        int r4 = 4 * ars;
        int r5 = 5 * ars;
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + r1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + r2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + r3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + r4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + r5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            ai += acs;
            bi += ldb;
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        FloatVector.fromArray(S, c, ci + 0 * ldc).add(c00.mul(av)).intoArray(c, ci + 0 * ldc);
        FloatVector.fromArray(S, c, ci + 0 * ldc + L).add(c01.mul(av)).intoArray(c, ci + 0 * ldc + L);
        FloatVector.fromArray(S, c, ci + 1 * ldc).add(c10.mul(av)).intoArray(c, ci + 1 * ldc);
        FloatVector.fromArray(S, c, ci + 1 * ldc + L).add(c11.mul(av)).intoArray(c, ci + 1 * ldc + L);
        FloatVector.fromArray(S, c, ci + 2 * ldc).add(c20.mul(av)).intoArray(c, ci + 2 * ldc);
        FloatVector.fromArray(S, c, ci + 2 * ldc + L).add(c21.mul(av)).intoArray(c, ci + 2 * ldc + L);
        FloatVector.fromArray(S, c, ci + 3 * ldc).add(c30.mul(av)).intoArray(c, ci + 3 * ldc);
        FloatVector.fromArray(S, c, ci + 3 * ldc + L).add(c31.mul(av)).intoArray(c, ci + 3 * ldc + L);
        FloatVector.fromArray(S, c, ci + 4 * ldc).add(c40.mul(av)).intoArray(c, ci + 4 * ldc);
        FloatVector.fromArray(S, c, ci + 4 * ldc + L).add(c41.mul(av)).intoArray(c, ci + 4 * ldc + L);
        FloatVector.fromArray(S, c, ci + 5 * ldc).add(c50.mul(av)).intoArray(c, ci + 5 * ldc);
        FloatVector.fromArray(S, c, ci + 5 * ldc + L).add(c51.mul(av)).intoArray(c, ci + 5 * ldc + L);
    }

    /** The register-blocked micro-kernel: {@code C[MR x NR] += alpha * Apanel[MR x kc] * Bpanel[kc x NR]}. */
    static void fullKernel(int kc, float[] pa, int ai, float[] pb, int bi, float alpha,
                                   float[] c, int ci, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bi);
            FloatVector b1 = FloatVector.fromArray(S, pb, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, pa[ai + 0]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            ai += MR;
            bi += NR;
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        FloatVector.fromArray(S, c, ci + 0 * ldc).add(c00.mul(av)).intoArray(c, ci + 0 * ldc);
        FloatVector.fromArray(S, c, ci + 0 * ldc + L).add(c01.mul(av)).intoArray(c, ci + 0 * ldc + L);
        FloatVector.fromArray(S, c, ci + 1 * ldc).add(c10.mul(av)).intoArray(c, ci + 1 * ldc);
        FloatVector.fromArray(S, c, ci + 1 * ldc + L).add(c11.mul(av)).intoArray(c, ci + 1 * ldc + L);
        FloatVector.fromArray(S, c, ci + 2 * ldc).add(c20.mul(av)).intoArray(c, ci + 2 * ldc);
        FloatVector.fromArray(S, c, ci + 2 * ldc + L).add(c21.mul(av)).intoArray(c, ci + 2 * ldc + L);
        FloatVector.fromArray(S, c, ci + 3 * ldc).add(c30.mul(av)).intoArray(c, ci + 3 * ldc);
        FloatVector.fromArray(S, c, ci + 3 * ldc + L).add(c31.mul(av)).intoArray(c, ci + 3 * ldc + L);
        FloatVector.fromArray(S, c, ci + 4 * ldc).add(c40.mul(av)).intoArray(c, ci + 4 * ldc);
        FloatVector.fromArray(S, c, ci + 4 * ldc + L).add(c41.mul(av)).intoArray(c, ci + 4 * ldc + L);
        FloatVector.fromArray(S, c, ci + 5 * ldc).add(c50.mul(av)).intoArray(c, ci + 5 * ldc);
        FloatVector.fromArray(S, c, ci + 5 * ldc + L).add(c51.mul(av)).intoArray(c, ci + 5 * ldc + L);
    }

}
