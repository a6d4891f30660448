package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import dev.nlpkit.classify.ModelInfo;
import dev.nlpkit.classify.TextClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sentiment train --embedding-text}: checked before any work, shown in the log, recorded in the bundle. */
class SentimentEmbeddingTextTest {

    @TempDir
    Path dir;

    private CommandRun train(Path data, String... more) {
        String[] base = {"sentiment", "train", "--data", data.toString(), "--epochs", "1", "--batch-size", "16",
            "--min-count", "1", "--no-baselines", "--word-map", "none", "--plots", dir.resolve("plots").toString(),
            "--out", dir.resolve("m.nlpkit").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CommandRun.of(args);
    }

    private Path tweets() throws IOException {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, SentimentCommandTest.syntheticTweets(200));
        return file;
    }

    @Test
    void aMissingFileIsNamedWithTheFlagBeforeAnyWork() throws IOException {
        Path missing = dir.resolve("no-such-books.txt");
        CommandRun run = train(tweets(), "--embedding-text", missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --embedding-text " + missing + ": no such file");
        assertThat(run.out()).doesNotContain("rows read");
        assertThat(dir.resolve("m.nlpkit")).doesNotExist();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        CommandRun run = train(tweets(), "--embedding-text", empty.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --embedding-text " + empty + ": the file is empty");
    }

    @Test
    void aGzipOfBlankLinesIsRefused() throws IOException {
        Path blank = dir.resolve("blank.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(blank))) {
            out.write("\n  \n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CommandRun run = train(tweets(), "--embedding-text", blank.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --embedding-text " + blank
                + ": holds no text (every line is blank)");
    }

    @Test
    void aFolderIsRefused() throws IOException {
        CommandRun run = train(tweets(), "--embedding-text", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("nlpkit: --embedding-text " + dir + ": not a file");
    }

    @Test
    void theTextIsShownInTheLogAndRecordedInTheBundle() throws IOException {
        Path books = dir.resolve("books.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(books))) {
            out.write("""
                    today the weather was great and the zephyr lovely

                    a sad and boring zephyr
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path more = Files.writeString(dir.resolve("more.txt"), "the zephyr was fun\n");
        CommandRun run = train(tweets(), "--embedding-text", books.toString(), "--embedding-text", more.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String name = books + " + " + more;
        assertThat(run.out()).contains("embedding text (besides the training tweets, for the Word2Vec embedding "
                + "only): " + name);
        // the blank line is passed over: 3 lines of 9, 5 and 4 words
        assertThat(run.out()).contains("embedding text: 3 lines, 18 tokens after preprocessing");
        ModelInfo info = TextClassifier.load(dir.resolve("m.nlpkit")).info();
        assertThat(info.embeddingText()).contains(new ModelInfo.EmbeddingTextInfo(name, 3, 18));
    }
}
