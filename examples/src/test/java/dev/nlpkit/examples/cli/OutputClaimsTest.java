package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.nlpkit.core.OutputClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second run writing the same {@code --out} as a live one is told so before it reads any data, and writes
 * nothing. The first run is a claim held by the test itself (the same process counts as a live writer).
 */
class OutputClaimsTest {

    @TempDir
    Path dir;

    @Test
    void sentimentTrainRefusesAnOutputAnotherRunIsWriting() throws IOException {
        Path data = Files.writeString(dir.resolve("tweets.csv"), "label,text\npositive,good\nnegative,bad\n");
        Path bundle = dir.resolve("m.nlpkit");
        try (OutputClaim first = OutputClaim.acquire(bundle)) {
            CommandRun second = CommandRun.of("sentiment", "train", "--data", data.toString(), "--no-baselines",
                    "--word-map", "none", "--plots", dir.resolve("plots").toString(), "--out", bundle.toString());
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err().strip()).startsWith("nlpkit: --out " + bundle + ": '" + bundle.toAbsolutePath()
                    + "' is being written by this process already").doesNotContain("\tat ");
            assertThat(second.out()).doesNotContain("data:");
        }
        assertThat(bundle).doesNotExist();
    }

    @Test
    void word2vecTrainRefusesAnOutputAnotherRunIsWriting() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "the cat sat on the mat\nthe dog sat\n");
        Path model = dir.resolve("w.model");
        try (OutputClaim first = OutputClaim.acquire(model)) {
            CommandRun second = CommandRun.of("word2vec", "train", corpus.toString(), "--min-count", "1",
                    "--out", model.toString());
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err().strip()).startsWith("nlpkit: --out " + model + ": '" + model.toAbsolutePath()
                    + "' is being written by this process already");
        }
        assertThat(model).doesNotExist();
    }

    @Test
    void theClaimIsReleasedWhenTheRunEnds() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "the cat sat on the mat\nthe dog sat\n");
        Path model = dir.resolve("w.model");
        CommandRun run = CommandRun.of("word2vec", "train", corpus.toString(), "--min-count", "1", "--epochs", "1",
                "--out", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(OutputClaim.lockFileFor(model)).doesNotExist();
        try (OutputClaim again = OutputClaim.acquire(model)) {
            assertThat(again.output()).isEqualTo(model.toAbsolutePath().normalize());
        }
    }
}
