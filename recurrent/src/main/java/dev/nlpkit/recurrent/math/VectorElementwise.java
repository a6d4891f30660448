package dev.nlpkit.recurrent.math;

import java.util.ArrayList;
import java.util.List;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
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

    // exp, sigmoid and tanh run, operation for operation, what FloatMath does on one float (the operands of an
    // add, multiply or FMA only swapped where that cannot change the result), so both give the same bits. Each
    // kernel is written out in full, exp included, in its loop and again for its masked tail: a vector passed to
    // a call that C2 does not inline is boxed, and calls to helpers this size were measured not to be inlined
    // reliably; a single masked loop, or an overlapping last vector, measured slower.

    static void exp(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -FloatMath.LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(S, -FloatMath.LN2_LO);
        FloatVector e3 = FloatVector.broadcast(S, FloatMath.E3);
        FloatVector e2 = FloatVector.broadcast(S, FloatMath.E2);
        FloatVector e1 = FloatVector.broadcast(S, FloatMath.E1);
        FloatVector e0 = FloatVector.broadcast(S, FloatMath.E0);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, i);
            FloatVector x = v;
            FloatVector xc = x.max(FloatMath.EXP_MIN).min(FloatMath.EXP_MAX);
            FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector k = shifted.sub(FloatMath.SHIFTER);
            FloatVector r = k.fma(minusLn2Hi, xc);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            p = p.fma(r, one);
            FloatVector er = p.fma(r, one);
            IntVector ki = shifted.reinterpretAsInts().sub(FloatMath.SHIFTER_BITS);
            IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = ki.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = er.mul(s1).mul(s2);
            e.intoArray(a, i);
        }
        if (i < end) {
            // The tail (a gate block of 100 units leaves 4 with AVX-512): the same body on one masked vector.
            VectorMask<Float> mask = S.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(S, a, i, mask);
            FloatVector x = v;
            FloatVector xc = x.max(FloatMath.EXP_MIN).min(FloatMath.EXP_MAX);
            FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector k = shifted.sub(FloatMath.SHIFTER);
            FloatVector r = k.fma(minusLn2Hi, xc);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            p = p.fma(r, one);
            FloatVector er = p.fma(r, one);
            IntVector ki = shifted.reinterpretAsInts().sub(FloatMath.SHIFTER_BITS);
            IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = ki.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = er.mul(s1).mul(s2);
            e.intoArray(a, i, mask);
        }
    }

    static void sigmoid(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -FloatMath.LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(S, -FloatMath.LN2_LO);
        FloatVector e3 = FloatVector.broadcast(S, FloatMath.E3);
        FloatVector e2 = FloatVector.broadcast(S, FloatMath.E2);
        FloatVector e1 = FloatVector.broadcast(S, FloatMath.E1);
        FloatVector e0 = FloatVector.broadcast(S, FloatMath.E0);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, i);
            FloatVector x = v.abs().neg();
            FloatVector xc = x.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector k = shifted.sub(FloatMath.SHIFTER);
            FloatVector r = k.fma(minusLn2Hi, xc);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            p = p.fma(r, one);
            FloatVector er = p.fma(r, one);
            FloatVector e = er.mul(shifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            e = e.blend(0f, x.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> negative = v.lt(0f);
            FloatVector q = e.add(1f);
            FloatVector qErr = one.sub(q).add(e);
            FloatVector num = one.blend(e, negative);
            FloatVector y = num.div(q);
            FloatVector minusY = y.neg();
            FloatVector correction = minusY.fma(qErr, minusY.fma(q, num));
            correction.fma(y.blend(one.sub(y), negative), y).intoArray(a, i);
        }
        if (i < end) {
            // The tail (a gate block of 100 units leaves 4 with AVX-512): the same body on one masked vector.
            VectorMask<Float> mask = S.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(S, a, i, mask);
            FloatVector x = v.abs().neg();
            FloatVector xc = x.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector k = shifted.sub(FloatMath.SHIFTER);
            FloatVector r = k.fma(minusLn2Hi, xc);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            p = p.fma(r, one);
            FloatVector er = p.fma(r, one);
            FloatVector e = er.mul(shifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            e = e.blend(0f, x.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> negative = v.lt(0f);
            FloatVector q = e.add(1f);
            FloatVector qErr = one.sub(q).add(e);
            FloatVector num = one.blend(e, negative);
            FloatVector y = num.div(q);
            FloatVector minusY = y.neg();
            FloatVector correction = minusY.fma(qErr, minusY.fma(q, num));
            correction.fma(y.blend(one.sub(y), negative), y).intoArray(a, i, mask);
        }
    }

    static void tanh(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -FloatMath.LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(S, -FloatMath.LN2_LO);
        FloatVector e3 = FloatVector.broadcast(S, FloatMath.E3);
        FloatVector e2 = FloatVector.broadcast(S, FloatMath.E2);
        FloatVector e1 = FloatVector.broadcast(S, FloatMath.E1);
        FloatVector e0 = FloatVector.broadcast(S, FloatMath.E0);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector t2 = FloatVector.broadcast(S, FloatMath.T2);
        FloatVector t1 = FloatVector.broadcast(S, FloatMath.T1);
        FloatVector t0 = FloatVector.broadcast(S, FloatMath.T0);
        int i = off;
        int end = off + len;
        for (int bound = off + S.loopBound(len); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, i);
            FloatVector abs = v.abs();
            FloatVector xc = abs.add(abs).min(FloatMath.TANH_EXP_MAX);
            FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector k = shifted.sub(FloatMath.SHIFTER);
            FloatVector r = k.fma(minusLn2Hi, xc);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            p = p.fma(r, one);
            FloatVector er = p.fma(r, one);
            FloatVector e = er.mul(shifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector large = one.sub(two.div(e.add(1f)));
            FloatVector z = abs.mul(abs);
            FloatVector q = z.fma(FloatMath.T4, FloatMath.T3);
            q = q.fma(z, t2);
            q = q.fma(z, t1);
            q = q.fma(z, t0);
            FloatVector small = q.fma(z.mul(abs), abs);
            FloatVector t = large.blend(small, abs.lt(FloatMath.TANH_SMALL));
            // Math.copySign(t, v): t is not negative (or NaN), so OR-ing in the sign bit of v is the same.
            t.reinterpretAsInts().or(v.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats().intoArray(a, i);
        }
        if (i < end) {
            // The tail (a gate block of 100 units leaves 4 with AVX-512): the same body on one masked vector.
            VectorMask<Float> mask = S.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(S, a, i, mask);
            FloatVector abs = v.abs();
            FloatVector xc = abs.add(abs).min(FloatMath.TANH_EXP_MAX);
            FloatVector shifted = xc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector k = shifted.sub(FloatMath.SHIFTER);
            FloatVector r = k.fma(minusLn2Hi, xc);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = r.fma(FloatMath.E5, FloatMath.E4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            p = p.fma(r, one);
            FloatVector er = p.fma(r, one);
            FloatVector e = er.mul(shifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector large = one.sub(two.div(e.add(1f)));
            FloatVector z = abs.mul(abs);
            FloatVector q = z.fma(FloatMath.T4, FloatMath.T3);
            q = q.fma(z, t2);
            q = q.fma(z, t1);
            q = q.fma(z, t0);
            FloatVector small = q.fma(z.mul(abs), abs);
            FloatVector t = large.blend(small, abs.lt(FloatMath.TANH_SMALL));
            // Math.copySign(t, v): t is not negative (or NaN), so OR-ing in the sign bit of v is the same.
            t.reinterpretAsInts().or(v.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats()
                    .intoArray(a, i, mask);
        }
    }

    /** Lane i takes lane i + L/2, then i + L/4, ... (mod L): after all folds lane 0 holds the sum. */
    private static final List<VectorShuffle<Float>> FOLDS = folds();

    private static List<VectorShuffle<Float>> folds() {
        List<VectorShuffle<Float>> folds = new ArrayList<>();
        for (int half = L / 2; half >= 1; half /= 2) {
            folds.add(VectorShuffle.iota(S, half, 1, true));
        }
        return List.copyOf(folds);
    }

    /**
     * The lanes of v summed in a fixed tree (halves, quarters, ...). Not {@code reduceLanes(ADD)}: its order of
     * additions is left to the implementation and differs between the interpreter and compiled code, which would
     * break bit-identical results across JIT tiers.
     */
    static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> fold : FOLDS) {
            v = v.add(v.rearrange(fold));
        }
        return v.lane(0);
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
        float sum = sumLanes(s0.add(s1));
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
