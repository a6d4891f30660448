package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.nlpkit.examples.sentiment.SentimentData;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's messages for input it cannot use: precise, short, in flags, one line. */
class InputMessagesTest {

    @TempDir
    Path dir;

    private static String oneLine(CommandRun run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        String err = run.err().strip();
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err.length()).as(err).isLessThan(500);
        assertThat(err).doesNotContain("ReadOptions").doesNotContain("with(").doesNotContain("null");
        return err;
    }

    private Path sixColumns(String name, int rows, String charsetText) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            csv.append('"').append(i % 2 == 0 ? "0" : "4").append("\",\"").append(i)
                    .append("\",\"d\",\"NO_QUERY\",\"u\",\"").append(i % 2 == 0 ? "awful " : "lovely ")
                    .append(charsetText).append(' ').append(i).append("\"\n");
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void aUtf8SixColumnFileIsReadAsUtf8NotMojibake() throws IOException {
        Path file = sixColumns("utf8.csv", 10, "caf\u00e9 \uD83D\uDE00");
        SentimentData data = SentimentData.read(file, ReadOptions.defaults(), Optional.empty(), n -> { });
        assertThat(data.texts().get(0)).isEqualTo("awful caf\u00e9 \uD83D\uDE00 0");
        assertThat(data.report().charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFileIsCalledEmpty() throws IOException {
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertThat(oneLine(CommandRun.of("sentiment", "train", "--data", empty.toString())))
                .isEqualTo("nlpkit: empty.csv: the file is empty: expected a header naming a label and a text column, "
                        + "or Sentiment140's six columns");
    }

    @Test
    void aHeaderWithALabelButNoTextColumnSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("h.csv"), "id,sentiment,comment\n1,pos,nice\n");
        assertThat(oneLine(CommandRun.of("sentiment", "train", "--data", file.toString())))
                .contains("label column 'sentiment' but no text column");
    }

    @Test
    void aSwappedHeaderShowsAtMostFiveShortExamples() throws IOException {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i % 2 == 0 ? "0" : "4").append(",this tweet number ").append(i).append(" is ")
                    .append("rather long ".repeat(20)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("swapped.csv"), csv);
        String err = oneLine(CommandRun.of("sentiment", "train", "--data", file.toString()));
        assertThat(err).contains("looks like free text").contains("'this tweet number 0 is rather long rathe...'")
                .contains("and 295 more").contains("swapped");
    }

    @Test
    void utf16NamesTheCharsetFlag() throws IOException {
        byte[] body = "label,text\n0,bad\n4,good\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path file = Files.write(dir.resolve("wide.csv"), bytes);
        assertThat(oneLine(CommandRun.of("sentiment", "train", "--data", file.toString())))
                .contains("wide.csv").contains("UTF-16").contains("--charset");
    }

    @Test
    void aTruncatedGzipSaysItIsTruncated() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(whole)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("\"0\",\"" + i + "\",\"d\",\"q\",\"u\",\"tweet " + i * 7919L + "\"\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] bytes = whole.toByteArray();
        Path file = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(oneLine(CommandRun.of("sentiment", "train", "--data", file.toString())))
                .matches("nlpkit: cut\\.csv\\.gz: the gzip stream ends early at about byte \\d+; the file is truncated")
                .doesNotContain("malformed CSV");
    }

    @Test
    void aMultiEntryZipAsksForZipEntryAndTheFlagChoosesOne() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"a.csv", "b.csv"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write((name.equals("a.csv") ? "label,text\npositive,nice\n" : "label,text\nnegative,bad\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertThat(oneLine(CommandRun.of("sentiment", "train", "--data", zip.toString())))
                .contains("2 file entries ('a.csv', 'b.csv')").contains("--zip-entry NAME");
        // with the flag, the entry is read: its single class is the next problem found
        assertThat(oneLine(CommandRun.of("sentiment", "train", "--data", zip.toString(), "--zip-entry", "b.csv")))
                .contains("one class only").contains("'negative'");
    }

    @Test
    void tfidfReadsLatin1WithAWarningNamingTheFlag() throws IOException {
        Path file = Files.write(dir.resolve("latin.txt"),
                "le caf\u00e9 est bon\nla cr\u00e8me est bonne\n".getBytes(StandardCharsets.ISO_8859_1));
        CommandRun run = CommandRun.of("tfidf", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("document 1: le caf\u00e9 est bon");
        assertThat(run.err()).contains("latin.txt is not valid UTF-8").contains("ISO-8859-1")
                .contains("--charset").doesNotContain("ReadOptions");
    }

    @Test
    void anUnknownCharsetNameIsOneClearLine() throws IOException {
        Path file = Files.writeString(dir.resolve("doc.txt"), "hello world\n");
        assertThat(oneLine(CommandRun.of("tfidf", "--charset", "no-such-charset", file.toString())))
                .isEqualTo("nlpkit: --charset 'no-such-charset' is not a charset this Java knows; use e.g. UTF-8, "
                        + "ISO-8859-1, windows-1252 or UTF-16");
    }

    @Test
    void word2vecTrainsOnTheNamedEntryOfAZip() throws IOException {
        Path zip = dir.resolve("corpus.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("README"));
            out.write("not the corpus\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("sentences.txt"));
            out.write("the cat sat on the mat\nthe dog sat on the log\n".repeat(50).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(oneLine(CommandRun.of("word2vec", "train", zip.toString(), "--out", dir.resolve("a.model").toString())))
                .contains("'README', 'sentences.txt'").contains("--zip-entry NAME");
        CommandRun run = CommandRun.of("word2vec", "train", zip.toString(), "--zip-entry", "sentences.txt",
                "--min-count", "1", "--size", "8", "--epochs", "1", "--threads", "1",
                "--out", dir.resolve("w.model").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("7 words x 8 dimensions");
    }

    @Test
    void binaryInputToWord2vecPresetIsNamedNotInputLength() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Path file = Files.write(dir.resolve("picture.png"), png);
        String err = oneLine(CommandRun.of("word2vec", "train", file.toString(), "--preset", "lesson", "--out",
                dir.resolve("m.model").toString()));
        assertThat(err).contains("picture.png").contains("binary file").doesNotContain("Input length");
    }

    @Test
    void binaryInputToGenerateIsNamedNotInputLength() throws IOException {
        byte[] bytes = new byte[4000];
        new java.util.Random(5).nextBytes(bytes);
        bytes[10] = 0;
        Path file = Files.write(dir.resolve("noise.bin"), bytes);
        String err = oneLine(CommandRun.of("generate", file.toString(), "--epochs", "1"));
        assertThat(err).contains("noise.bin").contains("binary file").doesNotContain("Input length");
    }
}
