package dev.nlpkit.recurrent.math;

import dev.nlpkit.core.Seeds;

/**
 * Element-wise helpers on {@code float[]} ranges, vectorized when the Vector API is active
 * ({@link Kernels#vectorApi()}); the plain path gives the same results within float tolerance.
 *
 * <p>{@code exp}, {@code sigmoid} and {@code tanh} are {@link FloatMath}'s kernels: the same bits on both paths,
 * interpreted or compiled, within 2 ulp of the correctly rounded result, saturating to exactly 0/1 and -1/1 for
 * large arguments, propagating NaN.
 */
public final class VectorOps {

    private VectorOps() {
    }

    /**
     * {@code x[i] = exp(x[i])} for {@code i} in {@code [off, off + len)}, in place ({@link FloatMath#exp}).
     *
     * @param x the array, changed in place
     * @param off the first element
     * @param len the number of elements
     */
    public static void exp(float[] x, int off, int len) {
        checkRange("x", x, off, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.exp(x, off, len);
        } else {
            PlainOps.exp(x, off, len);
        }
    }

    /**
     * {@code x[i] = 1 / (1 + exp(-x[i]))} for {@code i} in {@code [off, off + len)}, in place
     * ({@link FloatMath#sigmoid}).
     *
     * @param x the array, changed in place
     * @param off the first element
     * @param len the number of elements
     */
    public static void sigmoid(float[] x, int off, int len) {
        checkRange("x", x, off, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.sigmoid(x, off, len);
        } else {
            PlainOps.sigmoid(x, off, len);
        }
    }

    /**
     * {@code x[i] = tanh(x[i])} for {@code i} in {@code [off, off + len)}, in place ({@link FloatMath#tanh}).
     *
     * @param x the array, changed in place
     * @param off the first element
     * @param len the number of elements
     */
    public static void tanh(float[] x, int off, int len) {
        checkRange("x", x, off, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.tanh(x, off, len);
        } else {
            PlainOps.tanh(x, off, len);
        }
    }

    /**
     * One LSTM row at one step, in one pass over its {@code 4 units} pre-activations: with {@code z} holding
     * the gate blocks i, f, g, o (in that order, {@code units} each) from {@code zOff},
     * <pre>
     *   c' = sigmoid(z_f) * c + sigmoid(z_i) * tanh(z_g)
     *   h  = sigmoid(z_o) * tanh(c')
     * </pre>
     * for the {@code units} elements of {@code c} (updated in place) and {@code h} (written) from {@code sOff}.
     * The bits are those of {@link #sigmoid} and {@link #tanh} applied block by block followed by the two
     * element-wise float lines above (products rounded, then the sum: no FMA), on both paths; {@code z} is not
     * changed. One call instead of five per row: the gate kernels share one loop and have one tail between
     * them.
     *
     * @param z the pre-activations (read only)
     * @param zOff the row's first pre-activation (gate i's first unit)
     * @param c the cell state, updated in place
     * @param h the hidden state, written
     * @param sOff the row's first unit in {@code c} and {@code h}
     * @param units the number of units H
     */
    public static void lstmRow(float[] z, int zOff, float[] c, float[] h, int sOff, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        checkRange("z", z, zOff, Math.multiplyExact(4, units));
        checkRange("c", c, sOff, units);
        checkRange("h", h, sOff, units);
        if (Kernels.vectorApi()) {
            VectorElementwise.lstmRow(z, zOff, c, h, sOff, units);
        } else {
            PlainOps.lstmRow(z, zOff, c, h, sOff, units);
        }
    }

