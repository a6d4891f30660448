package dev.nlpkit.recurrent.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import dev.nlpkit.recurrent.math.Parallelism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Ops#addColumnSums}: a sum large enough to be split over the kernel threads, each part into its own copy of
 * its columns, gives the bits of one thread, added to what the sums already held.
 */
class ColumnSumsTest {

    private final int threadsBefore = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(threadsBefore);
    }

    private static float[] columnSums(int threads, float[] x, int rows, int cols, float[] start) {
        Parallelism.setThreads(threads);
        float[] sums = start.clone();
        Ops.addColumnSums(Tensor.wrap(x, rows, cols), rows, cols, Tensor.wrap(sums, cols), 0);
        return sums;
    }

    @Test
    void aSplitSumGivesTheBitsOfOneThread() {
        int rows = 20_500;
        int cols = 419;  // above the split threshold on two threads; parts end inside a cache line
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        float[] start = new float[cols];
        for (int c = 0; c < cols; c++) {
            start[c] = (float) random.nextDouble(-5, 5);
        }
        float[] one = columnSums(1, x, rows, cols, start);
        float[] two = columnSums(2, x, rows, cols, start);
        assertThat(two).containsExactly(one);
        assertThat(one).isNotEqualTo(start);
        float plain = start[7];
        for (int r = 0; r < rows; r++) {
            plain += x[r * cols + 7];
        }
        assertThat(one[7]).isEqualTo(plain);
    }
}
