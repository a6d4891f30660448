package dev.nlpkit.vectorize.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.vectorize.io.FileFormatException;

class VocabularyFileTest {

    @TempDir
    Path dir;

    private static Vocabulary sample() {
        return Vocabulary.builder(VocabularyOptions.defaults().withReserved(ReservedTokens.PAD_AND_UNK))
                .addDocument(List.of("tab\there", "new\nline", "back\\slash", "caf\u00e9", "\uD83D\uDE00", "plain"))
                .addDocument(List.of("plain", "caf\u00e9"))
                .build();
    }

    @Test
    void saveLoadRoundTripKeepsTermsCountsAndFrequencies() throws IOException {
        Vocabulary v = sample();
        Path file = dir.resolve("vocab.txt");
        v.save(file);
        Vocabulary loaded = Vocabulary.load(file);
        assertThat(loaded.terms()).isEqualTo(v.terms());
        assertThat(loaded.reserved()).isEqualTo(ReservedTokens.PAD_AND_UNK);
        assertThat(loaded.documentCount()).isEqualTo(2);
        for (int id = 0; id < v.size(); id++) {
            assertThat(loaded.count(id)).isEqualTo(v.count(id));
            assertThat(loaded.documentFrequency(id)).isEqualTo(v.documentFrequency(id));
            assertThat(loaded.indexOf(v.term(id))).isEqualTo(id);
        }
    }

    @Test
    void saveLeavesNoTemporaryFile() throws IOException {
        sample().save(dir.resolve("vocab.txt"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("vocab.txt");
        }
    }

    @Test
    void fileIsUtf8WithVersionedHeader() throws IOException {
        Path file = dir.resolve("vocab.txt");
        sample().save(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("nlpkit-vocabulary\t1");
        assertThat(lines).contains("caf\u00e9\t2\t2", "tab\\there\t1\t1", "end");
    }

    @Test
    void truncatedFileNamesTheMissingLine() throws IOException {
        Path file = dir.resolve("vocab.txt");
        sample().save(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, 7), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Vocabulary.load(file))
                .isInstanceOf(FileFormatException.class)
                .hasMessageContaining("vocab.txt:8:")
                .hasMessageContaining("truncated")
                .hasMessageContaining("term 3 of 6");
    }

    @Test
    void newerVersionIsRefusedClearly() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "nlpkit-vocabulary\t2\nreserved=NONE\n");
        assertThatThrownBy(() -> Vocabulary.load(file))
                .isInstanceOf(FileFormatException.class)
                .hasMessageContaining(":1:")
                .hasMessageContaining("format version 2 is newer than this library supports (1)");
    }

    @Test
    void corruptedNumberNamesLineAndField() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "nlpkit-vocabulary\t1\nreserved=NONE\norder=FREQUENCY\ndocuments=3\nterms=2\n"
                + "good\t5\t2\nbad\tx\t1\nend\n");
        assertThatThrownBy(() -> Vocabulary.load(file))
                .isInstanceOf(FileFormatException.class)
                .hasMessageContaining("vocab.txt:7: field 'count': expected an integer, found \"x\"");
    }

    @Test
    void documentFrequencyAboveDocumentCountIsRejected() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "nlpkit-vocabulary\t1\nreserved=NONE\norder=FREQUENCY\ndocuments=3\nterms=1\n"
                + "good\t5\t4\nend\n");
        assertThatThrownBy(() -> Vocabulary.load(file)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining(":6: field 'df'");
    }

    @Test
    void otherFileKindIsRefused() throws IOException {
        Path file = dir.resolve("labels.txt");
        Files.writeString(file, "nlpkit-labels\t1\nclasses=0\nend\n");
        assertThatThrownBy(() -> Vocabulary.load(file)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("not a nlpkit-vocabulary file");
    }
}
