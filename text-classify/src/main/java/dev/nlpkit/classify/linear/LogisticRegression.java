package dev.nlpkit.classify.linear;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.SparseRow;

/**
 * A fitted binary logistic regression on sparse rows: {@code P(1 | x) = sigmoid(w.x + b)}.
 *
 * <p>{@link #fit} minimises scikit-learn's {@code LogisticRegression(penalty="l2", solver="lbfgs")} objective
 *
 * <pre>
 *   C * sum_i [ log(1 + exp(z_i)) - y_i z_i ] + 1/2 ||w||^2,     z_i = w.x_i + b  (b not penalised)
 * </pre>
 *
 * by {@link Lbfgs L-BFGS} from zero, on the same objective divided by {@code C n} (the mean log-loss plus
 * {@code ||w||^2 / (2 C n)}: the same minimiser, a gradient whose size does not grow with {@code n}); it stops when
 * the largest gradient component of that scaled objective is at most the tolerance. The gradient is computed in
 * parallel over fixed blocks of rows and of columns (a column-major copy of the rows), each summed in one fixed
 * order, so the result is bit-identical for any number of threads.
 */
public final class LogisticRegression {

    /** Rows (and columns) per parallel block: fixed, so that sums never depend on the thread count. */
    private static final int BLOCK = 4096;

    private final double[] coefficients;
    private final double intercept;
    private final int iterations;
    private final boolean converged;

