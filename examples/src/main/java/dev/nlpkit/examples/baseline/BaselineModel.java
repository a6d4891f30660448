package dev.nlpkit.examples.baseline;

/** A fitted binary baseline classifier: the probability of class 1 for each row. */
public sealed interface BaselineModel permits LogisticRegressionBaseline, NaiveBayesBaseline {

    /** Short name for reports, e.g. {@code tfidf-logreg}. */
    String name();

    /** Number of input columns the model was fitted on. */
    int columns();

    /**
     * P(class 1 | row) for every row.
     *
     * @throws IllegalArgumentException when {@code rows} has another number of columns than the training data
     */
    double[] probabilities(SparseRows rows);

    /** Checks the training input shared by both baselines. */
    static void checkTrainingData(SparseRows rows, int[] labels) {
        if (rows.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a baseline on an empty training set");
        }
        if (labels.length != rows.rows()) {
            throw new IllegalArgumentException("expected one label per row: " + rows.rows() + " rows, "
                    + labels.length + " labels");
        }
        int[] counts = new int[2];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0 or 1");
            }
            counts[labels[i]]++;
        }
        if (counts[0] == 0 || counts[1] == 0) {
            throw new IllegalArgumentException("the training set has one class only (" + labels.length
                    + " examples of class " + labels[0] + "); a classifier needs both");
        }
    }

    /** Checks that prediction input matches the fitted width. */
    static void checkColumns(SparseRows rows, int expected) {
        if (rows.columns() != expected) {
            throw new IllegalArgumentException("expected rows with " + expected + " columns (the training vocabulary), got "
                    + rows.columns());
        }
    }
}
