package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Sequential#predict}'s inference path (per-thread batch slices, {@code RecurrentLayer.infer}, the fused
 * embedding projection table) against the training path's forward pass without dropout,
 * {@code forward(batch, false, null)}, which the gradient checks and PyTorch golden values cover.
 */
class InferencePathTest {

    private static final int VOCABULARY = 40;
    private final int threadsBefore = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(threadsBefore);
    }

    static RecurrentOptions cell(String name, int units) {
        return switch (name) {
            case "lstm" -> RecurrentOptions.lstm(units);
            case "gru" -> RecurrentOptions.gru(units);
            default -> RecurrentOptions.simpleRnn(units);
        };
    }

    static Sequential model(RecurrentOptions recurrent, boolean sequences, long seed) {
        Sequential.Builder b = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(VOCABULARY, 12))
                .add(DropoutOptions.of(0.5))
                .add(recurrent.withDropout(0.2));
        if (sequences) {
            b.add(RecurrentOptions.gru(6).withReturnSequences(true));
        }
        return b.add(DenseOptions.of(3, Activation.SOFTMAX)).build(seed);
    }

    /** Ragged rows of ids in [0, V), with padding id 0 also inside some rows. */
    static int[][] ids(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[1 + rng.nextInt(9)];
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = rng.nextInt(5) == 0 ? 0 : 1 + rng.nextInt(VOCABULARY - 1);
            }
        }
        return ids;
    }

    /** The training path's forward pass, example by example (no padding beyond each row's own length). */
    static float[][] reference(Sequential m, int[][] ids) {
        float[][] out = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            Signal in = Inputs.tokens(new int[][] {ids[i]}).batch(new int[] {0}, m.precision());
            Tensor y = m.forward(in, false, null).output().values();
            out[i] = y.toFloatArray();
        }
        return out;
    }

    static void assertClose(float[][] got, float[][] want) {
        assertThat(got.length).isEqualTo(want.length);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i].length).isEqualTo(want[i].length);
            for (int j = 0; j < got[i].length; j++) {
                assertThat(got[i][j]).as("example %d output %d", i, j).isCloseTo(want[i][j], within(2e-6f));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn"})
    void fusedAndUnfusedPredictionsEqualTheTrainingForwardPass(String name) {
        for (boolean backwards : new boolean[] {false, true}) {
            Sequential m = model(cell(name, 7).withGoBackwards(backwards), false, 3L);
            int[][] ids = ids(45, 5L);
            float[][] want = reference(m, ids);
            for (int threads : new int[] {1, 2}) {
                Parallelism.setThreads(threads);
                m.setInferenceOptions(InferenceOptions.unfused());
                assertClose(m.predict(Inputs.tokens(ids), 32), want);
                m.setInferenceOptions(InferenceOptions.defaults().withFuseAfterTokens(0));
                assertClose(m.predict(Inputs.tokens(ids), 32), want);
            }
        }
    }

    @Test
    void stackedSequenceModelsUseTheInferencePathOfEveryRecurrentLayer() {
        Sequential m = model(cell("lstm", 5).withReturnSequences(true), true, 4L);
        int[][] ids = ids(30, 6L);
        m.setInferenceOptions(InferenceOptions.defaults().withFuseAfterTokens(0));
        Parallelism.setThreads(2);
        float[][][] got = m.predictSequences(Inputs.tokens(ids), 16);
        for (int i = 0; i < ids.length; i++) {
            Signal in = Inputs.tokens(new int[][] {ids[i]}).batch(new int[] {0}, m.precision());
            float[] want = m.forward(in, false, null).output().values().toFloatArray();
            assertThat(got[i].length).isEqualTo(ids[i].length);
            for (int t = 0; t < ids[i].length; t++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(got[i][t][k]).isCloseTo(want[t * 3 + k], within(2e-6f));
                }
            }
        }
    }

    @Test
    void theTableFollowsTrainingRestoresAndMarkedWrites() {
        Sequential m = model(cell("lstm", 6), false, 7L);
        m.setInferenceOptions(InferenceOptions.defaults().withFuseAfterTokens(0));
        int[][] ids = ids(20, 8L);
        List<Tensor> initial = m.snapshot();
        assertClose(m.predict(Inputs.tokens(ids), 8), reference(m, ids));

        int[] labels = new int[ids.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        m.fit(Dataset.of(Inputs.tokens(ids), Targets.labels(labels)), null,
                FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(0.05)).withEpochs(2),
                TrainingListener.none());
        float[][] trained = reference(m, ids);
        assertClose(m.predict(Inputs.tokens(ids), 8), trained);

        m.restore(initial);
        assertClose(m.predict(Inputs.tokens(ids), 8), reference(m, ids));

        Parameter table = m.layers().get(0).parameters().get(0);
        for (int i = 0; i < table.size(); i++) {
            table.value().set(i, table.value().get(i) * -2);
        }
        table.markChanged();
        assertClose(m.predict(Inputs.tokens(ids), 8), reference(m, ids));
    }

    @Test
    void theTableIsBuiltOnlyWithinBudgetAndAfterTheStatedTokens() {
        Sequential m = model(cell("gru", 4), false, 9L);
        int[][] ids = ids(10, 10L);
        float[][] want = reference(m, ids);
        long tableBytes = 4L * VOCABULARY * 3 * 4;
        FusedEmbedding fused = FusedEmbedding.of(m.layers(), m.precision());
        assertThat(fused.tableBytes()).isEqualTo(tableBytes);
        assertThat(fused.table(1000, InferenceOptions.defaults().withMaxTableBytes(tableBytes - 1)
                .withFuseAfterTokens(0))).isNull();
        InferenceOptions afterVocabulary = InferenceOptions.defaults();
        assertThat(fused.table(VOCABULARY - 1, afterVocabulary)).isNull();
        assertThat(fused.table(1, afterVocabulary)).isNull();
        FusedEmbedding.Table table = fused.table(1, afterVocabulary);
        assertThat(table.values()).hasSize(VOCABULARY * 12);
        assertThat(table.rowsDone()).as("rows are computed on first use, not when the table is taken").isZero();
        m.setInferenceOptions(afterVocabulary);
        for (int round = 0; round < 5; round++) {
            assertClose(m.predict(Inputs.tokens(ids), 4), want);
        }
        assertThatThrownBy(() -> new InferenceOptions(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InferenceOptions(1, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badIdsAreRejectedOnTheFusedPathToo() {
        Sequential m = model(cell("rnn", 4), false, 11L);
        m.setInferenceOptions(InferenceOptions.defaults().withFuseAfterTokens(0));
        assertThatThrownBy(() -> m.predict(Inputs.tokens(new int[][] {{1, VOCABULARY}}), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the vocabulary");
    }
}
