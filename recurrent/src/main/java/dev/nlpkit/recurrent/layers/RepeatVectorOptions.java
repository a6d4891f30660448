package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link RepeatVector}.
 *
 * @param times number of steps of the output sequence, >= 1
 */
public record RepeatVectorOptions(int times) implements LayerOptions {

    /** Validates. */
    public RepeatVectorOptions {
        if (times < 1) {
            throw new IllegalArgumentException("RepeatVector times must be >= 1, got " + times);
        }
    }

    /**
     * Repeats {@code times} times.
     *
     * @return the options
     */
    public static RepeatVectorOptions of(int times) {
        return new RepeatVectorOptions(times);
    }

    /**
     * A copy with another count.
     *
     * @param t the number of repeats, >= 1
     * @return a copy with {@code times} replaced
     */
    public RepeatVectorOptions withTimes(int t) {
        return new RepeatVectorOptions(t);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new RepeatVector(this, input);
    }
}
