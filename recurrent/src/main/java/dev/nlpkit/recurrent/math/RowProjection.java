package dev.nlpkit.recurrent.math;

/**
 * Rows of an input projection {@code out = b + x W} ({@code x} a row of {@code features} floats, {@code W}
 * {@code [features, width]} row-major, {@code b} of {@code width}), several consecutive rows per call: the fused
 * embedding table's rows ({@code P = E W_x + b}).
 *
 * <p><b>Exact order.</b> Every output value is computed by one fixed chain of exactly rounded IEEE operations: per
 * block of {@code block} features a sum from zero of the products {@code x[k] * W[k, j]} in increasing {@code k}
 * (each product and each sum rounded on its own: no fused multiply-add), the first block's sum then added to
 * {@code b[j]} and each later block's to the running value. The Vector API path ({@link Kernels#vectorApi()})
 * keeps that chain per lane, with a multiply then an add, so both paths, and any number of rows per call, give the
 * same bits. It is faster because four rows share each load of {@code W} and their sums stay in registers.
 */
public final class RowProjection {

    private RowProjection() {
    }

    /**
     * {@code out[outOffset + r * width + j] = b[j] + sum_k x[xOffset + r * features + k] * W[k * width + j]} for
     * {@code r} in {@code [0, rows)}, {@code j} in {@code [0, width)}, in the order of the class comment.
     *
     * @param x         the input rows, {@code rows * features} floats from {@code xOffset}
     * @param xOffset   the index of the first row's first float
     * @param rows      the number of rows
     * @param features  floats per input row
     * @param w         {@code W}, {@code [features, width]} row-major
     * @param b         {@code b}, {@code width} floats
     * @param width     floats per output row
     * @param block     features per partial sum, at least 1
     * @param out       the output rows, {@code rows * width} floats from {@code outOffset}
     * @param outOffset the index of the first output row's first float
     */
    public static void project(float[] x, int xOffset, int rows, int features, float[] w, float[] b, int width,
            int block, float[] out, int outOffset) {
        if (rows < 0 || features < 0 || width < 0 || block < 1) {
            throw new IllegalArgumentException("rows, features and width must be >= 0 and block >= 1, got " + rows
                    + ", " + features + ", " + width + ", " + block);
        }
        checkRange("x", x, xOffset, (long) rows * features);
        checkRange("w", w, 0, (long) features * width);
        checkRange("b", b, 0, width);
        checkRange("out", out, outOffset, (long) rows * width);
        if (Kernels.vectorApi()) {
            VectorRowProjection.project(x, xOffset, rows, features, w, b, width, block, out, outOffset);
        } else {
            plain(x, xOffset, rows, features, w, b, width, block, out, outOffset);
        }
    }

    /** The plain-Java path: one row at a time, a sum array per block. */
    static void plain(float[] x, int xOffset, int rows, int features, float[] w, float[] b, int width, int block,
            float[] out, int outOffset) {
        float[] sum = new float[width];
        for (int r = 0; r < rows; r++) {
            int base = xOffset + r * features;
            int o = outOffset + r * width;
            for (int k0 = 0; k0 < features; k0 += block) {
                java.util.Arrays.fill(sum, 0f);
                for (int k = k0; k < Math.min(features, k0 + block); k++) {
                    float xk = x[base + k];
                    int wk = k * width;
                    for (int j = 0; j < width; j++) {
                        sum[j] += xk * w[wk + j];
                    }
                }
                for (int j = 0; j < width; j++) {
                    out[o + j] = (k0 == 0 ? b[j] : out[o + j]) + sum[j];
                }
            }
            if (features == 0) {
                System.arraycopy(b, 0, out, o, width);
            }
        }
    }

    private static void checkRange(String name, float[] a, int offset, long length) {
        if (offset < 0 || offset + length > a.length) {
            throw new IndexOutOfBoundsException(name + ": [" + offset + ", " + (offset + length)
                    + ") is outside an array of " + a.length);
        }
    }
}
