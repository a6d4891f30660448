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
        return trained(Seq2SeqOptions.lstm(8, 10, 4, 6).withCell(cell));
    }

    private static Seq2Seq trained(Seq2SeqOptions options) {
        Seq2Seq s = Seq2Seq.create(options, 3L);
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
    void saveAndLoadKeepTheAttentionAndItsDecodings() throws IOException {
        for (Seq2SeqOptions.Attention a : Seq2SeqOptions.Attention.values()) {
            Seq2Seq s = trained(Seq2SeqOptions.lstm(8, 10, 4, 6).withAttention(a));
            Path file = dir.resolve(a + ".nlpk");
            s.save(file, true);
            Seq2Seq loaded = Seq2Seq.load(file);
            assertThat(loaded.options().attention()).isEqualTo(a);
            assertThat(loaded.predict(SOURCES, 6, 4)).isDeepEqualTo(s.predict(SOURCES, 6, 4));
        }
    }

    /**
     * seq2seq-v1.nlpk was written by the encoder-decoder before attention existed (commit a9cf2ab):
     * {@code Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6), 3L)} trained on SOURCES/TARGETS with Adam(0.05), 30
     * epochs, batch 2, then {@code save(file, false)}; it decoded the training targets exactly.
     */
    @Test
    void aFileOfTheFirstVersionLoadsAsAModelWithoutAttention() throws Exception {
        Path file = Path.of(Seq2SeqTest.class.getResource("/dev/nlpkit/recurrent/golden/seq2seq-v1.nlpk").toURI());
        Seq2Seq loaded = Seq2Seq.load(file);
        assertThat(loaded.options()).isEqualTo(Seq2SeqOptions.lstm(8, 10, 4, 6));
        assertThat(loaded.options().attention()).isEqualTo(Seq2SeqOptions.Attention.NONE);
        assertThat(loaded.predict(SOURCES, 6, 4)).isDeepEqualTo(TARGETS);
    }

    @Test
    void addingAttentionLeavesTheOtherLayersInitializationUnchanged() {
        // the attention's seed is drawn after the other layers', so NONE keeps the first version's initialization
        Seq2Seq plain = Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6), 3L);
        Seq2Seq attending = Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6)
                .withAttention(Seq2SeqOptions.Attention.ADDITIVE), 3L);
        java.util.List<dev.nlpkit.recurrent.layers.Parameter> mine = plain.parameters();
        java.util.List<dev.nlpkit.recurrent.layers.Parameter> theirs = attending.parameters();
        assertThat(theirs).hasSize(mine.size() + 4);
        for (int i = 0; i < mine.size(); i++) {
            int j = i < mine.size() - 2 ? i : i + 4;     // the attention's 4 tensors sit before the output Dense
            assertThat(theirs.get(j).value().toFloatArray()).as(mine.get(i).name())
                    .isEqualTo(mine.get(i).value().toFloatArray());
        }
    }

    @Test
    void trainingWithAttentionIsReproducibleForASeed() {
        for (Seq2SeqOptions.Attention a : new Seq2SeqOptions.Attention[] {Seq2SeqOptions.Attention.DOT,
            Seq2SeqOptions.Attention.ADDITIVE}) {
            Seq2Seq one = trained(Seq2SeqOptions.lstm(8, 10, 4, 6).withAttention(a));
            Seq2Seq two = trained(Seq2SeqOptions.lstm(8, 10, 4, 6).withAttention(a));
            for (int i = 0; i < one.parameters().size(); i++) {
                assertThat(two.parameters().get(i).value().toFloatArray()).as(a + " parameter " + i)
                        .isEqualTo(one.parameters().get(i).value().toFloatArray());
            }
        }
    }

    @Test
    void anEmptySourceRowDecodesWithoutNaN() {
        for (Seq2SeqOptions.Attention a : Seq2SeqOptions.Attention.values()) {
            Seq2Seq s = trained(Seq2SeqOptions.lstm(8, 10, 4, 6).withAttention(a));
            int[][] decoded = s.predict(new int[][] {{}, {1, 2, 3}}, 4, 2);
            assertThat(decoded).hasNumberOfRows(2);
            // a NaN probability row would decode as id 0 (padding), never a real target id
            assertThat(java.util.Arrays.stream(decoded[0]).allMatch(id -> id >= 3)).as(a + " " + java.util.Arrays
                    .toString(decoded[0])).isTrue();
            assertThat(decoded[1]).isEqualTo(s.predict(new int[][] {{1, 2, 3}}, 4, 1)[0]);
        }
    }

    @Test
    void aMissingAttentionIsRefusedByName() {
        assertThatThrownBy(() -> Seq2SeqOptions.lstm(8, 10, 4, 6).withAttention(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Seq2SeqOptions.attention");
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
