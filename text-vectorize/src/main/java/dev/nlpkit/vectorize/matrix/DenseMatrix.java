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

    /** Wraps {@code data} (not copied), which must have {@code rows * columns} entries. */
    public DenseMatrix(int rows, int columns, float[] data) {
        if (rows < 0 || columns < 0 || (long) rows * columns != data.length) {
            throw new IllegalArgumentException("expected " + ((long) rows * columns) + " values for shape [" + rows
                    + ", " + columns + "], got " + data.length);
        }
        this.rows = rows;
        this.columns = columns;
        this.data = data;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public float get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside [" + rows + ", " + columns + "]");
        }
        return data[row * columns + column];
    }

    /** Row {@code row} (a copy). */
    public float[] row(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + rows + ")");
        }
        return Arrays.copyOfRange(data, row * columns, (row + 1) * columns);
    }

    /** The flat row-major data (a copy). */
    public float[] data() {
        return data.clone();
    }

    /** As {@code float[rows][columns]} (a copy). */
    public float[][] toArray() {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /** Heap bytes held: {@code 4 rows columns} plus headers. */
    public long memoryFootprintBytes() {
        return 24 + 16 + 4L * data.length;
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + rows + " x " + columns + "]";
    }
}
