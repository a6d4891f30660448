package dev.nlpkit.recurrent.math;

import dev.nlpkit.core.Seeds;
import java.util.ArrayList;
import java.util.List;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
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

    /**
     * One LSTM row's gates and state update in one pass (see {@link VectorOps#lstmRow}); rows narrower than one
     * vector go to {@link PlainOps#lstmRow}, which gives the same bits. Every lane runs {@link FloatMath#sigmoid}
     * on i, f and o and {@link FloatMath#tanh} on g and on the new cell, operation for operation as
     * {@link #sigmoid} and {@link #tanh} do, and the state update in the same float operations as the scalar
     * path, so the bits are those of the separate calls. No masked tail: the last vector is the one ending at
     * the last unit. One loop body (not a copy for the tail) keeps C2's compilation of this large method to
     * half the time.
     */
    static void lstmRow(float[] z, int zOff, float[] c, float[] h, int sOff, int units) {
        if (units < L) {
            PlainOps.lstmRow(z, zOff, c, h, sOff, units);
            return;
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -FloatMath.LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(S, -FloatMath.LN2_LO);
        FloatVector e3 = FloatVector.broadcast(S, FloatMath.E3);
        FloatVector e2 = FloatVector.broadcast(S, FloatMath.E2);
        FloatVector e1 = FloatVector.broadcast(S, FloatMath.E1);
        FloatVector e0 = FloatVector.broadcast(S, FloatMath.E0);
        FloatVector t2 = FloatVector.broadcast(S, FloatMath.T2);
        FloatVector t1 = FloatVector.broadcast(S, FloatMath.T1);
        FloatVector t0 = FloatVector.broadcast(S, FloatMath.T0);
        // Vectors start at 0, L, 2L, ... and the last one at units - L, overlapping the one before it when L
        // does not divide units; every vector is computed from the old state and stores the same values in
        // the lanes it shares with another.
        int last = units - L;
        FloatVector cLast = FloatVector.fromArray(S, c, sOff + last);
        for (int j = 0; ; j = Math.min(j + L, last)) {
            FloatVector zi = FloatVector.fromArray(S, z, zOff + j);
            FloatVector zf = FloatVector.fromArray(S, z, zOff + units + j);
            FloatVector zg = FloatVector.fromArray(S, z, zOff + 2 * units + j);
            FloatVector zo = FloatVector.fromArray(S, z, zOff + 3 * units + j);
            // The last vector's old c was read before the loop: its first lanes are overwritten by now.
            FloatVector cPrev = j == last ? cLast : FloatVector.fromArray(S, c, sOff + j);
            FloatVector gix = zi.abs().neg();
            FloatVector gixc = gix.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector gishifted = gixc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector gik = gishifted.sub(FloatMath.SHIFTER);
            FloatVector gir = gik.fma(minusLn2Hi, gixc);
            gir = gik.fma(minusLn2Lo, gir);
            FloatVector gip = gir.fma(FloatMath.E5, FloatMath.E4);
            gip = gip.fma(gir, e3);
            gip = gip.fma(gir, e2);
            gip = gip.fma(gir, e1);
            gip = gip.fma(gir, e0);
            gip = gip.fma(gir, one);
            FloatVector gie = gip.fma(gir, one).mul(gishifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            gie = gie.blend(0f, gix.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> ginegative = zi.lt(0f);
            FloatVector giq = gie.add(1f);
            FloatVector giqErr = one.sub(giq).add(gie);
            FloatVector ginum = one.blend(gie, ginegative);
            FloatVector giy = ginum.div(giq);
            FloatVector giminusY = giy.neg();
            FloatVector gi = giminusY.fma(giqErr, giminusY.fma(giq, ginum))
                    .fma(giy.blend(one.sub(giy), ginegative), giy);
            FloatVector gfx = zf.abs().neg();
            FloatVector gfxc = gfx.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector gfshifted = gfxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector gfk = gfshifted.sub(FloatMath.SHIFTER);
            FloatVector gfr = gfk.fma(minusLn2Hi, gfxc);
            gfr = gfk.fma(minusLn2Lo, gfr);
            FloatVector gfp = gfr.fma(FloatMath.E5, FloatMath.E4);
            gfp = gfp.fma(gfr, e3);
            gfp = gfp.fma(gfr, e2);
            gfp = gfp.fma(gfr, e1);
            gfp = gfp.fma(gfr, e0);
            gfp = gfp.fma(gfr, one);
            FloatVector gfe = gfp.fma(gfr, one).mul(gfshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            gfe = gfe.blend(0f, gfx.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> gfnegative = zf.lt(0f);
            FloatVector gfq = gfe.add(1f);
            FloatVector gfqErr = one.sub(gfq).add(gfe);
            FloatVector gfnum = one.blend(gfe, gfnegative);
            FloatVector gfy = gfnum.div(gfq);
            FloatVector gfminusY = gfy.neg();
            FloatVector gf = gfminusY.fma(gfqErr, gfminusY.fma(gfq, gfnum))
                    .fma(gfy.blend(one.sub(gfy), gfnegative), gfy);
            FloatVector ggabs = zg.abs();
            FloatVector ggxc = ggabs.add(ggabs).min(FloatMath.TANH_EXP_MAX);
            FloatVector ggshifted = ggxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector ggk = ggshifted.sub(FloatMath.SHIFTER);
            FloatVector ggr = ggk.fma(minusLn2Hi, ggxc);
            ggr = ggk.fma(minusLn2Lo, ggr);
            FloatVector ggp = ggr.fma(FloatMath.E5, FloatMath.E4);
            ggp = ggp.fma(ggr, e3);
            ggp = ggp.fma(ggr, e2);
            ggp = ggp.fma(ggr, e1);
            ggp = ggp.fma(ggr, e0);
            ggp = ggp.fma(ggr, one);
            FloatVector gge = ggp.fma(ggr, one).mul(ggshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector gglarge = one.sub(two.div(gge.add(1f)));
            FloatVector ggz = ggabs.mul(ggabs);
            FloatVector ggq = ggz.fma(FloatMath.T4, FloatMath.T3);
            ggq = ggq.fma(ggz, t2);
            ggq = ggq.fma(ggz, t1);
            ggq = ggq.fma(ggz, t0);
            FloatVector ggsmall = ggq.fma(ggz.mul(ggabs), ggabs);
            FloatVector gg = gglarge.blend(ggsmall, ggabs.lt(FloatMath.TANH_SMALL)).reinterpretAsInts()
                    .or(zg.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
            FloatVector gox = zo.abs().neg();
            FloatVector goxc = gox.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector goshifted = goxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector gok = goshifted.sub(FloatMath.SHIFTER);
            FloatVector gor = gok.fma(minusLn2Hi, goxc);
            gor = gok.fma(minusLn2Lo, gor);
            FloatVector gop = gor.fma(FloatMath.E5, FloatMath.E4);
            gop = gop.fma(gor, e3);
            gop = gop.fma(gor, e2);
            gop = gop.fma(gor, e1);
            gop = gop.fma(gor, e0);
            gop = gop.fma(gor, one);
            FloatVector goe = gop.fma(gor, one).mul(goshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            goe = goe.blend(0f, gox.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> gonegative = zo.lt(0f);
            FloatVector goq = goe.add(1f);
            FloatVector goqErr = one.sub(goq).add(goe);
            FloatVector gonum = one.blend(goe, gonegative);
            FloatVector goy = gonum.div(goq);
            FloatVector gominusY = goy.neg();
            FloatVector go = gominusY.fma(goqErr, gominusY.fma(goq, gonum))
                    .fma(goy.blend(one.sub(goy), gonegative), goy);
            FloatVector cNew = gf.mul(cPrev).add(gi.mul(gg));
            FloatVector tcabs = cNew.abs();
            FloatVector tcxc = tcabs.add(tcabs).min(FloatMath.TANH_EXP_MAX);
            FloatVector tcshifted = tcxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector tck = tcshifted.sub(FloatMath.SHIFTER);
            FloatVector tcr = tck.fma(minusLn2Hi, tcxc);
            tcr = tck.fma(minusLn2Lo, tcr);
            FloatVector tcp = tcr.fma(FloatMath.E5, FloatMath.E4);
            tcp = tcp.fma(tcr, e3);
            tcp = tcp.fma(tcr, e2);
            tcp = tcp.fma(tcr, e1);
            tcp = tcp.fma(tcr, e0);
            tcp = tcp.fma(tcr, one);
            FloatVector tce = tcp.fma(tcr, one).mul(tcshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector tclarge = one.sub(two.div(tce.add(1f)));
            FloatVector tcz = tcabs.mul(tcabs);
            FloatVector tcq = tcz.fma(FloatMath.T4, FloatMath.T3);
            tcq = tcq.fma(tcz, t2);
            tcq = tcq.fma(tcz, t1);
            tcq = tcq.fma(tcz, t0);
            FloatVector tcsmall = tcq.fma(tcz.mul(tcabs), tcabs);
            FloatVector tc = tclarge.blend(tcsmall, tcabs.lt(FloatMath.TANH_SMALL)).reinterpretAsInts()
                    .or(cNew.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
            FloatVector hNew = go.mul(tc);
            cNew.intoArray(c, sOff + j);
            hNew.intoArray(h, sOff + j);
            if (j == last) {
                break;
            }
        }
    }

    /**
     * {@link #lstmRow} for training (see {@link VectorOps#lstmTrainRow}): also writes the activations back into
     * {@code z} and the old cell, {@code tanh(c')} and {@code h} into the trace rows; rows narrower than one
     * vector go to {@link PlainOps#lstmTrainRow}, which gives the same bits. The last vector, which overlaps the
     * one before it, reads its pre-activations and old cell before the loop, so the lanes it shares with that
     * vector are computed from the same inputs and rewritten with the same values. Every lane runs {@link FloatMath#sigmoid}
     * on i, f and o and {@link FloatMath#tanh} on g and on the new cell, operation for operation as
     * {@link #sigmoid} and {@link #tanh} do, and the state update in the same float operations as the scalar
     * path, so the bits are those of the separate calls. No masked tail: the last vector is the one ending at
     * the last unit. One loop body (not a copy for the tail) keeps C2's compilation of this large method to
     * half the time.
     */
    static void lstmTrainRow(float[] z, int zOff, float[] c, float[] h, int sOff, float[] cPrevOut,
                             float[] tanhCOut, float[] hOut, int tOff, int units) {
        if (units < L) {
            PlainOps.lstmTrainRow(z, zOff, c, h, sOff, cPrevOut, tanhCOut, hOut, tOff, units);
            return;
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -FloatMath.LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(S, -FloatMath.LN2_LO);
        FloatVector e3 = FloatVector.broadcast(S, FloatMath.E3);
        FloatVector e2 = FloatVector.broadcast(S, FloatMath.E2);
        FloatVector e1 = FloatVector.broadcast(S, FloatMath.E1);
        FloatVector e0 = FloatVector.broadcast(S, FloatMath.E0);
        FloatVector t2 = FloatVector.broadcast(S, FloatMath.T2);
        FloatVector t1 = FloatVector.broadcast(S, FloatMath.T1);
        FloatVector t0 = FloatVector.broadcast(S, FloatMath.T0);
        // Vectors start at 0, L, 2L, ... and the last one at units - L, overlapping the one before it when L
        // does not divide units; every vector is computed from the old state and stores the same values in
        // the lanes it shares with another.
        int last = units - L;
        FloatVector cLast = FloatVector.fromArray(S, c, sOff + last);
        FloatVector ziLast = FloatVector.fromArray(S, z, zOff + last);
        FloatVector zfLast = FloatVector.fromArray(S, z, zOff + units + last);
        FloatVector zgLast = FloatVector.fromArray(S, z, zOff + 2 * units + last);
        FloatVector zoLast = FloatVector.fromArray(S, z, zOff + 3 * units + last);
        for (int j = 0; ; j = Math.min(j + L, last)) {
            boolean atLast = j == last;
            FloatVector zi = atLast ? ziLast : FloatVector.fromArray(S, z, zOff + j);
            FloatVector zf = atLast ? zfLast : FloatVector.fromArray(S, z, zOff + units + j);
            FloatVector zg = atLast ? zgLast : FloatVector.fromArray(S, z, zOff + 2 * units + j);
            FloatVector zo = atLast ? zoLast : FloatVector.fromArray(S, z, zOff + 3 * units + j);
            // The last vector's old c was read before the loop: its first lanes are overwritten by now.
            FloatVector cPrev = j == last ? cLast : FloatVector.fromArray(S, c, sOff + j);
            FloatVector gix = zi.abs().neg();
            FloatVector gixc = gix.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector gishifted = gixc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector gik = gishifted.sub(FloatMath.SHIFTER);
            FloatVector gir = gik.fma(minusLn2Hi, gixc);
            gir = gik.fma(minusLn2Lo, gir);
            FloatVector gip = gir.fma(FloatMath.E5, FloatMath.E4);
            gip = gip.fma(gir, e3);
            gip = gip.fma(gir, e2);
            gip = gip.fma(gir, e1);
            gip = gip.fma(gir, e0);
            gip = gip.fma(gir, one);
            FloatVector gie = gip.fma(gir, one).mul(gishifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            gie = gie.blend(0f, gix.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> ginegative = zi.lt(0f);
            FloatVector giq = gie.add(1f);
            FloatVector giqErr = one.sub(giq).add(gie);
            FloatVector ginum = one.blend(gie, ginegative);
            FloatVector giy = ginum.div(giq);
            FloatVector giminusY = giy.neg();
            FloatVector gi = giminusY.fma(giqErr, giminusY.fma(giq, ginum))
                    .fma(giy.blend(one.sub(giy), ginegative), giy);
            FloatVector gfx = zf.abs().neg();
            FloatVector gfxc = gfx.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector gfshifted = gfxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector gfk = gfshifted.sub(FloatMath.SHIFTER);
            FloatVector gfr = gfk.fma(minusLn2Hi, gfxc);
            gfr = gfk.fma(minusLn2Lo, gfr);
            FloatVector gfp = gfr.fma(FloatMath.E5, FloatMath.E4);
            gfp = gfp.fma(gfr, e3);
            gfp = gfp.fma(gfr, e2);
            gfp = gfp.fma(gfr, e1);
            gfp = gfp.fma(gfr, e0);
            gfp = gfp.fma(gfr, one);
            FloatVector gfe = gfp.fma(gfr, one).mul(gfshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            gfe = gfe.blend(0f, gfx.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> gfnegative = zf.lt(0f);
            FloatVector gfq = gfe.add(1f);
            FloatVector gfqErr = one.sub(gfq).add(gfe);
            FloatVector gfnum = one.blend(gfe, gfnegative);
            FloatVector gfy = gfnum.div(gfq);
            FloatVector gfminusY = gfy.neg();
            FloatVector gf = gfminusY.fma(gfqErr, gfminusY.fma(gfq, gfnum))
                    .fma(gfy.blend(one.sub(gfy), gfnegative), gfy);
            FloatVector ggabs = zg.abs();
            FloatVector ggxc = ggabs.add(ggabs).min(FloatMath.TANH_EXP_MAX);
            FloatVector ggshifted = ggxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector ggk = ggshifted.sub(FloatMath.SHIFTER);
            FloatVector ggr = ggk.fma(minusLn2Hi, ggxc);
            ggr = ggk.fma(minusLn2Lo, ggr);
            FloatVector ggp = ggr.fma(FloatMath.E5, FloatMath.E4);
            ggp = ggp.fma(ggr, e3);
            ggp = ggp.fma(ggr, e2);
            ggp = ggp.fma(ggr, e1);
            ggp = ggp.fma(ggr, e0);
            ggp = ggp.fma(ggr, one);
            FloatVector gge = ggp.fma(ggr, one).mul(ggshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector gglarge = one.sub(two.div(gge.add(1f)));
            FloatVector ggz = ggabs.mul(ggabs);
            FloatVector ggq = ggz.fma(FloatMath.T4, FloatMath.T3);
            ggq = ggq.fma(ggz, t2);
            ggq = ggq.fma(ggz, t1);
            ggq = ggq.fma(ggz, t0);
            FloatVector ggsmall = ggq.fma(ggz.mul(ggabs), ggabs);
            FloatVector gg = gglarge.blend(ggsmall, ggabs.lt(FloatMath.TANH_SMALL)).reinterpretAsInts()
                    .or(zg.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
            FloatVector gox = zo.abs().neg();
            FloatVector goxc = gox.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector goshifted = goxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector gok = goshifted.sub(FloatMath.SHIFTER);
            FloatVector gor = gok.fma(minusLn2Hi, goxc);
            gor = gok.fma(minusLn2Lo, gor);
            FloatVector gop = gor.fma(FloatMath.E5, FloatMath.E4);
            gop = gop.fma(gor, e3);
            gop = gop.fma(gor, e2);
            gop = gop.fma(gor, e1);
            gop = gop.fma(gor, e0);
            gop = gop.fma(gor, one);
            FloatVector goe = gop.fma(gor, one).mul(goshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            goe = goe.blend(0f, gox.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> gonegative = zo.lt(0f);
            FloatVector goq = goe.add(1f);
            FloatVector goqErr = one.sub(goq).add(goe);
            FloatVector gonum = one.blend(goe, gonegative);
            FloatVector goy = gonum.div(goq);
            FloatVector gominusY = goy.neg();
            FloatVector go = gominusY.fma(goqErr, gominusY.fma(goq, gonum))
                    .fma(goy.blend(one.sub(goy), gonegative), goy);
            FloatVector cNew = gf.mul(cPrev).add(gi.mul(gg));
            FloatVector tcabs = cNew.abs();
            FloatVector tcxc = tcabs.add(tcabs).min(FloatMath.TANH_EXP_MAX);
            FloatVector tcshifted = tcxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector tck = tcshifted.sub(FloatMath.SHIFTER);
            FloatVector tcr = tck.fma(minusLn2Hi, tcxc);
            tcr = tck.fma(minusLn2Lo, tcr);
            FloatVector tcp = tcr.fma(FloatMath.E5, FloatMath.E4);
            tcp = tcp.fma(tcr, e3);
            tcp = tcp.fma(tcr, e2);
            tcp = tcp.fma(tcr, e1);
            tcp = tcp.fma(tcr, e0);
            tcp = tcp.fma(tcr, one);
            FloatVector tce = tcp.fma(tcr, one).mul(tcshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector tclarge = one.sub(two.div(tce.add(1f)));
            FloatVector tcz = tcabs.mul(tcabs);
            FloatVector tcq = tcz.fma(FloatMath.T4, FloatMath.T3);
            tcq = tcq.fma(tcz, t2);
            tcq = tcq.fma(tcz, t1);
            tcq = tcq.fma(tcz, t0);
            FloatVector tcsmall = tcq.fma(tcz.mul(tcabs), tcabs);
            FloatVector tc = tclarge.blend(tcsmall, tcabs.lt(FloatMath.TANH_SMALL)).reinterpretAsInts()
                    .or(cNew.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
            FloatVector hNew = go.mul(tc);
            gi.intoArray(z, zOff + j);
            gf.intoArray(z, zOff + units + j);
            gg.intoArray(z, zOff + 2 * units + j);
            go.intoArray(z, zOff + 3 * units + j);
            cPrev.intoArray(cPrevOut, tOff + j);
            cNew.intoArray(c, sOff + j);
            tc.intoArray(tanhCOut, tOff + j);
            hNew.intoArray(h, sOff + j);
            hNew.intoArray(hOut, tOff + j);
            if (j == last) {
                break;
            }
        }
    }

    /**
     * {@link VectorOps#lstmBackRow}: whole vectors, then {@link PlainOps#lstmBackRow} for the last
     * {@code units % L} units. Each lane does the scalar loop's float operations in its order (multiplications
     * and subtractions, none fused), so the bits are the same; a null {@code dhs} adds {@code 0f} as the scalar
     * loop does (which turns a {@code -0f} into {@code +0f}).
     */
    static void lstmBackRow(float[] z, int zOff, float[] dz, float[] dh, float[] dc, int sOff, float[] dhs,
                            float[] tanhC, float[] cPrev, int tOff, int units) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= units; j += L) {
            FloatVector dhv = FloatVector.fromArray(S, dh, sOff + j)
                    .add(dhs == null ? zero : FloatVector.fromArray(S, dhs, tOff + j));
            FloatVector gi = FloatVector.fromArray(S, z, zOff + j);
            FloatVector gf = FloatVector.fromArray(S, z, zOff + units + j);
            FloatVector gg = FloatVector.fromArray(S, z, zOff + 2 * units + j);
            FloatVector go = FloatVector.fromArray(S, z, zOff + 3 * units + j);
            FloatVector tc = FloatVector.fromArray(S, tanhC, tOff + j);
            FloatVector dcv = FloatVector.fromArray(S, dc, sOff + j).add(dhv.mul(go).mul(one.sub(tc.mul(tc))));
            dcv.mul(gg).mul(gi).mul(one.sub(gi)).intoArray(dz, zOff + j);
            dcv.mul(FloatVector.fromArray(S, cPrev, tOff + j)).mul(gf).mul(one.sub(gf))
                    .intoArray(dz, zOff + units + j);
            dcv.mul(gi).mul(one.sub(gg.mul(gg))).intoArray(dz, zOff + 2 * units + j);
            dhv.mul(tc).mul(go).mul(one.sub(go)).intoArray(dz, zOff + 3 * units + j);
            dcv.mul(gf).intoArray(dc, sOff + j);
        }
        PlainOps.lstmBackRow(z, zOff, dz, dh, dc, sOff, dhs, tanhC, cPrev, tOff, units, j);
    }

    /**
     * {@link VectorOps#gruGateRow} in one pass: per vector of units, the sigmoid of the update and reset gates
     * (lane for lane the operations of {@link #sigmoid}) and the reset product; the last vector is masked.
     */
    static void gruGateRow(float[] z, int zOff, float[] hd, float[] rhOut, int tOff, int units) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector minusLn2Hi = FloatVector.broadcast(S, -FloatMath.LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(S, -FloatMath.LN2_LO);
        FloatVector e3 = FloatVector.broadcast(S, FloatMath.E3);
        FloatVector e2 = FloatVector.broadcast(S, FloatMath.E2);
        FloatVector e1 = FloatVector.broadcast(S, FloatMath.E1);
        FloatVector e0 = FloatVector.broadcast(S, FloatMath.E0);
        for (int j = 0; j < units; j += L) {
            VectorMask<Float> m = S.indexInRange(j, units);
            FloatVector zu = FloatVector.fromArray(S, z, zOff + j, m);
            FloatVector zr = FloatVector.fromArray(S, z, zOff + units + j, m);
            FloatVector ux = zu.abs().neg();
            FloatVector uxc = ux.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector ushifted = uxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector uk = ushifted.sub(FloatMath.SHIFTER);
            FloatVector ur = uk.fma(minusLn2Hi, uxc);
            ur = uk.fma(minusLn2Lo, ur);
            FloatVector up = ur.fma(FloatMath.E5, FloatMath.E4);
            up = up.fma(ur, e3);
            up = up.fma(ur, e2);
            up = up.fma(ur, e1);
            up = up.fma(ur, e0);
            up = up.fma(ur, one);
            FloatVector ue = up.fma(ur, one).mul(ushifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            ue = ue.blend(0f, ux.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> unegative = zu.lt(0f);
            FloatVector uq = ue.add(1f);
            FloatVector uqErr = one.sub(uq).add(ue);
            FloatVector unum = one.blend(ue, unegative);
            FloatVector uy = unum.div(uq);
            FloatVector uminusY = uy.neg();
            FloatVector u = uminusY.fma(uqErr, uminusY.fma(uq, unum))
                    .fma(uy.blend(one.sub(uy), unegative), uy);
            FloatVector rx = zr.abs().neg();
            FloatVector rxc = rx.max(FloatMath.NORMAL_EXP_MIN);
            FloatVector rshifted = rxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector rk = rshifted.sub(FloatMath.SHIFTER);
            FloatVector rr = rk.fma(minusLn2Hi, rxc);
            rr = rk.fma(minusLn2Lo, rr);
            FloatVector rp = rr.fma(FloatMath.E5, FloatMath.E4);
            rp = rp.fma(rr, e3);
            rp = rp.fma(rr, e2);
            rp = rp.fma(rr, e1);
            rp = rp.fma(rr, e0);
            rp = rp.fma(rr, one);
            FloatVector re = rp.fma(rr, one).mul(rshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            re = re.blend(0f, rx.lt(FloatMath.NORMAL_EXP_MIN));
            VectorMask<Float> rnegative = zr.lt(0f);
            FloatVector rq = re.add(1f);
            FloatVector rqErr = one.sub(rq).add(re);
            FloatVector rnum = one.blend(re, rnegative);
            FloatVector ry = rnum.div(rq);
            FloatVector rminusY = ry.neg();
            FloatVector r = rminusY.fma(rqErr, rminusY.fma(rq, rnum))
                    .fma(ry.blend(one.sub(ry), rnegative), ry);
            u.intoArray(z, zOff + j, m);
            r.intoArray(z, zOff + units + j, m);
            r.mul(FloatVector.fromArray(S, hd, tOff + j, m)).intoArray(rhOut, tOff + j, m);
        }
    }

    /**
     * {@link VectorOps#gruStateRow} in one pass: per vector of units, the tanh of the candidate (lane for lane the
     * operations of {@link #tanh}) and the state update {@code (1 - u) h + u n}, not fused; the last vector is
     * masked.
     */
    static void gruStateRow(float[] z, int zOff, float[] h, int sOff, float[] hOut, int tOff, int units) {
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
        for (int j = 0; j < units; j += L) {
            VectorMask<Float> m = S.indexInRange(j, units);
            FloatVector zn = FloatVector.fromArray(S, z, zOff + 2 * units + j, m);
            FloatVector nabs = zn.abs();
            FloatVector nxc = nabs.add(nabs).min(FloatMath.TANH_EXP_MAX);
            FloatVector nshifted = nxc.fma(FloatMath.LOG2E, FloatMath.SHIFTER);
            FloatVector nk = nshifted.sub(FloatMath.SHIFTER);
            FloatVector nr = nk.fma(minusLn2Hi, nxc);
            nr = nk.fma(minusLn2Lo, nr);
            FloatVector np = nr.fma(FloatMath.E5, FloatMath.E4);
            np = np.fma(nr, e3);
            np = np.fma(nr, e2);
            np = np.fma(nr, e1);
            np = np.fma(nr, e0);
            np = np.fma(nr, one);
            FloatVector ne = np.fma(nr, one).mul(nshifted.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
                    .add(FloatMath.EXPONENT_BIAS).reinterpretAsFloats());
            FloatVector nlarge = one.sub(two.div(ne.add(1f)));
            FloatVector nz = nabs.mul(nabs);
            FloatVector nq = nz.fma(FloatMath.T4, FloatMath.T3);
            nq = nq.fma(nz, t2);
            nq = nq.fma(nz, t1);
            nq = nq.fma(nz, t0);
            FloatVector nsmall = nq.fma(nz.mul(nabs), nabs);
            FloatVector n = nlarge.blend(nsmall, nabs.lt(FloatMath.TANH_SMALL)).reinterpretAsInts()
                    .or(zn.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
            n.intoArray(z, zOff + 2 * units + j, m);
            FloatVector u = FloatVector.fromArray(S, z, zOff + j, m);
            FloatVector hn = one.sub(u).mul(FloatVector.fromArray(S, h, sOff + j, m)).add(u.mul(n));
            hn.intoArray(h, sOff + j, m);
            hn.intoArray(hOut, tOff + j, m);
        }
    }

    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, S.vectorShape());

    /**
     * {@link VectorOps#dropoutMask} ({@code threshold < 2^32}, {@code from} even): {@code L / 2} SplitMix64
     * hashes per vector of {@code L} floats, in 64-bit lanes (the same wrapping multiplies, shifts and xors as
     * {@code Seeds.mix64}); rotating each hash by 32 bits puts its high half in the even float lane and its low
     * half in the odd one, then an unsigned compare with the threshold picks {@code scale} or {@code +0f}. The
     * tail runs the plain loop, which gives the same bits.
     */
    static void dropoutMask(float[] xs, float[] ys, int from, int to, long seed, long threshold, float scale) {
        LongVector pairIndex = LongVector.zero(LONGS).addIndex(1);
        FloatVector kept = FloatVector.broadcast(S, scale);
        FloatVector dropped = FloatVector.zero(S);
        // Unsigned u >= t as a signed compare of u and t with their sign bits flipped (the incubator's unsigned
        // comparison operators are not in every JDK this runs on).
        int thresholdFlipped = (int) threshold ^ Integer.MIN_VALUE;
        int i = from;
        for (; i + L <= to; i += L) {
            LongVector z = pairIndex.add((i >>> 1) + 1L).mul(Seeds.GOLDEN_GAMMA).add(seed);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            IntVector u = z.lanewise(VectorOperators.ROR, 32).reinterpretAsInts();
            VectorMask<Float> keep = u.lanewise(VectorOperators.XOR, Integer.MIN_VALUE)
                    .compare(VectorOperators.GE, thresholdFlipped).cast(S);
            FloatVector.fromArray(S, xs, i).mul(dropped.blend(kept, keep)).intoArray(ys, i);
        }
        if (i < to) {
            PlainOps.dropoutMask(xs, ys, i, to, seed, threshold, scale);
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
