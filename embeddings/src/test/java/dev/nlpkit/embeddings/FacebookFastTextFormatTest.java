package dev.nlpkit.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.embeddings.io.WordVectorFormatException;
import dev.nlpkit.embeddings.vectors.WordVectors;

/** gensim-tiny.bin and its vectors: see src/test/resources/dev/nlpkit/embeddings/fasttext/README.md. */
class FacebookFastTextFormatTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FacebookFastTextFormatTest.class.getResource("fasttext/" + name).toURI());
    }

    private static List<String[]> gensimVectors(String kind) throws Exception {
        return Files.readAllLines(resource("gensim-tiny-vectors.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(kind + "\t")).map(l -> l.split("\t")).toList();
    }

    private static float[] values(String[] row) {
        float[] v = new float[row.length - 2];
        for (int i = 2; i < row.length; i++) {
            v[i - 2] = Float.parseFloat(row[i]);
        }
        return v;
    }

    @Test
    void readsGensimsModelSettings() throws Exception {
        FastText model = FastText.loadFacebookModel(resource("gensim-tiny.bin"));
        FastTextOptions o = model.options();
        assertEquals(8, o.vectorSize());
        assertEquals(1000, o.bucket());
        assertEquals(3, o.minN());
        assertEquals(6, o.maxN());
        assertEquals(Architecture.CBOW, o.architecture());
        assertEquals(5, o.window());
        assertTrue(model.vocabulary().indexOf("café") >= 0);
    }

    @Test
    void vocabularyWordsGetGensimsVectors() throws Exception {
        FastTextVectors vectors = FastText.loadFacebookModel(resource("gensim-tiny.bin")).vectors();
        List<String[]> rows = gensimVectors("in-vocab");
        assertFalse(rows.isEmpty());
        for (String[] row : rows) {
            assertTrue(vectors.contains(row[1]), row[1]);
            assertArrayEquals(values(row), vectors.vector(row[1]), 1e-6f, row[1]);
        }
    }

    @Test
    void outOfVocabularyWordsGetGensimsVectorsFromTheirNgrams() throws Exception {
        FastTextVectors vectors = FastText.loadFacebookModel(resource("gensim-tiny.bin")).vectors();
        List<String[]> rows = gensimVectors("oov");
        assertFalse(rows.isEmpty());
        for (String[] row : rows) {
            assertFalse(vectors.contains(row[1]), row[1]);
            assertArrayEquals(values(row), vectors.vector(row[1]), 1e-6f, row[1]);
        }
    }

    @Test
    void aTruncatedFileIsAnErrorNamingWhereItEnded(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(resource("gensim-tiny.bin"));
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        IOException e = assertThrows(WordVectorFormatException.class, () -> FastText.loadFacebookModel(cut));
        assertTrue(e.getMessage().contains("cut.bin") && e.getMessage().contains("input matrix"), e.getMessage());
    }

    @Test
    void aFileThatIsNotFastTextIsRefusedWithItsMagic(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("vectors.vec");
        Files.writeString(text, "2 3\nthe 0.1 0.2 0.3\nfox 0.1 0.2 0.3\n");
        IOException e = assertThrows(WordVectorFormatException.class, () -> FastText.loadFacebookModel(text));
        assertTrue(e.getMessage().contains("not a fastText .bin model"), e.getMessage());
    }

    @Test
    void facebookVecFilesAreWord2VecTextWithATrailingSpaceAndReadAsSuch(@TempDir Path dir) throws Exception {
        Path vec = dir.resolve("wiki.vec");
        Files.writeString(vec, "2 3\nthe 0.1 0.2 0.3 \ncafé -0.5 0.25 1 \n"); // fastText writes "word v1 .. vd \n"
        WordVectors vectors = Word2VecFormat.read(vec, Word2VecFormat.Format.TEXT);
        assertEquals(2, vectors.size());
        assertArrayEquals(new float[] {-0.5f, 0.25f, 1f}, vectors.vector("café").orElseThrow());
    }
}
