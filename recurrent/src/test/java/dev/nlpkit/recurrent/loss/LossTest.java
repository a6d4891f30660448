package dev.nlpkit.recurrent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.layers.GradientCheck;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Each loss: gradient against finite differences in double, with and without a padding mask. */
class LossTest {

    private static final int ROWS = 6;
    private static final int K = 3;
    private static final boolean[] MASK = {true, true, false, true, false, true};

    private static Tensor predictions(Loss loss) {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor p = Tensor.zeros(Precision.FLOAT64, 2, 3, K);
        for (int r = 0; r < ROWS; r++) {
            double sum = 0;
            for (int j = 0; j < K; j++) {
                double v = 0.1 + rng.nextDouble();
                p.set(r * K + j, v);
                sum += v;
            }
            if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
                for (int j = 0; j < K; j++) {
                    p.set(r * K + j, p.get(r * K + j) / sum);
                }
            } else if (loss == Loss.BINARY_CROSSENTROPY) {
                for (int j = 0; j < K; j++) {
                    p.set(r * K + j, p.get(r * K + j) / 1.2);
                }
            } else {
                for (int j = 0; j < K; j++) {
                    p.set(r * K + j, p.get(r * K + j) * 4 - 2);
                }
            }
        }
        return p;
    }

    private static Tensor targets(Loss loss) {
        SplittableRandom rng = new SplittableRandom(2);
        if (loss.sparseLabels()) {
            Tensor t = Tensor.zeros(Precision.FLOAT64, 2, 3);
            for (int r = 0; r < ROWS; r++) {
                t.set(r, rng.nextInt(K));
            }
            return t;
        }
        Tensor t = Tensor.zeros(Precision.FLOAT64, 2, 3, K);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, loss == Loss.MEAN_SQUARED_ERROR ? rng.nextDouble() * 2 - 1 : rng.nextInt(2));
        }
        return t;
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientMatchesFiniteDifferences(Loss loss) {
        Tensor p = predictions(loss);
        Tensor y = targets(loss);
        Tensor g = loss.evaluate(p, null, y, null, true).gradient();
        double err = GradientCheck.check(p, g, () -> loss.evaluate(p, null, y, null, false).loss(), 100, 3L);
        assertThat(err).isLessThan(1e-4);
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void maskedGradientMatchesFiniteDifferencesAndIgnoresPadding(Loss loss) {
        Tensor p = predictions(loss);
        Tensor y = targets(loss);
        Loss.Evaluation e = loss.evaluate(p, null, y, MASK, true);
        double err = GradientCheck.check(p, e.gradient(), () -> loss.evaluate(p, null, y, MASK, false).loss(), 100, 4L);
        assertThat(err).isLessThan(1e-4);
        assertThat(e.rows()).isEqualTo(4);
        for (int j = 0; j < K; j++) {
            assertThat(e.gradient().get(2 * K + j)).isZero();
            p.set(2 * K + j, 0.5);
        }
        assertThat(loss.evaluate(p, null, y, MASK, false).loss()).isEqualTo(e.loss());
    }

    @Test
    void binaryCrossEntropyThroughLogitsIsExactWhereSigmoidSaturates() {
        Tensor z = Tensor.zeros(Precision.FLOAT32, 2, 1);
        z.set(0, 40);
        z.set(1, -40);
        Tensor p = z.copy();
        dev.nlpkit.recurrent.tensor.Ops.sigmoid(p, 0, 2);
        Tensor y = Tensor.zeros(Precision.FLOAT32, 2, 1);
        Loss.Evaluation e = Loss.BINARY_CROSSENTROPY.evaluate(p, z, y, null, true);
        assertThat(e.loss()).isCloseTo(20.0, within(1e-6));
        assertThat(e.onLogits()).isTrue();
        assertThat(e.gradient().get(0)).isCloseTo(0.5, within(1e-6));
        assertThat(e.gradient().allFinite()).isTrue();
    }

    @Test
    void softmaxCrossEntropyThroughLogitsMatchesTheProbabilityForm() {
        Tensor z = Tensor.zeros(Precision.FLOAT64, 1, 3);
        z.set(0, 1);
        z.set(1, 2);
        z.set(2, 0.5);
        Tensor p = z.copy();
        double s = Math.exp(1) + Math.exp(2) + Math.exp(0.5);
        for (int j = 0; j < 3; j++) {
            p.set(j, Math.exp(z.get(j)) / s);
        }
        Tensor y = Tensor.zeros(Precision.FLOAT64, 1);
        y.set(0, 2);
        double viaLogits = Loss.SPARSE_CATEGORICAL_CROSSENTROPY.evaluate(p, z, y, null, false).loss();
        double viaProbs = Loss.SPARSE_CATEGORICAL_CROSSENTROPY.evaluate(p, null, y, null, false).loss();
        assertThat(viaLogits).isCloseTo(viaProbs, within(1e-12)).isCloseTo(Math.log(s) - 0.5, within(1e-12));
    }
}
