package dev.nlpkit.examples.sentiment;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, stratified train / validation / test split of example indices: every class is shuffled on its own
 * (Fisher-Yates with {@link SplittableRandom}{@code (seed)}) and cut in the requested proportions, so each part
 * keeps the class balance of the whole. Indices within each part are returned in ascending order (the input order);
 * training shuffles them per epoch anyway. Same labels and seed give the same split on every machine.
 *
 * <p>Per class {@code c} with {@code n_c} examples: {@code round(n_c * test)} go to test,
 * {@code round(n_c * validation)} to validation, the rest to training.
 *
 * @param train      indices of the training examples
 * @param validation indices of the validation examples (may be empty)
 * @param test       indices of the test examples (may be empty, e.g. with an explicit test file)
 */
public record StratifiedSplit(int[] train, int[] validation, int[] test) {

    /** Proportions of validation and test; training gets the rest. */
    public record Fractions(double validation, double test) {
        public Fractions {
            if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
                throw new IllegalArgumentException("validation and test fractions must be >= 0 and sum to less than 1, got "
                        + validation + " and " + test);
            }
        }

        /** 80 / 10 / 10. */
        public static Fractions defaults() {
            return new Fractions(0.1, 0.1);
        }
    }

    public StratifiedSplit {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /**
     * Splits {@code labels.length} examples.
     *
     * @param labels class of every example, {@code 0..k-1}
     * @throws IllegalArgumentException when a label is negative, or the split leaves the training part with fewer
     *                                  than two classes
     */
    public static StratifiedSplit of(int[] labels, Fractions fractions, long seed) {
        int classes = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected a class id >= 0");
            }
            classes = Math.max(classes, labels[i] + 1);
        }
        int[][] byClass = new int[classes][];
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] train = new int[labels.length];
        int[] validation = new int[labels.length];
        int[] test = new int[labels.length];
        int nTrain = 0, nValidation = 0, nTest = 0;
        int trainClasses = 0;
        for (int c = 0; c < classes; c++) {
            int[] members = byClass[c];
            for (int i = members.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = members[i];
                members[i] = members[j];
                members[j] = swap;
            }
            int inTest = (int) Math.round(members.length * fractions.test());
            int inValidation = (int) Math.round(members.length * fractions.validation());
            inValidation = Math.min(inValidation, members.length - inTest);
            for (int k = 0; k < members.length; k++) {
                if (k < inTest) {
                    test[nTest++] = members[k];
                } else if (k < inTest + inValidation) {
                    validation[nValidation++] = members[k];
                } else {
                    train[nTrain++] = members[k];
                }
            }
            if (members.length - inTest - inValidation > 0) {
                trainClasses++;
            }
        }
        if (trainClasses < 2) {
            throw new IllegalArgumentException("the training split has " + trainClasses + " class"
                    + (trainClasses == 1 ? "" : "es") + " (class counts " + Arrays.toString(counts)
                    + "); a classifier needs examples of both classes");
        }
        int[] t = Arrays.copyOf(train, nTrain);
        int[] v = Arrays.copyOf(validation, nValidation);
        int[] s = Arrays.copyOf(test, nTest);
        Arrays.sort(t);
        Arrays.sort(v);
        Arrays.sort(s);
        return new StratifiedSplit(t, v, s);
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratifiedSplit s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation)
                && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(train) * 31 + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "StratifiedSplit[train=" + train.length + ", validation=" + validation.length + ", test=" + test.length
                + "]";
    }
}
