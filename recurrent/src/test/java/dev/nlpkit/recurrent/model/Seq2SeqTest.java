package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Seq2SeqTest {

    @TempDir
    Path dir;

    private static final int[][] SOURCES = {{1, 2, 3}, {4, 5}, {6, 1, 2, 3}, {7}};
    private static final int[][] TARGETS = {{5, 4}, {7}, {5, 4, 3}, {9, 9}};

    private static Seq2Seq trained(RecurrentOptions.Cell cell) {
        Seq2Seq s = Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6).withCell(cell), 3L);
        s.fit(SOURCES, TARGETS, FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(0.01))
                .withEpochs(2).withBatchSize(2), TrainingListener.none());
        return s;
    }

    @Test
    void saveAndLoadKeepsTheDecodingsAndTheOptimizerState() throws IOException {
        for (RecurrentOptions.Cell cell : RecurrentOptions.Cell.values()) {
            Seq2Seq s = trained(cell);
            Path file = dir.resolve(cell + ".nlpk");
            s.save(file, true);
            Seq2Seq loaded = Seq2Seq.load(file);
            assertThat(loaded.options()).isEqualTo(s.options());
            assertThat(loaded.predict(SOURCES, 6, 4)).isDeepEqualTo(s.predict(SOURCES, 6, 4));
        }
    }

    @Test
    void aSequentialLoaderRefusesAnEncoderDecoderFileAndViceVersa() throws IOException {
        Path file = dir.resolve("s2s.nlpk");
        trained(RecurrentOptions.Cell.GRU).save(file, false);
        assertThatThrownBy(() -> Sequential.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a Sequential");
        Path other = dir.resolve("seq.nlpk");
        SequentialTest.small(1L).save(other, false);
        assertThatThrownBy(() -> Seq2Seq.load(other)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not an encoder-decoder");
    }

    @Test
    void reservedTargetIdsAreRejectedWithTheirPosition() {
        Seq2Seq s = Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6), 3L);
        assertThatThrownBy(() -> s.fit(new int[][] {{1}}, new int[][] {{4, 2}}, FitOptions.of(
                Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(0.01)), TrainingListener.none()))
                .hasMessageContaining("target row 0, step 1");
    }
}
