package dev.nlpkit.examples.baseline;

import java.util.Arrays;

/**
 * A sparse document-term matrix as plain arrays, one row per document: row {@code i} holds the non-zero entries
 * {@code (indices[i][k], values[i][k])}. This is the hand-off type from a vectorizer (for example TF-IDF) to the
 * baselines, so the baselines do not depend on any one vectorizer.
 *
 * @param columns number of columns (the vocabulary size); every index is in {@code [0, columns)}
 * @param indices per row, the column of each stored entry; no duplicates within a row
 * @param values  per row, the value of each stored entry, finite and {@code >= 0} (term weights)
 */
public record SparseRows(int columns, int[][] indices, float[][] values) {

    public SparseRows {
        if (columns <= 0) {
            throw new IllegalArgumentException("a sparse matrix needs at least one column, got " + columns);
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices have " + indices.length + " rows but values have "
                    + values.length);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i].length != values[i].length) {
                throw new IllegalArgumentException("row " + i + " has " + indices[i].length + " indices but "
                        + values[i].length + " values");
            }
            for (int k = 0; k < indices[i].length; k++) {
                int column = indices[i][k];
                if (column < 0 || column >= columns) {
                    throw new IllegalArgumentException("row " + i + " entry " + k + " has column " + column
                            + ", expected 0.." + (columns - 1));
                }
                float value = values[i][k];
                if (!Float.isFinite(value) || value < 0) {
                    throw new IllegalArgumentException("row " + i + " column " + column + " has value " + value
                            + ", expected a finite weight >= 0");
                }
            }
        }
    }

    /** From dense rows, keeping the non-zero entries (convenient for small data and tests). */
    public static SparseRows fromDense(float[][] dense) {
        if (dense.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        int columns = dense[0].length;
        int[][] indices = new int[dense.length][];
        float[][] values = new float[dense.length][];
        for (int i = 0; i < dense.length; i++) {
            if (dense[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + dense[i].length + " columns, expected "
                        + columns);
            }
            int nonZero = 0;
            for (float v : dense[i]) {
                nonZero += v != 0 ? 1 : 0;
            }
            indices[i] = new int[nonZero];
            values[i] = new float[nonZero];
            int k = 0;
            for (int j = 0; j < columns; j++) {
                if (dense[i][j] != 0) {
                    indices[i][k] = j;
                    values[i][k++] = dense[i][j];
                }
            }
        }
        return new SparseRows(columns, indices, values);
    }

    public int rows() {
        return indices.length;
    }

    /** Number of stored entries. */
    public long nonZeros() {
        return Arrays.stream(indices).mapToLong(r -> r.length).sum();
    }

    /** Row {@code i} as Smile's sparse array. */
    smile.util.SparseArray smileRow(int i) {
        smile.util.SparseArray row = new smile.util.SparseArray(indices[i].length);
        for (int k = 0; k < indices[i].length; k++) {
            row.append(indices[i][k], values[i][k]);
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseRows s && columns == s.columns && Arrays.deepEquals(indices, s.indices)
                && Arrays.deepEquals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * columns + Arrays.deepHashCode(indices);
    }

    @Override
    public String toString() {
        return "SparseRows[rows=" + rows() + ", columns=" + columns + ", nonZeros=" + nonZeros() + "]";
    }
}
