package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.io.WordVectorFormatException;

class Word2VecModelFormatTest {

    private static final List<List<String>> CORPUS = SyntheticCorpus.generate(500, 4, 10, 3);

    private static Word2Vec model(boolean hs) {
        Word2VecOptions o = Word2VecOptions.defaults().withVectorSize(16).withMinCount(2).withEpochs(1).withThreads(1)
                .withHierarchicalSoftmax(hs);
        return Word2Vec.fit(CORPUS, o);
    }

    @Test
    void saveAndLoadRestoreEverythingForContinuedTraining(@TempDir Path dir) throws IOException {
        Word2Vec m = model(true);
        Path file = dir.resolve("model.w2v");
        m.save(file);
        Word2Vec back = Word2Vec.load(file);
        assertThat(back.options()).isEqualTo(m.options());
        assertThat(back.vocabulary().words()).isEqualTo(m.vocabulary().words());
        assertThat(back.vocabulary().count(3)).isEqualTo(m.vocabulary().count(3));
        assertThat(back.syn0()).containsExactly(m.syn0());
        assertThat(back.syn1()).containsExactly(m.syn1());
        assertThat(back.syn1neg()).containsExactly(m.syn1neg());
        assertThat(back.epochsTrained()).isEqualTo(1);
        // Continued training from the loaded model equals continued training from the original (1 worker).
        Word2Vec a = m.continueTraining(Corpus.of(CORPUS), 1);
        Word2Vec b = back.continueTraining(Corpus.of(CORPUS), 1);
        assertThat(b.syn0()).containsExactly(a.syn0());
    }

    @Test
    void headerIsVersionedAndLittleEndian(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.w2v");
        model(false).save(file);
        byte[] b = Files.readAllBytes(file);
        assertThat(new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NLPKW2VM");
        assertThat(b[8]).isEqualTo((byte) Word2VecModelFormat.VERSION);
        assertThat(b[9]).isZero();
    }

    @Test
    void truncatedModelFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.w2v");
        model(false).save(file);
        byte[] b = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.w2v");
        Files.write(cut, Arrays.copyOf(b, b.length - 100));
        assertThatThrownBy(() -> Word2Vec.load(cut)).isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("cut.w2v").hasMessageContaining("syn1neg");
    }

    @Test
    void unknownVersionIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.w2v");
        model(false).save(file);
        byte[] b = Files.readAllBytes(file);
        b[8] = 9;
        Files.write(file, b);
        assertThatThrownBy(() -> Word2Vec.load(file)).hasMessageContaining("version 9");
    }

    @Test
    void aWord2VecCFileIsNotMistakenForAModel() {
        assertThatThrownBy(() -> Word2Vec.load(Golden.file("vectors.bin"))).hasMessageContaining("magic");
    }

    @Test
    void aModelWrittenWhenTheKeyWasWorkersLoadsItsThreadCount() throws Exception {
        Path file = Path.of(Word2VecModelFormatTest.class.getResource("model/model-v1-before-algorithm.w2v").toURI());
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains("\nworkers=1\n");
        assertThat(Word2Vec.load(file).options().threads()).isEqualTo(1);
    }

    @Test
    void aModelWrittenBeforeTheAlgorithmOptionLoadsAsHogwild() throws Exception {
        Path file = Path.of(Word2VecModelFormatTest.class.getResource("model/model-v1-before-algorithm.w2v").toURI());
        Word2Vec old = Word2Vec.load(file);
        assertThat(old.options().algorithm()).isEqualTo(Algorithm.HOGWILD);
        assertThat(old.options().batchTargets()).isZero();
        assertThat(old.options().batchNegatives()).isZero();
        assertThat(old.options().batchPrivateWords()).isEqualTo(Word2VecOptions.AUTOMATIC_BATCH_PRIVATE_WORDS);
        assertThat(old.options().seed()).isEqualTo(3);
        assertThat(old.vocabulary().size()).isEqualTo(9);
        assertThat(old.vocabulary().word(0)).isEqualTo("the");
        // The same training as the file's, with today's code: word2vec.c's algorithm is unchanged, bit for bit.
        List<List<String>> corpus = List.of(
                List.of("the", "cat", "sat", "on", "the", "mat"),
                List.of("the", "dog", "sat", "on", "the", "rug"),
                List.of("a", "cat", "and", "a", "dog"));
        Word2Vec again = Word2Vec.fit(corpus, old.options());
        assertThat(again.syn0()).containsExactly(old.syn0());
        assertThat(again.syn1neg()).containsExactly(old.syn1neg());
    }

    /** A file written with the algorithm keys but before {@code batchPrivateWords} loads it as automatic (-1). */
    @Test
    void aModelWrittenBeforeTheBatchPrivateWordsOptionLoadsItAsAutomatic(@TempDir Path dir) throws IOException {
        Word2Vec m = Word2Vec.fit(CORPUS, Word2VecOptions.defaults().withVectorSize(16).withMinCount(2).withEpochs(1)
                .withThreads(1).withAlgorithm(Algorithm.HOGBATCH).withBatchPrivateWords(0));
        Path file = dir.resolve("m.w2v");
        m.save(file);
        byte[] b = Files.readAllBytes(file);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        String line = "batchPrivateWords=0\n";
        int at = text.indexOf(line);
        assertThat(at).isPositive();
        // Remove the line and shorten the header's length (int32 little-endian after magic and version).
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int headerLength = header.getInt(12);
        assertThat(at).isLessThan(16 + headerLength);
        byte[] old = new byte[b.length - line.length()];
        System.arraycopy(b, 0, old, 0, at);
        System.arraycopy(b, at + line.length(), old, at, b.length - at - line.length());
        java.nio.ByteBuffer.wrap(old).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(12, headerLength - line.length());
        Path oldFile = dir.resolve("old.w2v");
        Files.write(oldFile, old);
        Word2Vec back = Word2Vec.load(oldFile);
        assertThat(back.options().batchPrivateWords()).isEqualTo(Word2VecOptions.AUTOMATIC_BATCH_PRIVATE_WORDS);
        assertThat(back.options().withBatchPrivateWords(0)).isEqualTo(m.options());
        assertThat(back.syn0()).containsExactly(m.syn0());
    }
}
