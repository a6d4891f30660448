package dev.nlpkit.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import dev.nlpkit.classify.metrics.RocCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    private static BufferedImage decodePng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("ImageIO decodes %s", file).isNotNull();
        return image;
    }

    private static TrainingHistory history() {
        return new TrainingHistory(new double[] {0.6, 0.5, 0.45}, new double[] {0.7, 0.76, 0.79},
                new double[] {0.58, 0.52, 0.5}, new double[] {0.71, 0.75, 0.77});
    }

    @Test
    void lossAndAccuracyCurvesAreValidPngsOfTheChartSize() throws IOException {
        BufferedImage loss = decodePng(Charts.writeLossCurves(dir.resolve("loss.png"), history()));
        BufferedImage accuracy = decodePng(Charts.writeAccuracyCurves(dir.resolve("sub/accuracy.png"), history()));
        assertThat(loss.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(loss.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(accuracy.getWidth()).isEqualTo(Charts.WIDTH);
    }

    @Test
    void rocCurvesOfSeveralModelsAreAValidPng() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int[] labels = new int[500];
        double[] good = new double[500];
        double[] weak = new double[500];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(2);
            good[i] = labels[i] * 0.6 + random.nextDouble() * 0.5;
            weak[i] = labels[i] * 0.1 + random.nextDouble();
        }
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        curves.put("lstm", RocCurve.of(labels, good));
        curves.put("tfidf-nb", RocCurve.of(labels, weak));
        decodePng(Charts.writeRocCurves(dir.resolve("roc.png"), curves));
    }

    @Test
    void wordMapColouredByPolarityIsAValidPng() throws IOException {
        float[][] vectors = new float[30][10];
        SplittableRandom random = new SplittableRandom(3);
        for (float[] v : vectors) {
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
        }
        double[][] xy = WordMapProjection.project(vectors, WordMapProjection.Method.PCA, 42);
        assertThat(xy).hasNumberOfRows(30);
        assertThat(xy[0]).hasSize(2);
        List<String> words = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "w" + i).toList();
        List<Polarity> polarity = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> Polarity.values()[i % 3]).toList();
        decodePng(Charts.writeWordMap(dir.resolve("words.png"), "words", words, xy, polarity));
    }

    @Test
    void pcaProjectionKeepsTheDirectionOfLargestVariance() {
        // Points on a line along (1, 1, 0) plus tiny noise: the first component must order them as the line does.
        float[][] vectors = new float[20][3];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20; i++) {
            vectors[i] = new float[] {i + (float) random.nextGaussian() * 0.01f, i, (float) random.nextGaussian() * 0.01f};
        }
        double[][] xy = WordMapProjection.project(vectors, WordMapProjection.Method.PCA, 1);
        double sign = Math.signum(xy[19][0] - xy[0][0]);
        for (int i = 1; i < 20; i++) {
            assertThat(sign * (xy[i][0] - xy[i - 1][0])).isPositive();
        }
    }

    @Test
    void tsneKeepsNeighboursInTheirClusterAndIsSeeded() {
        // Two tight clusters far apart in 10 dimensions. t-SNE keeps local structure: nearly every point's nearest
        // neighbour on the map comes from its own cluster (Smile's optimiser leaves a stray point or two on maps
        // this small); and the same seed gives the same map.
        float[][] vectors = new float[40][10];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 10; j++) {
                vectors[i][j] = (i < 20 ? 0f : 10f) + (float) random.nextGaussian() * 0.1f;
            }
        }
        double[][] xy = WordMapProjection.project(vectors, WordMapProjection.Method.TSNE, 3);
        int sameCluster = 0;
        for (int i = 0; i < 40; i++) {
            assertThat(Double.isFinite(xy[i][0]) && Double.isFinite(xy[i][1])).isTrue();
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 40; k++) {
                double d = Math.hypot(xy[i][0] - xy[k][0], xy[i][1] - xy[k][1]);
                if (k != i && d < best) {
                    best = d;
                    nearest = k;
                }
            }
            sameCluster += nearest / 20 == i / 20 ? 1 : 0;
        }
        assertThat(sameCluster).as("points whose nearest neighbour on the map is in their cluster")
                .isGreaterThanOrEqualTo(36);
        assertThat(WordMapProjection.project(vectors, WordMapProjection.Method.TSNE, 3)).isDeepEqualTo(xy);
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("loss.png");
        Files.writeString(target, "old");
        Charts.writeLossCurves(target, history());
        decodePng(target);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("loss.png");
        }
    }

    @Test
    void historyWithMismatchedEpochsIsRejected() {
        assertThatThrownBy(() -> new TrainingHistory(new double[] {1, 2}, new double[] {1}, new double[0],
                new double[0])).hasMessage("training loss has 2 epochs but accuracy has 1");
    }
}
