package dev.nlpkit.vectorize.matrix;

import java.util.Arrays;

/**
 * An immutable dense float32 matrix of shape {@code [rows, columns]}, row-major in one flat array (entry
 * {@code (r, c)} at {@code r * columns + c}). {@code 4 rows columns} bytes: ask for it only for small
 * vocabularies or few rows.
 */
public final class DenseMatrix {

    private final int rows;
    private final int columns;
    private final float[] data;

    /**
     * Wraps {@code data} (not copied), which must have {@code rows * columns} entries.
     *
     * @param rows the number of rows, >= 0
     * @param columns the number of columns, >= 0
     * @param data the values, row-major: entry ({@code r}, {@code c}) at {@code r * columns + c}
     */
    public DenseMatrix(int rows, int columns, float[] data) {
        if (rows < 0 || columns < 0 || (long) rows * columns != data.length) {
            throw new IllegalArgumentException("expected " + ((long) rows * columns) + " values for shape [" + rows
                    + ", " + columns + "], got " + data.length);
        }
        this.rows = rows;
        this.columns = columns;
        this.data = data;
    }

    /**
     * The number of rows.
     *
     * @return the number of rows, >= 0
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns, >= 0
     */
    public int columns() {
        return columns;
    }

    /**
     * The value at ({@code row}, {@code column}).
     *
     * @param row the row index, in [0, rows)
     * @param column the column index, in [0, columns)
     * @return the value
     */
    public float get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside [" + rows + ", " + columns + "]");
        }
        return data[row * columns + column];
    }

    /**
     * Row {@code row} (a copy).
     *
     * @param row the row index, in [0, rows)
     * @return a fresh array of {@link #columns()} values
     */
    public float[] row(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + rows + ")");
        }
        return Arrays.copyOfRange(data, row * columns, (row + 1) * columns);
    }

    /**
     * The flat row-major data (a copy).
     *
     * @return a fresh array of {@code rows * columns} values
     */
    public float[] data() {
        return data.clone();
    }

    /**
     * As {@code float[rows][columns]} (a copy).
     *
     * @return a fresh array of arrays
     */
    public float[][] toArray() {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /**
     * Heap bytes held: {@code 4 rows columns} plus headers.
     *
     * @return the estimated heap bytes
     */
    public long memoryFootprintBytes() {
        return 24 + 16 + 4L * data.length;
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + rows + " x " + columns + "]";
    }
}