    LogisticRegression(double[] coefficients, double intercept, int iterations, boolean converged) {
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * Fits the model.
     *
     * @param x             the rows, one per example (columns: features)
     * @param y             the class of each row, 0 or 1, both present
     * @param c             inverse regularisation strength, finite and > 0 (scikit-learn's {@code C})
     * @param tolerance     stop when the scaled gradient's largest component is at most this, > 0
     * @param maxIterations L-BFGS iterations at most, >= 1 (then it stops unconverged: see {@link #converged()})
     * @return the fitted model
     * @throws IllegalArgumentException when there are no rows, the lengths differ, a label is not 0 or 1, only one
     *                                  class is present, or an option is out of range
     */
    public static LogisticRegression fit(CsrMatrix x, int[] y, double c, double tolerance, int maxIterations) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be a finite number > 0, got " + c);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        int n = x.rows();
        if (n == 0) {
            throw new IllegalArgumentException("logistic regression needs at least one row, got none");
        }
        if (y.length != n) {
            throw new IllegalArgumentException("rows and labels differ in length: " + n + " rows, " + y.length
                    + " labels");
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label " + i + " is " + y[i] + "; expected 0 or 1");
            }
            positives += y[i];
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("logistic regression needs both classes, but all " + n
                    + " labels are " + y[0]);
        }
        Problem problem = new Problem(x, y, 1.0 / (c * n));
        Lbfgs.Result r = Lbfgs.minimize(problem::evaluate, new double[x.columns() + 1], tolerance, maxIterations);
        double[] w = Arrays.copyOf(r.x(), x.columns());
        return new LogisticRegression(w, r.x()[x.columns()], r.iterations(), r.converged());
    }

    /** The scaled objective and its gradient; x = (w, b). */
    private static final class Problem {
        private final CsrMatrix rows;
        private final int[] y;
        private final double l2;
        // column-major copy of the rows for the gradient X^T r, summed per column in row order
        private final int[] columnPointers;
        private final int[] rowIndices;
        private final float[] columnValues;
        private final double[] residual;

        Problem(CsrMatrix rows, int[] y, double l2) {
            this.rows = rows;
            this.y = y;
            this.l2 = l2;
            int columns = rows.columns();
            int[] rp = rows.rowPointers();
            int[] ci = rows.columnIndices();
            float[] v = rows.values();
            columnPointers = new int[columns + 1];
            for (int k = 0; k < rp[rows.rows()]; k++) {
                columnPointers[ci[k] + 1]++;
            }
            for (int j = 0; j < columns; j++) {
                columnPointers[j + 1] += columnPointers[j];
            }
            int[] next = Arrays.copyOf(columnPointers, columns);
            rowIndices = new int[rp[rows.rows()]];
            columnValues = new float[rp[rows.rows()]];
            for (int i = 0; i < rows.rows(); i++) {
                for (int k = rp[i]; k < rp[i + 1]; k++) {
                    int at = next[ci[k]]++;
                    rowIndices[at] = i;
                    columnValues[at] = v[k];
                }
            }
            residual = new double[rows.rows()];
        }

        double evaluate(double[] x, double[] gradient) {
            int n = rows.rows();
            int d = rows.columns();
            double b = x[d];
            int[] rp = rows.rowPointers();
            int[] ci = rows.columnIndices();
            float[] v = rows.values();
            int blocks = (n + BLOCK - 1) / BLOCK;
            double[] loss = new double[blocks];
            double[] residualSum = new double[blocks];
            IntStream.range(0, blocks).parallel().forEach(block -> {
                double l = 0;
                double rs = 0;
                for (int i = block * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                    double z = b;
                    for (int k = rp[i]; k < rp[i + 1]; k++) {
                        z += x[ci[k]] * v[k];
                    }
                    l += logOnePlusExp(z) - y[i] * z;
                    double r = sigmoid(z) - y[i];
                    residual[i] = r;
                    rs += r;
                }
                loss[block] = l;
                residualSum[block] = rs;
            });
            double sumLoss = 0;
            double sumResidual = 0;
            for (int block = 0; block < blocks; block++) {
                sumLoss += loss[block];
                sumResidual += residualSum[block];
            }
            int columnBlocks = (d + BLOCK - 1) / BLOCK;
            IntStream.range(0, columnBlocks).parallel().forEach(block -> {
                for (int j = block * BLOCK, end = Math.min(d, j + BLOCK); j < end; j++) {
                    double g = 0;
                    for (int k = columnPointers[j]; k < columnPointers[j + 1]; k++) {
                        g += columnValues[k] * residual[rowIndices[k]];
                    }
                    gradient[j] = g / n + l2 * x[j];
                }
            });
            gradient[d] = sumResidual / n;
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += x[j] * x[j];
            }
            return sumLoss / n + 0.5 * l2 * norm;
        }
    }

    /** {@code log(1 + exp(z))} without overflow. */
    static double logOnePlusExp(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** {@code 1 / (1 + exp(-z))} without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * The decision value {@code w.x + b} of one row.
     *
     * @param row a row with at most {@link #columns()} columns
     * @return the log-odds of class 1
     */
    public double decision(SparseRow row) {
        double z = intercept;
        for (int k = 0; k < row.size(); k++) {
            z += coefficients[row.column(k)] * row.value(k);
        }
        return z;
    }

    /**
     * {@code P(1 | x)} of one row.
     *
     * @param row a row with at most {@link #columns()} columns
     * @return the probability of class 1, in [0, 1]
     */
    public double probability(SparseRow row) {
        return sigmoid(decision(row));
    }

    /**
     * The number of feature columns.
     *
     * @return the length of {@link #coefficients()}
     */
    public int columns() {
        return coefficients.length;
    }

    /**
     * The weights {@code w}, one per column (a copy).
     *
     * @return a fresh array
     */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * One weight.
     *
     * @param column a column in [0, {@link #columns()})
     * @return {@code w[column]}
     */
    public double coefficient(int column) {
        return coefficients[column];
    }

    /**
     * The bias {@code b} (not penalised).
     *
     * @return the intercept
     */
    public double intercept() {
        return intercept;
    }

    /**
     * L-BFGS iterations the fit took (0 for a model read from a file that did not record it).
     *
     * @return the iteration count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Whether the fit reached its tolerance before its iteration cap.
     *
     * @return true when converged
     */
    public boolean converged() {
        return converged;
    }
}
