package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.check.GradientCheck;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** TransformerEncoder: the documented composition (post- and pre-norm), masks, stacking, bad input. */
class TransformerEncoderTest {

    static final int F = 6;
    static final int I = 5;

    static Stream<TransformerEncoderOptions> configurations() {
        return Stream.of(TransformerEncoderOptions.of(2, I),
                TransformerEncoderOptions.of(3, I).withNorm(TransformerEncoderOptions.Norm.PRE));
    }

    private static Tensor random(long seed, int... shape) {
        Tensor x = Tensor.zeros(Precision.FLOAT64, shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** Layer normalization of each {@code F}-wide row, gamma and beta from {@code params} at {@code at}. */
    private static double[] norm(double[] x, List<Parameter> params, int at, double eps) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / F; r++) {
            double mean = 0;
            double var = 0;
            for (int j = 0; j < F; j++) {
                mean += x[r * F + j] / F;
            }
            for (int j = 0; j < F; j++) {
                var += (x[r * F + j] - mean) * (x[r * F + j] - mean) / F;
            }
            for (int j = 0; j < F; j++) {
                y[r * F + j] = params.get(at).value().get(j) * (x[r * F + j] - mean) / Math.sqrt(var + eps)
                        + params.get(at + 1).value().get(j);
            }
        }
        return y;
    }

    /** {@code relu(h W1 + b1) W2 + b2} per row, the four tensors from {@code params} at {@code at}. */
    private static double[] feedForward(double[] h, List<Parameter> params, int at) {
        Tensor w1 = params.get(at).value();
        Tensor b1 = params.get(at + 1).value();
        Tensor w2 = params.get(at + 2).value();
        Tensor b2 = params.get(at + 3).value();
        double[] y = new double[h.length];
        for (int r = 0; r < h.length / F; r++) {
            double[] mid = new double[I];
            for (int k = 0; k < I; k++) {
                double s = b1.get(k);
                for (int j = 0; j < F; j++) {
                    s += h[r * F + j] * w1.get(j * I + k);
                }
                mid[k] = Math.max(0, s);
            }
            for (int j = 0; j < F; j++) {
                double s = b2.get(j);
                for (int k = 0; k < I; k++) {
                    s += mid[k] * w2.get(k * F + j);
                }
                y[r * F + j] = s;
            }
        }
        return y;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void computesTheDocumentedComposition(TransformerEncoderOptions o) {
        Layer block = o.build(Shape.sequence(F), Precision.FLOAT64, 1L);
        List<Parameter> params = block.parameters();
        SplittableRandom rng = new SplittableRandom(2);
        for (Parameter p : params) {   // biases, gains and shifts away from their 0 / 1 start, to be seen
            for (int i = 0; i < p.size(); i++) {
                p.value().set(i, p.value().get(i) + 0.3 * (rng.nextDouble() - 0.5));
            }
        }
        // the attention alone, tested against its own formula in MultiHeadSelfAttentionTest, with the block's weights
        Layer attention = o.attention().build(Shape.sequence(F), Precision.FLOAT64, 9L);
        for (int p = 0; p < 8; p++) {
            params.get(p).value().copyTo(0, attention.parameters().get(p).value(), 0, params.get(p).size());
        }
        Tensor x = random(3L, 2, 4, F);
        double[] xs = x.toDoubleArray();
        double[] expected;
        if (o.norm() == TransformerEncoderOptions.Norm.POST) {
            double[] a = attention.forward(Signal.sequence(x, null), false, null).output().values().toDoubleArray();
            double[] h = norm(plus(xs, a), params, 8, o.epsilon());
            expected = norm(plus(h, feedForward(h, params, 10)), params, 14, o.epsilon());
        } else {
            double[] n1 = norm(xs, params, 8, o.epsilon());
            Tensor n1t = Tensor.zeros(Precision.FLOAT64, 2, 4, F);
            for (int i = 0; i < n1.length; i++) {
                n1t.set(i, n1[i]);
            }
            double[] a = attention.forward(Signal.sequence(n1t, null), false, null).output().values().toDoubleArray();
            double[] h = plus(xs, a);
            expected = plus(h, feedForward(norm(h, params, 14, o.epsilon()), params, 10));
        }
        Tensor y = block.forward(Signal.sequence(x, null), false, null).output().values();
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.get(i)).as("output %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void paddedBatchGivesTheOutputsOfUnpaddedSequences(TransformerEncoderOptions o) {
        Sequential model = Sequential.builder(Shape.sequence(F)).add(PositionEmbeddingOptions.learned(8)).add(o)
                .add(o).build(4L);
        int[] lengths = {7, 2, 5, 1};
        SplittableRandom rng = new SplittableRandom(5);
        float[][][] x = new float[lengths.length][][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[lengths[i]][F];
            for (float[] step : x[i]) {
                for (int j = 0; j < F; j++) {
                    step[j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        float[][][] padded = model.predictSequences(Inputs.sequences(x), 4);
        for (int i = 0; i < x.length; i++) {
            float[][] alone = model.predictSequences(Inputs.sequences(new float[][][] {x[i]}), 1)[0];
            for (int t = 0; t < alone.length; t++) {
                for (int j = 0; j < F; j++) {
                    assertThat(padded[i][t][j]).isCloseTo(alone[t][j], within(2e-5f));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TransformerEncoderOptions.Norm.class)
    void thePublishedGradientCheckPassesWithMasksAndDropout(TransformerEncoderOptions.Norm norm) {
        GradientCheck.of(TransformerEncoderOptions.of(2, 3).withDropout(0.3).withNorm(norm), Shape.sequence(4)).run()
                .requirePassed();
    }

    @Test
    void attentionWeightsAreReadBackFromTheBlock() {
        Layer block = TransformerEncoderOptions.of(2, I).build(Shape.sequence(F), Precision.FLOAT32, 6L);
        Signal in = Signal.sequence(Tensor.zeros(Precision.FLOAT32, 1, 3, F), Signal.maskFromLengths(new int[] {2}, 3));
        Tensor w = TransformerEncoder.attentionWeights(block.forward(in, false, null));
        assertThat(w.shape()).containsExactly(1, 2, 3, 3);
        assertThat(w.get(0) + w.get(1)).isCloseTo(1, within(1e-6));
        assertThat(w.get(2)).isZero();
    }

    @Test
    void refusesACausalMaskNamingTheLayer() {
        assertThatThrownBy(() -> TransformerEncoderOptions.of(2, 8)
                .withAttention(MultiHeadSelfAttentionOptions.of(2).withCausal(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TransformerEncoder")
                .hasMessageContaining("causal");
    }

    @Test
    void refusesHeadsThatDoNotDivideTheWidthNamingTheLayerAndShapes() {
        assertThatThrownBy(() -> Sequential.builder(Shape.sequence(10)).add(TransformerEncoderOptions.of(4, 8))
                .build(1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TransformerEncoder").hasMessageContaining("4 heads")
                .hasMessageContaining("(None, None, 10)");
    }

    @Test
    void refusesBadSettingsAndNonSequenceInput() {
        assertThatThrownBy(() -> TransformerEncoderOptions.of(2, 0)).hasMessageContaining("intermediateDim");
        assertThatThrownBy(() -> TransformerEncoderOptions.of(2, 4).withDropout(1)).hasMessageContaining("dropout");
        assertThatThrownBy(() -> TransformerEncoderOptions.of(2, 4).withEpsilon(0)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> TransformerEncoderOptions.of(1, 4).build(Shape.vector(4), Precision.FLOAT32, 1L))
                .hasMessageContaining("TransformerEncoder");
    }
}
