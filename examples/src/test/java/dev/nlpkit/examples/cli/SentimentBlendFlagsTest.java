package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.nlpkit.classify.Blend;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.classify.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sentiment train --blend} and {@code --threshold}: what reaches the recipe, and bad values. */
class SentimentBlendFlagsTest {

    @TempDir
    Path dir;

    private static TextClassifierOptions optionsOf(String... args) {
        SentimentCommand.Train train = new SentimentCommand.Train();
        new CommandLine(train).parseArgs(args);
        return train.options();
    }

    @Test
    void byDefaultTheNetworkIsBlendedEvenlyAndTheThresholdIsBalanced() {
        TextClassifierOptions options = optionsOf();
        assertThat(options.blend().mode()).isEqualTo(Blend.Mode.TFIDF_LOGISTIC);
        assertThat(options.blend().weight()).isEqualTo(0.5);
        assertThat(options.threshold()).isEqualTo(Threshold.balanced());
        assertThat(options.embedding().fineTune()).isTrue();
        assertThat(options.embedding().learningRateFactor()).isEqualTo(0.1);
    }

    @Test
    void withoutFlagsTheRecipeIsTheLibrarysSentimentPreset() {
        // one description of the default: the library's preset, which the flags' defaults must spell out exactly
        assertThat(optionsOf()).isEqualTo(TextClassifierOptions.sentiment());
    }

    @Test
    void theLessonRecipeIsTheCoursesNetworkAsTaught() {
        TextClassifierOptions options = optionsOf("--recipe", "lesson");
        assertThat(options.blend()).isEqualTo(Blend.none());
        assertThat(options.threshold()).isEqualTo(Threshold.defaults());
        assertThat(options.embedding().fineTune()).isFalse();
        assertThat(options.embedding().learningRateFactor()).isEqualTo(1.0);
    }

    @Test
    void noBlendAndAFixedThresholdAreOneFlagAway() {
        TextClassifierOptions options = optionsOf("--blend", "none", "--threshold", "0.5", "--no-fine-tune");
        assertThat(options.blend()).isEqualTo(Blend.none());
        assertThat(options.threshold()).isEqualTo(Threshold.defaults());
        assertThat(options.embedding().fineTune()).isFalse();
    }

    @Test
    void theLessonRecipeRefusesABlend() {
        CommandRun run = CommandRun.of("sentiment", "train", "--recipe", "lesson", "--blend", "tfidf-lr");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --recipe lesson and --blend cannot be used together: the "
                + "recipe sets the network; drop one of them");
    }

    @Test
    void blendAndBalancedThresholdReachTheRecipe() {
        TextClassifierOptions options = optionsOf("--blend", "tfidf-lr:0.3", "--threshold", "balanced",
                "--min-count", "3");
        assertThat(options.blend().mode()).isEqualTo(Blend.Mode.TFIDF_LOGISTIC);
        assertThat(options.blend().weight()).isEqualTo(0.3);
        assertThat(options.blend().linear().minCount()).isEqualTo(3);
        assertThat(options.threshold()).isEqualTo(Threshold.balanced());
    }

    @Test
    void blendWithoutAWeightIsAnEvenMix() {
        assertThat(optionsOf("--blend", "tfidf-lr").blend().weight()).isEqualTo(0.5);
    }

    @Test
    void aFixedThresholdReachesTheRecipe() {
        assertThat(optionsOf("--threshold", "0.6").threshold()).isEqualTo(Threshold.fixed(0.6));
    }

    @Test
    void aBadBlendWeightStopsBeforeReadingData() throws IOException {
        Path data = Files.writeString(dir.resolve("tweets.csv"), "label,text\npositive,good\nnegative,bad\n");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", data.toString(), "--blend", "tfidf-lr:2",
                "--out", dir.resolve("m.nlpkit").toString(), "--plots", dir.resolve("plots").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --blend tfidf-lr:2: the weight after 'tfidf-lr:' must be a "
                + "number in [0, 1]");
        assertThat(run.out()).doesNotContain("data:");
    }

    @Test
    void anUnknownBlendIsNamed() {
        CommandRun run = CommandRun.of("sentiment", "train", "--blend", "svm");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --blend must be none or tfidf-lr[:W] (W in [0, 1]), got 'svm'");
    }

    @Test
    void aThresholdOutsideZeroOneIsNamed() {
        CommandRun run = CommandRun.of("sentiment", "train", "--threshold", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --threshold must be a probability in (0, 1) or 'balanced', "
                + "got '1'");
    }
}