    /**
     * {@link #lstmRow} for the training forward pass, which keeps what the backward pass needs: the gate
     * activations replace the pre-activations in {@code z} (sigmoid of i, f, o and tanh of g), and the old cell
     * {@code c}, {@code tanh(c')} and {@code h} are also written to {@code cPrevOut}, {@code tanhCOut} and
     * {@code hOut} from {@code tOff} (the layer's {@code [batch, time, H]} traces). Same bits as
     * {@link #sigmoid}/{@link #tanh} over the gate blocks followed by the float state lines, on both paths; one
     * pass instead of four kernel calls and two loops per row.
     *
     * @param z the pre-activations, replaced by the activations
     * @param zOff the row's first pre-activation (gate i's first unit)
     * @param c the cell state, updated in place
     * @param h the hidden state, written
     * @param sOff the row's first unit in {@code c} and {@code h}
     * @param cPrevOut receives the old cell state
     * @param tanhCOut receives {@code tanh(c')}
     * @param hOut receives {@code h}
     * @param tOff the row's first unit in the three trace arrays
     * @param units the number of units H
     */
    public static void lstmTrainRow(float[] z, int zOff, float[] c, float[] h, int sOff, float[] cPrevOut,
                                    float[] tanhCOut, float[] hOut, int tOff, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        checkRange("z", z, zOff, Math.multiplyExact(4, units));
        checkRange("c", c, sOff, units);
        checkRange("h", h, sOff, units);
        checkRange("cPrevOut", cPrevOut, tOff, units);
        checkRange("tanhCOut", tanhCOut, tOff, units);
        checkRange("hOut", hOut, tOff, units);
        if (Kernels.vectorApi()) {
            VectorElementwise.lstmTrainRow(z, zOff, c, h, sOff, cPrevOut, tanhCOut, hOut, tOff, units);
        } else {
            PlainOps.lstmTrainRow(z, zOff, c, h, sOff, cPrevOut, tanhCOut, hOut, tOff, units);
        }
    }

    /**
     * The first half of one row of a GRU training step, in one pass: the update and reset gates
     * {@code u = sigmoid(z_u)}, {@code r = sigmoid(z_r)} replace their pre-activations in {@code z} (blocks 0 and
     * 1 of the row), and {@code rhOut = r * hd} (the reset state that enters the candidate's product) is written.
     * The bits of {@link #sigmoid} over the two blocks followed by the float product, on both paths.
     *
     * @param z the row's pre-activations (u, r, n blocks), the first two replaced by the gates
     * @param zOff the row's first pre-activation
     * @param hd the previous state as it enters the products (after recurrent dropout)
     * @param rhOut receives {@code r * hd}
     * @param tOff the row's first unit in {@code hd} and {@code rhOut}
     * @param units the number of units H
     */
    public static void gruGateRow(float[] z, int zOff, float[] hd, float[] rhOut, int tOff, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        checkRange("z", z, zOff, Math.multiplyExact(3, units));
        checkRange("hd", hd, tOff, units);
        checkRange("rhOut", rhOut, tOff, units);
        if (Kernels.vectorApi()) {
            VectorElementwise.gruGateRow(z, zOff, hd, rhOut, tOff, units);
        } else {
            PlainOps.gruGateRow(z, zOff, hd, rhOut, tOff, units);
        }
    }

    /**
     * The second half of one row of a GRU training step, in one pass: the candidate {@code n = tanh(z_n)}
     * replaces its pre-activation (block 2 of the row; block 0 holds the update gate {@code u}), and the state
     * becomes {@code h' = (1 - u) h + u n}, written to {@code h} and {@code hOut}. The bits of {@link #tanh} over
     * the block followed by the float state line, on both paths.
     *
     * @param z the row's activations u, r and the candidate's pre-activation, which is replaced by {@code n}
     * @param zOff the row's first value
     * @param h the state, updated in place
     * @param sOff the row's first unit in {@code h}
     * @param hOut receives the new state (the layer's output trace)
     * @param tOff the row's first unit in {@code hOut}
     * @param units the number of units H
     */
    public static void gruStateRow(float[] z, int zOff, float[] h, int sOff, float[] hOut, int tOff, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        checkRange("z", z, zOff, Math.multiplyExact(3, units));
        checkRange("h", h, sOff, units);
        checkRange("hOut", hOut, tOff, units);
        if (Kernels.vectorApi()) {
            VectorElementwise.gruStateRow(z, zOff, h, sOff, hOut, tOff, units);
        } else {
            PlainOps.gruStateRow(z, zOff, h, sOff, hOut, tOff, units);
        }
    }

