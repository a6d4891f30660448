package dev.nlpkit.preprocess.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.testdata.SharedData;

class StopWordsTest {

    private static Set<String> wordsOf(Path file) throws IOException {
        Set<String> words = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                words.add(line.strip());
            }
        }
        return words;
    }

    @Test
    void nltkEnglishEqualsNltksOwnList() throws IOException {
        Set<String> nltk = wordsOf(SharedData.require("stopwords/nltk-english.txt"));
        assertThat(nltk).hasSize(179);
        assertThat(StopWords.nltkEnglish().words()).isEqualTo(nltk);
    }

    @Test
    void luceneEnglishHas33WordsAsTheSharedCopy() throws IOException {
        assertThat(StopWords.luceneEnglish().words()).hasSize(33)
                .isEqualTo(wordsOf(SharedData.require("stopwords/lucene-english-default.txt")));
    }

    @Test
    void smartHas570DistinctWordsAsTheSharedCopy() throws IOException {
        assertThat(StopWords.smart().words()).hasSize(570)
                .isEqualTo(wordsOf(SharedData.require("stopwords/smart-stoplist.txt")));
    }

    @Test
    void withoutNegationsKeepsEveryNegationButNothingElse() {
        StopWords nltk = StopWords.nltkEnglish();
        StopWords kept = nltk.withoutNegations();
        assertThat(kept.words()).doesNotContain("not", "no", "nor", "don't", "isn't", "won't", "don", "isn",
                "wouldn", "ain");
        assertThat(kept.words()).contains("the", "a", "is", "i", "can", "will");
        Set<String> removed = new TreeSet<>(nltk.words());
        removed.removeAll(kept.words());
        assertThat(removed).allMatch(w -> StopWords.NEGATIONS.contains(w) || w.endsWith("n't"));
    }

    @Test
    void fromFileSkipsCommentsAndBlankLinesAndLowercases(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.txt");
        Files.writeString(f, "# my list\n\nThe\n  and \nüber\n");
        assertThat(StopWords.fromFile(f).words()).containsExactlyInAnyOrder("the", "and", "über");
    }

    @Test
    void fromFileRejectsBytesThatAreNotUtf8NamingFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.txt");
        Files.write(f, new byte[] {'a', '\n', 'b', '\n', (byte) 0xE9, 't', 'e', '\n'});
        assertThatThrownBy(() -> StopWords.fromFile(f)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("latin1.txt").hasMessageContaining("line 3");
    }

    @Test
    void ofRejectsEmptyWords() {
        assertThatThrownBy(() -> StopWords.of("x", List.of("a", ""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
