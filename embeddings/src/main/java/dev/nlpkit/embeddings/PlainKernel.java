package dev.nlpkit.embeddings;

/** Plain Java loops; the dot product keeps four partial sums so the JIT can pipeline it. */
final class PlainKernel implements Kernel {

    static final PlainKernel INSTANCE = new PlainKernel();

    private PlainKernel() {
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void axpyBoth(float g, float[] out, int outOff, float[] err, float[] in, int inOff, int n) {
        for (int i = 0; i < n; i++) {
            float u = out[outOff + i];
            err[i] += g * u;
            out[outOff + i] = u + g * in[inOff + i];
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
