package dev.nlpkit.examples.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.nlpkit.examples.plot.Polarity;
import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpinionLexiconTest {

    @TempDir
    Path dir;

    @Test
    void readsBothListsSkippingCommentsAndCase() throws IOException {
        Files.writeString(dir.resolve("positive-words.txt"), "; comment\ngood\nHappy\n");
        Files.writeString(dir.resolve("negative-words.txt"), "bad\n\n");
        OpinionLexicon lexicon = OpinionLexicon.read(dir);
        assertThat(lexicon.polarity("happy")).isEqualTo(Polarity.POSITIVE);
        assertThat(lexicon.polarity("BAD")).isEqualTo(Polarity.NEGATIVE);
        assertThat(lexicon.polarity("table")).isEqualTo(Polarity.UNKNOWN);
        assertThat(lexicon.positiveCount()).isEqualTo(2);
    }

    @Test
    void theSharedHuLiuLexiconHasItsDocumentedSize() throws IOException {
        Path directory = SharedData.require(OpinionLexicon.RELATIVE_DIRECTORY);
        OpinionLexicon lexicon = OpinionLexicon.read(directory);
        assertThat(lexicon.positiveCount()).isEqualTo(2006);
        assertThat(lexicon.negativeCount()).isEqualTo(4783);
        assertThat(OpinionLexicon.locate(Map.of("NLPKIT_DATA", directory.getParent().getParent().toString()),
                Path.of("/nonexistent"))).contains(directory);
    }
}
