package dev.nlpkit.vectorize.matrix;

import java.util.Arrays;

/**
 * A read-only view of one row of a {@link CsrMatrix}: {@link #size()} entries with increasing column indices.
 * Also the sparse vector type of the module (a one-hot vector is a row with one entry).
 */
public final class SparseRow {

    private final int dimension;
    private final int[] columns;
    private final float[] values;
    private final int from;
    private final int to;

    SparseRow(int dimension, int[] columns, float[] values, int from, int to) {
        this.dimension = dimension;
        this.columns = columns;
        this.values = values;
        this.from = from;
        this.to = to;
    }

    /**
     * A standalone sparse vector; {@code columns} must be strictly increasing and below {@code dimension}.
     *
     * @param dimension the length of the dense equivalent, >= 0
     * @param columns the stored columns, strictly increasing, in [0, {@code dimension})
     * @param values the stored values, one per column
     * @return the vector, holding copies of the two arrays
     * @throws IllegalArgumentException when the arrays differ in length or a column is out of order or range
     */
    public static SparseRow of(int dimension, int[] columns, float[] values) {
        if (columns.length != values.length) {
            throw new IllegalArgumentException(columns.length + " columns but " + values.length + " values");
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] < 0 || columns[k] >= dimension || (k > 0 && columns[k] <= columns[k - 1])) {
                throw new IllegalArgumentException("column " + columns[k] + " out of order or outside [0, " + dimension
                        + ")");
            }
        }
        return new SparseRow(dimension, columns.clone(), values.clone(), 0, columns.length);
    }

    /**
     * The length of the dense equivalent (the matrix's column count).
     *
     * @return the dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Number of stored entries.
     *
     * @return the number of stored entries
     */
    public int size() {
        return to - from;
    }

    /**
     * Column of the {@code k}-th stored entry.
     *
     * @param k the entry's position, in [0, {@link #size()})
     * @return its column
     */
    public int column(int k) {
        return columns[from + check(k)];
    }

    /**
     * Value of the {@code k}-th stored entry.
     *
     * @param k the entry's position, in [0, {@link #size()})
     * @return its value
     */
    public float value(int k) {
        return values[from + check(k)];
    }

    /**
     * The value at {@code column}, 0 when not stored (binary search).
     *
     * @param column a column, in [0, {@link #dimension()})
     * @return the value
     */
    public float get(int column) {
        int k = Arrays.binarySearch(columns, from, to, column);
        return k >= 0 ? values[k] : 0f;
    }

    /**
     * Sum over shared columns of the products of values (merge of the two sorted index lists).
     *
     * @param other a row of the same dimension
     * @return the dot product
     */
    public double dot(SparseRow other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("dimensions differ: " + dimension + " vs " + other.dimension);
        }
        double sum = 0;
        int i = from;
        int j = other.from;
        while (i < to && j < other.to) {
            int a = columns[i];
            int b = other.columns[j];
            if (a == b) {
                sum += values[i++] * (double) other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /**
     * The Euclidean norm.
     *
     * @return the L2 norm, >= 0
     */
    public double norm() {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += values[k] * (double) values[k];
        }
        return Math.sqrt(sum);
    }

    /**
     * The stored column indices (a copy).
     *
     * @return a fresh array, strictly increasing
     */
    public int[] columns() {
        return Arrays.copyOfRange(columns, from, to);
    }

    /**
     * The stored values (a copy).
     *
     * @return a fresh array
     */
    public float[] values() {
        return Arrays.copyOfRange(values, from, to);
    }

    /**
     * The dense equivalent, {@link #dimension()} entries.
     *
     * @return a fresh array
     */
    public float[] toDense() {
        float[] dense = new float[dimension];
        for (int k = from; k < to; k++) {
            dense[columns[k]] = values[k];
        }
        return dense;
    }

    private int check(int k) {
        if (k < 0 || k >= to - from) {
            throw new IndexOutOfBoundsException("entry " + k + " outside [0, " + (to - from) + ")");
        }
        return k;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SparseRow[dim=").append(dimension).append(", {");
        for (int k = from; k < to; k++) {
            s.append(k == from ? "" : ", ").append(columns[k]).append('=').append(values[k]);
        }
        return s.append("}]").toString();
    }
}
