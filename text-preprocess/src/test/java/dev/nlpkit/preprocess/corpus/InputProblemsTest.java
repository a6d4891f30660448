package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import static dev.nlpkit.preprocess.corpus.Files2.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Charset detection, and the precise messages for files that cannot be read. */
class InputProblemsTest {

    private static final String ROW = "\"4\",\"1\",\"d\",\"q\",\"u\",\"caf\u00e9 \uD83D\uDE00\"\n";

    @TempDir
    Path dir;

    @Test
    void aUtf8SixColumnFileIsReadAsUtf8WithoutWarning() throws IOException {
        Path file = Files2.write(dir, "utf8.csv", ROW.getBytes(StandardCharsets.UTF_8));
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            assertThat(reader.stream().map(LabelledText::text)).containsExactly("caf\u00e9 \uD83D\uDE00");
            assertThat(reader.report().charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(reader.report().warnings()).isEmpty();
        }
    }

    @Test
    void aLatin1FileIsReadAsLatin1WithAWarningNamingTheLine() throws IOException {
        String text = "\"0\",\"1\",\"d\",\"q\",\"u\",\"plain\"\n\"4\",\"1\",\"d\",\"q\",\"u\",\"caf\u00e9\"\n";
        Path file = Files2.write(dir, "latin.csv", text.getBytes(StandardCharsets.ISO_8859_1));
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            assertThat(reader.stream().map(LabelledText::text)).containsExactly("plain", "caf\u00e9");
            assertThat(reader.report().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(reader.report().warnings()).singleElement().asString()
                    .contains("latin.csv").contains("not valid UTF-8").contains("line 2").contains("0xE9")
                    .contains("ISO-8859-1");
        }
    }

