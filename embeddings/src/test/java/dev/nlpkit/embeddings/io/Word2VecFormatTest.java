package dev.nlpkit.embeddings.io;

import dev.nlpkit.core.InvalidBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.Golden;
import dev.nlpkit.embeddings.io.Word2VecFormat.Format;
import dev.nlpkit.embeddings.vectors.WordVectors;

class Word2VecFormatTest {

    @Test
    void gensimTextAndBinaryFilesLoadToTheSameVectors() throws IOException {
        WordVectors text = Word2VecFormat.read(Golden.file("vectors.txt"), Format.TEXT);
        WordVectors binary = Word2VecFormat.read(Golden.file("vectors.bin"), Format.BINARY);
        assertThat(text.size()).isEqualTo(54);
        assertThat(text.dimension()).isEqualTo(8);
        assertThat(binary.words()).isEqualTo(text.words());
        assertThat(binary.toFlatArray()).containsExactly(text.toFlatArray());
    }

    @Test
    void limitReadsOnlyTheFirstVectorsAsGensim() throws IOException {
        WordVectors first = Word2VecFormat.read(Golden.file("vectors.bin"), Format.BINARY,
                VectorFileOptions.defaults().withLimit(10));
        assertThat(first.words()).isEqualTo(Golden.cells("limit_10_words"));
    }

    @Test
    void streamingHandsOverOneVectorAtATime() throws IOException {
        List<String> seen = new ArrayList<>();
        int[] header = new int[2];
        Word2VecFormat.stream(Golden.file("vectors.txt"), Format.TEXT, VectorFileOptions.defaults(),
                new Word2VecFormat.VectorSink() {
                    @Override
                    public void header(int count, int dimension) {
                        header[0] = count;
                        header[1] = dimension;
                    }

                    @Override
                    public void accept(int index, String word, float[] vector) {
                        seen.add(word);
                    }
                });
        assertThat(header).containsExactly(54, 8);
        assertThat(seen).hasSize(54).startsWith("man", "boy");
    }

    /**
     * Our writer's output for the gensim fixture is byte-identical to the committed nlpkit-written.* files, and
     * make_golden.py recorded that gensim loads those files with the same words and values.
     */
    @Test
    void writerOutputMatchesCommittedFixturesThatGensimReads(@TempDir Path dir) throws IOException {
        WordVectors wv = Word2VecFormat.read(Golden.file("vectors.txt"), Format.TEXT);
        Path text = dir.resolve("ours.txt");
        Path binary = dir.resolve("ours.bin");
        Word2VecFormat.write(wv, text, Format.TEXT);
        Word2VecFormat.write(wv, binary, Format.BINARY);
        assertThat(Files.readAllBytes(text)).isEqualTo(Files.readAllBytes(Golden.file("nlpkit-written.txt")));
        assertThat(Files.readAllBytes(binary)).isEqualTo(Files.readAllBytes(Golden.file("nlpkit-written.bin")));
        List<String> g = Golden.cells("gensim_reads_nlpkit");
        // name dimension 8 loaded 52 max_abs_diff 0.0 same_words_in_order True (x2), sorted keys
        assertThat(g).containsExactly(
                "nlpkit-written.bin", "dimension", "8", "loaded", "54", "max_abs_diff", "0.0",
                "same_words_in_order", "True",
                "nlpkit-written.txt", "dimension", "8", "loaded", "54", "max_abs_diff", "0.0",
                "same_words_in_order", "True");
    }

    @Test
    void roundTripThroughBothFormatsAndGzipIsExact(@TempDir Path dir) throws IOException {
        WordVectors wv = WordVectors.of(List.of("ça", "naïve", "x"),
                new float[][] {{1.5f, -2e-8f}, {3.4028235e38f, 1e-45f}, {0f, -0f}});
        for (Format f : Format.values()) {
            Path p = dir.resolve("v-" + f + ".gz");
            Word2VecFormat.write(wv, p, f);
            WordVectors back = Word2VecFormat.read(p, f);
            assertThat(back.words()).isEqualTo(wv.words());
            assertThat(back.toFlatArray()).containsExactly(wv.toFlatArray());
        }
    }

