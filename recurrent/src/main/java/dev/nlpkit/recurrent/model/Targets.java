package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * Training targets, one row per example: values per example ({@code float[n][K]}, e.g. 0/1 labels for binary
 * cross-entropy with K = 1), class labels per example ({@code int[n]}), class labels per step
 * ({@code int[n][len]}) or values per step ({@code float[n][len][K]}). Per-step rows may be ragged; their
 * lengths mask the loss (together with the model's output mask). Arrays are not copied.
 */
public sealed interface Targets {

    /**
     * Number of examples.
     *
     * @return the number of examples, >= 0
     */
    int size();

    /**
     * Whether the targets are per step.
     *
     * @return true for per-step targets, false for one target per example
     */
    boolean perStep();

    /**
     * Binary (or any scalar) targets, one per example.
     *
     * @param values one value per example (0 or 1 for binary cross-entropy)
     * @return the targets, wrapping {@code values}
     */
    static Targets binary(float[] values) {
        float[][] rows = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new float[] {values[i]};
        }
        return new Values(rows);
    }

    /**
     * Values per example {@code [n][K]}.
     *
     * @param values one row of {@code K} values per example (for example one-hot rows)
     * @return the targets
     */
    static Targets values(float[][] values) {
        return new Values(values);
    }

    /**
     * A class label per example.
     *
     * @param labels one class id per example, in [0, K)
     * @return the targets
     */
    static Targets labels(int[] labels) {
        return new Labels(labels);
    }

    /**
     * Class labels per step.
     *
     * @param labels per example, one class id per step, in [0, K); rows may differ in length
     * @return the targets
     */
    static Targets stepLabels(int[][] labels) {
        return new StepLabels(labels);
    }

    /**
     * Values per step {@code [n][len][K]}.
     *
     * @param values per example, one row of {@code K} values per step; rows may differ in length
     * @return the targets
     */
    static Targets stepValues(float[][][] values) {
        return new StepValues(values);
    }

    /**
     * The targets of {@code rows} as a tensor, padded to {@code time} steps when per step, and the
     * per-row real flags ({@code batch * time}, null for per-example targets).
     *
     * @param rows the example indexes of the batch, in batch order
     * @param time the padded length of the batch's inputs
     * @param precision the number type of the tensor
     * @return the batch's targets and mask
     */
    Batch batch(int[] rows, int time, Precision precision);

    /**
     * A target batch.
     *
     * @param values the targets, {@code [batch, K]} or {@code [batch, time, K]}
     * @param mask per-step real flags, {@code [batch * time]}, or null for per-example targets
     */
    record Batch(Tensor values, boolean[] mask) {
    }

    /**
     * Values per example.
     *
     * @param values {@code [n][K]}
     */
    record Values(float[][] values) implements Targets {
        /** Validates. */
        public Values {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("no targets given");
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null || values[i].length != values[0].length) {
                    throw new IllegalArgumentException("target row " + i + " has a different width than row 0");
                }
            }
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean perStep() {
            return false;
        }

        @Override
        public Batch batch(int[] rows, int time, Precision precision) {
            int k = values[0].length;
            Tensor t = Tensor.zeros(precision, rows.length, k);
            for (int b = 0; b < rows.length; b++) {
                for (int j = 0; j < k; j++) {
                    t.set(b * k + j, values[rows[b]][j]);
                }
            }
            return new Batch(t, null);
        }
    }

    /**
     * Labels per example.
     *
     * @param labels class ids
     */
    record Labels(int[] labels) implements Targets {
        /** Validates. */
        public Labels {
            if (labels == null || labels.length == 0) {
                throw new IllegalArgumentException("no labels given");
            }
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public boolean perStep() {
            return false;
        }

        @Override
        public Batch batch(int[] rows, int time, Precision precision) {
            Tensor t = Tensor.zeros(precision, rows.length);
            for (int b = 0; b < rows.length; b++) {
                t.set(b, labels[rows[b]]);
            }
            return new Batch(t, null);
        }
    }

    /**
     * Labels per step.
     *
     * @param labels {@code [n][len]}
     */
    record StepLabels(int[][] labels) implements Targets {
        /** Validates. */
        public StepLabels {
            if (labels == null || labels.length == 0) {
                throw new IllegalArgumentException("no step labels given");
            }
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public boolean perStep() {
            return true;
        }

        @Override
        public Batch batch(int[] rows, int time, Precision precision) {
            Tensor t = Tensor.zeros(precision, rows.length, time);
            boolean[] mask = new boolean[rows.length * time];
            for (int b = 0; b < rows.length; b++) {
                int[] row = labels[rows[b]];
                if (row.length > time) {
                    throw new IllegalArgumentException("target row " + rows[b] + " has " + row.length
                            + " steps but the model output has " + time);
                }
                for (int s = 0; s < row.length; s++) {
                    t.set(b * time + s, row[s]);
                    mask[b * time + s] = true;
                }
            }
            return new Batch(t, mask);
        }
    }

    /**
     * Values per step.
     *
     * @param values {@code [n][len][K]}
     */
    record StepValues(float[][][] values) implements Targets {
        /** Validates. */
        public StepValues {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("no step targets given");
            }
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean perStep() {
            return true;
        }

        @Override
        public Batch batch(int[] rows, int time, Precision precision) {
            int k = 1;
            for (float[][] r : values) {
                if (r.length > 0) {
                    k = r[0].length;
                    break;
                }
            }
            Tensor t = Tensor.zeros(precision, rows.length, time, k);
            boolean[] mask = new boolean[rows.length * time];
            for (int b = 0; b < rows.length; b++) {
                float[][] row = values[rows[b]];
                if (row.length > time) {
                    throw new IllegalArgumentException("target row " + rows[b] + " has " + row.length
                            + " steps but the model output has " + time);
                }
                for (int s = 0; s < row.length; s++) {
                    for (int j = 0; j < k; j++) {
                        t.set((b * time + s) * k + j, row[s][j]);
                    }
                    mask[b * time + s] = true;
                }
            }
            return new Batch(t, mask);
        }
    }
}