    @Test
    void aLatin1ByteAfterAnAsciiFirstMegabyteSwitchesToLatin1FromThere() throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.length() < DecodingReader.SAMPLE + 1000) {
            text.append("\"0\",\"1\",\"d\",\"q\",\"u\",\"plain ascii text\"\n");
        }
        text.append("\"4\",\"1\",\"d\",\"q\",\"u\",\"na\u00efve\"\n");
        Path file = Files2.write(dir, "late.csv", text.toString().getBytes(StandardCharsets.ISO_8859_1));
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            assertThat(reader.stream().reduce((a, b) -> b).orElseThrow().text()).isEqualTo("na\u00efve");
            assertThat(reader.report().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(reader.report().warnings()).singleElement().asString().contains("from line")
                    .contains("0xEF");
        }
    }

    @Test
    void replacedBytesAreCounted() throws IOException {
        byte[] bytes = ("\"4\",\"1\",\"d\",\"q\",\"u\",\"caf\u00e9 x\"\n").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(bytes, bytes.length);
        broken[bytes.length - 4] = (byte) 0xFF; // the space after the é: an invalid byte in valid UTF-8
        ReadOptions options = ReadOptions.defaults().withCharset(StandardCharsets.UTF_8)
                .withInvalidBytes(InvalidBytes.REPLACE);
        try (Sentiment140Reader reader = Sentiment140Reader.open(Files2.write(dir, "r.csv", broken), options)) {
            assertThat(reader.stream().map(LabelledText::text)).containsExactly("caf\u00e9\uFFFDx");
            assertThat(reader.report().replacedBytes()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(30)
    void aStreamHandsOutWhatHasArrivedWithoutWaitingForMore() throws IOException {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        try (TextDecoder decoder = TextDecoder.of(stdin, "stdin", ReadOptions.defaults())) {
            feed.write("first line\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            char[] buffer = new char[100];
            int n = decoder.read(buffer, 0, buffer.length); // the feed stays open: must not block
            assertThat(new String(buffer, 0, n)).isEqualTo("first line\n");
            assertThat(decoder.ready()).isFalse();
            feed.write("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            feed.close();
            StringBuilder rest = new StringBuilder();
            while ((n = decoder.read(buffer, 0, buffer.length)) >= 0) {
                rest.append(buffer, 0, n);
            }
            assertThat(rest.toString()).isEqualTo("caf\u00e9\n");
            assertThat(decoder.warnings()).singleElement().asString().contains("stdin is not valid UTF-8 from line 2");
        }
    }

    @Test
    void utf16WithAByteOrderMarkIsNamed() throws IOException {
        Path file = Files2.write(dir, "wide.csv", "label,text\n1,hello\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] withBom = Files.readAllBytes(file);
        byte[] bytes = new byte[withBom.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(withBom, 0, bytes, 2, withBom.length);
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(CorpusLayout.open(file, ReadOptions.defaults())))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("wide.csv").hasMessageContaining("UTF-16")
                .satisfies(e -> assertThat(((CorpusException) e).remedy()).isEqualTo(CorpusException.Remedy.CHARSET));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRecognisedByItsNulBytes() throws IOException {
        Path file = Files2.write(dir, "wide.csv", "label,text\n1,hello\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> readAll(CorpusLayout.open(file, ReadOptions.defaults())))
                .isInstanceOf(CorpusException.class).hasMessageContaining("UTF-16LE");
    }

    @Test
    void aBinaryFileIsNotDecodedIntoNonsense() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files2.write(dir, "picture.txt", png);
        assertThatThrownBy(() -> readAll(LineDocumentReader.open(file)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("picture.txt")
                .hasMessageContaining("binary file");
    }

    @Test
    void aTruncatedGzipSaysSoWithTheByteOffset() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(whole)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("\"0\",\"" + i + "\",\"d\",\"q\",\"u\",\"tweet number " + i * 7919L + "\"\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] bytes = whole.toByteArray();
        Path file = Files2.write(dir, "cut.csv.gz", Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> readAll(Sentiment140Reader.open(file)))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("cut.csv.gz: the gzip stream ends early at about byte ")
                .hasMessageEndingWith("; the file is truncated")
                .hasMessageNotContaining("null");
    }

    @Test
    void aCorruptGzipSaysSo() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(whole)) {
            for (int i = 0; i < 2_000; i++) {
                out.write(("line " + i * 31L + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] bytes = whole.toByteArray();
        for (int i = 20; i < 60; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Path file = Files2.write(dir, "bad.txt.gz", bytes);
        assertThatThrownBy(() -> readAll(LineDocumentReader.open(file)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("bad.txt.gz: the gzip stream is corrupt");
    }

    @Test
    void anEmptyZipSaysItHasNoEntries() throws IOException {
        Path file = dir.resolve("empty.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setComment("nothing inside");
        }
        assertThatThrownBy(() -> Sentiment140Reader.open(file, ReadOptions.defaults().withCompression(Compression.ZIP)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("empty.zip")
                .hasMessageContaining("has no file entries");
    }

    @Test
    void aMultiEntryZipListsAtMostFiveEntriesAndAsksForOne() throws IOException {
        Object[] entries = new Object[14];
        for (int i = 0; i < 7; i++) {
            entries[2 * i] = "part" + i + ".csv";
            entries[2 * i + 1] = ROW.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Files2.zip(dir, "many.zip", entries);
        assertThatThrownBy(() -> Sentiment140Reader.open(file))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("7 file entries ('part0.csv', 'part1.csv', 'part2.csv', 'part3.csv', "
                        + "'part4.csv' and 2 more)")
                .hasMessageNotContaining("ReadOptions")
                .satisfies(e -> assertThat(((CorpusException) e).remedy()).isEqualTo(CorpusException.Remedy.ZIP_ENTRY));
        assertThat(readAll(Sentiment140Reader.open(file, ReadOptions.defaults().withZipEntry("part5.csv")))).hasSize(1);
    }

    @Test
    void anEmptyFileIsCalledEmptyNotUnlabelled() throws IOException {
        Path file = Files2.write(dir, "empty.csv", new byte[0]);
        assertThatThrownBy(() -> CorpusLayout.requireLabelled(file, ReadOptions.defaults()))
                .isInstanceOf(CorpusException.class).hasMessageContaining("empty.csv: the file is empty");
    }

    @Test
    void aHeaderWithALabelButNoTextColumnSaysWhichIsMissing() throws IOException {
        Path file = Files2.write(dir, "h.csv", "id,sentiment,comment\n1,pos,nice\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CorpusLayout.requireLabelled(file, ReadOptions.defaults()))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("label column 'sentiment' but no text column");
    }

    @Test
    void aLongFirstLineIsShortenedInTheMessage() throws IOException {
        String line = "x".repeat(200_000) + "\n";
        Path file = Files2.write(dir, "long.txt", line.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CorpusLayout.requireLabelled(file, ReadOptions.defaults()))
                .isInstanceOf(CorpusException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500).contains("..."));
    }
}
