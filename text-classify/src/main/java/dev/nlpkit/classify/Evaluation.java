package dev.nlpkit.classify;

import java.util.List;

/**
 * Test metrics of a classifier on labelled texts. With two classes the second class of
 * {@link TextClassifier#labels()} is the positive one (threshold 0.5) and the figures are scikit-learn's binary
 * ones; with more classes precision, recall, F1 and ROC-AUC are macro averages (one class against the rest),
 * as scikit-learn's {@code average='macro'} and {@code roc_auc_score(multi_class='ovr')}.
 *
 * @param classes   the class names, in the order of the confusion matrix
 * @param accuracy  share of texts whose predicted label is the true one
 * @param precision precision (binary: of the positive class; else macro)
 * @param recall    recall (binary or macro)
 * @param f1        F1 (binary or macro)
 * @param rocAuc    ROC-AUC (binary, or macro one-vs-rest over the classes present in the labels)
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record Evaluation(List<String> classes, double accuracy, double precision, double recall, double f1,
        double rocAuc, long[][] confusion) {

    /** Copies. */
    public Evaluation {
        classes = List.copyOf(classes);
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /**
     * The confusion counts, {@code [true][predicted]} (a copy).
     *
     * @return a fresh {@code n x n} array of counts, {@code n} the number of classes in {@link
     *         TextClassifier#labels()} order
     */
    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /**
     * The number of texts evaluated.
     *
     * @return the number of texts, the sum of {@link #confusion()}
     */
    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }
}
