package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output paths are checked before any data is read: the input is never overwritten, and each problem is one line
 * naming the flag, the path and the reason.
 */
class OutputCheckTest {

    @TempDir
    Path dir;

    private Path tweets() throws IOException {
        StringBuilder csv = new StringBuilder("label,text\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 2 == 0 ? "positive,happy good day " : "negative,sad bad day ").append(i).append('\n');
        }
        Path file = dir.resolve("victim.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void sentimentTrainRefusesToWriteItsModelOverItsDataBeforeReadingIt() throws IOException {
        Path victim = tweets();
        byte[] before = Files.readAllBytes(victim);
        CommandRun run = CommandRun.of("sentiment", "train", "--data", victim.toString(), "--out", victim.toString(),
                "--plots", dir.resolve("plots").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --out '" + victim + "': is the input file --data");
        assertThat(run.out()).doesNotContain("data:");
        assertThat(Files.readAllBytes(victim)).isEqualTo(before);
    }

    @Test
    void word2vecTrainRefusesToWriteItsVectorsOverItsCorpus() throws IOException {
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "the cat sat on the mat\nthe dog sat on the log\n");
        byte[] before = Files.readAllBytes(victim);
        CommandRun run = CommandRun.of("word2vec", "train", victim.toString(), "--out", victim.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --out '" + victim + "': is the input file FILE");
        assertThat(Files.readAllBytes(victim)).isEqualTo(before);
    }

    @Test
    void sentimentEvaluateRefusesToDrawItsRocCurveOverItsData() throws IOException {
        Path victim = tweets();
        byte[] before = Files.readAllBytes(victim);
        Path model = Files.writeString(dir.resolve("model.nlpkit"), "not read: the outputs are checked first");
        CommandRun run = CommandRun.of("sentiment", "evaluate", "--model", model.toString(), "--data",
                victim.toString(), "--roc", victim.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --roc '" + victim + "': is the input file --data");
        assertThat(Files.readAllBytes(victim)).isEqualTo(before);
    }

    @Test
    void aFolderWithoutWritePermissionIsPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root, who may write in a read-only folder: nothing to refuse");
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CommandRun run = CommandRun.of("sentiment", "train", "--data", tweets().toString(), "--out",
                    readOnly.resolve("m.nlpkit").toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("nlpkit: --out '" + readOnly.resolve("m.nlpkit")
                    + "': permission denied (cannot write in '" + readOnly + "')");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aParentThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", tweets().toString(), "--out",
                file.resolve("m.nlpkit").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --out '" + file.resolve("m.nlpkit") + "': '" + file
                + "' is a file, not a folder");
    }

    @Test
    void anEmptyOutIsRefused() throws IOException {
        CommandRun run = CommandRun.of("sentiment", "train", "--data", tweets().toString(), "--out", "");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --out must name a file, got ''");
    }

    @Test
    void anExistingFolderIsNotReplacedByAFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("models"));
        CommandRun run = CommandRun.of("word2vec", "train", tweets().toString(), "--out", folder.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --out '" + folder + "': is a folder, not a file");
    }

    @Test
    void aFileThatIsNotOursNeedsForce() throws IOException {
        Path thesis = Files.writeString(dir.resolve("thesis.txt"), "three years of work");
        assertThatThrownBy(() -> OutputCheck.of(false).file("--out", thesis))
                .hasMessage("--out '" + thesis + "': exists and is not an nlpkit file; pass --force to replace it");
        assertThat(OutputCheck.of(true).file("--out", thesis)).isEqualTo(thesis);
    }

    @Test
    void ourFormatsAreRecognisedByTheirFirstBytes() throws IOException {
        Path png = Files.write(dir.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0});
        Path bundle = Files.write(dir.resolve("a.nlpkit"), "NLPKBNDL\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));
        Path vectors = Files.writeString(dir.resolve("a.txt"), "3 2\nthe 0.1 0.2\n");
        Path text = Files.writeString(dir.resolve("b.txt"), "3 2 1\nthe 0.1 0.2\n");
        assertThat(List.of(png, bundle, vectors)).allMatch(OutputCheck::isOurs);
        assertThat(OutputCheck.isOurs(text)).isFalse();
    }

    @Test
    void word2vecTrainReplacesItsOwnVectorsFile() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "the cat sat on the mat\n".repeat(20));
        Path vectors = dir.resolve("vectors.txt");
        for (int round = 0; round < 2; round++) {
            CommandRun run = CommandRun.of("word2vec", "train", corpus.toString(), "--out", vectors.toString(),
                    "--size", "4", "--min-count", "1", "--epochs", "1", "--threads", "1");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(Files.readString(vectors)).matches("(?s)[0-9]+ 4\n.*");
    }

    @Test
    void aDeviceIsNeverReplaced() {
        assumeFalse(!Files.exists(Path.of("/dev/null")), "no /dev/null here");
        assertThatThrownBy(() -> OutputCheck.of(true).file("--out", Path.of("/dev/null")))
                .hasMessage("--out '/dev/null': is not a regular file (a device or a pipe); name a file to write");
    }

    @Test
    void twoOutputsNamingTheSameFileAreRefused() {
        OutputCheck check = OutputCheck.of(false);
        check.file("--out", dir.resolve("plots/loss.png"));
        assertThatThrownBy(() -> check.folder("--plots", dir.resolve("plots"), List.of("loss.png")))
                .hasMessage("--plots and --out name the same file '" + dir.resolve("plots/loss.png") + "'");
    }

    @Test
    void aPlotsFolderHoldingSomeoneElsesLossPngIsRefused() throws IOException {
        Path plots = Files.createDirectory(dir.resolve("plots"));
        Files.writeString(plots.resolve("loss.png"), "not a picture");
        assertThatThrownBy(() -> OutputCheck.of(false).folder("--plots", plots, List.of("loss.png", "roc.png")))
                .hasMessage("--plots '" + plots.resolve("loss.png") + "': exists and is not an nlpkit file; pass "
                        + "--force to replace it");
    }
}
