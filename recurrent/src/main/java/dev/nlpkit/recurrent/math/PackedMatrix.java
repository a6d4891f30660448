package dev.nlpkit.recurrent.math;

/**
 * A {@code rows x columns} right-hand operand laid out once for the active kernels by {@link Gemm#pack}, to be
 * multiplied many times by {@link Gemm#gemm(boolean, int, float, float[], int, int, PackedMatrix, float, float[],
 * int, int)}: the recurrent kernel {@code W_h} of a layer is packed once per batch and multiplied at each of its
 * time steps. Immutable once built; a copy, so it does not follow later changes of the matrix it was made from.
 */
public final class PackedMatrix {

    private final GemmEngine engine;
    private final int rows;
    private final int columns;
    private final float[] data;

    PackedMatrix(GemmEngine engine, int rows, int columns, float[] data) {
        this.engine = engine;
        this.rows = rows;
        this.columns = columns;
        this.data = data;
    }

    /**
     * Rows of the packed matrix ({@code k} of the products).
     *
     * @return the row count
     */
    public int rows() {
        return rows;
    }

    /**
     * Columns of the packed matrix ({@code n} of the products).
     *
     * @return the column count
     */
    public int columns() {
        return columns;
    }

    GemmEngine engine() {
        return engine;
    }

    float[] data() {
        return data;
    }
}
