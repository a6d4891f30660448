package dev.nlpkit.embeddings;

import java.util.ArrayList;
import java.util.List;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BatchKernel} on the Vector API: each lane chunk of an input row is loaded once for four output rows
 * ({@link #dots}), and each output row is loaded and stored once per chunk while all its terms are added in a
 * register ({@link #combine}, {@link #accumulate}). When d is not a multiple of the lane count L but at least L
 * (d = 100 on 16 lanes: 6 chunks and 4 floats), its last floats are one more full chunk at d - L, overlapping the
 * chunk before: where a method overwrites, the overlapped lanes are recomputed the same way; where it adds, the
 * added terms are multiplied by a 0/1 vector that keeps only the new lanes. No masked loads and no scalar loop:
 * on rows of 100 floats the scalar tail cost about as much as a vector chunk per row and per term. Shorter rows
 * take a scalar loop. Loaded only when {@code jdk.incubator.vector} is present (see {@link Kernel#select}).
 */
final class VectorApiBatchKernel implements BatchKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /**
     * The lanes of v summed in a fixed tree (halves, quarters, ...). Not {@code reduceLanes(ADD)}: its order of
     * additions is left to the implementation and differs between the interpreter and compiled code, so a
     * one-worker run would not be bit-reproducible (measured: the first, partly interpreted training gave
     * other vectors than the next ones).
     */
    static float sum(FloatVector v) {
        for (VectorShuffle<Float> fold : FOLDS) {
            v = v.add(v.rearrange(fold));
        }
        return v.lane(0);
    }

    /** Lane i takes lane i + L/2, then i + L/4, ... (mod L): after all folds lane 0 holds the sum. */
    private static final List<VectorShuffle<Float>> FOLDS = folds();

    private static List<VectorShuffle<Float>> folds() {
        List<VectorShuffle<Float>> folds = new ArrayList<>();
        for (int half = SPECIES.length() / 2; half >= 1; half /= 2) {
            folds.add(VectorShuffle.iota(SPECIES, half, 1, true));
        }
        return List.copyOf(folds);
    }

    /**
     * {@code KEEP[rem * L + k]} is 1 for the last {@code rem} lanes k of a chunk (those past the last full chunk),
     * else 0.
     */
    private static final float[] KEEP = keepMasks();

    private static float[] keepMasks() {
        int lanes = SPECIES.length();
        float[] keep = new float[lanes * lanes];
        for (int rem = 0; rem < lanes; rem++) {
            for (int k = lanes - rem; k < lanes; k++) {
                keep[rem * lanes + k] = 1f;
            }
        }
        return keep;
    }

    /** The 0/1 vector keeping the last {@code d mod L} lanes of the chunk at d - L. */
    private static FloatVector keep(int d, int bound) {
        return FloatVector.fromArray(SPECIES, KEEP, (d - bound) * SPECIES.length());
    }

    /** Whether d ends in a partial chunk handled as an overlapping full chunk (else a scalar loop, or none). */
    private static boolean overlappingTail(int d, int bound) {
        return d != bound && d >= SPECIES.length();
    }

    @Override
    public void dots(float[] a, int aOff, float[] hot, float[] b, int limit, int[] bOff, int m, int d, float[] c,
            int cOff) {
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        boolean overlap = overlappingTail(d, bound);
        int t = d - step;
        FloatVector vaTail = overlap ? FloatVector.fromArray(SPECIES, a, aOff + t).mul(keep(d, bound)) : null;
        int j = 0;
        for (; j + 3 < m; j += 4) {
            int o0 = bOff[j];
            int o1 = bOff[j + 1];
            int o2 = bOff[j + 2];
            int o3 = bOff[j + 3];
            float[] b0 = o0 < limit ? hot : b;
            float[] b1 = o1 < limit ? hot : b;
            float[] b2 = o2 < limit ? hot : b;
            float[] b3 = o3 < limit ? hot : b;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = FloatVector.zero(SPECIES);
            FloatVector s2 = FloatVector.zero(SPECIES);
            FloatVector s3 = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < bound; i += step) {
                FloatVector va = FloatVector.fromArray(SPECIES, a, aOff + i);
                s0 = FloatVector.fromArray(SPECIES, b0, o0 + i).fma(va, s0);
                s1 = FloatVector.fromArray(SPECIES, b1, o1 + i).fma(va, s1);
                s2 = FloatVector.fromArray(SPECIES, b2, o2 + i).fma(va, s2);
                s3 = FloatVector.fromArray(SPECIES, b3, o3 + i).fma(va, s3);
            }
            if (overlap) {
                s0 = FloatVector.fromArray(SPECIES, b0, o0 + t).fma(vaTail, s0);
                s1 = FloatVector.fromArray(SPECIES, b1, o1 + t).fma(vaTail, s1);
                s2 = FloatVector.fromArray(SPECIES, b2, o2 + t).fma(vaTail, s2);
                s3 = FloatVector.fromArray(SPECIES, b3, o3 + t).fma(vaTail, s3);
                i = d;
            }
            float r0 = sum(s0);
            float r1 = sum(s1);
            float r2 = sum(s2);
            float r3 = sum(s3);
            for (; i < d; i++) {
                float x = a[aOff + i];
                r0 += x * b0[o0 + i];
                r1 += x * b1[o1 + i];
                r2 += x * b2[o2 + i];
                r3 += x * b3[o3 + i];
            }
            c[cOff + j] = r0;
            c[cOff + j + 1] = r1;
            c[cOff + j + 2] = r2;
            c[cOff + j + 3] = r3;
        }
        for (; j < m; j++) {
            int o = bOff[j];
            float[] row = o < limit ? hot : b;
            FloatVector s = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < bound; i += step) {
                s = FloatVector.fromArray(SPECIES, row, o + i).fma(FloatVector.fromArray(SPECIES, a, aOff + i), s);
            }
            if (overlap) {
                s = FloatVector.fromArray(SPECIES, row, o + t).fma(vaTail, s);
                i = d;
            }
            float r = sum(s);
            for (; i < d; i++) {
                r += a[aOff + i] * row[o + i];
            }
            c[cOff + j] = r;
        }
    }

    @Override
    public void combine(float[] g, int gOff, float[] hot, float[] b, int limit, int[] bOff, int m, int d, float[] y,
            int yOff) {
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        boolean overlap = overlappingTail(d, bound);
        int i = 0;
        for (; i < bound; i += step) {
            combineChunk(g, gOff, hot, b, limit, bOff, m, y, yOff, i);
        }
        if (overlap) {
            // overwrites: the overlapped lanes get the values they already hold, computed the same way
            combineChunk(g, gOff, hot, b, limit, bOff, m, y, yOff, d - step);
            return;
        }
        for (; i < d; i++) {
            float s = 0f;
            for (int j = 0; j < m; j++) {
                int off = bOff[j];
                s += g[gOff + j] * (off < limit ? hot : b)[off + i];
            }
            y[yOff + i] = s;
        }
    }

    private static void combineChunk(float[] g, int gOff, float[] hot, float[] b, int limit, int[] bOff, int m,
            float[] y, int yOff, int i) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int j = 0; j < m; j++) {
            int off = bOff[j];
            acc = FloatVector.fromArray(SPECIES, off < limit ? hot : b, off + i)
                    .fma(FloatVector.broadcast(SPECIES, g[gOff + j]), acc);
        }
        acc.intoArray(y, yOff + i);
    }

    @Override
    public void accumulate(float[] g, int gOff, int gStride, float[] a, int[] aOff, int aFrom, int n, int d,
            float[] y, int yOff) {
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        int i = 0;
        for (; i < bound; i += step) {
            FloatVector acc = FloatVector.fromArray(SPECIES, y, yOff + i);
            for (int r = 0; r < n; r++) {
                acc = FloatVector.fromArray(SPECIES, a, aOff[aFrom + r] + i).fma(
                        FloatVector.broadcast(SPECIES, g[gOff + r * gStride]), acc);
            }
            acc.intoArray(y, yOff + i);
        }
        if (overlappingTail(d, bound)) {
            int t = d - step;
            FloatVector delta = FloatVector.zero(SPECIES);
            for (int r = 0; r < n; r++) {
                delta = FloatVector.fromArray(SPECIES, a, aOff[aFrom + r] + t).fma(
                        FloatVector.broadcast(SPECIES, g[gOff + r * gStride]), delta);
            }
            FloatVector.fromArray(SPECIES, y, yOff + t).add(delta.mul(keep(d, bound))).intoArray(y, yOff + t);
            return;
        }
        for (; i < d; i++) {
            float s = y[yOff + i];
            for (int r = 0; r < n; r++) {
                s += g[gOff + r * gStride] * a[aOff[aFrom + r] + i];
            }
            y[yOff + i] = s;
        }
    }

    @Override
    public void sumRows(float[] hot, float[] a, int limit, int[] aOff, int aFrom, int n, float scale, int d,
            float[] y, int yOff) {
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        int i = 0;
        for (; i < bound; i += step) {
            sumChunk(hot, a, limit, aOff, aFrom, n, scale, y, yOff, i);
        }
        if (overlappingTail(d, bound)) {
            sumChunk(hot, a, limit, aOff, aFrom, n, scale, y, yOff, d - step); // overwrites, as combine
            return;
        }
        for (; i < d; i++) {
            float s = 0f;
            for (int r = 0; r < n; r++) {
                int off = aOff[aFrom + r];
                s += (off < limit ? hot : a)[off + i];
            }
            y[yOff + i] = s * scale;
        }
    }

    private static void sumChunk(float[] hot, float[] a, int limit, int[] aOff, int aFrom, int n, float scale,
            float[] y, int yOff, int i) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int r = 0; r < n; r++) {
            int off = aOff[aFrom + r];
            acc = acc.add(FloatVector.fromArray(SPECIES, off < limit ? hot : a, off + i));
        }
        acc.mul(scale).intoArray(y, yOff + i);
    }

    @Override
    public void addToRows(float[] x, int xOff, float[] hot, float[] y, int limit, int[] yOff, int yFrom, int n,
            int d) {
        int bound = SPECIES.loopBound(d);
        int step = SPECIES.length();
        int i = 0;
        for (; i < bound; i += step) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
            for (int r = 0; r < n; r++) {
                int row = yOff[yFrom + r];
                float[] rows = row < limit ? hot : y;
                int off = row + i;
                FloatVector.fromArray(SPECIES, rows, off).add(vx).intoArray(rows, off);
            }
        }
        if (overlappingTail(d, bound)) {
            int t = d - step;
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + t).mul(keep(d, bound));
            for (int r = 0; r < n; r++) {
                int row = yOff[yFrom + r];
                float[] rows = row < limit ? hot : y;
                int off = row + t;
                FloatVector.fromArray(SPECIES, rows, off).add(vx).intoArray(rows, off);
            }
            return;
        }
        for (; i < d; i++) {
            float v = x[xOff + i];
            for (int r = 0; r < n; r++) {
                int row = yOff[yFrom + r];
                (row < limit ? hot : y)[row + i] += v;
            }
        }
    }
}
