package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * One batch flowing between layers: values (or token ids) plus the padding mask that travels with it.
 * {@code mask[b * time + t]} is true for a real step and false for padding; a null mask means every step is
 * real. Recurrent layers skip masked steps (the state is carried over unchanged, the output is zero), as Keras
 * does with {@code mask_zero}, so the "last" output of a sequence is its last <em>real</em> step whether the
 * batch is padded at the end or at the start.
 *
 * @param kind   what the batch holds
 * @param batch  number of examples
 * @param time   number of steps (1 for vectors)
 * @param values {@code [batch, time, features]} or {@code [batch, features]}; null for tokens
 * @param tokens token ids, {@code batch * time}, row-major; null unless kind is TOKENS
 * @param mask   real-step flags, {@code batch * time}, or null when every step is real
 */
public record Signal(Shape.Kind kind, int batch, int time, Tensor values, int[] tokens, boolean[] mask) {

    /**
     * A batch of token ids {@code [batch, time]} with an optional mask.
     *
     * @param ids the ids, {@code [batch * time]}, row-major
     * @param batch the number of examples
     * @param time the padded length
     * @param mask per-step real flags, {@code [batch * time]}, or null when every step is real
     * @return the signal
     */
    public static Signal tokens(int[] ids, int batch, int time, boolean[] mask) {
        return new Signal(Shape.Kind.TOKENS, batch, time, null, ids, mask);
    }

    /**
     * A sequence batch {@code [batch, time, features]} with an optional mask.
     *
     * @param values the values, {@code [batch, time, features]}
     * @param mask per-step real flags, {@code [batch * time]}, or null when every step is real
     * @return the signal
     */
    public static Signal sequence(Tensor values, boolean[] mask) {
        if (values.rank() != 3) {
            throw new IllegalArgumentException("a sequence batch needs shape [batch, time, features], got "
                    + values.shapeString());
        }
        return new Signal(Shape.Kind.SEQUENCE, values.dim(0), values.dim(1), values, null, mask);
    }

    /**
     * A vector batch {@code [batch, features]}.
     *
     * @param values the values, {@code [batch, features]}
     * @return the signal
     */
    public static Signal vector(Tensor values) {
        if (values.rank() != 2) {
            throw new IllegalArgumentException("a vector batch needs shape [batch, features], got "
                    + values.shapeString());
        }
        return new Signal(Shape.Kind.VECTOR, values.dim(0), 1, values, null, null);
    }

    /**
     * The mask built from per-example lengths with padding at the end.
     *
     * @param lengths the real steps per example, each in [0, time]
     * @param time the padded length
     * @return a fresh mask, {@code [lengths.length * time]}
     */
    public static boolean[] maskFromLengths(int[] lengths, int time) {
        boolean[] mask = new boolean[lengths.length * time];
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 0 || lengths[b] > time) {
                throw new IllegalArgumentException("length " + lengths[b] + " of example " + b
                        + " is outside [0, " + time + "]");
            }
            for (int t = 0; t < lengths[b]; t++) {
                mask[b * time + t] = true;
            }
        }
        return mask;
    }

    /**
     * Whether step {@code t} of example {@code b} is real.
     *
     * @param b the example, in [0, batch)
     * @param t the step, in [0, time)
     * @return true when real (always, without a mask)
     */
    public boolean real(int b, int t) {
        return mask == null || mask[b * time + t];
    }

    /**
     * The feature width of the values (1 for tokens).
     *
     * @return the feature width
     */
    public int features() {
        return values == null ? 1 : values.dim(values.rank() - 1);
    }
}
