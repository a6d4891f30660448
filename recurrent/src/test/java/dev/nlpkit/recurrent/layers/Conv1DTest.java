package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conv1D: the convolution formula, padding and dilation, masks, and the errors it names. */
class Conv1DTest {

    static Stream<Conv1DOptions> configurations() {
        Conv1DOptions base = Conv1DOptions.of(4, 3).withActivation(Activation.RELU);
        return Stream.of(base, base.withPadding(Conv1DOptions.Padding.SAME), base.withDilation(2),
                base.withPadding(Conv1DOptions.Padding.SAME).withDilation(2), Conv1DOptions.of(2, 2)
                        .withPadding(Conv1DOptions.Padding.SAME));
    }

    private static Tensor random(long seed, int... shape) {
        Tensor x = Tensor.zeros(Precision.FLOAT64, shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** The documented formula as a plain loop over every tap: an independent reference for im2col + GEMM. */
    private static double[] reference(Conv1DOptions o, Tensor w, Tensor bias, Tensor x, int batch, int time, int f) {
        int span = o.span();
        int left = o.padding() == Conv1DOptions.Padding.SAME ? (span - 1) / 2 : 0;
        int outTime = o.padding() == Conv1DOptions.Padding.SAME ? time : time - span + 1;
        int u = o.filters();
        double[] y = new double[batch * outTime * u];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < outTime; t++) {
                for (int c = 0; c < u; c++) {
                    double sum = bias.get(c);
                    for (int j = 0; j < o.kernelSize(); j++) {
                        int s = t + j * o.dilation() - left;
                        if (s < 0 || s >= time) {
                            continue;
                        }
                        for (int i = 0; i < f; i++) {
                            sum += x.get((b * time + s) * f + i) * w.get((j * f + i) * u + c);
                        }
                    }
                    y[(b * outTime + t) * u + c] = Math.max(0, sum);
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void computesTheDocumentedConvolution(Conv1DOptions o) {
        Conv1D layer = (Conv1D) o.withActivation(Activation.RELU).build(Shape.sequence(3), Precision.FLOAT64, 1L);
        Tensor bias = layer.parameters().get(1).value();
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < bias.size(); i++) {
            bias.set(i, rng.nextDouble() - 0.5);
        }
        Tensor x = random(3L, 2, 7, 3);
        Tensor y = layer.forward(Signal.sequence(x, null), false, null).output().values();
        double[] expected = reference(layer.options().withActivation(Activation.RELU), layer.parameters().get(0).value(),
                bias, x, 2, 7, 3);
        assertThat(y.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.get(i)).isCloseTo(expected[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void paddedBatchGivesTheOutputsOfUnpaddedSequences(Conv1DOptions o) {
        Sequential model = Sequential.builder(Shape.sequence(3)).add(o).build(4L);
        int[] lengths = {9, 5, 6, 7};
        SplittableRandom rng = new SplittableRandom(5);
        float[][][] x = new float[lengths.length][][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[lengths[i]][3];
            for (float[] step : x[i]) {
                for (int j = 0; j < 3; j++) {
                    step[j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        float[][][] padded = model.predictSequences(Inputs.sequences(x), 4);
        for (int i = 0; i < x.length; i++) {
            float[][] alone = model.predictSequences(Inputs.sequences(new float[][][] {x[i]}), 1)[0];
            assertThat(padded[i].length).isEqualTo(alone.length);
            for (int t = 0; t < alone.length; t++) {
                for (int j = 0; j < alone[t].length; j++) {
                    assertThat(padded[i][t][j]).isCloseTo(alone[t][j], within(1e-6f));
                }
            }
        }
    }

    @Test
    void paddingAtTheStartKeepsTheRealOutputsAndMasksTheRest() {
        Conv1D layer = (Conv1D) Conv1DOptions.of(2, 3).build(Shape.sequence(2), Precision.FLOAT64, 6L);
        Tensor real = random(7L, 1, 4, 2);
        Tensor padded = Tensor.zeros(Precision.FLOAT64, 1, 6, 2);
        real.copyTo(0, padded, 4, 8);
        for (int i = 0; i < 4; i++) {
            padded.set(i, 100);                       // garbage in the padding must not leak
        }
        Signal alone = layer.forward(Signal.sequence(real, null), false, null).output();
        Signal pre = layer.forward(Signal.sequence(padded,
                new boolean[] {false, false, true, true, true, true}), false, null).output();
        assertThat(pre.mask()).containsExactly(false, false, true, true);
        for (int i = 0; i < 4; i++) {
            assertThat(pre.values().get(i)).isZero();
            assertThat(pre.values().get(4 + i)).isCloseTo(alone.values().get(i), within(1e-12));
        }
    }

    @Test
    void validOutputMaskMarksWindowsInsideTheRealSteps() {
        Conv1D layer = (Conv1D) Conv1DOptions.of(1, 2).withDilation(2).build(Shape.sequence(1), Precision.FLOAT32, 1L);
        Tensor x = Tensor.zeros(Precision.FLOAT32, 2, 6, 1);
        Signal out = layer.forward(Signal.sequence(x, Signal.maskFromLengths(new int[] {5, 2}, 6)), false, null)
                .output();
        // span 3: output t sees steps t..t+2; row 0 has 5 real steps -> 3 real outputs, row 1 has 2 -> none.
        assertThat(out.mask()).containsExactly(true, true, true, false, false, false, false, false);
    }

    @Test
    void sameKeepsTheInputMask() {
        Conv1D layer = (Conv1D) Conv1DOptions.of(1, 4).withPadding(Conv1DOptions.Padding.SAME)
                .build(Shape.sequence(1), Precision.FLOAT32, 1L);
        boolean[] mask = Signal.maskFromLengths(new int[] {3, 1}, 4);
        Signal out = layer.forward(Signal.sequence(Tensor.zeros(Precision.FLOAT32, 2, 4, 1), mask), false, null)
                .output();
        assertThat(out.mask()).containsExactly(mask);
    }

    @Test
    void refusesABatchShorterThanTheValidWindowNamingTheShapes() {
        Conv1D layer = (Conv1D) Conv1DOptions.of(4, 3).withDilation(2).build(Shape.sequence(2), Precision.FLOAT32, 1L);
        Signal in = Signal.sequence(Tensor.zeros(Precision.FLOAT32, 3, 4, 2), null);
        assertThatThrownBy(() -> layer.forward(in, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conv1D").hasMessageContaining("at least 5 steps")
                .hasMessageContaining("kernelSize 3, dilation 2").hasMessageContaining("[3, 4, 2]");
    }

    @Test
    void refusesAFixedLengthInputShorterThanTheValidWindowAtBuild() {
        assertThatThrownBy(() -> Sequential.builder(Shape.sequence(2, 3)).add(Conv1DOptions.of(4, 3)).build(1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conv1D").hasMessageContaining("at least 3 steps")
                .hasMessageContaining("(None, 2, 3)");
    }

    @Test
    void refusesTokenInputNamingTheLayer() {
        assertThatThrownBy(() -> Conv1DOptions.of(4, 3).build(Shape.tokens(), Precision.FLOAT32, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Conv1D");
    }

    @Test
    void optionsRefuseNonPositiveSettingsNamingThem() {
        assertThatThrownBy(() -> Conv1DOptions.of(0, 3)).hasMessageContaining("filters");
        assertThatThrownBy(() -> Conv1DOptions.of(2, 0)).hasMessageContaining("kernelSize");
        assertThatThrownBy(() -> Conv1DOptions.of(2, 3).withDilation(0)).hasMessageContaining("dilation");
    }

    @Test
    void summaryShowsKerasShapesAndParameterCount() {
        Sequential model = Sequential.builder(Shape.tokens()).add(EmbeddingOptions.random(100, 8))
                .add(Conv1DOptions.of(16, 5).withActivation(Activation.RELU)).build(1L);
        assertThat(model.summary()).contains("conv1d (Conv1D)").contains("(None, None, 16)").contains("656");
    }
}
