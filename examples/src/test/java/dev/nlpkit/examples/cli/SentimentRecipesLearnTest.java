package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.testdata.SharedData;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI-sized check of {@code sentiment train --recipe}: each recipe other than the default LSTM (which
 * {@link SentimentCommandTest} trains) learns a 3,000-tweet seeded slice of Sentiment140 (Word2Vec 64 x 5 passes,
 * fine-tuned; 3 epochs of batches of 32; test 301 tweets) and reports its time per epoch. Measured when this test
 * was written: GRU accuracy 0.671, ROC-AUC 0.768; CNN 0.678, 0.779; Transformer 0.708, 0.773. The test asks for
 * accuracy above 0.62 and ROC-AUC above 0.70 (a constant answer gives 0.5 and 0.5).
 */
class SentimentRecipesLearnTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gru", "cnn", "transformer"})
    void eachRecipeLearnsASmallSliceAndReportsItsTimePerEpoch(String recipe) {
        Path tweets = SharedData.require("sentiment140-combined/combined.csv.gz");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", tweets.toString(), "--limit", "3000",
                "--recipe", recipe, "--epochs", "3", "--batch-size", "32", "--no-baselines", "--word-map", "none",
                "--vector-size", "64", "--w2v-epochs", "5", "--fine-tune",
                "--plots", dir.resolve("plots").toString(), "--out", dir.resolve(recipe + ".nlpkit").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).containsPattern("(?m)^time per epoch: mean [0-9.]+ s over 3 epochs");
        Matcher accuracy = Pattern.compile("(?m)^accuracy\\s+([0-9.]+)$").matcher(out);
        Matcher auc = Pattern.compile("(?m)^roc_auc\\s+([0-9.]+)$").matcher(out);
        assertThat(accuracy.find() && auc.find()).as(out).isTrue();
        assertThat(Double.parseDouble(accuracy.group(1))).as(recipe + " test accuracy").isGreaterThan(0.62);
        assertThat(Double.parseDouble(auc.group(1))).as(recipe + " test ROC-AUC").isGreaterThan(0.70);
        assertThat(out).contains("bundle check: the reloaded model gives identical probabilities on the 301 test tweets");
    }
}
