package dev.nlpkit.embeddings;

/**
 * The small matrix products of {@link Algorithm#HOGBATCH} on rows of flat row-major arrays: a row r of length d
 * of an array x is {@code x[off .. off+d)}, its offset given in an {@code int[]} of row offsets, so the rows of
 * the shared weight matrices are used in place, without gathering them into a buffer.
 *
 * <p>With A the input rows (n x d), B the output rows (m x d) and G (n x m) the gradients of C = A&middot;B<sup>T</sup>:
 * {@link #dots} computes one row of C, {@link #combine} one row of dA = G&middot;B, {@link #accumulate} adds
 * one row of dB = G<sup>T</sup>&middot;A to its output row. Two implementations, chosen as {@link Kernel}:
 * {@link PlainBatchKernel} and {@code VectorApiBatchKernel}.
 */
interface BatchKernel {

    /*
     * Each method takes its shared rows as two arrays: a row whose offset is below {@code limit} is read (or
     * written) in {@code hot}, any other in the shared array, at the same offset. CBOW HOGBATCH with several workers
     * keeps the rows of the most frequent words in per-worker copies ({@code hot}, {@code limit} = their number
     * times d) so that the two cores do not pass those rows' cache lines back and forth; the forms without
     * {@code hot} use the shared array only.
     */

    /** {@code c[cOff + j] = a[aOff..] . b[bOff[j]..]} for j &lt; m (one input row against m output rows). */
    default void dots(float[] a, int aOff, float[] b, int[] bOff, int m, int d, float[] c, int cOff) {
        dots(a, aOff, b, b, 0, bOff, m, d, c, cOff);
    }

    /** {@link #dots(float[], int, float[], int[], int, int, float[], int)} with the rows below limit in hot. */
    void dots(float[] a, int aOff, float[] hot, float[] b, int limit, int[] bOff, int m, int d, float[] c, int cOff);

    /** {@code y[yOff..+d) = sum_{j<m} g[gOff + j] * b[bOff[j]..]} (overwrites y). */
    default void combine(float[] g, int gOff, float[] b, int[] bOff, int m, int d, float[] y, int yOff) {
        combine(g, gOff, b, b, 0, bOff, m, d, y, yOff);
    }

    /** {@link #combine(float[], int, float[], int[], int, int, float[], int)} with the rows below limit in hot. */
    void combine(float[] g, int gOff, float[] hot, float[] b, int limit, int[] bOff, int m, int d, float[] y,
            int yOff);

    /**
     * {@code y[yOff..+d) += sum_{i<n} g[gOff + i*gStride] * a[aOff[aFrom + i]..]}: one output row's whole
     * update from n input rows, read and written once.
     */
    void accumulate(float[] g, int gOff, int gStride, float[] a, int[] aOff, int aFrom, int n, int d, float[] y,
            int yOff);

    /**
     * {@code y[yOff..+d) = scale * sum_{i<n} a[aOff[aFrom + i]..]} (overwrites y): n rows summed in a register,
     * in the order given, then scaled once (CBOW's context mean or sum).
     */
    default void sumRows(float[] a, int[] aOff, int aFrom, int n, float scale, int d, float[] y, int yOff) {
        sumRows(a, a, 0, aOff, aFrom, n, scale, d, y, yOff);
    }

    /** {@link #sumRows(float[], int[], int, int, float, int, float[], int)} with the rows below limit in hot. */
    void sumRows(float[] hot, float[] a, int limit, int[] aOff, int aFrom, int n, float scale, int d, float[] y,
            int yOff);

    /**
     * {@code y[yOff[yFrom + i]..+d) += x[xOff..+d)} for i &lt; n: one row added to n rows (CBOW's error to each of
     * its context words, skip-gram's to its row), x read once.
     */
    default void addToRows(float[] x, int xOff, float[] y, int[] yOff, int yFrom, int n, int d) {
        addToRows(x, xOff, y, y, 0, yOff, yFrom, n, d);
    }

    /** {@link #addToRows(float[], int, float[], int[], int, int, int)} with the rows below limit in hot. */
    void addToRows(float[] x, int xOff, float[] hot, float[] y, int limit, int[] yOff, int yFrom, int n, int d);

    /** The batch kernel of the same kind as {@code kernel} (plain loops or the Vector API). */
    static BatchKernel matching(Kernel kernel) {
        return kernel instanceof PlainKernel ? PlainBatchKernel.INSTANCE : VectorApiBatchKernels.create();
    }

    /** Isolates the reference to the incubator-linked class so it is loaded only on demand. */
    final class VectorApiBatchKernels {
        private VectorApiBatchKernels() {
        }

        static BatchKernel create() {
            return new VectorApiBatchKernel();
        }
    }
}
