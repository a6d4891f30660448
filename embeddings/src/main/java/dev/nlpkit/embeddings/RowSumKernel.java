package dev.nlpkit.embeddings;

/**
 * The sum of a list of rows of a flat row-major matrix, given by row index ({@code row * d} is its offset): how
 * FastText composes a word's vector from its own row and its n-gram rows. Each lane chunk of the result is
 * accumulated in a register over all rows and stored once, so the loads of the rows (mostly cache misses in the
 * n-gram matrix) do not wait on each other through a buffer in memory. Per element the rows are added in the
 * order given, so both implementations give the same bits. Two implementations, chosen as {@link Kernel}.
 * (Word2Vec's {@link BatchKernel#sumRows} does the same on row offsets; it could be one kernel later.)
 */
interface RowSumKernel {

    /**
     * {@code y[yOff..+d) = sum_{r in [from, to)} a[rows[r]*d ..+d)} (overwrites y; zeros when the range is empty).
     *
     * @param a    the matrix, rows of d floats
     * @param rows row indices into {@code a}
     * @param from first index into {@code rows}
     * @param to   end index into {@code rows} (exclusive)
     * @param d    row length
     * @param y    receives the sum
     * @param yOff offset of the sum in {@code y}
     */
    void sumRows(float[] a, int[] rows, int from, int to, int d, float[] y, int yOff);

    /** The implementation of the same kind as {@code kernel} (plain loops or the Vector API). */
    static RowSumKernel matching(Kernel kernel) {
        return kernel instanceof PlainKernel ? PLAIN : VectorApiRowSums.create();
    }

    /** Plain loops, element by element. */
    RowSumKernel PLAIN = (a, rows, from, to, d, y, yOff) -> {
        java.util.Arrays.fill(y, yOff, yOff + d, 0f);
        for (int r = from; r < to; r++) {
            int off = rows[r] * d;
            for (int i = 0; i < d; i++) {
                y[yOff + i] += a[off + i];
            }
        }
    };

    /** Isolates the reference to the incubator-linked class so it is loaded only on demand. */
    final class VectorApiRowSums {
        private VectorApiRowSums() {
        }

        static RowSumKernel create() {
            return new VectorApiRowSumKernel();
        }
    }
}