    /**
     * One row of one LSTM backward step, in one pass: from the gate activations {@code z} (i, f, g, o, as
     * {@link #lstmTrainRow} left them), the traces {@code tanhC = tanh(c_t)} and {@code cPrev = c_{t-1}}, the
     * gradient {@code dh} reaching {@code h_t} through the recurrence plus {@code dhs} (the output's, or null),
     * and {@code dc} reaching {@code c_t}, writes the pre-activation gradients
     * <pre>
     *   dh' = dh + dhs                       dc' = dc + dh' o (1 - tanhC^2)
     *   dz_i = dc' g i (1 - i)               dz_f = dc' cPrev f (1 - f)
     *   dz_g = dc' i (1 - g^2)               dz_o = dh' tanhC o (1 - o)
     * </pre>
     * into {@code dz} (same layout as {@code z}) and replaces {@code dc} by {@code dc' f}, the gradient reaching
     * {@code c_{t-1}}. Float operations left to right, none fused, so both paths give the bits of the scalar loop.
     *
     * @param z the gate activations (read only)
     * @param zOff the row's first activation in {@code z}, and its first gradient in {@code dz}
     * @param dz receives the pre-activation gradients
     * @param dh the gradient reaching {@code h_t} through the recurrence (read only)
     * @param dc the gradient reaching {@code c_t}, replaced by the one reaching {@code c_{t-1}}
     * @param sOff the row's first unit in {@code dh} and {@code dc}
     * @param dhs the output's gradient at this step, or null
     * @param tanhC the trace {@code tanh(c_t)}
     * @param cPrev the trace {@code c_{t-1}}
     * @param tOff the row's first unit in {@code dhs}, {@code tanhC} and {@code cPrev}
     * @param units the number of units H
     */
    public static void lstmBackRow(float[] z, int zOff, float[] dz, float[] dh, float[] dc, int sOff, float[] dhs,
                                   float[] tanhC, float[] cPrev, int tOff, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        checkRange("z", z, zOff, Math.multiplyExact(4, units));
        checkRange("dz", dz, zOff, Math.multiplyExact(4, units));
        checkRange("dh", dh, sOff, units);
        checkRange("dc", dc, sOff, units);
        if (dhs != null) {
            checkRange("dhs", dhs, tOff, units);
        }
        checkRange("tanhC", tanhC, tOff, units);
        checkRange("cPrev", cPrev, tOff, units);
        if (Kernels.vectorApi()) {
            VectorElementwise.lstmBackRow(z, zOff, dz, dh, dc, sOff, dhs, tanhC, cPrev, tOff, units);
        } else {
            PlainOps.lstmBackRow(z, zOff, dz, dh, dc, sOff, dhs, tanhC, cPrev, tOff, units, 0);
        }
    }

