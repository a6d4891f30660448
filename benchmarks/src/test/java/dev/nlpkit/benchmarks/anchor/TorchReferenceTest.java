package dev.nlpkit.benchmarks.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.nlpkit.classify.metrics.BinaryMetrics;
import dev.nlpkit.testdata.AnchorProbe;
import dev.nlpkit.testdata.Anchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchReferenceTest {

    private static final Path PYTHON = AnchorProbe.PYTHON;

    @TempDir
    Path dir;

    /** Token 2..11 "positive", 12..21 "negative", 22..31 neutral; sequences pre-padded to 8. */
    private static TorchReference.Split split(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] ids = new int[n][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
            int length = 3 + random.nextInt(6);
            for (int t = 8 - length; t < 8; t++) {
                ids[i][t] = random.nextInt(3) == 0 ? (labels[i] == 1 ? 2 : 12) + random.nextInt(10)
                        : 22 + random.nextInt(10);
            }
        }
        return new TorchReference.Split(ids, labels);
    }

    private static float[][] embedding() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] e = new float[32][6];
        for (int i = 1; i < 32; i++) {
            for (int j = 0; j < 6; j++) {
                e[i][j] = (float) random.nextGaussian() * 0.5f;
            }
            // a polarity direction the frozen embedding carries
            e[i][0] = i >= 2 && i < 12 ? 1.5f : i >= 12 && i < 22 ? -1.5f : 0f;
        }
        return e;
    }

    @Test
    void exportWritesLittleEndianFilesOfTheDocumentedShapes() throws IOException {
        TorchReference.Split train = split(20, 1);
        TorchReference.export(dir, embedding(), 8, train, split(5, 2), split(7, 3), TorchReference.Recipe.defaults());
        assertThat(Files.size(dir.resolve("embedding.f32"))).isEqualTo(32L * 6 * 4);
        assertThat(Files.size(dir.resolve("train.ids.i32"))).isEqualTo(20L * 8 * 4);
        assertThat(Files.size(dir.resolve("test.labels.u8"))).isEqualTo(7);
        ByteBuffer ids = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("train.ids.i32"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ids.getInt(4 * 7)).isEqualTo(train.ids()[0][7]);
        assertThat(Files.readString(dir.resolve("meta.json"))).contains("\"vocab_size\": 32").contains("\"train_rows\": 20")
                .contains("\"recurrent_dropout\": 0.2");
    }

    @Test
    void theScriptLearnsTheExportedTaskAndReturnsOneProbabilityPerTestRow() throws Exception {
        Anchors.require("torch", "numpy");
        TorchReference.Split test = split(200, 3);
        TorchReference.export(dir, embedding(), 8, split(600, 1), split(100, 2), test,
                TorchReference.Recipe.defaults().withHidden(16).withEpochs(6).withBatchSize(32).withPatience(0));
        List<String> lines = new ArrayList<>();
        TorchReference.Result result = TorchReference.run(dir, PYTHON, List.of(), lines::add);
        assertThat(result.epochLines()).hasSize(6);
        assertThat(result.testProbabilities()).hasSize(200);
        BinaryMetrics metrics = BinaryMetrics.of(test.labels(), result.testProbabilities());
        assertThat(metrics.accuracy()).isCloseTo(result.testAccuracy(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(result.testAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void withoutRecurrentDropoutTheScriptUsesPackedTorchLstmAndStillLearns() throws Exception {
        Anchors.require("torch", "numpy");
        TorchReference.Split test = split(200, 3);
        TorchReference.export(dir, embedding(), 8, split(600, 1), split(100, 2), test,
                TorchReference.Recipe.defaults().withHidden(16).withEpochs(6).withBatchSize(32).withPatience(0)
                        .withDropouts(0.5, 0.2, 0.0));
        TorchReference.Result result = TorchReference.run(dir, PYTHON, List.of(), line -> { });
        assertThat(result.testProbabilities()).hasSize(200);
        assertThat(result.testAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void numbersAreReadFromFlatJsonLines() {
        String line = "{\"test_loss\": 0.41, \"test_accuracy\": 8.1e-01, \"best_epoch\": 3}";
        assertThat(TorchReference.number(line, "test_accuracy")).hasValue(0.81);
        assertThat(TorchReference.number(line, "best_epoch")).hasValue(3.0);
        assertThat(TorchReference.number(line, "missing")).isEmpty();
    }
}
