package dev.nlpkit.examples.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * L2-regularized binary logistic regression (maximum entropy) on sparse term weights, fitted by Smile's
 * {@link SparseLogisticRegression} (L-BFGS). It minimizes
 * {@code -sum_i log P(y_i | x_i) + lambda/2 ||w||^2} with {@code P(1 | x) = sigmoid(w.x + b)}; the bias is not
 * penalized. Smile's {@code Maxent} is the same model restricted to binary features; this one keeps the TF-IDF
 * weights, as scikit-learn's {@code LogisticRegression} on a TF-IDF matrix does.
 */
public final class LogisticRegressionBaseline implements BaselineModel {

    /**
     * @param lambda        L2 penalty (>= 0); Smile's default is 0.1
     * @param tolerance     L-BFGS convergence tolerance (> 0)
     * @param maxIterations L-BFGS iteration cap (> 0)
     */
    public record Options(double lambda, double tolerance, int maxIterations) {
        public Options {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
            }
            if (maxIterations <= 0) {
                throw new IllegalArgumentException("maxIterations must be > 0, got " + maxIterations);
            }
        }

        /** lambda 0.1, tolerance 1e-5, 500 iterations. */
        public static Options defaults() {
            return new Options(0.1, 1e-5, 500);
        }

        public Options withLambda(double value) {
            return new Options(value, tolerance, maxIterations);
        }

        public Options withTolerance(double value) {
            return new Options(lambda, value, maxIterations);
        }

        public Options withMaxIterations(int value) {
            return new Options(lambda, tolerance, value);
        }
    }

    private final SparseLogisticRegression model;
    private final int columns;
    private final Options options;

    private LogisticRegressionBaseline(SparseLogisticRegression model, int columns, Options options) {
        this.model = model;
        this.columns = columns;
        this.options = options;
    }

    /**
     * Fits the model.
     *
     * @param rows   training rows (term weights)
     * @param labels class of each row, 0 or 1, both present
     */
    public static LogisticRegressionBaseline fit(SparseRows rows, int[] labels, Options options) {
        Objects.requireNonNull(options, "options");
        BaselineModel.checkTrainingData(rows, labels);
        List<SampleInstance<SparseArray, Integer>> samples = new ArrayList<>(rows.rows());
        for (int i = 0; i < rows.rows(); i++) {
            samples.add(new SampleInstance<>(rows.smileRow(i), labels[i]));
        }
        SparseDataset<Integer> data = new SparseDataset<>(samples, rows.columns());
        SparseLogisticRegression model = SparseLogisticRegression.binomial(data,
                new LogisticRegression.Options(options.lambda(), options.tolerance(), options.maxIterations()));
        return new LogisticRegressionBaseline(model, rows.columns(), options);
    }

    @Override
    public String name() {
        return "tfidf-logreg";
    }

    @Override
    public int columns() {
        return columns;
    }

    public Options options() {
        return options;
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
