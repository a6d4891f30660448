package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training gives the same weights whatever the kernel thread count: products compute each element on one
 * thread in a fixed order, the element-wise work of large batches is split by rows, and dropout masks are
 * functions of the seed and the element index. The batch (300 rows) is large enough for the row split.
 *
 * <p>Compared within 1e-6, not bit for bit: the Vector API's EXP and TANH (and {@code Math.tanh}) give
 * results that differ in the last bits between interpreted and JIT-compiled code, so two runs in one JVM are
 * bit-identical only once both run compiled code. A race between row ranges, or masks depending on the split,
 * would show as differences far above that.
 */
class ThreadCountTest {

    private final int threadsBefore = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(threadsBefore);
    }

    static List<Tensor> train(String cell, int threads) {
        Parallelism.setThreads(threads);
        RecurrentOptions r = switch (cell) {
            case "lstm" -> RecurrentOptions.lstm(9);
            case "gru" -> RecurrentOptions.gru(9);
            default -> RecurrentOptions.simpleRnn(9);
        };
        Sequential m = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(50, 8))
                .add(DropoutOptions.of(0.5))
                .add(r.withDropout(0.2).withRecurrentDropout(0.3))
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(5L);
        SplittableRandom rng = new SplittableRandom(6L);
        int n = 600;
        int[][] ids = new int[n][];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[1 + rng.nextInt(7)];
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = rng.nextInt(50);
            }
            y[i] = rng.nextInt(2);
        }
        m.fit(Dataset.of(Inputs.tokens(ids), Targets.binary(y)), null,
                FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01)).withBatchSize(300).withEpochs(2)
                        .withSeed(7L), TrainingListener.none());
        return m.snapshot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn"})
    void oneAndTwoThreadsTrainTheSameWeights(String cell) {
        List<Tensor> one = train(cell, 1);
        List<Tensor> two = train(cell, 2);
        for (int i = 0; i < one.size(); i++) {
            float[] a = one.get(i).toFloatArray();
            float[] b = two.get(i).toFloatArray();
            for (int j = 0; j < a.length; j++) {
                assertThat(b[j]).as("parameter %d element %d", i, j).isCloseTo(a[j], within(1e-6f));
            }
        }
    }
}
