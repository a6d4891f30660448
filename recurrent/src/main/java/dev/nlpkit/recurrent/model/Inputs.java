package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * Model inputs, one row per example: token ids ({@code int[n][len]}), sequences of vectors
 * ({@code float[n][len][F]}) or vectors ({@code float[n][F]}). Sequences may be ragged: a batch is padded at
 * the end to its longest row and a mask marks the real steps, so the lengths travel with every batch. Token id
 * 0 is padding when the model's Embedding masks zero (then user-padded rows, at the start or the end, are
 * handled too). The arrays are not copied.
 */
public sealed interface Inputs {

    /**
     * Number of examples.
     *
     * @return the number of examples, >= 0
     */
    int size();

    /**
     * The per-example kind.
     *
     * @return tokens, sequence or vector
     */
    Shape.Kind kind();

    /**
     * Length (steps) of example {@code i}; 1 for vectors.
     *
     * @param i the example's index, in [0, size)
     * @return its number of steps
     */
    int length(int i);

    /**
     * Token id sequences.
     *
     * @param ids per example, its token ids (0 is padding); rows may differ in length
     * @return the inputs, wrapping {@code ids}
     */
    static Inputs tokens(int[][] ids) {
        return new Tokens(ids);
    }

    /**
     * Vector sequences {@code [n][len][F]}.
     *
     * @param values per example, one row of {@code F} values per step; rows may differ in length
     * @return the inputs, wrapping {@code values}
     */
    static Inputs sequences(float[][][] values) {
        return new Sequences(values);
    }

    /**
     * Vectors {@code [n][F]}.
     *
     * @param values per example, one row of {@code F} values
     * @return the inputs, wrapping {@code values}
     */
    static Inputs vectors(float[][] values) {
        return new Vectors(values);
    }

    /**
     * Assembles the examples {@code rows} into a padded batch.
     *
     * @param rows the example indexes of the batch, in batch order
     * @param precision the number type of the values
     * @return the batch, padded at the end to its longest example, with its mask
     */
    Signal batch(int[] rows, Precision precision);

    /**
     * Token ids.
     *
     * @param ids rows of ids, ragged allowed
     */
    record Tokens(int[][] ids) implements Inputs {
        /** Validates. */
        public Tokens {
            requireRows(ids, "token");
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == null) {
                    throw new IllegalArgumentException("token row " + i + " is null");
                }
            }
        }

        @Override
        public int size() {
            return ids.length;
        }

        @Override
        public Shape.Kind kind() {
            return Shape.Kind.TOKENS;
        }

        @Override
        public int length(int i) {
            return ids[i].length;
        }

        @Override
        public Signal batch(int[] rows, Precision precision) {
            int time = maxLength(this, rows);
            int[] flat = new int[rows.length * time];
            int[] lengths = new int[rows.length];
            for (int b = 0; b < rows.length; b++) {
                int[] row = ids[rows[b]];
                System.arraycopy(row, 0, flat, b * time, row.length);
                lengths[b] = row.length;
            }
            return Signal.tokens(flat, rows.length, time, Signal.maskFromLengths(lengths, time));
        }
    }

    /**
     * Sequences of vectors.
     *
     * @param values {@code [n][len][F]}, ragged in len
     */
    record Sequences(float[][][] values) implements Inputs {
        /** Validates: all rows non-null, one feature width. */
        public Sequences {
            requireRows(values, "sequence");
            int width = -1;
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    throw new IllegalArgumentException("sequence row " + i + " is null");
                }
                for (int t = 0; t < values[i].length; t++) {
                    float[] step = values[i][t];
                    if (width < 0) {
                        width = step.length;
                    }
                    if (step.length != width) {
                        throw new IllegalArgumentException("sequence " + i + ", step " + t + " has " + step.length
                                + " features, expected " + width);
                    }
                }
            }
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Shape.Kind kind() {
            return Shape.Kind.SEQUENCE;
        }

        @Override
        public int length(int i) {
            return values[i].length;
        }

        /**
         * The feature width.
         *
         * @return the width F of the first non-empty step, or 1 when every example is empty
         */
        public int features() {
            for (float[][] row : values) {
                if (row.length > 0) {
                    return row[0].length;
                }
            }
            return 1;
        }

        @Override
        public Signal batch(int[] rows, Precision precision) {
            int time = maxLength(this, rows);
            int f = features();
            Tensor x = Tensor.zeros(precision, rows.length, time, f);
            int[] lengths = new int[rows.length];
            for (int b = 0; b < rows.length; b++) {
                float[][] row = values[rows[b]];
                lengths[b] = row.length;
                for (int t = 0; t < row.length; t++) {
                    for (int j = 0; j < f; j++) {
                        x.set((b * time + t) * f + j, row[t][j]);
                    }
                }
            }
            return Signal.sequence(x, Signal.maskFromLengths(lengths, time));
        }
    }

    /**
     * Vectors.
     *
     * @param values {@code [n][F]}
     */
    record Vectors(float[][] values) implements Inputs {
        /** Validates: one width. */
        public Vectors {
            requireRows(values, "vector");
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null || values[i].length != values[0].length) {
                    throw new IllegalArgumentException("vector row " + i + " has "
                            + (values[i] == null ? "no" : Integer.toString(values[i].length)) + " values, expected "
                            + values[0].length);
                }
            }
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Shape.Kind kind() {
            return Shape.Kind.VECTOR;
        }

        @Override
        public int length(int i) {
            return 1;
        }

        @Override
        public Signal batch(int[] rows, Precision precision) {
            int f = values[0].length;
            Tensor x = Tensor.zeros(precision, rows.length, f);
            for (int b = 0; b < rows.length; b++) {
                for (int j = 0; j < f; j++) {
                    x.set(b * f + j, values[rows[b]][j]);
                }
            }
            return Signal.vector(x);
        }
    }

    private static void requireRows(Object[] rows, String what) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no " + what + " rows given");
        }
    }

    private static int maxLength(Inputs in, int[] rows) {
        int time = 1;
        for (int r : rows) {
            time = Math.max(time, in.length(r));
        }
        return time;
    }
}
