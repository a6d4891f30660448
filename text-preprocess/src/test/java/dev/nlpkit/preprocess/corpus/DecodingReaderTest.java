package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The decoder against the JDK's own decoding, across its 64 KB buffer boundaries. */
class DecodingReaderTest {

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[777]; // odd size: reads straddle the decoder's chunks
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void validUtf8WithMultiByteCharactersAcrossBufferBoundariesIsDecodedExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        int[] pool = {'a', ' ', '\n', 0xE9, 0x20AC, 0x4E2D, 0x1F600, 0x10348};
        while (text.length() < 300_000) {
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (DecodingReader reader = new DecodingReader(new ByteArrayInputStream(bytes), "t", StandardCharsets.UTF_8,
                InvalidBytes.FAIL)) {
            assertThat(readAll(reader)).isEqualTo(text.toString());
        }
    }

    @Test
    void replaceModeMatchesTheJdkOnRandomBytes() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        bytes[0] = 'x'; // no byte-order mark at the start
        try (DecodingReader reader = new DecodingReader(new ByteArrayInputStream(bytes), "t", StandardCharsets.UTF_8,
                InvalidBytes.REPLACE)) {
            assertThat(readAll(reader)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void emptyInputAndALoneByteOrderMarkGiveNoCharacters() throws IOException {
        try (DecodingReader empty = new DecodingReader(new ByteArrayInputStream(new byte[0]), "t",
                StandardCharsets.UTF_8, InvalidBytes.FAIL)) {
            assertThat(empty.read(new char[4], 0, 4)).isEqualTo(-1);
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        try (DecodingReader reader = new DecodingReader(new ByteArrayInputStream(bom), "t", StandardCharsets.UTF_8,
                InvalidBytes.FAIL)) {
            assertThat(readAll(reader)).isEmpty();
        }
    }

    @Test
    void ignoreModeDropsInvalidSequencesAndCountsTheirBytes() throws IOException {
        byte[] bytes = {'a', (byte) 0xE9, 'b', '\n', (byte) 0xFF, (byte) 0xFE, 'c'}; // 0xE9, 0xFF, 0xFE: not UTF-8
        try (DecodingReader reader = new DecodingReader(new ByteArrayInputStream(bytes), "t", StandardCharsets.UTF_8,
                InvalidBytes.IGNORE)) {
            assertThat(readAll(reader)).isEqualTo("ab\nc");
            assertThat(reader.replacedBytes()).isEqualTo(3);
        }
    }
}
