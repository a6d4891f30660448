package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.check.GradientCheck;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PositionEmbedding: the added vectors, positions counted over real steps, the length limit, errors. */
class PositionEmbeddingTest {

    static Stream<PositionEmbeddingOptions> modes() {
        return Stream.of(PositionEmbeddingOptions.learned(8), PositionEmbeddingOptions.sinusoidal());
    }

    private static Tensor random(long seed, int... shape) {
        Tensor x = Tensor.zeros(Precision.FLOAT64, shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Test
    void sinusoidsAreThoseOfTheTransformerPaper() {
        // Vaswani et al. 2017, section 3.5, written out for width 4: angle p / 10000^(2i/4)
        assertThat(PositionEmbedding.sinusoid(0, 0, 4)).isEqualTo(0.0);
        assertThat(PositionEmbedding.sinusoid(0, 1, 4)).isEqualTo(1.0);
        assertThat(PositionEmbedding.sinusoid(3, 0, 4)).isCloseTo(Math.sin(3), within(1e-15));
        assertThat(PositionEmbedding.sinusoid(3, 1, 4)).isCloseTo(Math.cos(3), within(1e-15));
        assertThat(PositionEmbedding.sinusoid(3, 2, 4)).isCloseTo(Math.sin(3 / 100.0), within(1e-15));
        assertThat(PositionEmbedding.sinusoid(3, 3, 4)).isCloseTo(Math.cos(3 / 100.0), within(1e-15));
    }

    @Test
    void learnedPositionsAddTheTableRowOfEachStep() {
        Layer layer = PositionEmbeddingOptions.learned(4).build(Shape.sequence(3), Precision.FLOAT64, 1L);
        Tensor table = layer.parameters().get(0).value();
        Tensor x = random(2L, 1, 4, 3);
        Tensor y = layer.forward(Signal.sequence(x, null), false, null).output().values();
        for (int t = 0; t < 4; t++) {
            for (int j = 0; j < 3; j++) {
                assertThat(y.get(t * 3 + j)).isEqualTo(x.get(t * 3 + j) + table.get(t * 3 + j));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void rowsPaddedAtEitherEndGetThePositionsOfTheUnpaddedRow(PositionEmbeddingOptions o) {
        Layer layer = o.build(Shape.sequence(3), Precision.FLOAT64, 3L);
        Tensor alone = random(4L, 1, 3, 3);
        Tensor yAlone = layer.forward(Signal.sequence(alone, null), false, null).output().values();
        // the same three steps at slots 0-2 (end padding) and 2-4 (start padding) of a batch of time 5
        Tensor padded = Tensor.zeros(Precision.FLOAT64, 2, 5, 3);
        alone.copyTo(0, padded, 0, 9);
        alone.copyTo(0, padded, 15 + 6, 9);
        boolean[] mask = {true, true, true, false, false, false, false, true, true, true};
        Layer.Forward f = layer.forward(Signal.sequence(padded, mask), false, null);
        Tensor y = f.output().values();
        for (int i = 0; i < 9; i++) {
            assertThat(y.get(i)).isEqualTo(yAlone.get(i));
            assertThat(y.get(15 + 6 + i)).isEqualTo(yAlone.get(i));
        }
        for (int i : new int[] {9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}) {
            assertThat(y.get(i)).as("padded output %d", i).isZero();
        }
        assertThat(f.output().mask()).isSameAs(mask);
    }

    @Test
    void refusesARowLongerThanTheLearnedTableNamingTheLayerAndShapes() {
        Layer layer = PositionEmbeddingOptions.learned(3).build(Shape.sequence(2), Precision.FLOAT32, 1L);
        Signal in = Signal.sequence(Tensor.zeros(Precision.FLOAT32, 2, 5, 2), Signal.maskFromLengths(
                new int[] {2, 4}, 5));
        assertThatThrownBy(() -> layer.forward(in, false, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PositionEmbedding").hasMessageContaining("example 1")
                .hasMessageContaining("[batch 2, time 5, 2]").hasMessageContaining("4 real steps")
                .hasMessageContaining("3 learned positions");
    }

    @Test
    void sinusoidsHaveNoLengthLimit() {
        Layer layer = PositionEmbeddingOptions.sinusoidal().build(Shape.sequence(2), Precision.FLOAT32, 1L);
        Tensor y = layer.forward(Signal.sequence(Tensor.zeros(Precision.FLOAT32, 1, 3000, 2), null), false, null)
                .output().values();
        assertThat(y.get(2999 * 2)).isCloseTo((float) Math.sin(2999), within(1e-6));
    }

    @Test
    void thePublishedGradientCheckPassesForLearnedPositions() {
        GradientCheck.of(PositionEmbeddingOptions.learned(5), Shape.sequence(3)).run().requirePassed();
    }

    @Test
    void refusesBadSettingsAndInputs() {
        assertThatThrownBy(() -> PositionEmbeddingOptions.learned(0)).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> new PositionEmbeddingOptions(PositionEmbeddingOptions.Mode.SINUSOIDAL, 5))
                .hasMessageContaining("maxLength");
        assertThatThrownBy(() -> PositionEmbeddingOptions.sinusoidal().build(Shape.tokens(), Precision.FLOAT32, 1L))
                .hasMessageContaining("PositionEmbedding");
        assertThatThrownBy(() -> PositionEmbeddingOptions.learned(2).build(Shape.sequence(4, 3), Precision.FLOAT32, 1L))
                .hasMessageContaining("PositionEmbedding").hasMessageContaining("(None, 4, 3)");
    }
}
