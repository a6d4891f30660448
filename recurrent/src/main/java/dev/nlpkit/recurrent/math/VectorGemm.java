package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API matrix multiply: GotoBLAS/BLIS structure in Java. {@code op(B)} is packed, in blocks of
 * {@code k} of equal size up to {@code KC} (300 -> 2 x 150, not 256 + 44), into panels {@code NR = 2 * lanes}
 * columns wide; {@code op(A)} into panels {@code MR = 6} rows
 * high, {@code MC} rows at a time; a register-blocked micro-kernel then keeps a {@code 6 x NR} tile of
 * {@code C} in 12 vector registers and, per step of {@code k}, loads two vectors of {@code B}, broadcasts six
 * values of {@code A} and issues 12 fused multiply-adds. A {@code KC x NR} panel of {@code B} stays in L1
 * while the {@code MC x KC} block of {@code A} streams from L2. Products too small to amortize a packed copy
 * (one recurrent step, {@code [batch x 100] x [100 x 400]}) read {@code A} and a non-transposed {@code B} in
 * place through a second micro-kernel with runtime strides; only partial edge panels are then packed. A
 * transposed A is read in place, except in a product of long {@code k} and small C (the weight gradients'
 * {@code x^T dz}), which is cut into slices of {@code k} ({@link #kSlices}), each packing its own blocks of A and B,
 * whose partial sums are added in slice order. A last panel at most one vector
 * wide ({@code n = 100}: 4 columns) runs a one-vector kernel. With beta = 0 the first block of {@code k}
 * stores into C instead of adding to a zero-filled C.
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
    /** Largest block of {@code k} per packed panel; {@code k} is cut into equal blocks no larger than this. */
    static final int KC = 256;
    private static final int MC = 16 * MR;
    private static final int NC = 128 * NR;

    static final VectorGemm INSTANCE = new VectorGemm();

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Per-thread packing buffers, grown on demand and reused. */
    private static final class Buffers {
        final float[] a = new float[MC * KC];
        final float[] tile = new float[MR * NR];
        float[] b = new float[0];
        float[] partials = new float[0];

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }

        float[] partials(int size) {
            if (partials.length < size) {
                partials = new float[size];
            }
            return partials;
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
                            float[] c, int cOff, int ldc, boolean overwrite) {
        if (kSlices(m, n, k) > 1) {
            sliced(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc, overwrite);
            return;
        }
        int kcStep = blockSize(k);
        int threads = Parallelism.threads();
        if (threads == 1 || (long) m * n * k < Split.PARALLEL_MIN_MULTIPLY_ADDS) {
            serial(transA, transB, m, n, k, kcStep, alpha, a, aOff, lda, b, bOff, ldb, null, 0, 0, 0,
                    c, cOff, ldc, overwrite, false);
            return;
        }
        Split.run(threads, m, n, MR, NR, (i0, rows, j0, cols) -> serial(transA, transB, rows, cols, k, kcStep,
                alpha, a, aOff + (transA ? i0 : i0 * lda), lda,
                b, bOff + (transB ? j0 * ldb : j0), ldb, null, 0, 0, 0,
                c, cOff + i0 * ldc + j0, ldc, overwrite, false));
    }

    @Override
    public float[] packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        int panels = (n + NR - 1) / NR;
        float[] packed = new float[k * panels * NR];
        int kcStep = blockSize(k);
        for (int pc = 0; pc < k; pc += kcStep) {
            int kc = Math.min(kcStep, k - pc);
            Packing.packB(transB, b, bOff, ldb, pc, kc, 0, n, NR, packed, pc * panels * NR);
        }
        return packed;
    }

    @Override
    public void multiplyAddPacked(boolean transA, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                                  float[] packed, float[] c, int cOff, int ldc, boolean overwrite) {
        if (kSlices(m, n, k) > 1) {
            sliced(transA, false, m, n, k, alpha, a, aOff, lda, packed, 0, 0, packed, c, cOff, ldc, overwrite);
            return;
        }
        int kcStep = blockSize(k);
        int threads = Parallelism.threads();
        int packedPanels = (n + NR - 1) / NR;
        if (threads == 1 || (long) m * n * k < Split.PARALLEL_MIN_MULTIPLY_ADDS) {
            serial(transA, false, m, n, k, kcStep, alpha, a, aOff, lda, packed, 0, 0, packed, 0, packedPanels, 0,
                    c, cOff, ldc, overwrite, false);
            return;
        }
        Split.run(threads, m, n, MR, NR, (i0, rows, j0, cols) -> serial(transA, false, rows, cols, k, kcStep,
                alpha, a, aOff + (transA ? i0 : i0 * lda), lda, packed, 0, 0, packed, 0, packedPanels, j0,
                c, cOff + i0 * ldc + j0, ldc, overwrite, false));
    }

    /** The block of {@code k} used for a product of depth {@code k}: equal blocks of at most {@link #KC}. */
    static int blockSize(int k) {
        int blocks = Math.max(1, (k + KC - 1) / KC);
        return (k + blocks - 1) / blocks;
    }

    /**
     * A slice of {@code k} is at least this long: the partial C of each slice past the first costs one pass over C
     * on the calling thread, under 1% of a slice this long.
     */
    private static final int SLICE_MIN_K = 1024;
    /**
     * At most this many slices of {@code k}: more than the 2 threads, so that a core slowed by other work does not
     * hold the other one up for half the call, and enough for 8 threads.
     */
    static final int MAX_SLICES = 8;
    /** Outputs up to this many floats (1 MB) are sliced: each slice past the first needs a partial C that size. */
    private static final long SLICE_MAX_OUTPUT = 256 * 1024;

    /**
     * The number of slices of {@code k} a product is cut into (1, 2, 4 or 8): more than one only for a long {@code k} and a small
     * C (the weight gradients {@code x^T dz}, {@code [300 x B*T] x [B*T x 400]}), where a split of C's rows or
     * columns would leave each thread a sliver of C and make each of them read all of A or B. A function of the
     * shape alone, never of the thread count, so that the order of the sums, and so the bits, do not depend on it.
     */
    static int kSlices(int m, int n, int k) {
        if ((long) m * n > SLICE_MAX_OUTPUT || (long) m * n * k < Split.PARALLEL_MIN_MULTIPLY_ADDS) {
            return 1;
        }
        int blocks = (k + blockSize(k) - 1) / blockSize(k);
        // A power of two: 3 slices on 2 threads would leave one thread idle for a third of the call.
        return Integer.highestOneBit(Math.max(1, Math.min(Math.min(MAX_SLICES, blocks), k / SLICE_MIN_K)));
    }

    /**
     * A product of long {@code k} cut into {@link #kSlices} slices of whole blocks of {@code k} (the blocks of the
     * unsliced product), run on the worker pool: slice 0 accumulates into C (or stores into it, beta = 0), slice
     * {@code s > 0} stores into its own partial C, and the partials are then added to C in slice order. Each slice
     * packs its blocks of A and B once, so A and B are read once in all, where a split of a small C would make
     * every thread read all of one of them. The order of the sums is fixed by the shape, whichever thread runs a
     * slice and however many threads there are. With {@code pre} non-null, B comes packed by {@link #packB}.
     */
    private static void sliced(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] pre,
                               float[] c, int cOff, int ldc, boolean overwrite) {
        int slices = kSlices(m, n, k);
        int kcStep = blockSize(k);
        int blocks = (k + kcStep - 1) / kcStep;
        int prePanels = (n + NR - 1) / NR;
        float[] partials = BUFFERS.get().partials((slices - 1) * m * n);
        WorkerPool.run(slices, Parallelism.threads(), s -> {
            int p0 = blocks * s / slices * kcStep;
            int p1 = Math.min(k, blocks * (s + 1) / slices * kcStep);
            float[] target = s == 0 ? c : partials;
            int targetOff = s == 0 ? cOff : (s - 1) * m * n;
            int targetLd = s == 0 ? ldc : n;
            serial(transA, transB, m, n, p1 - p0, kcStep, alpha, a, aOff + (transA ? p0 * lda : p0), lda,
                    b, bOff + (transB ? p0 : p0 * ldb), ldb, pre, p0 * prePanels * NR, prePanels, 0,
                    target, targetOff, targetLd, s == 0 ? overwrite : true, true);
        });
        int vectorEnd = S.loopBound(n);
        for (int s = 1; s < slices; s++) {
            int base = (s - 1) * m * n;
            for (int i = 0; i < m; i++) {
                int row = cOff + i * ldc;
                int from = base + i * n;
                int j = 0;
                for (; j < vectorEnd; j += L) {
                    FloatVector.fromArray(S, c, row + j).add(FloatVector.fromArray(S, partials, from + j))
                            .intoArray(c, row + j);
                }
                for (; j < n; j++) {
                    c[row + j] += partials[from + j];
                }
            }
        }
    }

    /** Pack A when at least this many columns of C reuse each packed block; below, read A in place. */
    private static final int PACK_A_MIN_N = 4 * NR;
    /** Pack a non-transposed B when at least this many rows of C reuse it; below, read B in place. */
    private static final int PACK_B_MIN_M = 256;

    /**
     * One thread's share, over blocks of {@code kcStep} of its {@code k}. A and a non-transposed B are read in
     * place when too few tiles would reuse a packed copy (the products of one recurrent step: {@code m} = batch,
     * {@code n} or {@code k} = units), else packed; partial edge panels are always packed, zero-padded, so the
     * micro-kernels only see whole tiles. A transposed A is read in place (its rows of {@code MR} floats are
     * contiguous, and each part of a column split would pack all of it again) unless {@code packTransposedA}: a
     * slice of {@code k} is the only reader of its A. With {@code pre} non-null, B comes packed by {@link #packB}
     * ({@code prePanels} panels wide, this share's first block of {@code k} at {@code pre[preOff]}), this share
     * starting at its column {@code preCol}. With {@code overwrite}, the first block of {@code k} stores into C
     * instead of adding (beta = 0, without zeroing C first).
     *
     * <p>Loop order: a small B (a weight: {@code k x n} up to {@link #WHOLE_B_MAX_FLOATS}) is packed whole, and
     * each block of {@code MC} rows of C then runs through all blocks of {@code k} while it sits in L2, so C
     * travels to memory once; a large B (the weight gradients' {@code [B*T x 400]}) is packed one block of
     * {@code k} at a time and C, small there, is revisited per block. Either order sums each element of C over
     * the same blocks of {@code k} in the same order, so the bits do not depend on it.
     */
    static void serial(boolean transA, boolean transB, int m, int n, int k, int kcStep, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] pre, int preOff, int prePanels, int preCol,
                       float[] c, int cOff, int ldc, boolean overwrite, boolean packTransposedA) {
        Buffers buf = BUFFERS.get();
        boolean packA = transA ? packTransposedA : n >= PACK_A_MIN_N;
        boolean packB = pre == null && (transB || m >= PACK_B_MIN_M);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            if (pre != null || packB && (long) k * panels * NR <= WHOLE_B_MAX_FLOATS) {
                float[] pb = pre;
                int pbOff = preOff;
                int pbPanels = prePanels;
                int pbCol = preCol + jc;
                if (pre == null) {
                    pb = buf.b(k * panels * NR);
                    for (int pc = 0; pc < k; pc += kcStep) {
                        Packing.packB(transB, b, bOff, ldb, pc, Math.min(kcStep, k - pc), jc, nc, NR, pb,
                                pc * panels * NR);
                    }
                    pbOff = 0;
                    pbPanels = panels;
                    pbCol = 0;
                }
                for (int ic = 0; ic < m; ic += MC) {
                    for (int pc = 0; pc < k; pc += kcStep) {
                        int kc = Math.min(kcStep, k - pc);
                        block(transA, m, n, alpha, a, aOff, lda, b, bOff, ldb, pb,
                                pbOff + pc * pbPanels * NR + pbCol / NR * kc * NR, 0, packA, buf, c, cOff, ldc,
                                overwrite && pc == 0, jc, nc, pc, kc, ic);
                    }
                }
            } else {
                int inPlacePanels = packB ? 0 : nc / NR;
                for (int pc = 0; pc < k; pc += kcStep) {
                    int kc = Math.min(kcStep, k - pc);
                    float[] pb = buf.b((panels - inPlacePanels) * NR * kc);
                    if (panels > inPlacePanels) {
                        Packing.packB(transB, b, bOff, ldb, pc, kc, jc + inPlacePanels * NR,
                                nc - inPlacePanels * NR, NR, pb, 0);
                    }
                    for (int ic = 0; ic < m; ic += MC) {
                        block(transA, m, n, alpha, a, aOff, lda, b, bOff, ldb, pb, 0, inPlacePanels, packA, buf,
                                c, cOff, ldc, overwrite && pc == 0, jc, nc, pc, kc, ic);
                    }
                }
            }
        }
    }

    /** Packed B panels up to this many floats (1 MB: the L2 of one core) are packed whole, once per call. */
    private static final int WHOLE_B_MAX_FLOATS = 256 * 1024;

    /**
     * Rows {@code [ic, ic + MC)} x columns {@code [jc, jc + nc)} of C over the block {@code [pc, pc + kc)} of
     * {@code k}: packs that block of A (or only its partial last panel when A is read in place) and runs the
     * micro-kernels. B's panel {@code jr} starts at {@code pb[pbBase + (jr - inPlacePanels) * kc * NR]}; the
     * first {@code inPlacePanels} panels are read from {@code b} in place.
     */
    private static void block(boolean transA, int m, int n, float alpha, float[] a, int aOff, int lda,
                              float[] b, int bOff, int ldb, float[] pb, int pbBase, int inPlacePanels,
                              boolean packA, Buffers buf, float[] c, int cOff, int ldc, boolean first,
                              int jc, int nc, int pc, int kc, int ic) {
        float[] tile = buf.tile;
        float[] pa = buf.a;
        int ars = transA ? 1 : lda;
        int acs = transA ? lda : 1;
        int fullRows = m - m % MR;
        int panels = (nc + NR - 1) / NR;
        int mc = Math.min(MC, m - ic);
        boolean add = !first;
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
            int bi = bInPlace ? bOff + pc * ldb + j : pbBase + (jr - inPlacePanels) * kc * NR;
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
                boolean addHere = whole && add;
                if (nr <= L) {
                    // A narrow last panel (n = 100: 4 columns of 32): one vector per row instead of two.
                    if (aPacked) {
                        narrowKernel(kc, pa, (i - packedFrom) / MR * kc * MR, 1, MR, bp, bi, bld, alpha, tile);
                    } else {
                        narrowKernel(kc, a, aOff + i * ars + pc * acs, ars, acs, bp, bi, bld, alpha, tile);
                    }
                } else if (aPacked && !bInPlace) {
                    fullKernel(kc, pa, (i - packedFrom) / MR * kc * MR, pb, bi, alpha, target, ti, tld, addHere);
                } else if (aPacked) {
                    stridedKernel(kc, pa, (i - packedFrom) / MR * kc * MR, 1, MR, bp, bi, bld, alpha,
                            target, ti, tld, addHere);
                } else {
                    stridedKernel(kc, a, aOff + i * ars + pc * acs, ars, acs, bp, bi, bld, alpha,
                            target, ti, tld, addHere);
                }
                if (!whole) {
                    edgeTile(tile, mr, nr, c, ci, ldc, add);
                }
            }
        }
    }

    /** Adds (or, for the first block of an overwriting product, copies) the valid part of an edge tile. */
    private static void edgeTile(float[] tile, int mr, int nr, float[] c, int ci, int ldc, boolean add) {
        for (int r = 0; r < mr; r++) {
            int row = ci + r * ldc;
            if (add) {
                for (int j = 0; j < nr; j++) {
                    c[row + j] += tile[r * NR + j];
                }
            } else {
                System.arraycopy(tile, r * NR, c, row, nr);
            }
        }
    }

    /**
     * The register-blocked micro-kernel on strided operands: {@code C[MR x NR] += alpha * A * B} where
     * {@code A(r, p) = a[ai + r*ars + p*acs]} and {@code B(p, j) = b[bi + p*ldb + j]}.
     */
    static void stridedKernel(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, float alpha,
                              float[] c, int ci, int ldc, boolean add) {
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
        if (add) {
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
        } else {
            c00.mul(av).intoArray(c, ci + 0 * ldc);
            c01.mul(av).intoArray(c, ci + 0 * ldc + L);
            c10.mul(av).intoArray(c, ci + 1 * ldc);
            c11.mul(av).intoArray(c, ci + 1 * ldc + L);
            c20.mul(av).intoArray(c, ci + 2 * ldc);
            c21.mul(av).intoArray(c, ci + 2 * ldc + L);
            c30.mul(av).intoArray(c, ci + 3 * ldc);
            c31.mul(av).intoArray(c, ci + 3 * ldc + L);
            c40.mul(av).intoArray(c, ci + 4 * ldc);
            c41.mul(av).intoArray(c, ci + 4 * ldc + L);
            c50.mul(av).intoArray(c, ci + 5 * ldc);
            c51.mul(av).intoArray(c, ci + 5 * ldc + L);
        }
    }

    /**
     * The micro-kernel of a panel at most one vector wide: {@code tile[MR x L] = alpha * A * B} (stored into the
     * first {@code L} columns of the {@code MR x NR} edge tile), operands strided as in {@link #stridedKernel}.
     */
    static void narrowKernel(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int ldb, float alpha,
                             float[] tile) {
        int r1 = 1 * ars;
        int r2 = 2 * ars;
        int r3 = 3 * ars;
        int r4 = 4 * ars;
        int r5 = 5 * ars;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = FloatVector.zero(S);
        FloatVector c2 = FloatVector.zero(S);
        FloatVector c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S);
        FloatVector c5 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + r1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + r2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + r3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + r4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ai + r5]).fma(b0, c5);
            ai += acs;
            bi += ldb;
        }
        FloatVector av = FloatVector.broadcast(S, alpha);
        c0.mul(av).intoArray(tile, 0);
        c1.mul(av).intoArray(tile, NR);
        c2.mul(av).intoArray(tile, 2 * NR);
        c3.mul(av).intoArray(tile, 3 * NR);
        c4.mul(av).intoArray(tile, 4 * NR);
        c5.mul(av).intoArray(tile, 5 * NR);
    }

    /** The register-blocked micro-kernel: {@code C[MR x NR] += alpha * Apanel[MR x kc] * Bpanel[kc x NR]}. */
    static void fullKernel(int kc, float[] pa, int ai, float[] pb, int bi, float alpha,
                           float[] c, int ci, int ldc, boolean add) {
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
        if (add) {
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
        } else {
            c00.mul(av).intoArray(c, ci + 0 * ldc);
            c01.mul(av).intoArray(c, ci + 0 * ldc + L);
            c10.mul(av).intoArray(c, ci + 1 * ldc);
            c11.mul(av).intoArray(c, ci + 1 * ldc + L);
            c20.mul(av).intoArray(c, ci + 2 * ldc);
            c21.mul(av).intoArray(c, ci + 2 * ldc + L);
            c30.mul(av).intoArray(c, ci + 3 * ldc);
            c31.mul(av).intoArray(c, ci + 3 * ldc + L);
            c40.mul(av).intoArray(c, ci + 4 * ldc);
            c41.mul(av).intoArray(c, ci + 4 * ldc + L);
            c50.mul(av).intoArray(c, ci + 5 * ldc);
            c51.mul(av).intoArray(c, ci + 5 * ldc + L);
        }
    }

}
