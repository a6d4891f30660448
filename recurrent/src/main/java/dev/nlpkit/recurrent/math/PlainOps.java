package dev.nlpkit.recurrent.math;

import dev.nlpkit.core.Seeds;

/** Plain-Java element-wise kernels: the fallback of {@link VectorOps} and its scalar tails. */
final class PlainOps {

    private PlainOps() {
    }

    static void exp(float[] x, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            x[i] = FloatMath.exp(x[i]);
        }
    }

    static void sigmoid(float[] x, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            x[i] = FloatMath.sigmoid(x[i]);
        }
    }

    static void tanh(float[] x, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            x[i] = FloatMath.tanh(x[i]);
        }
    }

    /** {@link VectorOps#lstmRow} element by element, with {@link FloatMath}'s scalar kernels. */
    static void lstmRow(float[] z, int zOff, float[] c, float[] h, int sOff, int units) {
        for (int j = 0; j < units; j++) {
            float gi = FloatMath.sigmoid(z[zOff + j]);
            float gf = FloatMath.sigmoid(z[zOff + units + j]);
            float gg = FloatMath.tanh(z[zOff + 2 * units + j]);
            float go = FloatMath.sigmoid(z[zOff + 3 * units + j]);
            float cn = gf * c[sOff + j] + gi * gg;
            c[sOff + j] = cn;
            h[sOff + j] = go * FloatMath.tanh(cn);
        }
    }

    static void lstmTrainRow(float[] z, int zOff, float[] c, float[] h, int sOff, float[] cPrevOut,
                             float[] tanhCOut, float[] hOut, int tOff, int units) {
        for (int j = 0; j < units; j++) {
            float gi = FloatMath.sigmoid(z[zOff + j]);
            float gf = FloatMath.sigmoid(z[zOff + units + j]);
            float gg = FloatMath.tanh(z[zOff + 2 * units + j]);
            float go = FloatMath.sigmoid(z[zOff + 3 * units + j]);
            z[zOff + j] = gi;
            z[zOff + units + j] = gf;
            z[zOff + 2 * units + j] = gg;
            z[zOff + 3 * units + j] = go;
            float cp = c[sOff + j];
            cPrevOut[tOff + j] = cp;
            float cn = gf * cp + gi * gg;
            c[sOff + j] = cn;
            float tc = FloatMath.tanh(cn);
            tanhCOut[tOff + j] = tc;
            float hn = go * tc;
            h[sOff + j] = hn;
            hOut[tOff + j] = hn;
        }
    }

    /** {@link VectorOps#gruGateRow} element by element, with {@link FloatMath}'s scalar kernels. */
    static void gruGateRow(float[] z, int zOff, float[] hd, float[] rhOut, int tOff, int units) {
        for (int j = 0; j < units; j++) {
            z[zOff + j] = FloatMath.sigmoid(z[zOff + j]);
            float r = FloatMath.sigmoid(z[zOff + units + j]);
            z[zOff + units + j] = r;
            rhOut[tOff + j] = r * hd[tOff + j];
        }
    }

    /** {@link VectorOps#gruStateRow} element by element, with {@link FloatMath}'s scalar kernels. */
    static void gruStateRow(float[] z, int zOff, float[] h, int sOff, float[] hOut, int tOff, int units) {
        for (int j = 0; j < units; j++) {
            float n = FloatMath.tanh(z[zOff + 2 * units + j]);
            z[zOff + 2 * units + j] = n;
            float u = z[zOff + j];
            float hn = (1 - u) * h[sOff + j] + u * n;
            h[sOff + j] = hn;
            hOut[tOff + j] = hn;
        }
    }

    /** {@link VectorOps#lstmBackRow} element by element, from unit {@code from} (the vector path's tail). */
    static void lstmBackRow(float[] z, int zOff, float[] dz, float[] dh, float[] dc, int sOff, float[] dhs,
                            float[] tanhC, float[] cPrev, int tOff, int units, int from) {
        for (int j = from; j < units; j++) {
            float dhv = dh[sOff + j] + (dhs == null ? 0f : dhs[tOff + j]);
            float gi = z[zOff + j];
            float gf = z[zOff + units + j];
            float gg = z[zOff + 2 * units + j];
            float go = z[zOff + 3 * units + j];
            float tc = tanhC[tOff + j];
            float dcv = dc[sOff + j] + dhv * go * (1 - tc * tc);
            dz[zOff + j] = dcv * gg * gi * (1 - gi);
            dz[zOff + units + j] = dcv * cPrev[tOff + j] * gf * (1 - gf);
            dz[zOff + 2 * units + j] = dcv * gi * (1 - gg * gg);
            dz[zOff + 3 * units + j] = dhv * tc * go * (1 - go);
            dc[sOff + j] = dcv * gf;
        }
    }

    /** {@link VectorOps#dropoutMask} element by element, {@code from} even. */
    static void dropoutMask(float[] xs, float[] ys, int from, int to, long seed, long threshold, float scale) {
        int scaleBits = Float.floatToRawIntBits(scale);
        int i = from;
        for (; i + 1 < to; i += 2) {
            long bits = Seeds.derive(seed, i >>> 1);
            ys[i] = xs[i] * Float.intBitsToFloat(scaleBits & (int) ((threshold - 1 - (bits >>> 32)) >> 63));
            ys[i + 1] = xs[i + 1]
                    * Float.intBitsToFloat(scaleBits & (int) ((threshold - 1 - (bits & 0xFFFFFFFFL)) >> 63));
        }
        if (i < to) {
            long bits = Seeds.derive(seed, i >>> 1);
            ys[i] = xs[i] * Float.intBitsToFloat(scaleBits & (int) ((threshold - 1 - (bits >>> 32)) >> 63));
        }
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float sum = 0f;
        for (int i = 0; i < len; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    static void adam(float[] w, float[] g, float[] m, float[] v, int off, int len, float beta1, float beta2,
                     float stepSize, float rootScale, float epsilon, float decay) {
        float c1 = 1 - beta1;
        float c2 = 1 - beta2;
        for (int i = off, end = off + len; i < end; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + c1 * gi;
            float vi = beta2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = w[i] * decay - stepSize * mi / ((float) Math.sqrt(vi) * rootScale + epsilon);
        }
    }
}
