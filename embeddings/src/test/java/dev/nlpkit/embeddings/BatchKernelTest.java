package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Vector API batch kernel against the plain loops, for row lengths that take every path: shorter than a vector
 * (scalar), whole vectors, and whole vectors plus a partial chunk done as an overlapping full chunk (37, 100, 300).
 * Rows sit at offsets in a larger array between guard values, which no method may change.
 */
class BatchKernelTest {

    private static final int[] LENGTHS = {1, 7, 16, 37, 64, 100, 112, 300};
    private static final float GUARD = 1234.5f;
    private static final double TOLERANCE = 1e-4;

    private static final BatchKernel PLAIN = BatchKernel.matching(Kernel.select(VectorKernel.PLAIN));
    private static final BatchKernel VECTOR = BatchKernel.matching(Kernel.select(VectorKernel.AUTO));

    /** Rows r = 0..rows-1 of length d at offsets 3 + r * (d + 5), the 5 floats between them guards. */
    private static float[] rows(SplittableRandom random, int rows, int d) {
        float[] m = new float[3 + rows * (d + 5)];
        java.util.Arrays.fill(m, GUARD);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                m[offset(r, d) + i] = (float) random.nextGaussian();
            }
        }
        return m;
    }

    private static int offset(int r, int d) {
        return 3 + r * (d + 5);
    }

    private static int[] offsets(int d, int... rowNumbers) {
        int[] off = new int[rowNumbers.length];
        for (int i = 0; i < off.length; i++) {
            off[i] = offset(rowNumbers[i], d);
        }
        return off;
    }

    private static void assertSame(float[] vector, float[] plain, String what) {
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] == GUARD) {
                assertThat(vector[i]).as("%s: guard at %d", what, i).isEqualTo(GUARD);
            } else {
                assertThat((double) vector[i]).as("%s at %d", what, i).isCloseTo(plain[i], within(TOLERANCE));
            }
        }
    }

    @Test
    void dotsAgreeWithThePlainLoops() {
        SplittableRandom random = new SplittableRandom(1);
        for (int d : LENGTHS) {
            float[] a = rows(random, 2, d);
            float[] b = rows(random, 6, d);
            int[] bOff = offsets(d, 0, 1, 2, 3, 4, 5);
            float[] plain = new float[6];
            float[] vector = new float[6];
            PLAIN.dots(a, offset(1, d), b, bOff, 6, d, plain, 0);
            VECTOR.dots(a, offset(1, d), b, bOff, 6, d, vector, 0);
            for (int j = 0; j < 6; j++) {
                assertThat((double) vector[j]).as("d=%d, j=%d", d, j).isCloseTo(plain[j], within(TOLERANCE * d));
            }
        }
    }

    @Test
    void combineOverwritesTheRowWithTheWeightedSum() {
        SplittableRandom random = new SplittableRandom(2);
        for (int d : LENGTHS) {
            float[] g = {0.3f, -1.2f, 0.7f, 0.05f, -0.4f};
            float[] b = rows(random, 5, d);
            int[] bOff = offsets(d, 4, 0, 3, 1, 2);
            float[] plain = rows(random, 2, d);
            float[] vector = plain.clone();
            PLAIN.combine(g, 0, b, bOff, 5, d, plain, offset(1, d));
            VECTOR.combine(g, 0, b, bOff, 5, d, vector, offset(1, d));
            assertSame(vector, plain, "combine d=" + d);
        }
    }

    @Test
    void accumulateAddsEachTermOnceWithAStride() {
        SplittableRandom random = new SplittableRandom(3);
        for (int d : LENGTHS) {
            float[] g = {0.3f, 9f, -1.2f, 9f, 0.7f, 9f}; // stride 2: the 9s are not this row's terms
            float[] a = rows(random, 4, d);
            int[] aOff = offsets(d, 0, 2, 1, 3);
            float[] plain = rows(random, 2, d);
            float[] vector = plain.clone();
            PLAIN.accumulate(g, 0, 2, a, aOff, 1, 3, d, plain, offset(0, d));
            VECTOR.accumulate(g, 0, 2, a, aOff, 1, 3, d, vector, offset(0, d));
            assertSame(vector, plain, "accumulate d=" + d);
        }
    }

    @Test
    void sumRowsOverwritesTheRowWithTheScaledSum() {
        SplittableRandom random = new SplittableRandom(4);
        for (int d : LENGTHS) {
            float[] a = rows(random, 4, d);
            int[] aOff = offsets(d, 3, 1, 1, 0);
            float[] plain = rows(random, 2, d);
            float[] vector = plain.clone();
            PLAIN.sumRows(a, aOff, 0, 4, 0.25f, d, plain, offset(1, d));
            VECTOR.sumRows(a, aOff, 0, 4, 0.25f, d, vector, offset(1, d));
            assertSame(vector, plain, "sumRows d=" + d);
        }
    }

    /** A row listed twice (a word twice in a CBOW window) takes the error twice, the overlapped lanes once. */
    @Test
    void addToRowsAddsTheRowToEachListedRowRepeatsIncluded() {
        SplittableRandom random = new SplittableRandom(5);
        for (int d : LENGTHS) {
            float[] x = rows(random, 1, d);
            float[] original = rows(random, 4, d);
            int[] yOff = offsets(d, 9, 2, 0, 2, 3); // from index 1: rows 2, 0, 2, 3
            float[] plain = original.clone();
            float[] vector = original.clone();
            PLAIN.addToRows(x, offset(0, d), plain, yOff, 1, 4, d);
            VECTOR.addToRows(x, offset(0, d), vector, yOff, 1, 4, d);
            assertSame(vector, plain, "addToRows d=" + d);
            for (int i = 0; i < d; i++) {
                assertThat(plain[offset(2, d) + i]).isEqualTo(original[offset(2, d) + i] + x[offset(0, d) + i]
                        + x[offset(0, d) + i]);
                assertThat(plain[offset(1, d) + i]).isEqualTo(original[offset(1, d) + i]);
            }
        }
    }

    /**
     * The forms with private rows (CBOW's per-worker copies of hot rows): rows whose offset is below the limit
     * (here rows 0 and 1) are read from, and written to, the private array, the others the shared one. Checked
     * against the one-array form on the matrix the two make together, for both kernels; the rows of each array that
     * the other one holds stay untouched.
     */
    @Test
    void privateRowFormsUseThePrivateArrayBelowTheLimit() {
        SplittableRandom random = new SplittableRandom(6);
        for (int d : LENGTHS) {
            for (BatchKernel kernel : new BatchKernel[] {PLAIN, VECTOR}) {
                String what = kernel.getClass().getSimpleName() + " d=" + d;
                int limit = offset(2, d);
                float[] together = rows(random, 5, d);
                float[] hot = java.util.Arrays.copyOf(together, limit);
                float[] shared = together.clone();
                java.util.Arrays.fill(shared, 0, limit, Float.NaN); // must never be read
                int[] off = offsets(d, 3, 0, 4, 1, 2);
                float[] a = rows(random, 1, d);

                float[] expected = new float[5];
                float[] actual = new float[5];
                kernel.dots(a, offset(0, d), together, off, 5, d, expected, 0);
                kernel.dots(a, offset(0, d), hot, shared, limit, off, 5, d, actual, 0);
                assertThat(actual).as("dots %s", what).containsExactly(expected);

                float[] g = {0.3f, -1.2f, 0.7f, 0.05f, -0.4f};
                float[] y = new float[d];
                float[] yExpected = new float[d];
                kernel.combine(g, 0, together, off, 5, d, yExpected, 0);
                kernel.combine(g, 0, hot, shared, limit, off, 5, d, y, 0);
                assertThat(y).as("combine %s", what).containsExactly(yExpected);

                kernel.sumRows(together, off, 0, 5, 0.2f, d, yExpected, 0);
                kernel.sumRows(hot, shared, limit, off, 0, 5, 0.2f, d, y, 0);
                assertThat(y).as("sumRows %s", what).containsExactly(yExpected);

                float[] togetherAfter = together.clone();
                kernel.addToRows(a, offset(0, d), togetherAfter, off, 0, 5, d);
                kernel.addToRows(a, offset(0, d), hot, shared, limit, off, 0, 5, d);
                for (int i = 0; i < together.length; i++) {
                    if (i < limit) {
                        assertThat(hot[i]).as("addToRows %s, private %d", what, i).isEqualTo(togetherAfter[i]);
                        assertThat(shared[i]).as("addToRows %s, shared %d", what, i).isNaN();
                    } else {
                        assertThat(shared[i]).as("addToRows %s, shared %d", what, i).isEqualTo(togetherAfter[i]);
                    }
                }
            }
        }
    }
}
