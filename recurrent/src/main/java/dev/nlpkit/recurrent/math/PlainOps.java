package dev.nlpkit.recurrent.math;

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
