package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RowSumKernelTest {

    /** d = 100 (a masked last chunk on every vector width), 7 and 16; repeated rows; the last row of the matrix. */
    @Test
    void vectorApiSumsAreThePlainSumsBitForBit() {
        SplittableRandom random = new SplittableRandom(4);
        for (int d : new int[] {100, 7, 16}) {
            int rowsInMatrix = 50;
            float[] a = new float[rowsInMatrix * d];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (random.nextDouble() * 2 - 1);
            }
            int[] rows = {3, 49, 3, 0, 17, 49, 8, 22, 31, 5, 44, 49};
            float[] plain = new float[d + 3];
            float[] vector = new float[d + 3];
            RowSumKernel.PLAIN.sumRows(a, rows, 1, rows.length, d, plain, 3);
            new VectorApiRowSumKernel().sumRows(a, rows, 1, rows.length, d, vector, 3);
            assertArrayEquals(plain, vector, "d=" + d);
            for (int i = 0; i < d; i++) {
                double expected = 0;
                for (int r = 1; r < rows.length; r++) {
                    expected += a[rows[r] * d + i];
                }
                assertThat((double) plain[3 + i]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void anEmptyRangeGivesZeros() {
        float[] y = {5f, 5f, 5f};
        new VectorApiRowSumKernel().sumRows(new float[6], new int[] {1}, 0, 0, 3, y, 0);
        assertThat(y).containsOnly(0f);
    }
}
