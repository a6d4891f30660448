package dev.nlpkit.classify.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    @TempDir
    Path dir;

    private Path sample() throws IOException {
        Path file = dir.resolve("model.nlpkit");
        ModelBundle.builder()
                .text("options", w -> w.write("preset=tweets\nlabels=0,4\n"))
                .binary("network", out -> out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}))
                .text("vocabulary", w -> w.write("vocabulary\t1\nhappy\nsad\n"))
                .build().write(file);
        return file;
    }

    @Test
    void roundTripKeepsSectionsTheirOrderAndBytes() throws IOException {
        ModelBundle bundle = ModelBundle.read(sample());
        assertThat(bundle.sectionNames()).containsExactly("options", "network", "vocabulary");
        assertThat(bundle.text("options")).isEqualTo("preset=tweets\nlabels=0,4\n");
        assertThat(bundle.open("network").readAllBytes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(bundle.text("vocabulary")).isEqualTo("vocabulary\t1\nhappy\nsad\n");
    }

    @Test
    void aMappedFileGivesTheSectionsAStreamGives() throws IOException {
        Path file = sample();
        ModelBundle mapped = ModelBundle.read(file);
        ModelBundle streamed;
        try (var in = Files.newInputStream(file)) {
            streamed = ModelBundle.readFrom(in, file.toString());
        }
        for (String name : streamed.sectionNames()) {
            byte[] want = streamed.open(name).readAllBytes();
            ByteBuffer buffer = mapped.buffer(name);
            byte[] got = new byte[buffer.remaining()];
            buffer.get(got);
            assertThat(got).as(name).isEqualTo(want);
            assertThat(mapped.open(name).readAllBytes()).as(name).isEqualTo(want);
            assertThat(mapped.size(name)).isEqualTo(want.length);
            assertThat(mapped.buffer(name).isReadOnly()).isTrue();
            assertThat(streamed.buffer(name).isReadOnly()).isTrue();
        }
        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
        mapped.writeTo(again);
        assertThat(again.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void fileStartsWithMagicAndLittleEndianVersion() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        assertThat(new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NLPKBNDL");
        assertThat(ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(ModelBundle.FORMAT_VERSION);
        assertThat(ByteBuffer.wrap(bytes, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(3);
    }

    @Test
    void newerFormatVersionAsksToUpgrade() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(ModelBundle.FORMAT_VERSION + 1);
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(BundleFormatException.class)
                .hasMessage(file + " was written by a newer nlpkit (bundle format 2; this nlpkit reads up to format 1):"
                        + " upgrade nlpkit to load it");
    }

    @Test
    void truncationInsideASectionNamesTheSection() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        // options section: 16 header + 2 + 7 name + 8 + 4 + 25 payload = 62; network payload starts after its header.
        int networkPayload = 16 + (2 + 7 + 8 + 4 + 25) + (2 + 7 + 8 + 4);
        Files.write(file, Arrays.copyOf(bytes, networkPayload + 4));
        assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(BundleFormatException.class)
                .hasMessage(file + " is truncated: section 'network' declares 9 bytes but only 4 remain");
    }

    @Test
    void everyTruncationIsDetected() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        for (int length = 0; length < bytes.length; length++) {
            Path cut = dir.resolve("cut-" + length);
            Files.write(cut, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> ModelBundle.read(cut)).as("cut at %d of %d", length, bytes.length)
                    .isInstanceOf(BundleFormatException.class);
        }
    }

    @Test
    void flippedPayloadByteFailsTheChecksum() throws IOException {
        Path file = sample();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 8 - 3] ^= 0x20;   // inside the last (vocabulary) payload
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelBundle.read(file))
                .hasMessage(file + " is corrupt: section 'vocabulary' does not match its checksum");
    }

    @Test
    void aBinarySectionNameIsCorruptionAndIsNotRepeated() throws IOException {
        byte[] name = new byte[0xFFFF];
        new java.util.SplittableRandom(7).nextBytes(name);
        ByteBuffer crafted = ByteBuffer.allocate(8 + 8 + 2 + name.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        crafted.put("NLPKBNDL".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(1).putInt(1)
                .putShort((short) 0xFFFF).put(name).putLong(-1);
        Path file = Files.write(dir.resolve("crafted.nlpkit"), crafted.array());
        assertThatThrownBy(() -> ModelBundle.read(file)).isInstanceOf(BundleFormatException.class)
                .hasMessage(file + " is corrupt: the name of section 1 of 1 is not short printable text (65535 bytes)");
    }

    @Test
    void otherFilesAreNotMistakenForBundles() throws IOException {
        Path file = dir.resolve("tweets.csv");
        Files.writeString(file, "label,text\n0,hello\n");
        assertThatThrownBy(() -> ModelBundle.read(file))
                .hasMessage(file + " is not an nlpkit model bundle (it does not start with NLPKBNDL)");
    }

    @Test
    void missingFileAndMissingSectionAreClear() throws IOException {
        assertThatThrownBy(() -> ModelBundle.read(dir.resolve("none.nlpkit"))).isInstanceOf(NoSuchFileException.class);
        ModelBundle bundle = ModelBundle.read(sample());
        assertThatThrownBy(() -> bundle.text("embedding"))
                .hasMessage("the model bundle has no section 'embedding' (it has [options, network, vocabulary])");
    }

    @Test
    void rewritingReplacesTheFileAtomically() throws IOException {
        Path file = sample();
        ModelBundle.builder().text("options", w -> w.write("x")).build().write(file);
        assertThat(ModelBundle.read(file).sectionNames()).containsExactly("options");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("model.nlpkit");
        }
    }
}
