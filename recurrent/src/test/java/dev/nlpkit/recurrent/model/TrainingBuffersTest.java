package dev.nlpkit.recurrent.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layers' step buffers ({@code TrainingBuffers}): reused from batch to batch, they change no bit of training
 * (batches of different sizes and padding, so views of larger buffers and stale values are exercised), and a
 * steady training step allocates almost nothing (it used to allocate tens of MB).
 */
class TrainingBuffersTest {

    private static Sequential model(String cell, int vocab, int embed, int units, long seed) {
        RecurrentOptions r = switch (cell) {
            case "lstm" -> RecurrentOptions.lstm(units);
            case "gru" -> RecurrentOptions.gru(units);
            default -> RecurrentOptions.simpleRnn(units);
        };
        return Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(vocab, embed).withMaskZero(true))
                .add(DropoutOptions.of(0.5))
                .add(r.withDropout(0.2).withRecurrentDropout(0.3))
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(seed);
    }

    /** {@code n} sequences of 1 to {@code maxLength} ids in [1, vocab), padded with 0, random binary labels. */
    private static Dataset data(int n, int maxLength, int vocab, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] ids = new int[n][];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[1 + rng.nextInt(maxLength)];
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = 1 + rng.nextInt(vocab - 1);
            }
            y[i] = rng.nextInt(2);
        }
        return Dataset.of(Inputs.tokens(ids), Targets.binary(y));
    }

    private static List<Tensor> train(String cell, boolean reuse) {
        Sequential m = model(cell, 40, 6, 5, 3L);
        m.reuseBuffers = reuse;
        // 70 examples in batches of 32: the last batch (6 rows) runs on views of the larger buffers.
        m.fit(data(70, 9, 40, 4L), null, FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01))
                .withBatchSize(32).withEpochs(3).withSeed(5L), TrainingListener.none());
        return m.snapshot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn"})
    void reusedBuffersTrainTheSameBitsAsFreshOnes(String cell) {
        List<Tensor> fresh = train(cell, false);
        List<Tensor> reused = train(cell, true);
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(reused.get(i).toFloatArray()).as("parameter %d", i).isEqualTo(fresh.get(i).toFloatArray());
        }
    }

    /**
     * Bytes allocated so far by the current thread ({@code com.sun.management.ThreadMXBean}), reached by
     * reflection: the tests compile inside the module, which does not read {@code jdk.management}, and run on
     * the class path, which reads everything.
     */
    private static long allocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class);
        return (Long) allocated.invoke(bean, Thread.currentThread().threadId());
    }

    @Test
    void aSteadyTrainingStepAllocatesLessThanOneMegabyte() throws ReflectiveOperationException {
        int batch = 128;
        Sequential m = model("lstm", 2000, 64, 32, 1L);
        FitOptions options = FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(1e-3))
                .withBatchSize(batch).withEpochs(1).withShuffle(false).withSeed(2L);
        Dataset few = data(2 * batch, 30, 2000, 6L);
        Dataset many = data(12 * batch, 30, 2000, 7L);
        m.fit(few, null, options, TrainingListener.none());                 // warm up, optimizer state
        // Until C2 has compiled the Vector API kernels, each vector operation allocates a box: on a busy machine
        // that takes a few rounds, so the smallest per-step figure of up to 10 rounds is the steady one.
        long perStep = Long.MAX_VALUE;
        for (int round = 0; round < 10 && perStep >= 1L << 20; round++) {
            long before = allocatedBytes();
            m.fit(few, null, options, TrainingListener.none());
            long twoSteps = allocatedBytes() - before;
            before = allocatedBytes();
            m.fit(many, null, options, TrainingListener.none());
            long twelveSteps = allocatedBytes() - before;
            perStep = Math.min(perStep, (twelveSteps - twoSteps) / 10);
        }
        // Without reuse each step allocates its Embedding, Dropout and LSTM tensors afresh: several MB.
        assertThat(perStep).as("bytes allocated per steady step").isLessThan(1L << 20);
    }
}
