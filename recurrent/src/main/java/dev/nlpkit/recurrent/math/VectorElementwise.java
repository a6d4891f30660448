package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the {@link VectorOps} helpers. Loaded only when {@link Kernels#vectorApi()} is true.
 * Every vector value stays inside one method: passing a vector to a call the JIT does not inline would box it.
 */
final class VectorElementwise {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorElementwise() {
    }

    static void sigmoid(float[] x, int off, int len) {
        int i = off;
        int end = off + len;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            // exp(-v) overflows to +inf for v < -88, giving exactly 0; NaN stays NaN.
            one.div(one.add(v.neg().lanewise(VectorOperators.EXP))).intoArray(x, i);
        }
        if (i < end) {
            // The tail (a gate block of 100 units leaves 4) as one masked vector, not scalar Math.exp calls.
            VectorMask<Float> mask = S.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(S, x, i, mask);
            one.div(one.add(v.neg().lanewise(VectorOperators.EXP))).intoArray(x, i, mask);
        }
    }

    static void tanh(float[] x, int off, int len) {
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(x, i);
        }
        if (i < end) {
            VectorMask<Float> mask = S.indexInRange(i, end);
            FloatVector.fromArray(S, x, i, mask).lanewise(VectorOperators.TANH).intoArray(x, i, mask);
        }
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        int i = 0;
        for (int bound = len - 2 * L; i <= bound; i += 2 * L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
            s1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), s1);
        }
        for (int bound = S.loopBound(len); i < bound; i += L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(len); i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(av, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }
}