    @Test
    void wrongHeaderNamesLineOne(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("bad.txt");
        Files.writeString(p, "king 0.1 0.2\nqueen 0.3 0.4\n");
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.TEXT)).isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("bad.txt: line 1").hasMessageContaining("header");
    }

    @Test
    void shortTextLineNamesTheLine(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("short.txt");
        Files.writeString(p, "2 3\nking 0.1 0.2 0.3\nqueen 0.3 0.4\n");
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.TEXT))
                .hasMessageContaining("line 3").hasMessageContaining("found 2 values");
    }

    @Test
    void nonFiniteValueNamesLineAndWord(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("nan.txt");
        Files.writeString(p, "2 2\nking 0.1 0.2\nqueen NaN 0.4\n");
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.TEXT))
                .hasMessageContaining("line 3 (word index 1)").hasMessageContaining("finite");
    }

    @Test
    void truncatedBinaryVectorNamesTheWordIndex(@TempDir Path dir) throws IOException {
        byte[] full = Files.readAllBytes(Golden.file("vectors.bin"));
        Path p = dir.resolve("cut.bin");
        Files.write(p, Arrays.copyOf(full, full.length - 20));
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.BINARY))
                .hasMessageContaining("word index 53").hasMessageContaining("truncated vector");
    }

    @Test
    void aBinaryHeaderWithTheWrongDimensionIsCalledThatNotACharsetProblem(@TempDir Path dir) throws IOException {
        byte[] full = Files.readAllBytes(Golden.file("vectors.bin")); // gensim's: "54 8\n", then word, 8 floats
        String header = "54 8\n";
        assertThat(new String(full, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
        byte[] edited = new byte[full.length];
        System.arraycopy(full, 0, edited, 0, full.length);
        edited[3] = '6'; // "54 6": two floats short per vector
        Path p = dir.resolve("dim.bin");
        Files.write(p, edited);
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.BINARY))
                .hasMessageContaining("word index 1")
                .hasMessageContaining("not seem to be 6 float32 values")
                .hasMessageNotContaining("UTF-8").hasMessageNotContaining("VectorFileOptions");
    }

    @Test
    void fewerVectorsThanTheHeaderSaysIsAnError(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("few.txt");
        Files.writeString(p, "3 2\nking 0.1 0.2\nqueen 0.3 0.4\n");
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.TEXT))
                .hasMessageContaining("line 4").hasMessageContaining("2 of 3");
    }

    @Test
    void malformedUtf8IsReportedOrReplacedByPolicy(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("latin1.txt");
        Files.write(p, "1 2\ncaf\u00e9 0.5 0.25\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Word2VecFormat.read(p, Format.TEXT)).hasMessageContaining("line 2")
                .hasMessageContaining("UTF-8");
        WordVectors replaced = Word2VecFormat.read(p, Format.TEXT,
                VectorFileOptions.defaults().withInvalidBytes(InvalidBytes.REPLACE));
        assertThat(replaced.words()).containsExactly("caf\ufffd");
        WordVectors latin1 = Word2VecFormat.read(p, Format.TEXT,
                VectorFileOptions.defaults().withCharset(StandardCharsets.ISO_8859_1));
        assertThat(latin1.words()).containsExactly("caf\u00e9");
    }

    @Test
    void wordsWithWhiteSpaceCannotBeWritten(@TempDir Path dir) {
        WordVectors wv = WordVectors.of(List.of("new york"), new float[][] {{1f}});
        assertThatThrownBy(() -> Word2VecFormat.write(wv, dir.resolve("x.txt"), Format.TEXT))
                .hasMessageContaining("word index 0");
    }
}
