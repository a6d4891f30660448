package dev.nlpkit.vectorize.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrMatrixTest {

    // [[1, 0, 2],
    //  [0, 0, 0],
    //  [0, 3, 4]]
    private final CsrMatrix m = new CsrMatrix(3, 3, new int[] {0, 2, 2, 4}, new int[] {0, 2, 1, 2},
            new float[] {1, 2, 3, 4});

    @Test
    void shapeAndEntries() {
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.columns()).isEqualTo(3);
        assertThat(m.nonZeros()).isEqualTo(4);
        assertThat(m.get(0, 2)).isEqualTo(2f);
        assertThat(m.get(1, 1)).isZero();
    }

    @Test
    void rowViewsExposeStoredEntries() {
        SparseRow row = m.row(2);
        assertThat(row.size()).isEqualTo(2);
        assertThat(row.columns()).containsExactly(1, 2);
        assertThat(row.values()).containsExactly(3f, 4f);
        assertThat(row.toDense()).containsExactly(0f, 3f, 4f);
        assertThat(m.row(1).size()).isZero();
    }

    @Test
    void rowDotProducts() {
        assertThat(m.dot(0, 2)).isEqualTo(8.0);
        assertThat(m.dot(0, 1)).isZero();
        assertThat(m.row(2).norm()).isEqualTo(5.0);
    }

    @Test
    void denseConversion() {
        assertThat(m.toDense().toArray()).isEqualTo(new float[][] {{1, 0, 2}, {0, 0, 0}, {0, 3, 4}});
        assertThat(CsrMatrix.fromDense(m.toDense().toArray(), 3).values()).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void multiplyByVector() {
        assertThat(m.multiply(new float[] {1, 1, 1})).containsExactly(3.0, 0.0, 7.0);
    }

    @Test
    void memoryFootprintIsFourBytesPerRowPointerAndEightPerEntry() {
        long base = new CsrMatrix(0, 3, new int[] {0}, new int[0], new float[0]).memoryFootprintBytes();
        assertThat(m.memoryFootprintBytes() - base).isEqualTo(4L * 3 + 8L * 4);
    }

    @Test
    void invalidStructureIsRejected() {
        assertThatThrownBy(() -> new CsrMatrix(1, 3, new int[] {0, 2}, new int[] {2, 1}, new float[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> new CsrMatrix(1, 2, new int[] {0, 1}, new int[] {5}, new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsrMatrix(2, 2, new int[] {0, 1}, new int[] {0}, new float[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row pointers");
    }

    @Test
    void tooLargeDenseConversionIsRefused() {
        CsrMatrix huge = new CsrMatrix(1 << 16, 1 << 16, new int[(1 << 16) + 1], new int[0], new float[0]);
        assertThatThrownBy(huge::toDense).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keep it sparse");
    }
}
