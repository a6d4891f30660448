package dev.nlpkit.recurrent.loss;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * Training losses. Predictions are {@code [batch, K]} or, per step, {@code [batch, time, K]}; a row is one
 * example (or one step of one example). With a mask (per row; false = padding) padded steps contribute neither
 * loss nor gradient and the mean runs over real rows only ("masked per-step" losses). The value is the mean over
 * real rows (and over the K outputs for the element-wise losses), as Keras and PyTorch reduce by default.
 *
 * <p>{@link #BINARY_CROSSENTROPY} and {@link #SPARSE_CATEGORICAL_CROSSENTROPY} take probabilities (after a
 * sigmoid or softmax output layer). When the caller also passes the logits of that layer, the loss is computed
 * from them with the stable formulas below and the gradient is returned with respect to the logits, which is
 * exact where the probability has saturated. The {@code _FROM_LOGITS} variants take logits directly.
 * <pre>
 *   BCE from logits z, target y in [0, 1]:   max(z, 0) - z y + log(1 + exp(-|z|));  dL/dz = sigmoid(z) - y
 *   softmax CE from logits z, label c:       logsumexp(z) - z_c;                      dL/dz = softmax(z) - onehot(c)
 *   MSE:                                     (p - y)^2;                               dL/dp = 2 (p - y)
 *   BCE / CE on probabilities p (no logits): p clipped to [1e-7, 1 - 1e-7] as Keras does.
 * </pre>
 * Targets: a tensor of the prediction's shape for BCE and MSE; class ids {@code [batch]} or {@code [batch, time]}
 * for the sparse categorical losses.
 *
 * <p>These are the built-in implementations of {@link LossFunction}; a user loss implements that interface.
 */
public enum Loss implements LossFunction {
    /** Binary cross-entropy on sigmoid probabilities (stable through the logits when available). */
    BINARY_CROSSENTROPY,
    /** Binary cross-entropy on logits. */
    BINARY_CROSSENTROPY_FROM_LOGITS,
    /** Softmax cross-entropy with integer labels on softmax probabilities (stable through logits). */
    SPARSE_CATEGORICAL_CROSSENTROPY,
    /** Softmax cross-entropy with integer labels on logits. */
    SPARSE_CATEGORICAL_CROSSENTROPY_FROM_LOGITS,
    /** Mean squared error. */
    MEAN_SQUARED_ERROR;

    private static final double EPS = 1e-7;

    /**
     * The loss of a batch.
     *
     * @param loss      mean loss over real rows
     * @param accuracy  fraction of real rows predicted right (threshold 0.5 / arg max), NaN for MSE
     * @param rows      number of real rows
     * @param gradient  gradient of the mean loss w.r.t. the predictions, or w.r.t. the logits when
     *                  {@code onLogits}; null when not requested
     * @param onLogits  whether {@code gradient} is with respect to the logits
     */
    public record Evaluation(double loss, double accuracy, int rows, Tensor gradient, boolean onLogits) {
    }

    /** Whether the loss reads integer class labels. */
    @Override
    public boolean sparseLabels() {
        return this == SPARSE_CATEGORICAL_CROSSENTROPY || this == SPARSE_CATEGORICAL_CROSSENTROPY_FROM_LOGITS;
    }

    /** Whether the loss has an accuracy: all but {@link #MEAN_SQUARED_ERROR}. */
    @Override
    public boolean hasAccuracy() {
        return this != MEAN_SQUARED_ERROR;
    }

