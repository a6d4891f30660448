package dev.nlpkit.examples.baseline;

import java.util.Objects;

import smile.classification.DiscreteNaiveBayes;
import smile.util.SparseArray;

/**
 * Multinomial naive Bayes on term counts, fitted by Smile's {@link DiscreteNaiveBayes}. With class prior
 * {@code P(c)} estimated from the training labels and additive smoothing {@code alpha},
 * {@code P(t | c) = (count of term t in class c + alpha) / (count of all terms in class c + alpha V)}, and a row
 * is scored by {@code log P(c) + sum_t x_t log P(t | c)} (scikit-learn's {@code MultinomialNB}).
 *
 * <p>Training rows must hold whole counts (a bag of words), not TF-IDF weights: Smile 4.4.2 accumulates the
 * per-class counts in {@code int} arrays, so a fractional weight such as 0.37 would silently be truncated to 0.
 * {@link #fit} therefore rejects fractional training values. Prediction rows may be weighted.
 */
public final class NaiveBayesBaseline implements BaselineModel {

    /** @param smoothing additive (Laplace/Lidstone) smoothing alpha, > 0 */
    public record Options(double smoothing) {
        public Options {
            if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
                throw new IllegalArgumentException("smoothing must be a finite number > 0, got " + smoothing);
            }
        }

        /** alpha = 1 (Laplace), scikit-learn's default. */
        public static Options defaults() {
            return new Options(1.0);
        }

        public Options withSmoothing(double value) {
            return new Options(value);
        }
    }

    private final DiscreteNaiveBayes model;
    private final int columns;

    private NaiveBayesBaseline(DiscreteNaiveBayes model, int columns) {
        this.model = model;
        this.columns = columns;
    }

    /**
     * Fits the model.
     *
     * @param rows   training rows (term counts or weights)
     * @param labels class of each row, 0 or 1, both present
     */
    public static NaiveBayesBaseline fit(SparseRows rows, int[] labels, Options options) {
        Objects.requireNonNull(options, "options");
        BaselineModel.checkTrainingData(rows, labels);
        checkWholeCounts(rows);
        DiscreteNaiveBayes model = new DiscreteNaiveBayes(DiscreteNaiveBayes.Model.MULTINOMIAL, 2, rows.columns(),
                options.smoothing(), new smile.util.IntSet(new int[] {0, 1}));
        SparseArray[] x = new SparseArray[rows.rows()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.smileRow(i);
        }
        model.update(x, labels);
        return new NaiveBayesBaseline(model, rows.columns());
    }

    private static void checkWholeCounts(SparseRows rows) {
        for (int i = 0; i < rows.rows(); i++) {
            float[] values = rows.values()[i];
            for (int k = 0; k < values.length; k++) {
                if (values[k] != Math.rint(values[k])) {
                    throw new IllegalArgumentException("naive Bayes trains on whole term counts, but row " + i
                            + " column " + rows.indices()[i][k] + " has " + values[k]
                            + "; pass bag-of-words counts, not TF-IDF weights (Smile's model would truncate them)");
                }
            }
        }
    }

    @Override
    public String name() {
        return "bow-nb";
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public double[] probabilities(SparseRows rows) {
        BaselineModel.checkColumns(rows, columns);
        double[] result = new double[rows.rows()];
        double[] posterior = new double[2];
        for (int i = 0; i < result.length; i++) {
            model.predict(rows.smileRow(i), posterior);
            result[i] = posterior[1];
        }
        return result;
    }
}
