package dev.nlpkit.recurrent.math;

/**
 * Element-wise helpers on {@code float[]} ranges, vectorized when the Vector API is active
 * ({@link Kernels#vectorApi()}); the plain path gives the same results within float tolerance.
 *
 * <p>{@code sigmoid} and {@code tanh} are accurate to a few float ulps over the whole range, saturate to exactly
 * 0/1 and -1/1 for large arguments, and propagate NaN.
 */
public final class VectorOps {

    private VectorOps() {
    }

    /** {@code x[i] = 1 / (1 + exp(-x[i]))} for {@code i} in {@code [off, off + len)}, in place. */
    public static void sigmoid(float[] x, int off, int len) {
        checkRange("x", x, off, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.sigmoid(x, off, len);
        } else {
            PlainOps.sigmoid(x, off, len);
        }
    }

    /** {@code x[i] = tanh(x[i])} for {@code i} in {@code [off, off + len)}, in place. */
    public static void tanh(float[] x, int off, int len) {
        checkRange("x", x, off, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.tanh(x, off, len);
        } else {
            PlainOps.tanh(x, off, len);
        }
    }

    /** {@code sum_i a[aOff + i] * b[bOff + i]} over {@code len} elements. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        checkRange("a", a, aOff, len);
        checkRange("b", b, bOff, len);
        return Kernels.vectorApi() ? VectorElementwise.dot(a, aOff, b, bOff, len) : PlainOps.dot(a, aOff, b, bOff, len);
    }

    /** {@code y[yOff + i] += alpha * x[xOff + i]} over {@code len} elements. */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        checkRange("x", x, xOff, len);
        checkRange("y", y, yOff, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.axpy(alpha, x, xOff, y, yOff, len);
        } else {
            PlainOps.axpy(alpha, x, xOff, y, yOff, len);
        }
    }

    static void checkRange(String name, float[] x, int off, int len) {
        if (x == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (off < 0 || len < 0 || (long) off + len > x.length) {
            throw new IllegalArgumentException("range [" + off + ", " + ((long) off + len) + ") of " + name
                    + " is outside its " + x.length + " elements");
        }
    }
}
