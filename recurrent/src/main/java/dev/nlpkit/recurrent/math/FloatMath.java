package dev.nlpkit.recurrent.math;

/**
 * exp, tanh and sigmoid on {@code float}, built only from IEEE add, multiply, divide, fused multiply-add,
 * min/max, compares and bit manipulation, so that every result is the same bit pattern whoever computes it: the
 * interpreter, C1, C2, this scalar code or the Vector API lanes of {@link VectorOps} (which run exactly the same
 * operations, lane by lane). {@code Math.exp}, {@code Math.tanh} and the Vector API's {@code EXP}/{@code TANH}
 * give no such guarantee (their last bits differ between interpreted and compiled code).
 *
 * <p>Accuracy, measured against {@code StrictMath} in double rounded to float (see {@code FloatMathTest}):
 * <ul>
 *   <li>{@link #exp}: at most 0.86 ulp over the whole float range, subnormal results included; {@code +inf}
 *       from 88.7229 (where the float result overflows), {@code 0} from -104.</li>
 *   <li>{@link #tanh}: at most 1.35 ulp; odd, {@code tanh(-0) = -0}, {@code tanh(x) = x} for tiny {@code x}
 *       (subnormals too), exactly +-1 from |x| = 9.5.</li>
 *   <li>{@link #sigmoid}: at most 1.48 ulp for results from {@code Float.MIN_NORMAL} up; 0 below it
 *       (x &lt; -87.3365); exactly 1 from x = 17.5; {@code sigmoid(0) = 0.5}.</li>
 * </ul>
 * NaN gives NaN, {@code +inf} gives {@code +inf}/1/1 and {@code -inf} gives 0/-1/0.
 *
 * <p>The formulas: {@code exp(x) = 2^k e^r} with {@code k = round(x / ln 2)} found by adding 1.5 * 2^23 (which
 * also leaves {@code k} in the low bits of the sum), {@code r = x - k ln 2} by a two-constant Cody-Waite
 * reduction with FMA (exact in its first step), {@code e^r = 1 + r (1 + r (1/2 + r P(r)))} in one FMA Horner
 * chain (SLEEF's {@code expf} coefficients), rounded once at the end, and {@code 2^k} built in the exponent
 * field: as two factors in {@link #exp} (so that both overflow and gradual underflow round once), as one in
 * tanh and sigmoid, which only need normal results. tanh uses an odd minimax polynomial
 * {@code x + x^3 Q(x^2)} for {@code |x| < 0.625} (Cephes' {@code tanhf} coefficients), accurate near 0 where
 * {@code 1 - 2/(e^{2x} + 1)} would cancel, and that formula above. sigmoid is {@code 1/(1 + e^{-|x|})} for
 * {@code x >= 0} and {@code e^{-|x|}/(1 + e^{-|x|})} below, one exp of a non-positive argument (it never
 * overflows), with an FMA correction for the rounding of {@code 1 + e^{-|x|}}.
 */
public final class FloatMath {

    /** Bits of {@link #SHIFTER}: adding it to a float of magnitude below 2^22 rounds it to an integer. */
    static final int SHIFTER_BITS = 0x4B400000;
    /** 1.5 * 2^23. */
    static final float SHIFTER = 12582912f;
    static final float LOG2E = 1.44269504088896341f;
    /** ln 2 = LN2_HI + LN2_LO; k * LN2_HI is exact for |k| < 2^8 and x - k * LN2_HI is exact under FMA. */
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.428606765330187045e-06f;
    /** Below it exp rounds to 0 (e^-103.97 < 2^-150), above the other it overflows; clamped to keep k small. */
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 89f;
    /** ln(2^-126): from here up e^x is a normal float and 2^k one normal scale factor. */
    static final float NORMAL_EXP_MIN = -87.33654f;
    /** 127 << 23: the exponent bias in place. */
    static final int EXPONENT_BIAS = 127 << 23;
    /** tanh's argument of exp is clamped here: 1 - 2 / (e^19 + 1) already rounds to 1. */
    static final float TANH_EXP_MAX = 19f;
    static final float E5 = 0.000198527617612853646278381f;
    static final float E4 = 0.00139304355252534151077271f;
    static final float E3 = 0.00833336077630519866943359f;
    static final float E2 = 0.0416664853692054748535156f;
    static final float E1 = 0.166666671633720397949219f;
    static final float E0 = 0.5f;
    /** Below it tanh is the odd polynomial. */
    static final float TANH_SMALL = 0.625f;
    static final float T4 = -5.70498872745e-3f;
    static final float T3 = 2.06390887954e-2f;
    static final float T2 = -5.37397155531e-2f;
    static final float T1 = 1.33314422036e-1f;
    static final float T0 = -3.33332819422e-1f;

