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
import org.junit.jupiter.params.provider.MethodSource;

/** MultiHeadSelfAttention: the attention formula, padding and causal masks, all-masked rows, errors. */
class MultiHeadSelfAttentionTest {

    static Stream<MultiHeadSelfAttentionOptions> configurations() {
        return Stream.of(MultiHeadSelfAttentionOptions.of(2), MultiHeadSelfAttentionOptions.of(3).withKeyDim(4),
                MultiHeadSelfAttentionOptions.of(2).withCausal(true));
    }

    private static Tensor random(Precision p, long seed, int... shape) {
        Tensor x = Tensor.zeros(p, shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static void randomizeBiases(Layer layer, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (Parameter p : layer.parameters()) {
            if (p.name().endsWith("bias")) {
                for (int i = 0; i < p.size(); i++) {
                    p.value().set(i, rng.nextDouble() - 0.5);
                }
            }
        }
    }

    /** The documented equations, written out per example, head, query and key with plain loops. */
    private static double[] reference(MultiHeadSelfAttention layer, Tensor x, int batch, int time) {
        int f = layer.inputShape().features();
        int h = layer.options().heads();
        int dk = layer.headDim();
        int d = h * dk;
        List4 w = new List4(layer);
        double[] y = new double[batch * time * f];
        for (int b = 0; b < batch; b++) {
            double[][][] proj = new double[3][time][d];
            for (int p = 0; p < 3; p++) {
                for (int t = 0; t < time; t++) {
                    for (int c = 0; c < d; c++) {
                        double s = w.bias(p, c);
                        for (int i = 0; i < f; i++) {
                            s += x.get((b * time + t) * f + i) * w.kernel(p).get(i * d + c);
                        }
                        proj[p][t][c] = s;
                    }
                }
            }
            for (int t = 0; t < time; t++) {
                double[] o = new double[d];
                for (int head = 0; head < h; head++) {
                    int limit = layer.options().causal() ? t + 1 : time;
                    double[] score = new double[limit];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < limit; j++) {
                        for (int c = 0; c < dk; c++) {
                            score[j] += proj[0][t][head * dk + c] * proj[1][j][head * dk + c];
                        }
                        score[j] /= Math.sqrt(dk);
                        max = Math.max(max, score[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < limit; j++) {
                        score[j] = Math.exp(score[j] - max);
                        sum += score[j];
                    }
                    for (int j = 0; j < limit; j++) {
                        for (int c = 0; c < dk; c++) {
                            o[head * dk + c] += score[j] / sum * proj[2][j][head * dk + c];
                        }
                    }
                }
                for (int c = 0; c < f; c++) {
                    double s = w.bias(3, c);
                    for (int i = 0; i < d; i++) {
                        s += o[i] * w.kernel(3).get(i * f + c);
                    }
                    y[(b * time + t) * f + c] = s;
                }
            }
        }
        return y;
    }

    /** The parameters by projection, biases read as 0 when absent. */
    private record List4(MultiHeadSelfAttention layer) {
        Tensor kernel(int p) {
            return find(new String[] {"query", "key", "value", "output"}[p] + "_kernel");
        }

        double bias(int p, int c) {
            Tensor t = find(new String[] {"query", "key", "value", "output"}[p] + "_bias");
            return t == null ? 0 : t.get(c);
        }

        private Tensor find(String name) {
            return layer.parameters().stream().filter(q -> q.name().equals(name)).map(Parameter::value).findFirst()
                    .orElse(null);
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void computesTheDocumentedAttention(MultiHeadSelfAttentionOptions o) {
        MultiHeadSelfAttention layer = (MultiHeadSelfAttention) o.build(Shape.sequence(6), Precision.FLOAT64, 1L);
        randomizeBiases(layer, 2L);
        Tensor x = random(Precision.FLOAT64, 3L, 2, 5, 6);
        Tensor y = layer.forward(Signal.sequence(x, null), false, null).output().values();
        double[] expected = reference(layer, x, 2, 5);
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.get(i)).isCloseTo(expected[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void paddedBatchGivesTheOutputsOfUnpaddedSequences(MultiHeadSelfAttentionOptions o) {
        Sequential model = Sequential.builder(Shape.sequence(6)).add(o).build(4L);
        int[] lengths = {7, 2, 5, 1};
        SplittableRandom rng = new SplittableRandom(5);
        float[][][] x = new float[lengths.length][][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[lengths[i]][6];
            for (float[] step : x[i]) {
                for (int j = 0; j < 6; j++) {
                    step[j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        float[][][] padded = model.predictSequences(Inputs.sequences(x), 4);
        for (int i = 0; i < x.length; i++) {
            float[][] alone = model.predictSequences(Inputs.sequences(new float[][][] {x[i]}), 1)[0];
            for (int t = 0; t < alone.length; t++) {
                for (int j = 0; j < alone[t].length; j++) {
                    assertThat(padded[i][t][j]).isCloseTo(alone[t][j], within(1e-5f));
                }
            }
        }
    }


    /** Float configurations: width 64 in 2 heads of 32 (the Vector API kernels), width 6 in 2 of 3 (the plain ones). */
    static Stream<org.junit.jupiter.params.provider.Arguments> floatConfigurations() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(MultiHeadSelfAttentionOptions.of(2), 64, 30),
                org.junit.jupiter.params.provider.Arguments.of(MultiHeadSelfAttentionOptions.of(2).withCausal(true), 64,
                        70),
                org.junit.jupiter.params.provider.Arguments.of(MultiHeadSelfAttentionOptions.of(2).withUseBias(false),
                        64, 17),
                org.junit.jupiter.params.provider.Arguments.of(MultiHeadSelfAttentionOptions.of(2), 6, 30),
                // A length of whole vectors (8 and 16 lanes): the scores go straight into the weights.
                org.junit.jupiter.params.provider.Arguments.of(MultiHeadSelfAttentionOptions.of(2).withCausal(true), 64,
                        32),
                org.junit.jupiter.params.provider.Arguments.of(MultiHeadSelfAttentionOptions.of(3).withKeyDim(4)
                        .withCausal(true), 6, 9));
    }

    /** One training step's output, input gradient and parameter gradients, in that order. */
    private static List<Tensor> step(MultiHeadSelfAttention layer, Signal in, Tensor dy) {
        Gradients grads = new Gradients();
        Layer.Forward f = layer.forward(in, true, null);
        Tensor y = f.output().values().copy();
        Tensor dx = layer.backward(f, dy, grads).copy();
        List<Tensor> all = new java.util.ArrayList<>(List.of(y, dx));
        for (Parameter p : layer.parameters()) {
            all.add(grads.of(p).copy());
        }
        return all;
    }

    private static Tensor toDouble(Tensor t) {
        Tensor d = Tensor.zeros(Precision.FLOAT64, t.shape());
        for (int i = 0; i < t.size(); i++) {
            d.set(i, t.get(i));
        }
        return d;
    }

    /**
     * The float path (SmallGemm and SoftmaxRows, per (example, head) pair, padded score rows) against the
     * double-precision path (Gemm per example and head, which the gradient checks cover) on the same parameters:
     * outputs and every gradient, with a padding mask.
     */
    @ParameterizedTest
    @MethodSource("floatConfigurations")
    void theFloatPathMatchesTheDoublePrecisionPath(MultiHeadSelfAttentionOptions o, int width, int time) {
        MultiHeadSelfAttention single = (MultiHeadSelfAttention) o.build(Shape.sequence(width), Precision.FLOAT32, 21L);
        randomizeBiases(single, 22L);
        MultiHeadSelfAttention wide = (MultiHeadSelfAttention) o.build(Shape.sequence(width), Precision.FLOAT64, 21L);
        for (int p = 0; p < single.parameters().size(); p++) {
            single.parameters().get(p).value().copyTo(0, wide.parameters().get(p).value(), 0,
                    single.parameters().get(p).size());
        }
        boolean[] mask = Signal.maskFromLengths(new int[] {time, time - 3, 1}, time);
        Tensor x = random(Precision.FLOAT32, 23L, 3, time, width);
        Tensor dy = random(Precision.FLOAT32, 24L, 3, time, width);
        List<Tensor> got = step(single, Signal.sequence(x, mask), dy);
        List<Tensor> expected = step(wide, Signal.sequence(toDouble(x), mask), toDouble(dy));
        for (int k = 0; k < got.size(); k++) {
            for (int i = 0; i < got.get(k).size(); i++) {
                double e = expected.get(k).get(i);
                assertThat(got.get(k).get(i)).as("result %d element %d", k, i)
                        .isCloseTo(e, within(2e-5 * Math.max(1, Math.abs(e))));
            }
        }
    }

    /**
     * A training step's buffers go back to the layer and serve the next step: a step after a step of another
     * shape, mask and input gives the bits of the same step on a fresh layer (no stale contents leak).
     */
    @ParameterizedTest
    @MethodSource("floatConfigurations")
    void reusedTrainingBuffersGiveTheResultsOfAFreshLayer(MultiHeadSelfAttentionOptions o, int width, int time) {
        MultiHeadSelfAttention reused = (MultiHeadSelfAttention) o.build(Shape.sequence(width), Precision.FLOAT32, 31L);
        MultiHeadSelfAttention fresh = (MultiHeadSelfAttention) o.build(Shape.sequence(width), Precision.FLOAT32, 31L);
        Tensor dy = random(Precision.FLOAT32, 34L, 2, time, width);
        step(reused, Signal.sequence(random(Precision.FLOAT32, 32L, 2, time, width),
                Signal.maskFromLengths(new int[] {time, 1}, time)), dy);
        step(reused, Signal.sequence(random(Precision.FLOAT32, 35L, 1, time + 1, width), null),
                random(Precision.FLOAT32, 36L, 1, time + 1, width));
        Signal in = Signal.sequence(random(Precision.FLOAT32, 33L, 2, time, width), null);
        List<Tensor> second = step(reused, in, dy);
        List<Tensor> third = step(reused, in, dy);
        List<Tensor> expected = step(fresh, in, dy);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(second.get(k).toFloatArray()).as("result %d", k).containsExactly(expected.get(k).toFloatArray());
            assertThat(third.get(k).toFloatArray()).as("result %d", k).containsExactly(expected.get(k).toFloatArray());
        }
    }

    /**
     * With {@link TrainingBuffers} reuse on (as {@code Sequential.fit} runs it), the output and the input gradient
     * live in buffers the next step overwrites: steps of other shapes and masks before, read before the next step,
     * still give the bits of a fresh layer without reuse.
     */
    @ParameterizedTest
    @MethodSource("floatConfigurations")
    void reusingTheOutputAndInputGradientGivesTheResultsOfAFreshLayer(MultiHeadSelfAttentionOptions o, int width,
                                                                      int time) {
        MultiHeadSelfAttention reused = (MultiHeadSelfAttention) o.build(Shape.sequence(width), Precision.FLOAT32, 31L);
        MultiHeadSelfAttention fresh = (MultiHeadSelfAttention) o.build(Shape.sequence(width), Precision.FLOAT32, 31L);
        reused.reuseTrainingBuffers(true);
        Tensor dy = random(Precision.FLOAT32, 34L, 2, time, width);
        step(reused, Signal.sequence(random(Precision.FLOAT32, 35L, 1, time + 3, width), null),
                random(Precision.FLOAT32, 36L, 1, time + 3, width));
        step(reused, Signal.sequence(random(Precision.FLOAT32, 32L, 2, time, width),
                Signal.maskFromLengths(new int[] {time, 1}, time)), dy);
        Signal in = Signal.sequence(random(Precision.FLOAT32, 33L, 2, time, width), null);
        List<Tensor> second = step(reused, in, dy);
        List<Tensor> expected = step(fresh, in, dy);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(second.get(k).toFloatArray()).as("result %d", k).containsExactly(expected.get(k).toFloatArray());
        }
    }

    /** Each (example, head) pair is computed on one thread in a fixed order: 1 and 2 threads give the same bits. */
    @Test
    void theFloatPathGivesTheSameBitsForOneAndTwoThreads() {
        int before = dev.nlpkit.recurrent.math.Parallelism.threads();
        try {
            MultiHeadSelfAttention layer = (MultiHeadSelfAttention) MultiHeadSelfAttentionOptions.of(4)
                    .build(Shape.sequence(128), Precision.FLOAT32, 41L);
            Signal in = Signal.sequence(random(Precision.FLOAT32, 42L, 8, 30, 128),
                    Signal.maskFromLengths(new int[] {30, 29, 3, 30, 12, 1, 30, 30}, 30));
            Tensor dy = random(Precision.FLOAT32, 43L, 8, 30, 128);
            dev.nlpkit.recurrent.math.Parallelism.setThreads(1);
            List<Tensor> one = step(layer, in, dy);
            dev.nlpkit.recurrent.math.Parallelism.setThreads(2);
            List<Tensor> two = step(layer, in, dy);
            for (int k = 0; k < one.size(); k++) {
                assertThat(two.get(k).toFloatArray()).as("result %d", k).containsExactly(one.get(k).toFloatArray());
            }
        } finally {
            dev.nlpkit.recurrent.math.Parallelism.setThreads(before);
        }
    }

    /** Long sequences, double precision (the path the gradient checks run). */
    @Test
    void longSequencesComputeTheDocumentedAttention() {
        MultiHeadSelfAttention layer = (MultiHeadSelfAttention) MultiHeadSelfAttentionOptions.of(2)
                .build(Shape.sequence(4), Precision.FLOAT64, 6L);
        randomizeBiases(layer, 7L);
        Tensor x = random(Precision.FLOAT64, 8L, 2, 70, 4);
        Tensor y = layer.forward(Signal.sequence(x, null), false, null).output().values();
        double[] expected = reference(layer, x, 2, 70);
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.get(i)).isCloseTo(expected[i], within(1e-12));
        }
    }

    /** Central differences of sum(y * dy) against backward, long padded sequences, every projection's kernel. */
    @Test
    void longSequencesGiveFiniteDifferenceGradients() {
        MultiHeadSelfAttention layer = (MultiHeadSelfAttention) MultiHeadSelfAttentionOptions.of(2)
                .build(Shape.sequence(4), Precision.FLOAT64, 9L);
        randomizeBiases(layer, 10L);
        int time = 70;
        Tensor x = random(Precision.FLOAT64, 11L, 2, time, 4);
        Tensor dy = random(Precision.FLOAT64, 12L, 2, time, 4);
        boolean[] mask = new boolean[2 * time];
        for (int t = 0; t < time; t++) {
            mask[t] = true;
            mask[time + t] = t < 66;
        }
        Signal in = Signal.sequence(x, mask);
        Gradients grads = new Gradients();
        Tensor dx = layer.backward(layer.forward(in, true, null), dy, grads);
        java.util.function.DoubleSupplier loss = () -> {
            Tensor y = layer.forward(in, true, null).output().values();
            double s = 0;
            for (int i = 0; i < y.size(); i++) {
                s += y.get(i) * dy.get(i);
            }
            return s;
        };
        double eps = 1e-6;
        for (int i : new int[] {0, 5, 4 * 69 + 3, 4 * 70 + 17, 4 * 135 + 1}) {
            assertThat(dx.get(i)).isCloseTo(centralDifference(x, i, eps, loss), within(1e-6));
        }
        for (Parameter p : layer.parameters()) {
            for (int i : new int[] {0, p.size() / 2, p.size() - 1}) {
                assertThat(grads.of(p).get(i)).as(p.name() + "[" + i + "]")
                        .isCloseTo(centralDifference(p.value(), i, eps, loss), within(1e-6));
            }
        }
    }

    private static double centralDifference(Tensor t, int i, double eps, java.util.function.DoubleSupplier loss) {
        double old = t.get(i);
        t.set(i, old + eps);
        double up = loss.getAsDouble();
        t.set(i, old - eps);
        double down = loss.getAsDouble();
        t.set(i, old);
        return (up - down) / (2 * eps);
    }

    @Test
    void causalStepsIgnoreLaterSteps() {
        Layer layer = MultiHeadSelfAttentionOptions.of(2).withCausal(true).build(Shape.sequence(4), Precision.FLOAT64,
                6L);
        Tensor x = random(Precision.FLOAT64, 7L, 1, 5, 4);
        Tensor changed = x.copy();
        for (int i = 3 * 4; i < 5 * 4; i++) {
            changed.set(i, changed.get(i) + 3);           // steps 3 and 4 change
        }
        Tensor a = layer.forward(Signal.sequence(x, null), false, null).output().values();
        Tensor b = layer.forward(Signal.sequence(changed, null), false, null).output().values();
        for (int i = 0; i < 3 * 4; i++) {
            assertThat(b.get(i)).isEqualTo(a.get(i));
        }
        assertThat(b.get(3 * 4)).isNotEqualTo(a.get(3 * 4));
    }

    @Test
    void anAllPaddingRowGivesZeroWeightsOutputsAndGradientsNotNaN() {
        for (Precision p : Precision.values()) {
            Layer layer = MultiHeadSelfAttentionOptions.of(2).build(Shape.sequence(4), p, 8L);
            Tensor x = random(p, 9L, 2, 3, 4);
            Signal in = Signal.sequence(x, Signal.maskFromLengths(new int[] {2, 0}, 3));
            Layer.Forward f = layer.forward(in, true, null);
            Tensor weights = MultiHeadSelfAttention.attentionWeights(f);
            for (int i = 2 * 3 * 3; i < weights.size(); i++) {
                assertThat(weights.get(i)).as("weight %d of the all-padding row", i).isZero();
            }
            Tensor y = f.output().values();
            for (int i = 3 * 4; i < y.size(); i++) {
                assertThat(y.get(i)).isZero();
            }
            Tensor dy = random(p, 10L, 2, 3, 4);
            Gradients grads = new Gradients();
            Tensor dx = layer.backward(f, dy, grads);
            assertThat(dx.allFinite()).isTrue();
            for (int i = 3 * 4; i < dx.size(); i++) {
                assertThat(dx.get(i)).isZero();
            }
            for (Parameter q : layer.parameters()) {
                assertThat(grads.of(q).allFinite()).as(q.name()).isTrue();
            }
        }
    }

    @Test
    void realStepsGiveWeightsThatSumToOneOverRealSteps() {
        Layer layer = MultiHeadSelfAttentionOptions.of(1).build(Shape.sequence(2), Precision.FLOAT32, 11L);
        Signal in = Signal.sequence(random(Precision.FLOAT32, 12L, 1, 4, 2), Signal.maskFromLengths(new int[] {3}, 4));
        Tensor weights = MultiHeadSelfAttention.attentionWeights(layer.forward(in, false, null));
        for (int t = 0; t < 3; t++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += weights.get(t * 4 + j);
            }
            assertThat(sum).isCloseTo(1, within(1e-6));
            assertThat(weights.get(t * 4 + 3)).isZero();
        }
    }

    @Test
    void thePublishedGradientCheckPassesWithTheCausalMask() {
        GradientCheck.of(MultiHeadSelfAttentionOptions.of(2).withCausal(true), Shape.sequence(4)).run()
                .requirePassed();
    }

    @Test
    void refusesHeadsThatDoNotDivideTheWidthNamingTheShapes() {
        assertThatThrownBy(() -> Sequential.builder(Shape.sequence(10)).add(MultiHeadSelfAttentionOptions.of(4))
                .build(1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MultiHeadSelfAttention").hasMessageContaining("4 heads")
                .hasMessageContaining("width 10").hasMessageContaining("(None, None, 10)");
    }

    @Test
    void refusesVectorInputAndBadSettings() {
        assertThatThrownBy(() -> MultiHeadSelfAttentionOptions.of(1).build(Shape.vector(4), Precision.FLOAT32, 1L))
                .hasMessageContaining("MultiHeadSelfAttention");
        assertThatThrownBy(() -> MultiHeadSelfAttentionOptions.of(0)).hasMessageContaining("heads");
        assertThatThrownBy(() -> MultiHeadSelfAttentionOptions.of(2).withKeyDim(-1)).hasMessageContaining("keyDim");
    }
}
