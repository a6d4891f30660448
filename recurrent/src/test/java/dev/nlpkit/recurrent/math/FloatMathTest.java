package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Accuracy and edge cases of {@link FloatMath} against {@code StrictMath} (correctly rounded to within its
 * documented 1 ulp in double, i.e. far below a float ulp), and bit-identity of the scalar and Vector API paths.
 * Interpreter, C1 and C2 are compared in {@link FloatMathJitModesTest}.
 */
class FloatMathTest {

    /** Bit patterns visited per function: every 1,021st float of the whole range, plus the random points. */
    private static final int STRIDE = 1021;
    private static final int RANDOM_POINTS = 1_000_000;

    interface FloatFunction {
        float apply(float x);
    }

    @Test
    void expIsWithinOneUlpOverTheWholeRange() {
        assertThat(maxUlpError(FloatMath::exp, StrictMath::exp, 110f)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void tanhIsWithinTwoUlpOverTheWholeRange() {
        assertThat(maxUlpError(FloatMath::tanh, StrictMath::tanh, 20f)).isLessThanOrEqualTo(2.0);
    }

    @Test
    void sigmoidIsWithinTwoUlpOverTheWholeRange() {
        // Where the exact result is below Float.MIN_NORMAL (x < -87.3365) the kernel gives 0: counted as exact.
        assertThat(maxUlpError(x -> {
            float y = FloatMath.sigmoid(x);
            return y == 0f && (float) sigmoid(x) < Float.MIN_NORMAL ? (float) sigmoid(x) : y;
        }, FloatMathTest::sigmoid, 110f)).isLessThanOrEqualTo(2.0);
    }

    @Test
    void expEdges() {
        assertBits(FloatMath.exp(0f), 1f);
        assertBits(FloatMath.exp(-0f), 1f);
        assertBits(FloatMath.exp(Float.MIN_VALUE), 1f);
        assertBits(FloatMath.exp(-Float.MIN_VALUE), 1f);
        assertBits(FloatMath.exp(Float.POSITIVE_INFINITY), Float.POSITIVE_INFINITY);
        assertBits(FloatMath.exp(Float.NEGATIVE_INFINITY), 0f);
        assertThat(FloatMath.exp(Float.NaN)).isNaN();
        assertBits(FloatMath.exp(Float.MAX_VALUE), Float.POSITIVE_INFINITY);
        assertBits(FloatMath.exp(-Float.MAX_VALUE), 0f);
        // Overflow exactly where the float result does: e^88.72283 < Float.MAX_VALUE < e^88.7229.
        assertThat(FloatMath.exp(88.72283f)).isFinite();
        assertThat(ulpError(FloatMath.exp(88.72283f), StrictMath.exp(88.72283f))).isLessThanOrEqualTo(1.0);
        assertBits(FloatMath.exp(88.7229f), Float.POSITIVE_INFINITY);
        assertBits(FloatMath.exp(100f), Float.POSITIVE_INFINITY);
        // Gradual underflow: subnormal results keep their absolute accuracy, then 0.
        assertThat(FloatMath.exp(-100f)).isEqualTo((float) StrictMath.exp(-100));
        assertThat(FloatMath.exp(-103f)).isPositive();
        assertBits(FloatMath.exp(-104f), 0f);
        assertBits(FloatMath.exp(-200f), 0f);
        assertThat(FloatMath.exp(1f)).isEqualTo((float) Math.E);
    }

    @Test
    void tanhEdges() {
        assertBits(FloatMath.tanh(0f), 0f);
        assertBits(FloatMath.tanh(-0f), -0f);
        assertBits(FloatMath.tanh(Float.MIN_VALUE), Float.MIN_VALUE);
        assertBits(FloatMath.tanh(-Float.MIN_VALUE), -Float.MIN_VALUE);
        assertBits(FloatMath.tanh(Float.MIN_NORMAL), Float.MIN_NORMAL);
        assertBits(FloatMath.tanh(1e-20f), 1e-20f);
        assertBits(FloatMath.tanh(9.2f), 1f);
        assertBits(FloatMath.tanh(-9.2f), -1f);
        assertBits(FloatMath.tanh(50f), 1f);
        assertBits(FloatMath.tanh(Float.MAX_VALUE), 1f);
        assertBits(FloatMath.tanh(-Float.MAX_VALUE), -1f);
        assertBits(FloatMath.tanh(Float.POSITIVE_INFINITY), 1f);
        assertBits(FloatMath.tanh(Float.NEGATIVE_INFINITY), -1f);
        assertThat(FloatMath.tanh(Float.NaN)).isNaN();
        // Both sides of the switch from the polynomial to the exp formula.
        for (float x : new float[] {Math.nextDown(FloatMath.TANH_SMALL), FloatMath.TANH_SMALL}) {
            assertThat(ulpError(FloatMath.tanh(x), StrictMath.tanh(x))).isLessThanOrEqualTo(2.0);
            assertBits(FloatMath.tanh(-x), -FloatMath.tanh(x));
        }
    }

    @Test
    void sigmoidEdges() {
        assertBits(FloatMath.sigmoid(0f), 0.5f);
        assertBits(FloatMath.sigmoid(-0f), 0.5f);
        assertBits(FloatMath.sigmoid(Float.MIN_VALUE), 0.5f);
        assertBits(FloatMath.sigmoid(-Float.MIN_VALUE), 0.5f);
        assertBits(FloatMath.sigmoid(17.5f), 1f);
        assertBits(FloatMath.sigmoid(Float.MAX_VALUE), 1f);
        assertBits(FloatMath.sigmoid(Float.POSITIVE_INFINITY), 1f);
        assertBits(FloatMath.sigmoid(-104f), 0f);
        assertBits(FloatMath.sigmoid(-Float.MAX_VALUE), 0f);
        assertBits(FloatMath.sigmoid(Float.NEGATIVE_INFINITY), 0f);
        assertThat(FloatMath.sigmoid(Float.NaN)).isNaN();
        // Results below Float.MIN_NORMAL are 0; the smallest normal results are accurate.
        assertBits(FloatMath.sigmoid(-95f), 0f);
        assertBits(FloatMath.sigmoid(Math.nextDown(FloatMath.NORMAL_EXP_MIN)), 0f);
        assertThat(ulpError(FloatMath.sigmoid(-87.3f), sigmoid(-87.3f))).isLessThanOrEqualTo(1.0);
        assertThat(FloatMath.sigmoid(FloatMath.NORMAL_EXP_MIN)).isGreaterThanOrEqualTo(Float.MIN_NORMAL);
    }

    @Test
    void scalarAndVectorPathsGiveTheSameBits() {
        assumeTrue(Kernels.vectorApi(), "the Vector API is not active in this JVM (no --add-modules)");
        float[] inputs = FloatMathProbe.inputs(300_001);
        for (String function : FloatMathProbe.FUNCTIONS) {
            // Offsets and lengths that leave masked tails of every size.
            for (int off : new int[] {0, 1, 7}) {
                int len = inputs.length - off - 3;
                float[] scalar = inputs.clone();
                float[] vector = inputs.clone();
                FloatMathProbe.scalar(function, scalar, off, len);
                FloatMathProbe.vector(function, vector, off, len);
                for (int i = 0; i < inputs.length; i++) {
                    if (Float.floatToIntBits(scalar[i]) != Float.floatToIntBits(vector[i])) {
                        throw new AssertionError(function + "(" + inputs[i] + "): scalar " + scalar[i]
                                + ", vector " + vector[i] + " at index " + i + " (offset " + off + ")");
                    }
                }
            }
        }
    }

    @Test
    void arrayKernelsApplyTheScalarFunction() {
        float[] inputs = FloatMathProbe.inputs(10_007);
        float[] x = inputs.clone();
        VectorOps.exp(x, 3, 10_000);
        float[] y = inputs.clone();
        VectorOps.tanh(y, 3, 10_000);
        float[] z = inputs.clone();
        VectorOps.sigmoid(z, 3, 10_000);
        for (int i = 0; i < inputs.length; i++) {
            boolean inside = i >= 3 && i < 10_003;
            assertBits(x[i], inside ? FloatMath.exp(inputs[i]) : inputs[i]);
            assertBits(y[i], inside ? FloatMath.tanh(inputs[i]) : inputs[i]);
            assertBits(z[i], inside ? FloatMath.sigmoid(inputs[i]) : inputs[i]);
        }
    }

    /**
     * Largest error in ulps over every {@value #STRIDE}th bit pattern (all magnitudes, both signs, subnormals)
     * and {@value #RANDOM_POINTS} uniform points in {@code [-range, range]}.
     */
    private static double maxUlpError(FloatFunction f, DoubleUnaryOperator exact, float range) {
        double max = 0;
        float worst = 0;
        for (long bits = 0; bits <= 0xFFFFFFFFL; bits += STRIDE) {
            float x = Float.intBitsToFloat((int) bits);
            if (Float.isNaN(x)) {
                continue;
            }
            double err = ulpError(f.apply(x), exact.applyAsDouble(x));
            if (err > max) {
                max = err;
                worst = x;
            }
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < RANDOM_POINTS; i++) {
            float x = (float) random.nextDouble(-range, range);
            double err = ulpError(f.apply(x), exact.applyAsDouble(x));
            if (err > max) {
                max = err;
                worst = x;
            }
        }
        assertThat(max).as("largest error, at x = " + worst).isLessThan(Double.POSITIVE_INFINITY);
        return max;
    }

    /** Error of {@code got} in ulps of the correctly rounded float of {@code exact}; infinite if they differ. */
    static double ulpError(float got, double exact) {
        float rounded = (float) exact;
        if (Float.compare(got, rounded) == 0) {
            return 0;
        }
        if (Float.isNaN(got) || Float.isNaN(rounded) || Float.isInfinite(got) || Float.isInfinite(rounded)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - exact) / Math.ulp(rounded);
    }

    static double sigmoid(double x) {
        double e = StrictMath.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    private static void assertBits(float actual, float expected) {
        assertThat(Float.floatToIntBits(actual)).as("%s (expected %s)", actual, expected)
                .isEqualTo(Float.floatToIntBits(expected));
    }
}
