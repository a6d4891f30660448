package dev.nlpkit.recurrent.extension;

import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.loss.LossFunction;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * The worked user loss: Huber (smooth L1), {@code 0.5 d^2} for {@code |d| <= delta}, else
 * {@code delta (|d| - delta / 2)}, mean over real rows and outputs; no accuracy.
 *
 * @param delta the switch point, &gt; 0
 */
public record Huber(double delta) implements LossFunction {

    @Override
    public Loss.Evaluation evaluate(Tensor predictions, Tensor logits, Tensor targets, boolean[] mask,
                                    boolean gradient) {
        int k = predictions.dim(predictions.rank() - 1);
        int rows = predictions.size() / k;
        int real = 0;
        for (int r = 0; r < rows; r++) {
            real += mask == null || mask[r] ? 1 : 0;
        }
        Tensor grad = gradient ? predictions.zerosLike(predictions.shape()) : null;
        if (real == 0) {
            return new Loss.Evaluation(0, Double.NaN, 0, grad, false);
        }
        double scale = 1.0 / ((double) real * k);
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            if (mask != null && !mask[r]) {
                continue;
            }
            for (int j = r * k; j < (r + 1) * k; j++) {
                double d = predictions.get(j) - targets.get(j);
                double a = Math.abs(d);
                sum += a <= delta ? 0.5 * d * d : delta * (a - delta / 2);
                if (grad != null) {
                    grad.set(j, (a <= delta ? d : delta * Math.signum(d)) * scale);
                }
            }
        }
        return new Loss.Evaluation(sum * scale, Double.NaN, real, grad, false);
    }

    @Override
    public boolean hasAccuracy() {
        return false;
    }
}
