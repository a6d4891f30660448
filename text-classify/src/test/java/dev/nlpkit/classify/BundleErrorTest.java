package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.io.ModelBundle;

/** A truncated, corrupt, foreign or newer bundle fails with one message naming the file and the section. */
class BundleErrorTest {

    private static byte[] good;

    @TempDir
    Path dir;

    @BeforeAll
    static void save() throws IOException {
        Fixtures.Data d = Fixtures.data(200, 31, false);
        TextClassifier model = TextClassifier.fit(d.texts(), d.labels(), null, Fixtures.tiny(), FitListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        good = out.toByteArray();
    }

    @Test
    void truncatedFileNamesTheSection() throws IOException {
        // cut inside the network section: the history and info sections that follow it are a few hundred bytes
        Path file = write("cut.nlpkit", Arrays.copyOf(good, good.length - 1500));
        assertThatThrownBy(() -> TextClassifier.load(file)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated")
                .hasMessageContaining("section 'network'");
    }

    @Test
    void corruptByteNamesTheSection() throws IOException {
        byte[] bytes = good.clone();
        int network = indexOf(bytes, "NLPKRNN".getBytes(StandardCharsets.US_ASCII));
        bytes[network + 200] ^= 0x55;
        Path file = write("corrupt.nlpkit", bytes);
        assertThatThrownBy(() -> TextClassifier.load(file)).isInstanceOf(BundleFormatException.class)
                .hasMessage(file + " is corrupt: section 'network' does not match its checksum");
    }

    @Test
    void foreignFileIsNamed() throws IOException {
        Path file = write("notes.txt", "hello, not a model".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TextClassifier.load(file)).isInstanceOf(BundleFormatException.class)
                .hasMessage(file + " is not an nlpkit model bundle (it does not start with NLPKBNDL)");
    }

    @Test
    void anotherKindOfBundleIsNamed() throws IOException {
        Path file = dir.resolve("other.nlpkit");
        ModelBundle.builder().text("something", w -> w.write("x")).build().write(file);
        assertThatThrownBy(() -> TextClassifier.load(file)).isInstanceOf(BundleFormatException.class)
                .hasMessage(file + " is a model bundle but not a text classifier (sections [something])");
    }

    @Test
    void newerClassifierFormatNamesTheSection() throws IOException {
        ModelBundle original = ModelBundle.readFrom(new java.io.ByteArrayInputStream(good), "x");
        ModelBundle.Builder b = ModelBundle.builder();
        for (String name : original.sectionNames()) {
            byte[] payload = original.open(name).readAllBytes();
            if (name.equals("classifier")) {
                payload = "nlpkit-text-classifier\t3\nend\n".getBytes(StandardCharsets.UTF_8);
            }
            byte[] p = payload;
            b.binary(name, out -> out.write(p));
        }
        Path file = dir.resolve("newer.nlpkit");
        b.build().write(file);
        assertThatThrownBy(() -> TextClassifier.load(file)).isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith(file + "#classifier: classifier format 3 was written by a newer nlpkit");
    }

    @Test
    void aBrokenSectionInsideIsNamed() throws IOException {
        ModelBundle original = ModelBundle.readFrom(new java.io.ByteArrayInputStream(good), "x");
        ModelBundle.Builder b = ModelBundle.builder();
        for (String name : original.sectionNames()) {
            String text = new String(original.open(name).readAllBytes(), StandardCharsets.ISO_8859_1);
            byte[] p = (name.equals("preprocessing") ? text.replace("stemmer=NONE", "stemmer=SNOWBALL") : text)
                    .getBytes(StandardCharsets.ISO_8859_1);
            b.binary(name, out -> out.write(p));
        }
        Path file = dir.resolve("broken.nlpkit");
        b.build().write(file);
        assertThatThrownBy(() -> TextClassifier.load(file)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining(file + "#preprocessing").hasMessageContaining("field 'stemmer'");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> TextClassifier.load(dir.resolve("nope.nlpkit")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("nope.nlpkit");
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.nlpkit");
        Files.writeString(file, "previous");
        TextClassifier.load(write("a.nlpkit", good)).save(file);
        assertThat(TextClassifier.load(file).labels()).containsExactly("neg", "pos");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.nlpkit",
                    "a.nlpkit");
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
