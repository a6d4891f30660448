package dev.nlpkit.recurrent.math;

/**
 * The plain-Java kernels: the fallback when {@code jdk.incubator.vector} is absent. The inner loop runs over
 * contiguous columns of a row of {@code B} (packed first when {@code B} is transposed) so that HotSpot's
 * auto-vectorizer can use SIMD on it.
 */
final class PlainGemm implements GemmEngine {

    static final PlainGemm INSTANCE = new PlainGemm();

    private PlainGemm() {
    }

    @Override
    public void multiplyAdd(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        float[] bp = b;
        int bpOff = bOff;
        int bpLd = ldb;
        if (transB) {
            // B is stored n x k; make a k x n copy so the inner loop reads contiguous memory.
            bp = new float[k * n];
            for (int j = 0; j < n; j++) {
                int src = bOff + j * ldb;
                for (int p = 0; p < k; p++) {
                    bp[p * n + j] = b[src + p];
                }
            }
            bpOff = 0;
            bpLd = n;
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * ldc;
            for (int p = 0; p < k; p++) {
                float aip = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                int bRow = bpOff + p * bpLd;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * bp[bRow + j];
                }
            }
        }
    }

    @Override
    public String name() {
        return "plain java";
    }
}
