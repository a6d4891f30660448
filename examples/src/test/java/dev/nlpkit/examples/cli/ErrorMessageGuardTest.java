package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message guard over many CLI error paths: whatever the input, every error line is at most 500 characters and
 * printable (no control, format or unassigned characters), and the command fails with a non-zero exit code.
 */
class ErrorMessageGuardTest {

    @TempDir
    Path dir;

    @Test
    void everyErrorLineIsShortAndPrintable() throws IOException {
        String junk = "\u001b[2J\u0000\u202e" + "x".repeat(10_000);
        Path missing = dir.resolve("missing.csv");
        List<String[]> commands = new ArrayList<>();
        // bad flags and values
        commands.add(new String[] {"sentiment", "train", "--bogus"});
        commands.add(new String[] {"sentiment", "train", "--units", "abc"});
        commands.add(new String[] {"sentiment", "train", "--units", "99999999999"});
        commands.add(new String[] {"sentiment", "train", "--cell", junk});
        commands.add(new String[] {"sentiment", "train", "--preset", junk});
        commands.add(new String[] {"word2vec", "train", dir.toString(), "--architecture", junk});
        commands.add(new String[] {"preprocess", "--stemmer", junk, "text"});
        commands.add(new String[] {"data", "get", junk});
        commands.add(new String[] {"sentiment", "train", "--data", missing.toString(), "--out", junk});
        // missing files
        commands.add(new String[] {"sentiment", "train", "--data", missing.toString()});
        commands.add(new String[] {"sentiment", "predict", "--model", missing.toString(), "good"});
        commands.add(new String[] {"word2vec", "similar", "--model", missing.toString(), "cat"});
        commands.add(new String[] {"tfidf", missing.toString()});
        commands.add(new String[] {"generate", dir + "/" + junk.substring(0, 300)});
        // a crafted bundle: a 64 KB binary section name
        Path crafted = craftedBundle();
        commands.add(new String[] {"sentiment", "predict", "--model", crafted.toString(), "good"});
        commands.add(new String[] {"sentiment", "evaluate", "--model", crafted.toString(), "--data", missing.toString()});
        commands.add(new String[] {"sentiment", "predict", "--debug", "--model", crafted.toString(), "good"});
        // a swapped header: every tweet would be a class
        Path swapped = swappedHeader();
        commands.add(new String[] {"sentiment", "train", "--data", swapped.toString(), "--out",
            dir.resolve("m.nlpkit").toString()});
        for (String[] command : commands) {
            CommandRun run = CommandRun.of(command);
            String label = String.join(" ", command);
            label = label.substring(0, Math.min(label.length(), 120));
            assertThat(run.exitCode()).as(label).isNotZero();
            assertThat(run.err()).as(label).isNotBlank();
            if (!List.of(command).contains("--debug")) {
                assertThat(run.err()).as(label + ": no stack trace without --debug").doesNotContain("    at ");
            } else {
                assertThat(run.err()).as(label + ": the stack trace with --debug").contains("    at ");
            }
            for (String line : run.err().split("\n")) {
                assertThat(line.length()).as(label + ": " + line.substring(0, Math.min(line.length(), 200)))
                        .isLessThanOrEqualTo(Messages.MAX_LINE);
                assertThat(line.codePoints().allMatch(Messages::printable)).as(label + ": " + line).isTrue();
            }
        }
    }

    private Path craftedBundle() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("NLPKBNDL".getBytes(StandardCharsets.US_ASCII));
        bytes.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(1).array());
        byte[] name = new byte[0xFFFF];
        new SplittableRandom(7).nextBytes(name);
        bytes.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xFFFF).array());
        bytes.write(name);
        bytes.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array());
        return Files.write(dir.resolve("crafted.nlpkit"), bytes.toByteArray());
    }

    private Path swappedHeader() throws IOException {
        StringBuilder csv = new StringBuilder("label,text\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("\"what a day number ").append(i).append(", really \u0007 something\",").append(i % 2 == 0 ? 0 : 4)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("swapped.csv"), csv);
    }
}
