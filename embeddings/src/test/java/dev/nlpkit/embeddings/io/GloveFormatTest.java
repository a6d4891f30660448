package dev.nlpkit.embeddings.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.io.Word2VecFormat.Format;
import dev.nlpkit.embeddings.vectors.WordVectors;

/** Text vectors without the word2vec header line (GloVe, gensim's {@code no_header=True}): fixtures in glove/. */
class GloveFormatTest {

    private static final VectorFileOptions NO_HEADER = VectorFileOptions.defaults().withHeader(TextHeader.NONE);

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(GloveFormatTest.class.getResource("/glove/" + name), name).toURI());
    }

    @Test
    void headerlessFileReadsEveryLineAsAVector() throws Exception {
        WordVectors glove = Word2VecFormat.read(fixture("glove-3d.txt"), Format.TEXT, NO_HEADER);
        assertThat(glove.words()).containsExactly("the", ",", ".", "of", "to");
        assertThat(glove.dimension()).isEqualTo(3);
        assertThat(glove.vector("the")).hasValueSatisfying(
                v -> assertThat(v).containsExactly(0.418f, 0.24968f, -0.41242f));
        assertThat(glove.vector("to")).hasValueSatisfying(
                v -> assertThat(v).containsExactly(0.68047f, -0.039263f, 0.30186f));
    }

    @Test
    void autoDetectsAMissingHeader() throws Exception {
        WordVectors auto = Word2VecFormat.read(fixture("glove-3d.txt"), Format.TEXT,
                VectorFileOptions.defaults().withHeader(TextHeader.AUTO));
        assertThat(auto.toFlatArray()).containsExactly(
                Word2VecFormat.read(fixture("glove-3d.txt"), Format.TEXT, NO_HEADER).toFlatArray());
    }

    @Test
    void autoDetectsAPresentHeader(@TempDir Path dir) throws Exception {
        Path withHeader = dir.resolve("w2v.txt");
        Files.writeString(withHeader, "2 3\nthe 1 2 3\nof 4 5 6\n", StandardCharsets.UTF_8);
        WordVectors auto = Word2VecFormat.read(withHeader, Format.TEXT,
                VectorFileOptions.defaults().withHeader(TextHeader.AUTO));
        assertThat(auto.words()).containsExactly("the", "of");
    }

    @Test
    void limitAppliesToHeaderlessFiles() throws Exception {
        WordVectors first = Word2VecFormat.read(fixture("glove-3d.txt"), Format.TEXT, NO_HEADER.withLimit(2));
        assertThat(first.words()).containsExactly("the", ",");
    }

    @Test
    void defaultOptionsRejectAHeaderlessFileAndSayHowToReadIt() {
        assertThatThrownBy(() -> Word2VecFormat.read(fixture("glove-3d.txt"), Format.TEXT))
                .isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("glove-3d.txt")
                .hasMessageContaining("line 1")
                .hasMessageContaining("TextHeader.NONE");
    }

    @Test
    void nonNumericValueNamesFileAndLine() {
        assertThatThrownBy(() -> Word2VecFormat.read(fixture("glove-3d-bad-value.txt"), Format.TEXT, NO_HEADER))
                .isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("glove-3d-bad-value.txt")
                .hasMessageContaining("line 3")
                .hasMessageContaining("'zero'");
    }

    @Test
    void rowOfTheWrongDimensionNamesFileLineAndCounts() {
        assertThatThrownBy(() -> Word2VecFormat.read(fixture("glove-3d-wrong-dimension.txt"), Format.TEXT,
                NO_HEADER))
                .isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("glove-3d-wrong-dimension.txt")
                .hasMessageContaining("line 3")
                .hasMessageContaining("expected a word and 3 values, found 2 values after 'of'");
    }

    @Test
    void autoNamesTheFirstLineWhenItIsNeitherHeaderNorVector(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("words.txt");
        Files.writeString(file, "lonely\nthe 1 2\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Word2VecFormat.read(file, Format.TEXT,
                VectorFileOptions.defaults().withHeader(TextHeader.AUTO)))
                .isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("words.txt")
                .hasMessageContaining("line 1")
                .hasMessageContaining("neither a '<count> <dimension>' header nor a word followed by its values");
    }

    @Test
    void writesAndRereadsAHeaderlessFile(@TempDir Path dir) throws Exception {
        WordVectors glove = Word2VecFormat.read(fixture("glove-3d.txt"), Format.TEXT, NO_HEADER);
        Path out = dir.resolve("copy.txt.gz");
        Word2VecFormat.write(glove, out, Format.TEXT, StandardCharsets.UTF_8, TextHeader.NONE);
        WordVectors back = Word2VecFormat.read(out, Format.TEXT, NO_HEADER);
        assertThat(back.words()).isEqualTo(glove.words());
        assertThat(back.toFlatArray()).containsExactly(glove.toFlatArray());
    }

    @Test
    void writtenHeaderlessTextHasNoCountsLine(@TempDir Path dir) throws Exception {
        WordVectors two = WordVectors.of(new String[] {"a", "b"}, new float[] {1, 2, 3, 4}, 2);
        Path out = dir.resolve("two.txt");
        Word2VecFormat.write(two, out, Format.TEXT, StandardCharsets.UTF_8, TextHeader.NONE);
        assertThat(Files.readAllLines(out)).containsExactly("a 1.0 2.0", "b 3.0 4.0");
    }

    @Test
    void binaryWithoutHeaderIsRejected(@TempDir Path dir) {
        WordVectors two = WordVectors.of(new String[] {"a", "b"}, new float[] {1, 2, 3, 4}, 2);
        assertThatThrownBy(() -> Word2VecFormat.write(two, dir.resolve("two.bin"), Format.BINARY,
                StandardCharsets.UTF_8, TextHeader.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NONE for a text file");
        assertThat(dir.resolve("two.bin")).doesNotExist();
    }
}
