package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpkit fasttext train|similar} on a small generated corpus. */
class FastTextCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsSavesAndAnswersForKnownAndUnknownWords() throws IOException {
        // two topics that never share a sentence: words of a topic must be each other's neighbours
        SplittableRandom random = new SplittableRandom(3);
        String[][] topics = {{"cat", "dog", "pet", "fur", "paw"}, {"car", "road", "wheel", "engine", "fuel"}};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String[] topic = topics[i % 2];
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                line.append(topic[random.nextInt(topic.length)]).append(' ');
            }
            lines.add(line.toString().strip());
        }
        Path corpus = dir.resolve("topics.txt");
        Files.write(corpus, lines);
        Path model = dir.resolve("topics.model");
        CommandRun train = CommandRun.of("fasttext", "train", corpus.toString(), "--size", "20", "--min-count", "1",
                "--threads", "1", "--epochs", "3", "--bucket", "2000", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("10 words + 2000 n-gram buckets x 20 dimensions");
        CommandRun similar = CommandRun.of("fasttext", "similar", "--model", model.toString(), "--top", "4", "cat");
        assertThat(similar.exitCode()).as(similar.err()).isZero();
        assertThat(similar.out().lines().skip(1).map(l -> l.strip().split("\\s+")[0]).toList())
                .containsExactlyInAnyOrder("dog", "pet", "fur", "paw");
        CommandRun unknown = CommandRun.of("fasttext", "similar", "--model", model.toString(), "--top", "3", "wheels");
        assertThat(unknown.exitCode()).as(unknown.err()).isZero();
        assertThat(unknown.out()).startsWith("wheels (not in the vocabulary, from its n-grams):");
        assertThat(unknown.out().lines().skip(1).toList()).hasSize(3);
    }

    @Test
    void badFlagsAreNamedBeforeAnythingIsRead() {
        CommandRun run = CommandRun.of("fasttext", "train", dir.resolve("none.txt").toString(), "--min-n", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--min-n");
        CommandRun algorithm = CommandRun.of("fasttext", "train", dir.resolve("none.txt").toString(), "--algorithm",
                "lockstep");
        assertThat(algorithm.exitCode()).isEqualTo(1);
        assertThat(algorithm.err()).contains("--algorithm").contains("lockstep");
        CommandRun missing = CommandRun.of("fasttext", "train", dir.resolve("none.txt").toString());
        assertThat(missing.err().strip()).isEqualTo("nlpkit: corpus file " + dir.resolve("none.txt")
                + " does not exist or is not a file");
    }
}
