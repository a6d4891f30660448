package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import static dev.nlpkit.preprocess.corpus.Files2.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineDocumentReaderTest {

    @TempDir
    Path dir;

    @Test
    void eachNonBlankLineIsAnUnlabelledDocument() throws IOException {
        Path file = Files2.write(dir, "docs.txt", "first doc\r\n\r\nsecond, \"quoted\" doc\n  \nthird", StandardCharsets.UTF_8);
        try (LineDocumentReader reader = LineDocumentReader.open(file)) {
            assertThat(reader.stream()).containsExactly(
                    new LabelledText(null, "first doc", 1),
                    new LabelledText(null, "second, \"quoted\" doc", 3),
                    new LabelledText(null, "third", 5));
            assertThat(reader.report().blankLines()).isEqualTo(2);
            assertThat(reader.report().records()).isEqualTo(3);
        }
    }

    @Test
    void readsGzipAndDropsAByteOrderMark() throws IOException {
        Path file = Files2.gzip(dir, "docs.txt.gz", "\uFEFFhello\nworld\n".getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(LineDocumentReader.open(file))).extracting(LabelledText::text).containsExactly("hello", "world");
    }

    @Test
    void readsAZipEntry() throws IOException {
        Path file = Files2.zip(dir, "docs.zip", "docs/one.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8));
        assertThat(readAll(LineDocumentReader.open(file))).hasSize(2);
    }

    @Test
    void charsetIsAnOption() throws IOException {
        Path file = Files2.write(dir, "l1.txt", "na\u00efve\n", StandardCharsets.ISO_8859_1);
        ReadOptions latin1 = ReadOptions.defaults().withCharset(StandardCharsets.ISO_8859_1);
        assertThat(readAll(LineDocumentReader.open(file, latin1))).extracting(LabelledText::text).containsExactly("na\u00efve");
    }

    @Test
    void invalidBytesFailOnTheirLineEvenFarIntoTheFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            text.append("line number ").append(i).append('\n');
        }
        byte[] bytes = (text + "bad \u00ff here\n").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files2.write(dir, "big.txt", bytes);
        try (LineDocumentReader reader = LineDocumentReader.open(file,
                ReadOptions.defaults().withCharset(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> reader.forEach(doc -> { }))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageStartingWith("big.txt, line 20001: invalid UTF-8 byte sequence 0xFF");
        }
    }

    @Test
    void forcedCompressionOverridesDetection() throws IOException {
        Path file = Files2.gzip(dir, "docs.bin", "x\n".getBytes(StandardCharsets.UTF_8));
        ReadOptions plain = ReadOptions.defaults().withCompression(Compression.NONE).withInvalidBytes(InvalidBytes.REPLACE)
                .withCharset(StandardCharsets.UTF_8); // detection would refuse the gzip bytes as binary
        assertThat(readAll(LineDocumentReader.open(file, plain))).extracting(LabelledText::text)
                .noneMatch("x"::equals);
        assertThat(readAll(LineDocumentReader.open(file, ReadOptions.defaults().withCompression(Compression.GZIP))))
                .extracting(LabelledText::text).containsExactly("x");
    }
}
