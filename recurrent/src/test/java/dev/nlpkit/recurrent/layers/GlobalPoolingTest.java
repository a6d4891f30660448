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

/** GlobalMaxPooling1D and GlobalAveragePooling1D: values over the real steps, all-padding rows, padding. */
class GlobalPoolingTest {

    static Stream<GlobalPoolingOptions> modes() {
        return Stream.of(GlobalPoolingOptions.max(), GlobalPoolingOptions.average());
    }

    /** Two rows of 3 steps, 2 features; row 0 has 2 real steps, row 1 none. The padded values are large. */
    private static Signal batch() {
        Tensor x = Tensor.wrap(new float[] {
            1, -4, 3, 2, 50, 50,
            7, 7, 7, 7, 7, 7}, 2, 3, 2);
        return Signal.sequence(x, Signal.maskFromLengths(new int[] {2, 0}, 3));
    }

    @Test
    void maxTakesTheLargestRealValueAndZeroForAnAllPaddingRow() {
        Layer layer = GlobalPoolingOptions.max().build(Shape.sequence(2), Precision.FLOAT32, 1L);
        Tensor y = layer.forward(batch(), false, null).output().values();
        assertThat(y.toFloatArray()).containsExactly(3, 2, 0, 0);
    }

    @Test
    void averageTakesTheMeanOfTheRealStepsAndZeroForAnAllPaddingRow() {
        Layer layer = GlobalPoolingOptions.average().build(Shape.sequence(2), Precision.FLOAT32, 1L);
        Tensor y = layer.forward(batch(), false, null).output().values();
        assertThat(y.toFloatArray()).containsExactly(2, -1, 0, 0);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void paddedStepsAndAllPaddingRowsReceiveNoGradient(GlobalPoolingOptions o) {
        Layer layer = o.build(Shape.sequence(2), Precision.FLOAT32, 1L);
        Layer.Forward f = layer.forward(batch(), true, null);
        Tensor dx = layer.backward(f, Tensor.wrap(new float[] {1, 1, 1, 1}, 2, 2), new Gradients());
        float[] g = dx.toFloatArray();
        assertThat(g[4]).isZero();
        assertThat(g[5]).isZero();
        for (int i = 6; i < 12; i++) {
            assertThat(g[i]).isZero();
        }
        assertThat(g[0] + g[2]).isEqualTo(1f);                // the whole gradient of feature 0 reaches real steps
    }

    @Test
    void maxSendsTheGradientToTheFirstMaximumOnTies() {
        Layer layer = GlobalPoolingOptions.max().build(Shape.sequence(1), Precision.FLOAT32, 1L);
        Signal in = Signal.sequence(Tensor.wrap(new float[] {2, 5, 5}, 1, 3, 1), null);
        Tensor dx = layer.backward(layer.forward(in, true, null), Tensor.wrap(new float[] {1}, 1, 1), new Gradients());
        assertThat(dx.toFloatArray()).containsExactly(0, 1, 0);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void paddedBatchGivesTheOutputsOfUnpaddedSequences(GlobalPoolingOptions o) {
        Sequential model = Sequential.builder(Shape.sequence(3))
                .add(Conv1DOptions.of(4, 2).withActivation(Activation.TANH)).add(o).build(2L);
        int[] lengths = {6, 2, 4};
        SplittableRandom rng = new SplittableRandom(3);
        float[][][] x = new float[lengths.length][][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new float[lengths[i]][3];
            for (float[] step : x[i]) {
                for (int j = 0; j < 3; j++) {
                    step[j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        float[][] padded = model.predict(Inputs.sequences(x), 3);
        for (int i = 0; i < x.length; i++) {
            float[] alone = model.predict(Inputs.sequences(new float[][][] {x[i]}), 1)[0];
            for (int j = 0; j < alone.length; j++) {
                assertThat(padded[i][j]).isCloseTo(alone[j], within(1e-6f));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void refusesVectorInputNamingTheLayer(GlobalPoolingOptions o) {
        assertThatThrownBy(() -> o.build(Shape.vector(3), Precision.FLOAT32, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pooling1D")
                .hasMessageContaining("(None, 3)");
    }
}
