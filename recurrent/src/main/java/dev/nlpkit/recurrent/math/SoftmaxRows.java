package dev.nlpkit.recurrent.math;

/**
 * Attention's masked softmax over one row of scores, forward and backward, each in one pass over the row (after
 * the exp): the rows {@link SmallGemm} writes, padded to {@link #paddedLength(int)} so that the Vector API kernel
 * runs on whole vectors only. exp is {@link FloatMath#exp} in both kernels (the Vector API one computes the same
 * bits); the sums are in float, in lanes with the Vector API, in order without it.
 */
public final class SoftmaxRows {

    private SoftmaxRows() {
    }

    /**
     * The row length to allocate for rows of {@code n} scores: {@code n} rounded up to the vector length with the
     * Vector API, {@code n} without.
     *
     * @param n the scores per row, >= 0
     * @return the padded length
     */
    public static int paddedLength(int n) {
        if (!Kernels.vectorApi()) {
            return n;
        }
        int lanes = VectorSmallGemm.LANES;
        return (n + lanes - 1) / lanes * lanes;
    }

    /**
     * Softmax over the allowed entries of {@code s[off, off + padded)}, in place: entry {@code j} is allowed when
     * {@code j < limit} and ({@code mask == null} or {@code mask[maskOff + j]}); every other entry of the padded
     * row becomes 0, and a row with no allowed entry becomes all zeros (no NaN).
     *
     * @param s the scores, overwritten by the weights
     * @param off the row's first element
     * @param padded the row's length, at least {@code limit}, from {@link #paddedLength(int)}
     * @param limit entries from here on are not allowed (the causal mask)
     * @param mask the real steps, or {@code null} for all
     * @param maskOff the row's first step in {@code mask}
     */
    public static void softmax(float[] s, int off, int padded, int limit, boolean[] mask, int maskOff) {
        if (limit < 0 || limit > padded) {
            throw new IllegalArgumentException("limit " + limit + " outside [0, " + padded + "]");
        }
        if (Kernels.vectorApi() && padded % VectorSmallGemm.LANES == 0) {
            VectorSoftmaxRows.softmax(s, off, padded, limit, mask, maskOff);
        } else {
            plainSoftmax(s, off, padded, limit, mask, maskOff);
        }
    }

    /**
     * The softmax's backward pass over one row, in place: {@code g[j] = a[j] (g[j] - sum_i g[i] a[i])} for
     * {@code j < len}, with {@code g} the gradient with respect to the weights {@code a} on entry and with respect
     * to the scores on return (0 wherever {@code a} is 0).
     *
     * @param g the gradient row, overwritten
     * @param gOff its first element
     * @param a the weights the forward pass gave
     * @param aOff their first element
     * @param len the row length
     */
    public static void softmaxBackward(float[] g, int gOff, float[] a, int aOff, int len) {
        if (Kernels.vectorApi()) {
            VectorSoftmaxRows.softmaxBackward(g, gOff, a, aOff, len);
        } else {
            plainSoftmaxBackward(g, gOff, a, aOff, len);
        }
    }

    static void plainSoftmax(float[] s, int off, int padded, int limit, boolean[] mask, int maskOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < limit; j++) {
            if (mask == null || mask[maskOff + j]) {
                max = Math.max(max, s[off + j]);
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(s, off, off + padded, 0f);
            return;
        }
        float sum = 0;
        for (int j = 0; j < padded; j++) {
            float e = j < limit && (mask == null || mask[maskOff + j]) ? FloatMath.exp(s[off + j] - max) : 0f;
            s[off + j] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int j = 0; j < limit; j++) {
            s[off + j] *= inv;
        }
    }

    static void plainSoftmaxBackward(float[] g, int gOff, float[] a, int aOff, int len) {
        float dot = 0;
        for (int j = 0; j < len; j++) {
            dot = Math.fma(g[gOff + j], a[aOff + j], dot);
        }
        for (int j = 0; j < len; j++) {
            g[gOff + j] = a[aOff + j] * (g[gOff + j] - dot);
        }
    }
}
