package dev.nlpkit.recurrent.math;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The program {@link FloatMathJitModesTest} runs in child JVMs (interpreter only, C1 only, C2 only): warms the
 * kernels up, then prints one digest of the result bits per function and path.
 */
final class FloatMathProbe {

    static final String[] FUNCTIONS = {"exp", "tanh", "sigmoid", "lstm"};
    /**
     * Units of the LSTM rows {@link #scalar} and {@link #vector} run "lstm" on: ragged for every vector length,
     * and a row (5 H floats) fits in the warm-up's 97.
     */
    static final int LSTM_UNITS = 19;
    /** Points of the digests: the edge cases and a few thousand values (the interpreter is slow). */
    static final int DIGEST_POINTS = 4096;

    private FloatMathProbe() {
    }

    /** Arguments: warm-up repetitions. Prints {@code <path> <function> <digest>} lines. */
    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        float[] small = inputs(100);
        for (int rep = 0; rep < warmup; rep++) {
            for (String function : FUNCTIONS) {
                float[] x = small.clone();
                scalar(function, x, rep % 3, x.length - 3);
                if (Kernels.vectorApi()) {
                    float[] y = small.clone();
                    vector(function, y, rep % 3, y.length - 3);
                }
            }
        }
        for (String line : digests(DIGEST_POINTS)) {
            System.out.println(line);
        }
    }

    /** One line per path and function: the digest of the results on {@link #inputs}{@code (n)}. */
    static List<String> digests(int n) {
        List<String> lines = new ArrayList<>();
        float[] in = inputs(n);
        for (String function : FUNCTIONS) {
            float[] x = in.clone();
            scalar(function, x, 0, x.length);
            lines.add("scalar " + function + " " + digest(x));
            if (Kernels.vectorApi()) {
                float[] y = in.clone();
                vector(function, y, 0, y.length);
                lines.add("vector " + function + " " + digest(y));
            }
        }
        return lines;
    }

    static void scalar(String function, float[] x, int off, int len) {
        switch (function) {
            case "exp" -> PlainOps.exp(x, off, len);
            case "tanh" -> PlainOps.tanh(x, off, len);
            case "sigmoid" -> PlainOps.sigmoid(x, off, len);
            case "lstm" -> lstmRows(x, off, len, false);
            default -> throw new IllegalArgumentException(function);
        }
    }

    static void vector(String function, float[] x, int off, int len) {
        switch (function) {
            case "exp" -> VectorElementwise.exp(x, off, len);
            case "tanh" -> VectorElementwise.tanh(x, off, len);
            case "sigmoid" -> VectorElementwise.sigmoid(x, off, len);
            case "lstm" -> lstmRows(x, off, len, true);
            default -> throw new IllegalArgumentException(function);
        }
    }

    /**
     * "lstm": {@code x[off, off + len)} as whole rows of {@code 5 H} floats ({@code H = LSTM_UNITS}), each
     * {@code [z: 4H][c: H]}; the fused row kernel (the scalar or the vector one) updates every row's {@code c}
     * and its {@code h} replaces the row's first {@code H} floats. A last part shorter than a row is left as it
     * is.
     */
    private static void lstmRows(float[] x, int off, int len, boolean vector) {
        int units = LSTM_UNITS;
        int width = 5 * units;
        float[] h = new float[x.length];
        for (int row = off; row + width <= off + len; row += width) {
            if (vector) {
                VectorElementwise.lstmRow(x, row, x, h, row + 4 * units, units);
            } else {
                PlainOps.lstmRow(x, row, x, h, row + 4 * units, units);
            }
            System.arraycopy(h, row + 4 * units, x, row, units);
        }
    }

    /**
     * {@code n} arguments: the edge cases (zeros, subnormals, the extremes, infinities, NaN, the thresholds of
     * the kernels), then a mix of uniform values in the gates' range, in the whole exp range and random bit
     * patterns, from a fixed seed.
     */
    static float[] inputs(int n) {
        float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            Math.nextDown(Float.MIN_NORMAL), 1e-30f, -1e-30f, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f, 0.5f, -0.5f,
            FloatMath.TANH_SMALL, -FloatMath.TANH_SMALL, Math.nextDown(FloatMath.TANH_SMALL), 88.72283f, 88.7229f,
            89f, -103f, -104f, -105f, 9.2f, -9.2f, 17.5f, -17.5f, 6f, -6f, FloatMath.NORMAL_EXP_MIN,
            Math.nextDown(FloatMath.NORMAL_EXP_MIN), -95f, 9.5f, -9.5f, 10f};
        float[] x = new float[n];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            if (i < edges.length) {
                x[i] = edges[i];
                continue;
            }
            x[i] = switch (i % 4) {
                case 0 -> (float) random.nextDouble(-10, 10);
                case 1 -> (float) random.nextDouble(-1, 1);
                case 2 -> (float) random.nextDouble(-110, 110);
                default -> Float.intBitsToFloat(random.nextInt());
            };
        }
        return x;
    }

    /** A hash of the bits of every element (NaNs collapsed to one pattern: their payload is not specified). */
    static String digest(float[] x) {
        long h = 1125899906842597L;
        for (float v : x) {
            h = 31 * h + Float.floatToIntBits(v);
        }
        return Long.toHexString(h);
    }
}
