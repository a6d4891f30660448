package dev.nlpkit.vectorize.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.vectorize.io.FileFormatException;

class LabelEncoderTest {

    @TempDir
    Path dir;

    @Test
    void classesAreTheSortedDistinctLabelsAsSklearn() {
        // sklearn: LabelEncoder().fit(["4", "0", "4", "2"]).classes_ == ["0", "2", "4"]
        LabelEncoder labels = LabelEncoder.fit(List.of("4", "0", "4", "2"));
        assertThat(labels.classes()).containsExactly("0", "2", "4");
        assertThat(labels.encode(List.of("4", "0", "4", "2"))).containsExactly(2, 0, 2, 1);
    }

    @Test
    void decodeInvertsEncode() {
        LabelEncoder labels = LabelEncoder.fit(List.of("pos", "neg"));
        assertThat(labels.decode(labels.encode(List.of("neg", "pos", "pos")))).containsExactly("neg", "pos", "pos");
    }

    @Test
    void unknownLabelIsNamed() {
        LabelEncoder labels = LabelEncoder.fit(List.of("pos", "neg"));
        assertThatThrownBy(() -> labels.encode("neutral")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown label 'neutral'").hasMessageContaining("[neg, pos]");
        assertThatThrownBy(() -> labels.decode(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveLoadRoundTrip() throws IOException {
        LabelEncoder labels = LabelEncoder.fit(List.of("b", "a\tb", "c\\d"));
        Path file = dir.resolve("labels.txt");
        labels.save(file);
        assertThat(LabelEncoder.load(file).classes()).isEqualTo(labels.classes());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        Path file = dir.resolve("labels.txt");
        Files.writeString(file, "nlpkit-labels\t1\nclasses=3\na\nb\n");
        assertThatThrownBy(() -> LabelEncoder.load(file)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("labels.txt:5: file is truncated: expected class 3 of 3");
    }
}
