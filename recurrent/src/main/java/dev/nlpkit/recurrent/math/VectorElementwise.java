package dev.nlpkit.recurrent.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the {@link VectorOps} helpers. Loaded only when {@link Kernels#vectorApi()} is true.
 * exp, sigmoid and tanh give the same bits as {@link FloatMath} on every element.
 * Every vector value stays inside one method: passing a vector to a call the JIT does not inline would box it.
 */
final class VectorElementwise {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorElementwise() {
    }

    static void exp(float[] x, int off, int len) {
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            exp(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
        if (i < end) {
            VectorMask<Float> mask = S.indexInRange(i, end);
            exp(FloatVector.fromArray(S, x, i, mask)).intoArray(x, i, mask);
        }
    }

    static void sigmoid(float[] x, int off, int len) {
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            sigmoid(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
        if (i < end) {
            // The tail (a gate block of 100 units leaves 4) as one masked vector, not scalar calls.
            VectorMask<Float> mask = S.indexInRange(i, end);
            sigmoid(FloatVector.fromArray(S, x, i, mask)).intoArray(x, i, mask);
        }
    }

    static void tanh(float[] x, int off, int len) {
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            tanh(FloatVector.fromArray(S, x, i)).intoArray(x, i);
        }
        if (i < end) {
            VectorMask<Float> mask = S.indexInRange(i, end);
            tanh(FloatVector.fromArray(S, x, i, mask)).intoArray(x, i, mask);
        }
    }

    // The three lane-wise kernels below run, operation for operation, what FloatMath does on one float (the
    // operands of each add, multiply and FMA only swapped where that cannot change the result), so both give
    // the same bits. They are small and private so that C2 inlines them into the loops above (a vector passed
    // to a call that is not inlined is boxed).

    private static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(FloatMath.EXP_MIN).min(FloatMath.EXP_MAX);
        FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
        FloatVector k = shifted.sub(FloatMath.SHIFTER);
        FloatVector r = k.fma(FloatVector.broadcast(S, -FloatMath.LN2_HI), xc);
        r = k.fma(FloatVector.broadcast(S, -FloatMath.LN2_LO), r);
        FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
        p = p.fma(r, FloatVector.broadcast(S, FloatMath.E3));
        p = p.fma(r, FloatVector.broadcast(S, FloatMath.E2));
        p = p.fma(r, FloatVector.broadcast(S, FloatMath.E1));
        p = p.fma(r, FloatVector.broadcast(S, FloatMath.E0));
        FloatVector hi = r.add(1f);
        FloatVector lo = FloatVector.broadcast(S, 1f).sub(hi).add(r);
        FloatVector er = hi.add(r.mul(r).fma(p, lo));
        IntVector ki = shifted.reinterpretAsInts().sub(FloatMath.SHIFTER_BITS);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = ki.sub(k1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return er.mul(s1).mul(s2);
    }

    private static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = a.mul(a);
        FloatVector q = z.fma(FloatMath.T4, FloatMath.T3);
        q = q.fma(z, FloatVector.broadcast(S, FloatMath.T2));
        q = q.fma(z, FloatVector.broadcast(S, FloatMath.T1));
        q = q.fma(z, FloatVector.broadcast(S, FloatMath.T0));
        FloatVector small = q.fma(z.mul(a), a);
        FloatVector large = FloatVector.broadcast(S, 1f)
                .sub(FloatVector.broadcast(S, 2f).div(exp(a.add(a)).add(1f)));
        FloatVector t = large.blend(small, a.lt(FloatMath.TANH_SMALL));
        // Math.copySign(t, x): t is not negative (or NaN), so OR-ing in the sign bit of x is the same.
        return t.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    private static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        VectorMask<Float> negative = x.lt(0f);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector q = e.add(1f);
        FloatVector qErr = one.sub(q).add(e);
        FloatVector num = one.blend(e, negative);
        FloatVector y = num.div(q);
        FloatVector minusY = y.neg();
        FloatVector correction = minusY.fma(qErr, minusY.fma(q, num));
        return correction.fma(y.blend(one.sub(y), negative), y);
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
