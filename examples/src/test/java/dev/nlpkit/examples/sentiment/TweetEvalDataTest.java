package dev.nlpkit.examples.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.vectorize.label.LabelEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TweetEval layout read as binary sentiment data, on the synthetic fixture tweeteval-synthetic/. */
class TweetEvalDataTest {

    @TempDir
    Path dir;

    static Path fixture() throws URISyntaxException {
        return Path.of(TweetEvalDataTest.class.getResource("tweeteval-synthetic/mapping.txt").toURI()).getParent();
    }

    @Test
    void aFolderWithOneSplitIsReadWithNeutralDroppedAndCounted() throws Exception {
        Path folder = fixture();
        assertThat(TweetEvalData.matches(folder)).isTrue();
        SentimentData data = TweetEvalData.read(folder, ReadOptions.defaults(), Optional.empty());
        assertThat(data.droppedNeutral()).isEqualTo(2);
        assertThat(data.size()).isEqualTo(6);
        assertThat(data.labelEncoder().classes()).containsExactly("negative", "positive");
        assertThat(data.texts().get(0)).isEqualTo("today was great and fun ");
        assertThat(data.labels()).containsExactly(1, 0, 1, 0, 1, 0);
    }

    @Test
    void theTextFileIsMappedToASentiment140ModelsClasses() throws Exception {
        Path text = fixture().resolve("val_text.txt");
        assertThat(TweetEvalData.matches(text)).isTrue();
        SentimentData data = TweetEvalData.read(text, ReadOptions.defaults(),
                Optional.of(LabelEncoder.fit(List.of("0", "4"))));
        assertThat(data.labelEncoder().classes()).containsExactly("0", "4");
        assertThat(data.labels()).containsExactly(1, 0, 1, 0, 1, 0);
    }

    @Test
    void anOrdinaryCsvIsNotTweetEval() throws IOException {
        Path csv = Files.writeString(dir.resolve("val_text.csv"), "label,text\n");
        assertThat(TweetEvalData.matches(csv)).isFalse();
        assertThat(TweetEvalData.matches(dir)).isFalse();
    }

    @Test
    void anUnknownLabelIdNamesTheFileAndLine() throws Exception {
        copyFixture();
        Files.writeString(dir.resolve("val_labels.txt"), "2\n1\n0\n2\n7\n0\n2\n0\n");
        assertThatThrownBy(() -> TweetEvalData.read(dir, ReadOptions.defaults(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(dir.resolve("val_labels.txt") + " line 5: label '7' is not an id of");
    }

    @Test
    void textAndLabelsOfDifferentLengthsAreRefused() throws Exception {
        copyFixture();
        Files.writeString(dir.resolve("val_labels.txt"), "2\n1\n0\n");
        assertThatThrownBy(() -> TweetEvalData.read(dir.resolve("val_text.txt"), ReadOptions.defaults(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("differ in length: 8 texts, 3 labels");
    }

    @Test
    void aFolderWithTwoSplitsAsksForTheTextFile() throws Exception {
        copyFixture();
        Files.copy(dir.resolve("val_text.txt"), dir.resolve("test_text.txt"));
        assertThatThrownBy(() -> TweetEvalData.read(dir, ReadOptions.defaults(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 splits [test_text.txt, val_text.txt]; name the split's text file");
    }

    private void copyFixture() throws Exception {
        for (String name : List.of("mapping.txt", "val_text.txt", "val_labels.txt")) {
            Files.copy(fixture().resolve(name), dir.resolve(name));
        }
    }
}
