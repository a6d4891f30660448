package dev.nlpkit.recurrent.model;

import java.util.Arrays;

/**
 * Inputs with their targets (same number of examples).
 *
 * @param inputs  model inputs
 * @param targets training targets
 */
public record Dataset(Inputs inputs, Targets targets) {

    /** Validates the sizes. */
    public Dataset {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("a dataset needs inputs and targets");
        }
        if (inputs.size() != targets.size()) {
            throw new IllegalArgumentException("dataset has " + inputs.size() + " inputs but " + targets.size()
                    + " targets");
        }
    }

    /**
     * Shorthand.
     *
     * @param inputs the examples
     * @param targets their targets, as many
     * @return the data set
     */
    public static Dataset of(Inputs inputs, Targets targets) {
        return new Dataset(inputs, targets);
    }

    /**
     * Number of examples.
     *
     * @return the number of examples
     */
    public int size() {
        return inputs.size();
    }

    /** The examples {@code [from, to)} as an index list. */
    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        Arrays.setAll(r, i -> from + i);
        return r;
    }
}