    /**
     * Evaluates the loss.
     *
     * @param predictions the output layer's values, {@code [rows..., K]}
     * @param logits      the output layer's pre-activation when its activation matches this loss (sigmoid for
     *                    BCE, softmax for CE), else null
     * @param targets     targets (see the class documentation)
     * @param mask        per-row real flags, or null
     * @param gradient    whether to compute the gradient
     */
    @Override
    public Evaluation evaluate(Tensor predictions, Tensor logits, Tensor targets, boolean[] mask, boolean gradient) {
        int k = predictions.dim(predictions.rank() - 1);
        int rows = predictions.size() / k;
        int expectedTargets = sparseLabels() ? rows : rows * k;
        if (targets.size() != expectedTargets) {
            throw new IllegalArgumentException(this + " expects " + expectedTargets + " target values for predictions "
                    + predictions.shapeString() + ", got " + targets.size() + " " + targets.shapeString());
        }
        boolean useLogits = logits != null || this == BINARY_CROSSENTROPY_FROM_LOGITS
                || this == SPARSE_CATEGORICAL_CROSSENTROPY_FROM_LOGITS;
        Tensor z = logits != null ? logits : predictions;
        int real = 0;
        for (int r = 0; r < rows; r++) {
            if (mask == null || mask[r]) {
                real++;
            }
        }
        Tensor grad = gradient ? predictions.zerosLike(predictions.shape()) : null;
        if (real == 0) {
            return new Evaluation(0, Double.NaN, 0, grad, useLogits);
        }
        double sum = 0;
        int correct = 0;
        double[] exps = null;
        double perRow = this == SPARSE_CATEGORICAL_CROSSENTROPY || this == SPARSE_CATEGORICAL_CROSSENTROPY_FROM_LOGITS
                ? 1.0 / real : 1.0 / ((double) real * k);
        for (int r = 0; r < rows; r++) {
            if (mask != null && !mask[r]) {
                continue;
            }
            int o = r * k;
            switch (this) {
                case BINARY_CROSSENTROPY, BINARY_CROSSENTROPY_FROM_LOGITS -> {
                    for (int j = 0; j < k; j++) {
                        double y = targets.get(o + j);
                        double v = z.get(o + j);
                        double g;
                        if (useLogits) {
                            sum += Math.max(v, 0) - v * y + StrictMath.log1p(StrictMath.exp(-Math.abs(v)));
                            g = Ops.sigmoidAt(z, o + j) - y;
                            correct += (v > 0) == (y > 0.5) ? 1 : 0;
                        } else {
                            double p = Math.min(Math.max(v, EPS), 1 - EPS);
                            sum += -(y * StrictMath.log(p) + (1 - y) * StrictMath.log(1 - p));
                            g = (v > EPS && v < 1 - EPS) ? (p - y) / (p * (1 - p)) : 0;
                            correct += (v > 0.5) == (y > 0.5) ? 1 : 0;
                        }
                        if (grad != null) {
                            grad.set(o + j, g * perRow);
                        }
                    }
                }
                case SPARSE_CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY_FROM_LOGITS -> {
                    int label = (int) targets.get(r);
                    if (label < 0 || label >= k) {
                        throw new IllegalArgumentException("label " + label + " of row " + r + " is outside [0, " + k
                                + ")");
                    }
                    int arg = 0;
                    for (int j = 1; j < k; j++) {
                        if (z.get(o + j) > z.get(o + arg)) {
                            arg = j;
                        }
                    }
                    correct += arg == label ? 1 : 0;
                    if (useLogits) {
                        double max = z.get(o + arg);
                        if (exps == null || exps.length < k) {
                            exps = new double[k];
                        }
                        double se = 0;
                        for (int j = 0; j < k; j++) {
                            exps[j] = Ops.expAt(z, o + j, max);
                            se += exps[j];
                        }
                        double lse = max + StrictMath.log(se);
                        sum += lse - z.get(o + label);
                        if (grad != null) {
                            for (int j = 0; j < k; j++) {
                                double p = exps[j] / se;
                                grad.set(o + j, (p - (j == label ? 1 : 0)) * perRow);
                            }
                        }
                    } else {
                        double v = z.get(o + label);
                        double p = Math.min(Math.max(v, EPS), 1 - EPS);
                        sum += -StrictMath.log(p);
                        if (grad != null && v > EPS && v < 1 - EPS) {
                            grad.set(o + label, -perRow / p);
                        }
                    }
                }
                case MEAN_SQUARED_ERROR -> {
                    for (int j = 0; j < k; j++) {
                        double d = z.get(o + j) - targets.get(o + j);
                        sum += d * d;
                        if (grad != null) {
                            grad.set(o + j, 2 * d * perRow);
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown loss " + this);
            }
        }
        double accuracy = this == MEAN_SQUARED_ERROR ? Double.NaN
                : (double) correct / (sparseLabels() ? real : (double) real * k);
        return new Evaluation(sum * perRow, accuracy, real, grad, useLogits);
    }
}
