package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API path of {@link RowProjection}: four rows at a time, for each run of {@code L} output columns and
 * each block of features, four accumulators in registers updated with a multiply then an add (never an FMA, whose
 * single rounding would change the bits). Loaded only when {@link Kernels#vectorApi()} is true.
 */
final class VectorRowProjection {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorRowProjection() {
    }

    static void project(float[] x, int xOffset, int rows, int features, float[] w, float[] b, int width, int block,
            float[] out, int outOffset) {
        if (features == 0) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b, 0, out, outOffset + r * width, width);
            }
            return;
        }
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            four(x, xOffset + r * features, features, w, b, width, block, out, outOffset + r * width);
        }
        for (; r < rows; r++) {
            one(x, xOffset + r * features, features, w, b, width, block, out, outOffset + r * width);
        }
    }

    /** Rows {@code x0 .. x0 + 3 * features} into {@code o0 .. o0 + 3 * width}. */
    private static void four(float[] x, int x0, int features, float[] w, float[] b, int width, int block,
            float[] out, int o0) {
        int x1 = x0 + features;
        int x2 = x1 + features;
        int x3 = x2 + features;
        int o1 = o0 + width;
        int o2 = o1 + width;
        int o3 = o2 + width;
        int bound = S.loopBound(width);
        for (int j = 0; j < bound; j += L) {
            for (int k0 = 0; k0 < features; k0 += block) {
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = s0;
                FloatVector s2 = s0;
                FloatVector s3 = s0;
                int end = Math.min(features, k0 + block);
                for (int k = k0; k < end; k++) {
                    FloatVector wv = FloatVector.fromArray(S, w, k * width + j);
                    s0 = s0.add(wv.mul(x[x0 + k]));
                    s1 = s1.add(wv.mul(x[x1 + k]));
                    s2 = s2.add(wv.mul(x[x2 + k]));
                    s3 = s3.add(wv.mul(x[x3 + k]));
                }
                if (k0 == 0) {
                    FloatVector bv = FloatVector.fromArray(S, b, j);
                    bv.add(s0).intoArray(out, o0 + j);
                    bv.add(s1).intoArray(out, o1 + j);
                    bv.add(s2).intoArray(out, o2 + j);
                    bv.add(s3).intoArray(out, o3 + j);
                } else {
                    FloatVector.fromArray(S, out, o0 + j).add(s0).intoArray(out, o0 + j);
                    FloatVector.fromArray(S, out, o1 + j).add(s1).intoArray(out, o1 + j);
                    FloatVector.fromArray(S, out, o2 + j).add(s2).intoArray(out, o2 + j);
                    FloatVector.fromArray(S, out, o3 + j).add(s3).intoArray(out, o3 + j);
                }
            }
        }
        if (bound < width) {
            tail(x, x0, features, w, b, width, block, out, o0, bound);
            tail(x, x1, features, w, b, width, block, out, o1, bound);
            tail(x, x2, features, w, b, width, block, out, o2, bound);
            tail(x, x3, features, w, b, width, block, out, o3, bound);
        }
    }

    /** One row. */
    private static void one(float[] x, int x0, int features, float[] w, float[] b, int width, int block,
            float[] out, int o0) {
        int bound = S.loopBound(width);
        for (int j = 0; j < bound; j += L) {
            for (int k0 = 0; k0 < features; k0 += block) {
                FloatVector s0 = FloatVector.zero(S);
                int end = Math.min(features, k0 + block);
                for (int k = k0; k < end; k++) {
                    s0 = s0.add(FloatVector.fromArray(S, w, k * width + j).mul(x[x0 + k]));
                }
                FloatVector before = k0 == 0 ? FloatVector.fromArray(S, b, j) : FloatVector.fromArray(S, out, o0 + j);
                before.add(s0).intoArray(out, o0 + j);
            }
        }
        if (bound < width) {
            tail(x, x0, features, w, b, width, block, out, o0, bound);
        }
    }

    /** Columns {@code [from, width)} of one row, scalar, in the same order. */
    private static void tail(float[] x, int x0, int features, float[] w, float[] b, int width, int block,
            float[] out, int o0, int from) {
        for (int j = from; j < width; j++) {
            float value = b[j];
            for (int k0 = 0; k0 < features; k0 += block) {
                float sum = 0f;
                int end = Math.min(features, k0 + block);
                for (int k = k0; k < end; k++) {
                    sum += x[x0 + k] * w[k * width + j];
                }
                value = value + sum;
            }
            out[o0 + j] = value;
        }
    }
}
