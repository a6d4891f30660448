package dev.nlpkit.preprocess.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLayoutTest {

    @TempDir
    Path dir;

    private CorpusLayout detect(String name, String text) throws IOException {
        return CorpusLayout.detect(Files2.write(dir, name, text, StandardCharsets.UTF_8), ReadOptions.defaults());
    }

    @Test
    void headerlessSixColumnRowsWithSentiment140TargetsAreSentiment140() throws IOException {
        assertThat(detect("a.csv", "\"4\",\"1\",\"d\",\"q\",\"u\",\"hello, world\"\n")).isEqualTo(CorpusLayout.SENTIMENT140);
    }

    @Test
    void sentiment140WithItsPandasHeaderIsSentiment140() throws IOException {
        assertThat(detect("a.csv", "target,ids,date,flag,user,text\n0,1,d,q,u,hi\n")).isEqualTo(CorpusLayout.SENTIMENT140);
    }

    @Test
    void headerWithLabelAndTextIsDelimited() throws IOException {
        assertThat(detect("a.csv", "target,id,text,sources\n0,1,hi,x\n")).isEqualTo(CorpusLayout.DELIMITED_CSV);
        assertThat(detect("a.txt", "label\ttext\npos\thi, there\n")).isEqualTo(CorpusLayout.DELIMITED_TSV);
    }

    @Test
    void prose() throws IOException {
        assertThat(detect("a.txt", "\nIt was the best of times, it was the worst of times.\n")).isEqualTo(CorpusLayout.LINES);
        assertThat(detect("e.txt", "")).isEqualTo(CorpusLayout.LINES);
    }

    @Test
    void openReturnsTheMatchingReader() throws IOException {
        Path file = Files2.gzip(dir, "a.csv.gz", "label,text\npos,hi\n".getBytes(StandardCharsets.UTF_8));
        try (CorpusReader reader = CorpusLayout.open(file, ReadOptions.defaults())) {
            assertThat(reader).isInstanceOf(DelimitedTextReader.class);
            assertThat(reader.stream()).containsExactly(new LabelledText("pos", "hi", 2));
        }
    }

    @Test
    void realKaggleFileIsLatin1AndFailsAsUtf8OnTheRightLine() {
        Path file = SharedData.require("sentiment140-kaggle-100k/train.csv.gz");
        assertThat(CorpusLayout.detect(file, ReadOptions.defaults())).isEqualTo(CorpusLayout.DELIMITED_CSV);
        try (CorpusReader detected = CorpusLayout.open(file, ReadOptions.defaults())) {
            assertThat(detected.stream().count()).isEqualTo(99_978L);
            assertThat(detected.report().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(detected.report().warnings()).singleElement().asString().contains("line 415")
                    .contains("0xE0");
        }
        try (CorpusReader utf8 = CorpusLayout.open(file, ReadOptions.defaults().withCharset(StandardCharsets.UTF_8))) {
            // Python: the first byte that is not UTF-8 is 0xE0 on line 415 of the decompressed file.
            assertThatThrownBy(() -> utf8.forEach(row -> { }))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageStartingWith("train.csv.gz, line 415: invalid UTF-8 byte sequence 0xE0");
        }
        ReadOptions latin1 = ReadOptions.defaults().withCharset(StandardCharsets.ISO_8859_1);
        try (CorpusReader reader = CorpusLayout.open(file, latin1)) {
            Map<String, Long> counts = reader.stream().collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()));
            assertThat(counts).isEqualTo(Map.of("0", 43_526L, "1", 56_452L));
        }
    }
}
