package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.check.GradientCheck;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AttentionPooling: the documented formula, masks, all-padding rows, the weights read back, errors. */
class AttentionPoolingTest {

    private static Tensor random(Precision p, long seed, int... shape) {
        Tensor x = Tensor.zeros(p, shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static Layer layer(int f, Precision p, long seed) {
        Layer layer = AttentionPoolingOptions.defaults().withUnits(3).build(Shape.sequence(f), p, seed);
        Tensor bias = layer.parameters().get(1).value();
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < bias.size(); i++) {
            bias.set(i, rng.nextDouble() - 0.5);
        }
        return layer;
    }

    @Test
    void computesTheDocumentedWeightedMean() {
        Layer layer = layer(4, Precision.FLOAT64, 1L);
        Tensor w = layer.parameters().get(0).value();
        Tensor b = layer.parameters().get(1).value();
        Tensor v = layer.parameters().get(2).value();
        Tensor x = random(Precision.FLOAT64, 2L, 2, 5, 4);
        boolean[] mask = Signal.maskFromLengths(new int[] {5, 3}, 5);
        Tensor y = layer.forward(Signal.sequence(x, mask), false, null).output().values();
        for (int ex = 0; ex < 2; ex++) {
            int len = ex == 0 ? 5 : 3;
            double[] s = new double[len];
            double sum = 0;
            for (int t = 0; t < len; t++) {
                for (int k = 0; k < 3; k++) {
                    double z = b.get(k);
                    for (int j = 0; j < 4; j++) {
                        z += x.get((ex * 5 + t) * 4 + j) * w.get(j * 3 + k);
                    }
                    s[t] += Math.tanh(z) * v.get(k);
                }
                s[t] = Math.exp(s[t]);
                sum += s[t];
            }
            for (int j = 0; j < 4; j++) {
                double expected = 0;
                for (int t = 0; t < len; t++) {
                    expected += s[t] / sum * x.get((ex * 5 + t) * 4 + j);
                }
                assertThat(y.get(ex * 4 + j)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void weightsSumToOneOverTheRealStepsAndAreZeroAtPadding() {
        Layer layer = layer(4, Precision.FLOAT32, 3L);
        Signal in = Signal.sequence(random(Precision.FLOAT32, 4L, 2, 5, 4), Signal.maskFromLengths(new int[] {2, 5}, 5));
        Tensor a = AttentionPooling.attentionWeights(layer.forward(in, false, null));
        assertThat(a.shape()).containsExactly(2, 5);
        assertThat(a.get(0) + a.get(1)).isCloseTo(1, within(1e-6));
        assertThat(a.get(2)).isZero();
        assertThat(a.get(4)).isZero();
        double sum = 0;
        for (int t = 0; t < 5; t++) {
            assertThat(a.get(5 + t)).isPositive();
            sum += a.get(5 + t);
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
    }

    @Test
    void anAllPaddingRowGivesZerosNoNanAndNoGradient() {
        Layer layer = layer(4, Precision.FLOAT64, 5L);
        Tensor x = random(Precision.FLOAT64, 6L, 2, 3, 4);
        Signal in = Signal.sequence(x, Signal.maskFromLengths(new int[] {0, 3}, 3));
        Layer.Forward f = layer.forward(in, true, new SplittableRandom(1));
        Tensor y = f.output().values();
        for (int j = 0; j < 4; j++) {
            assertThat(y.get(j)).isZero();
        }
        assertThat(y.allFinite()).isTrue();
        Tensor dy = random(Precision.FLOAT64, 7L, 2, 4);
        Gradients g = new Gradients();
        Tensor dx = layer.backward(f, dy, g);
        for (int i = 0; i < 12; i++) {
            assertThat(dx.get(i)).as("dx of the empty row at %d", i).isZero();
        }
        for (Parameter p : layer.parameters()) {
            assertThat(g.of(p).allFinite()).isTrue();
        }
    }

    @Test
    void paddedBatchGivesTheOutputsOfUnpaddedSequences() {
        Sequential model = Sequential.builder(Shape.sequence(4)).add(AttentionPoolingOptions.defaults()).build(8L);
        int[] lengths = {6, 1, 4};
        SplittableRandom rng = new SplittableRandom(9);
        float[][][] x = new float[lengths.length][][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[lengths[i]][4];
            for (float[] step : x[i]) {
                for (int j = 0; j < 4; j++) {
                    step[j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        float[][] padded = model.predict(Inputs.sequences(x), 3);
        for (int i = 0; i < x.length; i++) {
            float[] alone = model.predict(Inputs.sequences(new float[][][] {x[i]}), 1)[0];
            for (int j = 0; j < 4; j++) {
                assertThat(padded[i][j]).isCloseTo(alone[j], within(1e-6f));
            }
        }
    }

    @Test
    void weightsAreReadBackFromAModelPass() {
        Sequential model = Sequential.builder(Shape.tokens()).add(EmbeddingOptions.random(10, 4))
                .add(AttentionPoolingOptions.defaults()).add(DenseOptions.of(1, Activation.SIGMOID)).build(3L);
        Inputs inputs = Inputs.tokens(new int[][] {{1, 2, 3}, {4}});
        Sequential.Pass pass = model.forward(inputs.batch(new int[] {0, 1}, Precision.FLOAT32), false, null);
        Tensor a = AttentionPooling.attentionWeights(pass.forwards().get(1));
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.get(3)).isCloseTo(1, within(1e-6));
        assertThatThrownBy(() -> AttentionPooling.attentionWeights(pass.forwards().get(2)))
                .hasMessageContaining("AttentionPooling");
    }

    @Test
    void thePublishedGradientCheckPasses() {
        GradientCheck.of(AttentionPoolingOptions.defaults().withUnits(5), Shape.sequence(3)).run().requirePassed();
    }

    @Test
    void refusesNonSequenceInputAndBadUnits() {
        assertThatThrownBy(() -> AttentionPoolingOptions.defaults().build(Shape.vector(4), Precision.FLOAT32, 1L))
                .hasMessageContaining("AttentionPooling").hasMessageContaining("(None, 4)");
        assertThatThrownBy(() -> AttentionPoolingOptions.defaults().withUnits(-1)).hasMessageContaining("units");
    }
}
