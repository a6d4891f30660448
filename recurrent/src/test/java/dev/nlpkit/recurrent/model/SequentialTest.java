package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequentialTest {

    @TempDir
    Path dir;

    static Sequential sentiment(int vocabulary, int dim, long seed) {
        return Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(vocabulary, dim))
                .add(DropoutOptions.of(0.5))
                .add(RecurrentOptions.lstm(100).withDropout(0.2).withRecurrentDropout(0.2))
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(seed);
    }

    /** A tiny token task: label 1 when token 3 occurs. */
    static Dataset tokenTask(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] ids = new int[n][];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[2 + rng.nextInt(6)];
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = 1 + rng.nextInt(9);
            }
            y[i] = 0;
            for (int id : ids[i]) {
                if (id == 3) {
                    y[i] = 1;
                }
            }
        }
        return Dataset.of(Inputs.tokens(ids), Targets.binary(y));
    }

    static Sequential small(long seed) {
        return Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(10, 8))
                .add(RecurrentOptions.lstm(8).withDropout(0.1).withRecurrentDropout(0.1))
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(seed);
    }

    static FitOptions adam(int epochs) {
        return FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01)).withEpochs(epochs)
                .withBatchSize(16);
    }

    @Test
    void summaryListsLayersShapesAndKerasParameterCounts() {
        String summary = sentiment(50_000, 300, 1L).summary();
        assertThat(summary).contains("embedding (Embedding)").contains("(None, None, 300)").contains("15000000")
                .contains("lstm (LSTM)").contains("(None, 100)").contains("160400")
                .contains("dense (Dense)").contains("(None, 1)").contains("101")
                .contains("Total params: 15,160,501").contains("Trainable params: 15,160,501")
                .contains("Non-trainable params: 0");
    }

    @Test
    void frozenEmbeddingsCountAsNonTrainable() {
        Sequential m = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.pretrained(new float[][] {{0, 0}, {1, 2}, {3, 4}}).withTrainable(false))
                .add(RecurrentOptions.gru(2)).build(1L);
        assertThat(m.summary()).contains("Non-trainable params: 6").contains("Trainable params: 30");
        assertThat(m.parameters().get(0).value().get(3)).isEqualTo(2.0);
    }

    @Test
    void shapeMismatchNamesTheLayerAndBothShapes() {
        assertThatThrownBy(() -> Sequential.builder(Shape.tokens()).add(DenseOptions.of(3, Activation.RELU)).build(1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 0")
                .hasMessageContaining("token ids");
        Sequential m = Sequential.builder(Shape.sequence(300)).add(RecurrentOptions.lstm(4)).build(1L);
        assertThatThrownBy(() -> m.predict(Inputs.sequences(new float[][][] {{new float[100]}}), 1))
                .hasMessageContaining("300").hasMessageContaining("100");
    }

    @Test
    void badTokenIdsAndMismatchedTargetsAreReportedWithTheirPosition() {
        Sequential m = small(1L);
        assertThatThrownBy(() -> m.predict(Inputs.tokens(new int[][] {{1, 2}, {3, 50, 4}}), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token id 50 at example 1, step 1").hasMessageContaining("[0, 10)");
        Dataset perStep = Dataset.of(Inputs.tokens(new int[][] {{1, 2}}), Targets.stepLabels(new int[][] {{0, 1}}));
        assertThatThrownBy(() -> m.fit(perStep, null, adam(1), TrainingListener.none()))
                .hasMessageContaining("(None, 1)").hasMessageContaining("per step");
        assertThatThrownBy(() -> Dataset.of(Inputs.tokens(new int[][] {{1}}), Targets.binary(new float[] {0, 1})))
                .hasMessageContaining("1 inputs but 2 targets");
    }

    @Test
    void sameSeedSameDataGivesIdenticalWeights() {
        Dataset data = tokenTask(64, 1L);
        Sequential a = small(5L);
        Sequential b = small(5L);
        a.fit(data, null, adam(2), TrainingListener.none());
        b.fit(data, null, adam(2), TrainingListener.none());
        for (int i = 0; i < a.parameters().size(); i++) {
            assertThat(b.parameters().get(i).value().toFloatArray())
                    .containsExactly(a.parameters().get(i).value().toFloatArray());
        }
        Sequential c = small(5L);
        c.fit(data, null, adam(2).withSeed(43L), TrainingListener.none());
        assertThat(c.parameters().get(1).value().toFloatArray())
                .isNotEqualTo(a.parameters().get(1).value().toFloatArray());
    }

    @Test
    void oneKernelThreadGivesTheSameWeightsAsTheDefaultThreadCount() {
        Dataset data = tokenTask(64, 1L);
        Sequential a = small(5L);
        a.fit(data, null, adam(1), TrainingListener.none());
        int before = dev.nlpkit.recurrent.math.Parallelism.threads();
        Sequential b = small(5L);
        try {
            dev.nlpkit.recurrent.math.Parallelism.setThreads(1);
            b.fit(data, null, adam(1), TrainingListener.none());
        } finally {
            dev.nlpkit.recurrent.math.Parallelism.setThreads(before);
        }
        for (int i = 0; i < a.parameters().size(); i++) {
            assertThat(b.parameters().get(i).value().toFloatArray())
                    .containsExactly(a.parameters().get(i).value().toFloatArray());
        }
    }

    @Test
    void saveAndLoadRoundTripsWeightsAndOptimizerStateSoTrainingResumesExactly() throws IOException {
        Dataset data = tokenTask(64, 2L);
        Sequential a = small(7L);
        a.fit(data, null, adam(1), TrainingListener.none());
        Path file = dir.resolve("m.nlpk");
        a.save(file, true);
        Sequential b = Sequential.load(file);
        assertThat(b.optimizer().steps()).isEqualTo(a.optimizer().steps());
        assertThat(b.predict(data.inputs(), 32)).isDeepEqualTo(a.predict(data.inputs(), 32));
        a.fit(data, null, adam(1).withSeed(9L), TrainingListener.none());
        b.fit(data, null, adam(1).withSeed(9L), TrainingListener.none());
        assertThat(b.predict(data.inputs(), 32)).isDeepEqualTo(a.predict(data.inputs(), 32));
    }

    @Test
    void corruptedTruncatedNewerAndForeignFilesFailWithClearMessages() throws IOException {
        Path file = dir.resolve("m.nlpk");
        small(1L).save(file, false);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThatThrownBy(() -> Sequential.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining(file.toString());

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> Sequential.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated");

        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, ModelFile.FORMAT_VERSION + 1);
        Files.write(file, newer);
        assertThatThrownBy(() -> Sequential.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("newer").hasMessageContaining("version " + (ModelFile.FORMAT_VERSION + 1));

        Files.writeString(file, "label,text\n1,hello world\n");
        assertThatThrownBy(() -> Sequential.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not an nlpkit");
    }

    @Test
    void nonFiniteLossStopsTrainingNamingEpochAndBatchAndKeepsTheLastCheckpoint() throws IOException {
        float[][] x = new float[32][2];
        float[] y = new float[32];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 32; i++) {
            x[i][0] = (float) rng.nextDouble();
            x[i][1] = (float) rng.nextDouble();
            y[i] = x[i][0] - x[i][1];
        }
        Sequential m = Sequential.builder(Shape.vector(2)).add(DenseOptions.of(1, Activation.LINEAR)).build(1L);
        Path ckpt = dir.resolve("ckpt.nlpk");
        // the growth check off, so the loss runs on to NaN or infinity
        FitOptions exploding = FitOptions.of(Loss.MEAN_SQUARED_ERROR, OptimizerOptions.sgd(50)).withEpochs(500)
                .withBatchSize(8).withCheckpoint(ckpt).withDivergenceFactor(0);
        assertThatThrownBy(() -> m.fit(Dataset.of(Inputs.vectors(x), Targets.binary(y)), null, exploding,
                TrainingListener.none()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("(?s).*loss is (NaN|Infinity) at epoch \\d+, batch \\d+.*");
        Sequential restored = Sequential.load(ckpt);
        assertThat(restored.parameters().get(0).value().allFinite()).isTrue();
    }

    @Test
    void aLossHundredTimesItsFirstValueStopsTrainingBeforeTheUpdate() {
        float[][] x = new float[32][2];
        float[] y = new float[32];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 32; i++) {
            x[i][0] = (float) rng.nextDouble();
            x[i][1] = (float) rng.nextDouble();
            y[i] = x[i][0] - x[i][1];
        }
        Sequential m = Sequential.builder(Shape.vector(2)).add(DenseOptions.of(1, Activation.LINEAR)).build(1L);
        FitOptions exploding = FitOptions.of(Loss.MEAN_SQUARED_ERROR, OptimizerOptions.sgd(50)).withEpochs(500)
                .withBatchSize(8);
        assertThatThrownBy(() -> m.fit(Dataset.of(Inputs.vectors(x), Targets.binary(y)), null, exploding,
                TrainingListener.none()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("training diverged: loss grew from \\S+ to \\S+ \\(more than 100x\\) at epoch 1, "
                        + "batch \\d+ .*");
        assertThat(m.parameters().get(0).value().allFinite()).isTrue();
    }

    @Test
    void theDivergenceFactorMustBeOffOrAboveOne() {
        FitOptions base = FitOptions.of(Loss.MEAN_SQUARED_ERROR, OptimizerOptions.sgd(0.1));
        assertThat(base.divergenceFactor()).isEqualTo(100);
        assertThatThrownBy(() -> base.withDivergenceFactor(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divergenceFactor");
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        Dataset train = tokenTask(64, 3L);
        float[] flipped = new float[64];
        for (int i = 0; i < 64; i++) {
            flipped[i] = 1 - ((Targets.Values) train.targets()).values()[i][0];
        }
        Dataset validation = Dataset.of(train.inputs(), Targets.binary(flipped));
        Sequential m = small(4L);
        History h = m.fit(train, validation, adam(30).withEarlyStopping(FitOptions.EarlyStopping.patience(2)),
                TrainingListener.none());
        assertThat(h.stoppedEarly()).isTrue();
        assertThat(h.epochs()).hasSize(h.bestEpoch() + 3);
        double restored = m.evaluate(validation, Loss.BINARY_CROSSENTROPY, 16).loss();
        assertThat(restored).isCloseTo(h.epochs().get(h.bestEpoch()).validationLoss(), within(1e-6));
    }

    @Test
    void validationSplitHoldsOutTheLastExamplesAndListenerSeesEveryBatch() {
        Dataset data = tokenTask(50, 4L);
        Sequential m = small(4L);
        List<String> events = new ArrayList<>();
        History h = m.fit(data, null, adam(2).withValidationSplit(0.2), new TrainingListener<>() {
            @Override
            public void onProgress(BatchEnd batch) {
                events.add("b" + batch.epoch() + "." + batch.batch() + "/" + batch.batches());
            }

            @Override
            public void onEpochEnd(History.Epoch epoch) {
                events.add("e" + epoch.epoch());
            }
        });
        assertThat(events).containsExactly("b0.0/3", "b0.1/3", "b0.2/3", "e0", "b1.0/3", "b1.1/3", "b1.2/3", "e1");
        Dataset last = Subset.of(data, 40, 50);
        assertThat(h.last().validationLoss())
                .isCloseTo(m.evaluate(last, Loss.BINARY_CROSSENTROPY, 32).loss(), within(1e-9));
    }

    @Test
    void listenerIntervalThinsBatchEventsButKeepsEachEpochsLastBatch() {
        Dataset data = tokenTask(50, 4L);
        List<String> events = new ArrayList<>();
        small(4L).fit(data, null, adam(2), new TrainingListener<>() {
            @Override
            public void onProgress(BatchEnd batch) {
                events.add("b" + batch.epoch() + "." + batch.batch());
            }

            @Override
            public void onEpochEnd(History.Epoch epoch) {
                events.add("e" + epoch.epoch());
            }

            @Override
            public long intervalMillis() {
                return 3_600_000; // an hour: within this test only the epochs' last batches are reported
            }
        });
        assertThat(events).containsExactly("b0.3", "e0", "b1.3", "e1"); // 50 rows in batches of 16: 4 batches
    }

    @Test
    void predictFromSeveralThreadsGivesTheSerialResults() throws Exception {
        Dataset data = tokenTask(200, 5L);
        Sequential m = small(6L);
        m.fit(data, null, adam(1), TrainingListener.none());
        float[][] serial = m.predict(data.inputs(), 17);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> m.predict(data.inputs(), 13)));
            }
            for (Future<float[][]> f : futures) {
                float[][] got = f.get();
                for (int i = 0; i < serial.length; i++) {
                    assertThat(got[i][0]).isCloseTo(serial[i][0], within(1e-6f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clippingByGlobalNormAndByValueKeepsTrainingStable() {
        Dataset data = tokenTask(64, 6L);
        Sequential m = small(8L);
        History h = m.fit(data, null, adam(3).withClipNorm(1.0).withClipValue(0.5), TrainingListener.none());
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss());
    }

    @Test
    void snapshotAndRestoreRoundTrip() {
        Sequential m = small(9L);
        List<Tensor> snap = m.snapshot();
        m.parameters().get(0).value().set(0, 42);
        m.restore(snap);
        assertThat(m.parameters().get(0).value().get(0)).isNotEqualTo(42.0);
    }
}
