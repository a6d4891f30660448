package dev.nlpkit.recurrent.tensor;

import dev.nlpkit.recurrent.math.FloatMath;
import dev.nlpkit.recurrent.math.Gemm;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.math.VectorOps;

/**
 * The bulk operations layers use, dispatched on precision: float tensors go to the kernels of
 * {@code dev.nlpkit.recurrent.math} ({@link Gemm}, {@link VectorOps}); double tensors to straightforward loops
 * used only by gradient checks. All operands of one call must have the same precision.
 */
public final class Ops {

    private Ops() {
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} on row-major storage with offsets and leading dimensions
     * (the contract of {@link Gemm#gemm}).
     *
     * @param transA whether A is read transposed
     * @param transB whether B is read transposed
     * @param m rows of op(A) and C
     * @param n columns of op(B) and C
     * @param k columns of op(A), rows of op(B)
     * @param alpha scale of the product
     * @param a the tensor holding A
     * @param aOff the index of A's first element
     * @param lda the distance between rows of A as stored
     * @param b the tensor holding B
     * @param bOff the index of B's first element
     * @param ldb the distance between rows of B as stored
     * @param beta scale of the old C (0: overwritten)
     * @param c the tensor holding C, written; of the same precision as A and B
     * @param cOff the index of C's first element
     * @param ldc the distance between rows of C
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            Tensor a, int aOff, int lda, Tensor b, int bOff, int ldb,
                            double beta, Tensor c, int cOff, int ldc) {
        if (a instanceof FloatTensor fa && b instanceof FloatTensor fb && c instanceof FloatTensor fc) {
            Gemm.gemm(transA, transB, m, n, k, (float) alpha, fa.data(), aOff, lda, fb.data(), bOff, ldb,
                    (float) beta, fc.data(), cOff, ldc);
        } else if (a instanceof DoubleTensor da && b instanceof DoubleTensor db && c instanceof DoubleTensor dc) {
            gemmDouble(transA, transB, m, n, k, alpha, da.data(), aOff, lda, db.data(), bOff, ldb, beta,
                    dc.data(), cOff, ldc);
        } else {
            throw new IllegalArgumentException("gemm operands mix precisions: " + a + ", " + b + ", " + c);
        }
    }

    /**
     * {@code x = sigmoid(x)} on {@code [off, off + len)}.
     *
     * @param x the tensor, changed in place
     * @param off the first element
     * @param len the number of elements
     */
    public static void sigmoid(Tensor x, int off, int len) {
        if (x instanceof FloatTensor f) {
            VectorOps.sigmoid(f.data(), off, len);
        } else {
            double[] d = ((DoubleTensor) x).data();
            for (int i = off; i < off + len; i++) {
                d[i] = sigmoid(d[i]);
            }
        }
    }

    /**
     * {@code x = tanh(x)} on {@code [off, off + len)}.
     *
     * @param x the tensor, changed in place
     * @param off the first element
     * @param len the number of elements
     */
    public static void tanh(Tensor x, int off, int len) {
        if (x instanceof FloatTensor f) {
            VectorOps.tanh(f.data(), off, len);
        } else {
            double[] d = ((DoubleTensor) x).data();
            for (int i = off; i < off + len; i++) {
                d[i] = StrictMath.tanh(d[i]);
            }
        }
    }

    /**
     * Softmax over each of {@code rows} rows of {@code cols} values of {@code x}, in place, minus the row maximum
     * for stability: {@code x[r, j] = exp(x[r, j] - max_r) / sum_k exp(x[r, k] - max_r)}. Float tensors use
     * {@link VectorOps#exp}, which gives the same bits in every JVM mode; double tensors {@code StrictMath}.
     *
     * @param x the tensor, at least {@code rows * cols} elements, changed in place
     * @param rows the number of rows
     * @param cols the row width
     */
    public static void softmaxRows(Tensor x, int rows, int cols) {
        if (x instanceof FloatTensor f) {
            float[] d = f.data();
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    max = Math.max(max, d[o + j]);
                }
                for (int j = 0; j < cols; j++) {
                    d[o + j] -= max;
                }
                VectorOps.exp(d, o, cols);
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    sum += d[o + j];
                }
                for (int j = 0; j < cols; j++) {
                    d[o + j] = (float) (d[o + j] / sum);
                }
            }
            return;
        }
        double[] d = ((DoubleTensor) x).data();
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, d[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                d[o + j] = StrictMath.exp(d[o + j] - max);
                sum += d[o + j];
            }
            for (int j = 0; j < cols; j++) {
                d[o + j] /= sum;
            }
        }
    }

    /**
     * {@code y[yOff..] += alpha * x[xOff..]} over {@code len} elements.
     *
     * @param alpha the scale of {@code x}
     * @param x the tensor added
     * @param xOff its first element
     * @param y the tensor added into
     * @param yOff its first element
     * @param len the number of elements
     */
    public static void axpy(double alpha, Tensor x, int xOff, Tensor y, int yOff, int len) {
        if (x instanceof FloatTensor fx && y instanceof FloatTensor fy) {
            VectorOps.axpy((float) alpha, fx.data(), xOff, fy.data(), yOff, len);
        } else {
            for (int i = 0; i < len; i++) {
                y.add(yOff + i, alpha * x.get(xOff + i));
            }
        }
    }

    /**
     * Adds row {@code r} of every {@code cols}-wide row of {@code x} ({@code rows} rows) into {@code sums[off..]}.
     *
     * @param x the tensor, {@code rows x cols}, row-major
     * @param rows the number of rows
     * @param cols the row width
     * @param sums the tensor the column sums are added into
     * @param off the index in {@code sums} of column 0's sum
     */
    public static void addColumnSums(Tensor x, int rows, int cols, Tensor sums, int off) {
        // Large sums (a recurrent layer's bias gradient at batch 128 has 1.5M terms) are split by columns over the
        // kernel threads: each column is still summed over rows in order on one thread, and an axpy of 1 rounds
        // each element once on either kernel path, so the bits do not depend on the split. Each part sums into its
        // own copy of its columns of `sums`, written back once: adding into `sums` itself, row after row, made the
        // two threads write the cache line where their columns meet at every row, and the split ran 4-10 times
        // slower than one thread (3,840 x 400: 650 us against 104 us).
        int parts = (int) Math.max(1, Math.min(Math.min(Parallelism.threads(), cols / 8),
                (long) rows * cols / COLUMN_SUM_VALUES_PER_THREAD));
        if (parts <= 1) {
            for (int r = 0; r < rows; r++) {
                axpy(1.0, x, r * cols, sums, off, cols);
            }
            return;
        }
        Parallelism.forEachPart(parts, part -> {
            int from = (int) ((long) cols * part / parts);
            int len = (int) ((long) cols * (part + 1) / parts) - from;
            Tensor own = sums.zerosLike(len);
            sums.copyTo(off + from, own, 0, len);
            for (int r = 0; r < rows; r++) {
                axpy(1.0, x, r * cols + from, own, 0, len);
            }
            own.copyTo(0, sums, off + from, len);
        });
    }

    /**
     * Fewest terms per thread worth splitting {@link #addColumnSums} over the kernel threads. The sum is bound by
     * memory bandwidth, so a second thread gains little and its hand-off costs more on small sums (2 threads
     * against 1, 2026-12-07: 1,920 x 384 152 us against 51 us; 8,192 x 384 219 against 221; 30,720 x 400 1,581
     * against 1,685).
     */
    private static final int COLUMN_SUM_VALUES_PER_THREAD = 1 << 22;

    /**
     * Broadcasts {@code bias} (length {@code cols}) into every row of {@code x} ({@code rows x cols}).
     *
     * @param x the tensor written, {@code rows x cols}, row-major
     * @param rows the number of rows
     * @param cols the row width
     * @param bias the row copied, {@code cols} elements
     */
    public static void setRowsTo(Tensor x, int rows, int cols, Tensor bias) {
        for (int r = 0; r < rows; r++) {
            bias.copyTo(0, x, r * cols, cols);
        }
    }

    /**
     * The logistic function of element {@code i} of {@code x}: {@link FloatMath#sigmoid} on a float tensor (the
     * same bits as the layers' sigmoid, in every JVM mode), {@link #sigmoid(double)} on a double one.
     *
     * @param x a tensor
     * @param i the flat index
     * @return the logistic function of the element, in [0, 1]
     */
    public static double sigmoidAt(Tensor x, int i) {
        return x instanceof FloatTensor f ? FloatMath.sigmoid(f.data()[i]) : sigmoid(x.get(i));
    }

    /**
     * {@code exp(x[i] - shift)}: {@link FloatMath#exp} of the float difference on a float tensor (what
     * {@link #softmaxRows} computes), {@code StrictMath.exp} on a double one.
     *
     * @param x a tensor
     * @param i the flat index
     * @param shift the value subtracted before exponentiating (a row maximum)
     * @return {@code exp(x[i] - shift)}
     */
    public static double expAt(Tensor x, int i, double shift) {
        return x instanceof FloatTensor f ? FloatMath.exp(f.data()[i] - (float) shift)
                : StrictMath.exp(x.get(i) - shift);
    }

    /**
     * The logistic function in double, stable for large negative inputs ({@code StrictMath}, reproducible).
     *
     * @param z any double
     * @return {@code 1 / (1 + e^-z)}, in [0, 1]
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1.0 + e);
    }

    private static void gemmDouble(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                   double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                   double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = (beta == 0 ? 0 : beta * c[ci]) + alpha * sum;
            }
        }
    }
}
