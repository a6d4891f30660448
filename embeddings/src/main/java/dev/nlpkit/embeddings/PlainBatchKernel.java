package dev.nlpkit.embeddings;

/** Plain Java loops for {@link BatchKernel}. */
final class PlainBatchKernel implements BatchKernel {

    static final PlainBatchKernel INSTANCE = new PlainBatchKernel();

    private PlainBatchKernel() {
    }

    @Override
    public void dots(float[] a, int aOff, float[] hot, float[] b, int limit, int[] bOff, int m, int d, float[] c,
            int cOff) {
        for (int j = 0; j < m; j++) {
            int off = bOff[j];
            c[cOff + j] = PlainKernel.INSTANCE.dot(a, aOff, off < limit ? hot : b, off, d);
        }
    }

    @Override
    public void combine(float[] g, int gOff, float[] hot, float[] b, int limit, int[] bOff, int m, int d, float[] y,
            int yOff) {
        for (int i = 0; i < d; i++) {
            y[yOff + i] = 0f;
        }
        for (int j = 0; j < m; j++) {
            float gj = g[gOff + j];
            int off = bOff[j];
            float[] row = off < limit ? hot : b;
            for (int i = 0; i < d; i++) {
                y[yOff + i] += gj * row[off + i];
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
    public void sumRows(float[] hot, float[] a, int limit, int[] aOff, int aFrom, int n, float scale, int d,
            float[] y, int yOff) {
        for (int i = 0; i < d; i++) {
            float s = 0f;
            for (int r = 0; r < n; r++) {
                int off = aOff[aFrom + r];
                s += (off < limit ? hot : a)[off + i];
            }
            y[yOff + i] = s * scale;
        }
    }

    @Override
    public void addToRows(float[] x, int xOff, float[] hot, float[] y, int limit, int[] yOff, int yFrom, int n,
            int d) {
        for (int r = 0; r < n; r++) {
            int off = yOff[yFrom + r];
            float[] row = off < limit ? hot : y;
            for (int i = 0; i < d; i++) {
                row[off + i] += x[xOff + i];
            }
        }
    }
}
