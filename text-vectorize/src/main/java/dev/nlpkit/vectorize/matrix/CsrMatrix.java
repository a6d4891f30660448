package dev.nlpkit.vectorize.matrix;

import java.util.Arrays;

/**
 * An immutable sparse matrix of shape {@code [rows, columns]} in compressed sparse row form (scikit-learn's
 * {@code csr_matrix} layout): the entries of row {@code i} are {@code columnIndices[k]} / {@code values[k]} for
 * {@code k} in {@code [rowPointers[i], rowPointers[i+1])}, with column indices strictly increasing within a
 * row. Values are float32.
 *
 * <p>Memory: {@code 4 (rows + 1) + 8 nnz} bytes of arrays (plus three array headers), see
 * {@link #memoryFootprintBytes()}; 2,718,804 non-zeros over 215,470 rows take 22.6 MB where the dense
 * equivalent would take {@code 4 rows columns} bytes (247 GB for 286,744 columns).
 */
public final class CsrMatrix {

    private final int rows;
    private final int columns;
    private final int[] rowPointers;
    private final int[] columnIndices;
    private final float[] values;

    /**
     * Wraps the arrays (not copied: the caller hands them over). Validates the structure.
     *
     * @param rows the number of rows, >= 0
     * @param columns the number of columns, >= 0
     * @param rowPointers {@code rows + 1} offsets into the other two arrays, from 0, non-decreasing; row {@code r} is
     *                    entries {@code rowPointers[r] .. rowPointers[r + 1] - 1}
     * @param columnIndices column of each entry, strictly increasing within a row, below {@code columns}
     * @param values value of each entry
     * @throws IllegalArgumentException when the arrays do not describe a valid CSR matrix of that shape
     */
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("shape must be non-negative, got [" + rows + ", " + columns + "]");
        }
        if (rowPointers.length != rows + 1) {
            throw new IllegalArgumentException("expected " + (rows + 1) + " row pointers, got " + rowPointers.length);
        }
        int nnz = rowPointers[rows];
        if (rowPointers[0] != 0 || columnIndices.length < nnz || values.length < nnz) {
            throw new IllegalArgumentException("row pointers must start at 0 and end at the number of entries ("
                    + Math.min(columnIndices.length, values.length) + "), got " + rowPointers[0] + ".." + nnz);
        }
        for (int r = 0; r < rows; r++) {
            int from = rowPointers[r];
            int to = rowPointers[r + 1];
            if (to < from) {
                throw new IllegalArgumentException("row pointers decrease at row " + r);
            }
            int previous = -1;
            for (int k = from; k < to; k++) {
                int c = columnIndices[k];
                if (c <= previous || c >= columns) {
                    throw new IllegalArgumentException("row " + r + ": column " + c + " out of order or outside [0, "
                            + columns + ")");
                }
                previous = c;
            }
        }
        this.rows = rows;
        this.columns = columns;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices.length == nnz ? columnIndices : Arrays.copyOf(columnIndices, nnz);
        this.values = values.length == nnz ? values : Arrays.copyOf(values, nnz);
    }

    /**
     * A sparse copy of a dense matrix (exact zeros are left out).
     *
     * @param dense the rows; each row must have {@code columns} entries
     * @param columns the number of columns (needed when {@code dense} has no rows)
     * @return the sparse matrix
     */
    public static CsrMatrix fromDense(float[][] dense, int columns) {
        int nnz = 0;
        for (float[] row : dense) {
            if (row.length != columns) {
                throw new IllegalArgumentException("expected rows of " + columns + " columns, got " + row.length);
            }
            for (float v : row) {
                if (v != 0f) {
                    nnz++;
                }
            }
        }
        int[] pointers = new int[dense.length + 1];
        int[] cols = new int[nnz];
        float[] vals = new float[nnz];
        int k = 0;
        for (int r = 0; r < dense.length; r++) {
            for (int c = 0; c < columns; c++) {
                if (dense[r][c] != 0f) {
                    cols[k] = c;
                    vals[k++] = dense[r][c];
                }
            }
            pointers[r + 1] = k;
        }
        return new CsrMatrix(dense.length, columns, pointers, cols, vals);
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
     * Number of stored entries.
     *
     * @return the number of stored entries
     */
    public int nonZeros() {
        return rowPointers[rows];
    }

    /**
     * A view of row {@code row} (no copy).
     *
     * @param row the row index, in [0, rows)
     * @return the row, sharing this matrix's arrays
     */
    public SparseRow row(int row) {
        checkRow(row);
        return new SparseRow(columns, columnIndices, values, rowPointers[row], rowPointers[row + 1]);
    }

    /**
     * The value at ({@code row}, {@code column}), 0 when not stored; O(log nnz(row)).
     *
     * @param row the row index, in [0, rows)
     * @param column the column index, in [0, columns)
     * @return the value
     */
    public float get(int row, int column) {
        return row(row).get(column);
    }

    /**
     * The dot product of rows {@code a} and {@code b} (cosine similarity when rows are L2-normalised).
     *
     * @param a a row index
     * @param b another row index
     * @return the sum of the products of shared columns
     */
    public double dot(int a, int b) {
        return row(a).dot(row(b));
    }

    /**
     * {@code this x vector}: one value per row; {@code vector} has {@link #columns()} entries.
     *
     * @param vector a dense vector of {@link #columns()} entries
     * @return a fresh array of {@link #rows()} values
     */
    public double[] multiply(float[] vector) {
        if (vector.length != columns) {
            throw new IllegalArgumentException("expected a vector of " + columns + " entries, got " + vector.length);
        }
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
                sum += values[k] * (double) vector[columnIndices[k]];
            }
            out[r] = sum;
        }
        return out;
    }

    /**
     * The dense {@code [rows, columns]} equivalent.
     *
     * @return a fresh dense matrix
     * @throws IllegalStateException when it would have more than {@code Integer.MAX_VALUE - 8} entries
     */
    public DenseMatrix toDense() {
        long size = (long) rows * columns;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a dense [" + rows + ", " + columns + "] matrix has " + size
                    + " entries, more than a Java array holds; convert row ranges or keep it sparse");
        }
        float[] data = new float[(int) size];
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
                data[base + columnIndices[k]] = values[k];
            }
        }
        return new DenseMatrix(rows, columns, data);
    }

    /**
     * The row pointers (a copy), {@code rows + 1} entries.
     *
     * @return a fresh array
     */
    public int[] rowPointers() {
        return rowPointers.clone();
    }

    /**
     * The column indices (a copy), {@link #nonZeros()} entries.
     *
     * @return a fresh array
     */
    public int[] columnIndices() {
        return columnIndices.clone();
    }

    /**
     * The values (a copy), {@link #nonZeros()} entries.
     *
     * @return a fresh array
     */
    public float[] values() {
        return values.clone();
    }

    /**
     * Heap bytes held: the three arrays ({@code 4 (rows + 1) + 4 nnz + 4 nnz} plus 16-byte headers) and the
     * object itself.
     *
     * @return the estimated heap bytes
     */
    public long memoryFootprintBytes() {
        return 32 + 16 + 4L * rowPointers.length + 16 + 4L * columnIndices.length + 16 + 4L * values.length;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside [0, " + rows + ")");
        }
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + " x " + columns + ", nnz=" + nonZeros() + "]";
    }
}
