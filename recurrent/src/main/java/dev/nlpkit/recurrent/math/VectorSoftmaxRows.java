package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels of {@link SoftmaxRows}. Sums fold the lanes in {@link VectorElementwise#sumLanes}'s fixed
 * tree, not with {@code reduceLanes(ADD)}, whose order differs between the interpreter and C2 (the bits would then
 * depend on when the code got compiled).
 */
final class VectorSoftmaxRows {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorSoftmaxRows() {
    }

    /** {@link SoftmaxRows#softmax}; {@code padded} is a multiple of the vector length. */
    static void softmax(float[] s, int off, int padded, int limit, boolean[] mask, int maskOff) {
        if (mask != null) {
            for (int j = 0; j < limit; j++) {
                if (!mask[maskOff + j]) {
                    s[off + j] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int j = 0;
        for (; j + L <= limit; j += L) {
            max = max.max(FloatVector.fromArray(S, s, off + j));
        }
        float m = max.reduceLanes(VectorOperators.MAX);
        if (j < limit) {
            VectorMask<Float> tail = S.indexInRange(j, limit);
            m = Math.max(m, FloatVector.fromArray(S, s, off + j).reduceLanes(VectorOperators.MAX, tail));
        }
        if (m == Float.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(s, off, off + padded, 0f);
            return;
        }
        for (j = 0; j < padded; j += L) {
            FloatVector.fromArray(S, s, off + j).sub(m).intoArray(s, off + j);
        }
        // exp(-inf) is 0 (FloatMath clamps), so masked steps come out 0; steps from limit on are cleared below.
        VectorElementwise.exp(s, off, padded);
        FloatVector sum = FloatVector.zero(S);
        for (j = 0; j < padded; j += L) {
            FloatVector e = FloatVector.fromArray(S, s, off + j);
            if (j + L > limit) {
                e = e.blend(0f, S.indexInRange(j, limit).not());
                e.intoArray(s, off + j);
            }
            sum = sum.add(e);
        }
        float inv = 1f / VectorElementwise.sumLanes(sum);
        for (j = 0; j < padded; j += L) {
            FloatVector.fromArray(S, s, off + j).mul(inv).intoArray(s, off + j);
        }
    }

    /** {@link SoftmaxRows#softmaxBackward}. */
    static void softmaxBackward(float[] g, int gOff, float[] a, int aOff, int len) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= len; j += L) {
            acc = FloatVector.fromArray(S, g, gOff + j).fma(FloatVector.fromArray(S, a, aOff + j), acc);
        }
        VectorMask<Float> tail = S.indexInRange(j, len);
        if (j < len) {
            acc = FloatVector.fromArray(S, g, gOff + j, tail).fma(FloatVector.fromArray(S, a, aOff + j, tail), acc);
        }
        float dot = VectorElementwise.sumLanes(acc);
        for (j = 0; j + L <= len; j += L) {
            FloatVector w = FloatVector.fromArray(S, a, aOff + j);
            w.mul(FloatVector.fromArray(S, g, gOff + j).sub(dot)).intoArray(g, gOff + j);
        }
        if (j < len) {
            FloatVector w = FloatVector.fromArray(S, a, aOff + j, tail);
            w.mul(FloatVector.fromArray(S, g, gOff + j, tail).sub(dot)).intoArray(g, gOff + j, tail);
        }
    }
}