    /**
     * Inverted dropout on {@code [from, to)}: {@code ys[i] = xs[i] * scale} when the 32-bit uniform of element
     * {@code i} is at least {@code threshold}, else {@code xs[i] * 0f}. The uniform of an even {@code i} is the
     * high half of {@link Seeds#derive(long, long) Seeds.derive(seed, i / 2)}, of an odd {@code i} its low half,
     * so the mask is a function of the seed and the index only. No branch on the random bits (at rate 0.5 a
     * branch is mispredicted half the time); the Vector API path hashes a vector of pairs at once and gives the
     * same bits as the plain one.
     *
     * @param xs the input
     * @param ys the output (may be {@code xs})
     * @param from the first element, even
     * @param to one past the last element
     * @param seed the mask's seed
     * @param threshold {@code ceil(rate * 2^32)}, in {@code [0, 2^32]}
     * @param scale the factor of kept elements, {@code 1 / (1 - rate)}
     */
    public static void dropoutMask(float[] xs, float[] ys, int from, int to, long seed, long threshold,
                                   float scale) {
        if ((from & 1) != 0 || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") must start at an even index");
        }
        if (threshold < 0 || threshold > (1L << 32)) {
            throw new IllegalArgumentException("threshold must be in [0, 2^32], got " + threshold);
        }
        checkRange("xs", xs, from, to - from);
        checkRange("ys", ys, from, to - from);
        if (Kernels.vectorApi() && threshold <= 0xFFFFFFFFL) {
            VectorElementwise.dropoutMask(xs, ys, from, to, seed, threshold, scale);
        } else {
            PlainOps.dropoutMask(xs, ys, from, to, seed, threshold, scale);
        }
    }

    /**
     * {@code sum_i a[aOff + i] * b[bOff + i]} over {@code len} elements.
     *
     * @param a the first array
     * @param aOff its first element
     * @param b the second array
     * @param bOff its first element
     * @param len the number of elements
     * @return the dot product
     */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        checkRange("a", a, aOff, len);
        checkRange("b", b, bOff, len);
        return Kernels.vectorApi() ? VectorElementwise.dot(a, aOff, b, bOff, len) : PlainOps.dot(a, aOff, b, bOff, len);
    }

    /**
     * {@code y[yOff + i] += alpha * x[xOff + i]} over {@code len} elements.
     *
     * @param alpha the scale of {@code x}
     * @param x the array added
     * @param xOff its first element
     * @param y the array added into
     * @param yOff its first element
     * @param len the number of elements
     */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        checkRange("x", x, xOff, len);
        checkRange("y", y, yOff, len);
        if (Kernels.vectorApi()) {
            VectorElementwise.axpy(alpha, x, xOff, y, yOff, len);
        } else {
            PlainOps.axpy(alpha, x, xOff, y, yOff, len);
        }
    }

    /**
     * One fused Adam/AdamW update of {@code len} parameters from {@code off}, SIMD through HotSpot's
     * auto-vectorizer and split over
     * {@link Parallelism#threads()} threads for large ranges (the 15M-weight embedding table):
     * <pre>
     *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
     *   w = decay w - stepSize m / (sqrt(v) * rootScale + epsilon)
     * </pre>
     * with, at 1-based step {@code t}, {@code stepSize = lr / (1 - beta1^t)}, {@code rootScale = 1 / sqrt(1 - beta2^t)}
     * and {@code decay = 1 - lr * weightDecay} (1 for Adam). Every element is computed by one thread with the same
     * operations whatever the thread count, so results do not depend on it.
     *
     * @param w the weights, updated in place
     * @param g the gradients
     * @param m the first-moment slots, updated in place
     * @param v the second-moment slots, updated in place
     * @param off the first element of the range in every array
     * @param len the number of elements
     * @param beta1 the first-moment decay
     * @param beta2 the second-moment decay
     * @param stepSize the learning rate times the bias corrections, as the formula above
     * @param rootScale the scale of {@code sqrt(v)}, as the formula above
     * @param epsilon the denominator's floor
     * @param decay the weight-decay factor applied to {@code w} (1: none)
     */
    public static void adamStep(float[] w, float[] g, float[] m, float[] v, int off, int len, float beta1,
                                float beta2, float stepSize, float rootScale, float epsilon, float decay) {
        checkRange("w", w, off, len);
        checkRange("g", g, off, len);
        checkRange("m", m, off, len);
        checkRange("v", v, off, len);
        int threads = Parallelism.threads();
        int chunk = 1 << 16;
        if (threads == 1 || len < 2 * chunk) {
            adamRange(w, g, m, v, off, len, beta1, beta2, stepSize, rootScale, epsilon, decay);
            return;
        }
        int parts = (len + chunk - 1) / chunk;
        WorkerPool.run(parts, threads, part -> {
            int from = off + part * chunk;
            adamRange(w, g, m, v, from, Math.min(chunk, off + len - from), beta1, beta2, stepSize, rootScale,
                    epsilon, decay);
        });
    }

    private static void adamRange(float[] w, float[] g, float[] m, float[] v, int off, int len, float beta1,
                                  float beta2, float stepSize, float rootScale, float epsilon, float decay) {
        // One loop for both paths: every array is read and written at the same index, so HotSpot's
        // auto-vectorizer handles it; a Vector API version measured no faster.
        PlainOps.adam(w, g, m, v, off, len, beta1, beta2, stepSize, rootScale, epsilon, decay);
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
