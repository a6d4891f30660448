package dev.nlpkit.embeddings;

/** Plain Java loops for {@link BatchKernel}. */
final class PlainBatchKernel implements BatchKernel {

    static final PlainBatchKernel INSTANCE = new PlainBatchKernel();

    private PlainBatchKernel() {
    }

    @Override
    public void dots(float[] a, int aOff, float[] b, int[] bOff, int m, int d, float[] c, int cOff) {
        for (int j = 0; j < m; j++) {
            c[cOff + j] = PlainKernel.INSTANCE.dot(a, aOff, b, bOff[j], d);
        }
    }

    @Override
    public void combine(float[] g, int gOff, float[] b, int[] bOff, int m, int d, float[] y, int yOff) {
        for (int i = 0; i < d; i++) {
            y[yOff + i] = 0f;
        }
        for (int j = 0; j < m; j++) {
            float gj = g[gOff + j];
            int off = bOff[j];
            for (int i = 0; i < d; i++) {
                y[yOff + i] += gj * b[off + i];
            }
        }
    }

    @Override
    public void accumulate(float[] g, int gOff, int gStride, float[] a, int[] aOff, int aFrom, int n, int d,
            float[] y, int yOff) {
        for (int r = 0; r < n; r++) {
            float gr = g[gOff + r * gStride];
            int off = aOff[aFrom + r];
            for (int i = 0; i < d; i++) {
                y[yOff + i] += gr * a[off + i];
            }
        }
    }

    @Override
    public void sumRows(float[] a, int[] aOff, int aFrom, int n, float scale, int d, float[] y, int yOff) {
        for (int i = 0; i < d; i++) {
            float s = 0f;
            for (int r = 0; r < n; r++) {
                s += a[aOff[aFrom + r] + i];
            }
            y[yOff + i] = s * scale;
        }
    }

    @Override
    public void addToRows(float[] x, int xOff, float[] y, int[] yOff, int yFrom, int n, int d) {
        for (int r = 0; r < n; r++) {
            int off = yOff[yFrom + r];
            for (int i = 0; i < d; i++) {
                y[off + i] += x[xOff + i];
            }
        }
    }
}
