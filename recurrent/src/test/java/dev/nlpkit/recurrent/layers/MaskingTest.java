package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Variable lengths: padded batches give the outputs of the unpadded sequences, run one by one. */
class MaskingTest {

    static Stream<LayerOptions> recurrentLayers() {
        return Stream.of(RecurrentOptions.simpleRnn(5), RecurrentOptions.lstm(5), RecurrentOptions.gru(5),
                RecurrentOptions.lstm(5).withGoBackwards(true), BidirectionalOptions.of(RecurrentOptions.gru(5)),
                BidirectionalOptions.of(RecurrentOptions.lstm(5).withReturnSequences(true))
                        .withMerge(BidirectionalOptions.Merge.SUM));
    }

    private static float[][][] ragged(int[] lengths, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] x = new float[lengths.length][][];
        for (int i = 0; i < lengths.length; i++) {
            x[i] = new float[lengths[i]][features];
            for (float[] step : x[i]) {
                for (int j = 0; j < features; j++) {
                    step[j] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("recurrentLayers")
    void paddedBatchGivesTheOutputsOfUnpaddedSequences(LayerOptions layer) {
        Sequential model = Sequential.builder(Shape.sequence(3)).add(layer).build(1L);
        float[][][] x = ragged(new int[] {7, 2, 5, 1}, 3, 2L);
        Inputs batch = Inputs.sequences(x);
        boolean sequences = model.outputShape().isSequence();
        for (int i = 0; i < x.length; i++) {
            Inputs alone = Inputs.sequences(new float[][][] {x[i]});
            if (sequences) {
                float[][] padded = model.predictSequences(batch, 4)[i];
                float[][] single = model.predictSequences(alone, 1)[0];
                assertThat(padded.length).isEqualTo(x[i].length);
                for (int t = 0; t < padded.length; t++) {
                    for (int j = 0; j < padded[t].length; j++) {
                        assertThat(padded[t][j]).isCloseTo(single[t][j], within(1e-6f));
                    }
                }
            } else {
                float[] padded = model.predict(batch, 4)[i];
                float[] single = model.predict(alone, 1)[0];
                for (int j = 0; j < padded.length; j++) {
                    assertThat(padded[j]).isCloseTo(single[j], within(1e-6f));
                }
            }
        }
    }

    @Test
    void manyToOneReadsTheLastRealStep() {
        RecurrentLayer all = RecurrentOptions.lstm(4).withReturnSequences(true)
                .build(Shape.sequence(3), Precision.FLOAT32, 5L);
        RecurrentLayer last = RecurrentOptions.lstm(4).build(Shape.sequence(3), Precision.FLOAT32, 5L);
        Tensor x = Tensor.zeros(Precision.FLOAT32, 2, 6, 3);
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble());
        }
        Signal in = Signal.sequence(x, Signal.maskFromLengths(new int[] {6, 4}, 6));
        Tensor seq = all.forward(in, false, null).output().values();
        Tensor fin = last.forward(in, false, null).output().values();
        for (int j = 0; j < 4; j++) {
            assertThat(fin.get(j)).isEqualTo(seq.get((0 * 6 + 5) * 4 + j));
            assertThat(fin.get(4 + j)).isEqualTo(seq.get((1 * 6 + 3) * 4 + j));
            assertThat(seq.get((1 * 6 + 4) * 4 + j)).isZero();
        }
    }

    @Test
    void zeroPaddingAtTheStartOrTheEndIsMaskedByTheEmbedding() {
        Sequential model = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(20, 4))
                .add(RecurrentOptions.gru(6))
                .build(9L);
        float[][] out = model.predict(Inputs.tokens(new int[][] {
                {5, 9, 13}, {0, 0, 5, 9, 13}, {5, 9, 13, 0, 0}, {5, 9}}), 4);
        assertThat(out[1]).containsExactly(out[0]);
        assertThat(out[2]).containsExactly(out[0]);
        assertThat(out[3]).isNotEqualTo(out[0]);
    }
}