    private FloatMath() {
    }

    /**
     * {@code e^x}, at most 1 ulp from the correctly rounded result; see the class documentation.
     *
     * @param x any float
     * @return {@code e^x}; 0 for large negative {@code x}, infinity for large positive
     */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float shifted = Math.fma(xc, LOG2E, SHIFTER);
        float k = shifted - SHIFTER;
        float r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        float er = expReduced(r);
        // 2^k as two factors, so that both overflow and gradual underflow round once.
        int ki = Float.floatToRawIntBits(shifted) - SHIFTER_BITS;
        int k1 = ki >> 1;
        int k2 = ki - k1;
        float s1 = Float.intBitsToFloat((k1 + 127) << 23);
        float s2 = Float.intBitsToFloat((k2 + 127) << 23);
        return er * s1 * s2;
    }

    /**
     * {@code e^x} for {@code x} in {@code [NORMAL_EXP_MIN, 88.37]}, where {@code 2^k} is one normal float: the
     * cheaper form tanh and sigmoid use.
     */
    private static float expNormalRange(float x) {
        float shifted = Math.fma(x, LOG2E, SHIFTER);
        float k = shifted - SHIFTER;
        float r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        // bits(shifted) = SHIFTER_BITS + k, and SHIFTER_BITS << 23 overflows to 0: the exponent field of 2^k.
        return expReduced(r) * Float.intBitsToFloat((Float.floatToRawIntBits(shifted) << 23) + EXPONENT_BIAS);
    }

    /** {@code e^r} for {@code |r| <= ln(2) / 2}: Horner down to {@code 1 + r p(r)}, rounded once at the end. */
    private static float expReduced(float r) {
        float p = Math.fma(E5, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, E1);
        p = Math.fma(p, r, E0);
        p = Math.fma(p, r, 1f);
        return Math.fma(p, r, 1f);
    }

    /**
     * {@code tanh(x)}, at most 2 ulp from the correctly rounded result; see the class documentation.
     *
     * @param x any float
     * @return {@code tanh(x)}, in [-1, 1]
     */
    public static float tanh(float x) {
        // On |x|, the sign copied at the end: x + x^3 Q rounds -0 to +0.
        float a = Math.abs(x);
        float t;
        if (a < TANH_SMALL) {
            float z = a * a;
            float q = Math.fma(T4, z, T3);
            q = Math.fma(q, z, T2);
            q = Math.fma(q, z, T1);
            q = Math.fma(q, z, T0);
            t = Math.fma(q, z * a, a);
        } else {
            // Past 2|x| = 19 the formula is 1 to the last bit; the clamp keeps exp in its normal range.
            t = 1f - 2f / (expNormalRange(Math.min(a + a, TANH_EXP_MAX)) + 1f);
        }
        return Math.copySign(t, x);
    }

    /**
     * {@code 1 / (1 + e^-x)}, at most 2 ulp from the correctly rounded result; see the class documentation.
     *
     * @param x any float
     * @return the logistic function of {@code x}, in [0, 1]
     */
    public static float sigmoid(float x) {
        float m = -Math.abs(x);
        // Results below Float.MIN_NORMAL are 0 (the one e^x needed is then below it too).
        float e = m < NORMAL_EXP_MIN ? 0f : expNormalRange(Math.max(m, NORMAL_EXP_MIN));
        boolean negative = x < 0f;
        float q = 1f + e;
        // q = 1 + e exactly as q + qErr (Fast2Sum, e <= 1): rounding q alone would cost up to 1 ulp.
        float qErr = (1f - q) + e;
        float num = negative ? e : 1f;
        float y = num / q;
        // num / (q + qErr) = y + (num - y q - y qErr) / (1 + e); the remainder num - y q is exact under FMA
        // and 1 / (1 + e) is the sigmoid of |x|: y itself for x >= 0, 1 - y below.
        float correction = Math.fma(-y, qErr, Math.fma(-y, q, num));
        return Math.fma(correction, negative ? 1f - y : y, y);
    }
}
