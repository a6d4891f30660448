package dev.nlpkit.preprocess.corpus;

import static dev.nlpkit.preprocess.corpus.Files2.readAll;
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

class DelimitedTextReaderTest {

    private static final String CSV = "target,id,text,sources\n"
            + "0,1467810369,\"@switchfoot awww, that's a bummer\",100k-text\n"
            + "4,,\"she said \"\"hi\"\"\",kaggle-100k\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files2.write(dir, name, text, StandardCharsets.UTF_8);
    }

    @Test
    void detectsLabelAndTextColumnsFromTheHeader() throws IOException {
        try (DelimitedTextReader reader = DelimitedTextReader.open(file("c.csv", CSV))) {
            assertThat(reader.labelColumn()).isEqualTo("target");
            assertThat(reader.textColumn()).isEqualTo("text");
            assertThat(reader.stream()).containsExactly(
                    new LabelledText("0", "@switchfoot awww, that's a bummer", 2),
                    new LabelledText("4", "she said \"hi\"", 3));
        }
    }

    @Test
    void namedColumnsAreUsedAsGiven() throws IOException {
        DelimitedFormat format = DelimitedFormat.csv().withLabelColumn("SOURCES").withTextColumn(" Text");
        assertThat(readAll(DelimitedTextReader.open(file("c.csv", CSV), format, ReadOptions.defaults())))
                .extracting(LabelledText::label).containsExactly("100k-text", "kaggle-100k");
    }

    @Test
    void missingNamedColumnFailsListingTheHeader() throws IOException {
        DelimitedFormat format = DelimitedFormat.csv().withLabelColumn("polarity");
        assertThatThrownBy(() -> DelimitedTextReader.open(file("c.csv", CSV), format, ReadOptions.defaults()))
                .isInstanceOf(CorpusException.class)
                .hasMessage("c.csv, line 1: no column named 'polarity' in header ['target', 'id', 'text', 'sources']");
    }

    @Test
    void undetectableHeaderFailsNamingWhatWasLookedFor() throws IOException {
        assertThatThrownBy(() -> DelimitedTextReader.open(file("c.csv", "a,b\n1,2\n")))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("no label column in header ['a', 'b']");
    }

    @Test
    void labelMappingTranslatesAndRejectsUnknownLabels() throws IOException {
        DelimitedFormat format = DelimitedFormat.csv().withLabelMapping(Sentiment140Reader.LABELS);
        ReadOptions skip = ReadOptions.defaults().withBadRows(BadRowPolicy.SKIP);
        try (DelimitedTextReader reader = DelimitedTextReader.open(file("c.csv", CSV + "7,,odd,x\n"), format, skip)) {
            assertThat(reader.stream().map(LabelledText::label)).containsExactly("negative", "positive");
            assertThat(reader.report().skippedByKind()).isEqualTo(Map.of(BadRowKind.UNKNOWN_LABEL, 1L));
            assertThat(reader.report().firstProblems().get(0).line()).isEqualTo(4);
        }
    }

    @Test
    void readsTsvByFileName() throws IOException {
        Path tsv = file("data.tsv", "label\ttweet\npos\tgood \"day\", really\nneg\tbad\n");
        assertThat(readAll(DelimitedTextReader.open(tsv))).containsExactly(
                new LabelledText("pos", "good \"day\", really", 2), new LabelledText("neg", "bad", 3));
    }

    @Test
    void quotingNoneTakesQuotesLiterally() throws IOException {
        Path tsv = file("data.tsv", "label\ttext\npos\t\"quoted start and end\" not\n");
        DelimitedFormat format = DelimitedFormat.tsv().withQuoting(Quoting.NONE);
        assertThat(readAll(DelimitedTextReader.open(tsv, format, ReadOptions.defaults())))
                .extracting(LabelledText::text).containsExactly("\"quoted start and end\" not");
    }

    @Test
    void columnCountDifferentFromTheHeaderIsABadRow() throws IOException {
        try (DelimitedTextReader reader = DelimitedTextReader.open(file("c.csv", CSV + "0,1,two\n"))) {
            assertThatThrownBy(() -> reader.forEach(row -> { }))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageStartingWith("c.csv, line 4: expected 4 columns as in the header, found 3");
        }
    }

    @Test
    void emptyLabelAndEmptyTextAreBadRows() throws IOException {
        ReadOptions skip = ReadOptions.defaults().withBadRows(BadRowPolicy.SKIP);
        try (DelimitedTextReader reader = DelimitedTextReader.open(file("c.csv", CSV + ",1,text,x\n0,1,\" \",x\n"),
                DelimitedFormat.csv(), skip)) {
            assertThat(reader.stream().count()).isEqualTo(2);
            assertThat(reader.report().skippedByKind())
                    .isEqualTo(Map.of(BadRowKind.EMPTY_LABEL, 1L, BadRowKind.EMPTY_TEXT, 1L));
        }
    }

    @Test
    void brokenQuotingFailsWithFileAndLine() throws IOException {
        try (DelimitedTextReader reader = DelimitedTextReader.open(file("c.csv", CSV + "0,1,\"never closed,x\n"))) {
            assertThatThrownBy(() -> reader.forEach(row -> { }))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageStartingWith("c.csv, line 4: malformed CSV");
        }
    }

    @Test
    void emptyFileFailsAskingForAHeader() throws IOException {
        assertThatThrownBy(() -> DelimitedTextReader.open(file("e.csv", "")))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("e.csv, line 1: the file is empty");
    }

    @Test
    void byteOrderMarkDoesNotHideTheFirstColumnName() throws IOException {
        try (DelimitedTextReader reader = DelimitedTextReader.open(file("bom.csv", "\uFEFFlabel,text\npos,hi\n"))) {
            assertThat(reader.labelColumn()).isEqualTo("label");
            assertThat(reader.stream().count()).isEqualTo(1);
        }
    }

    @Test
    void readsTheCombinedSentiment140File() {
        Path file = SharedData.require("sentiment140-combined/combined.csv.gz");
        DelimitedFormat format = DelimitedFormat.csv().withLabelMapping(Sentiment140Reader.LABELS);
        try (DelimitedTextReader reader = DelimitedTextReader.open(file, format, ReadOptions.defaults())) {
            Map<String, Long> counts = reader.stream().collect(
                    Collectors.groupingBy(LabelledText::label, Collectors.counting()));
            assertThat(counts).isEqualTo(Map.of("negative", 99_444L, "positive", 116_026L));
            assertThat(reader.report().skipped()).isZero();
        }
    }

    @Test
    void readsTheAirlineTweetsWithEmbeddedLineBreaks() {
        Path file = SharedData.require("twitter-us-airline-sentiment/Tweets.csv");
        try (DelimitedTextReader reader = DelimitedTextReader.open(file)) {
            assertThat(reader.labelColumn()).isEqualTo("airline_sentiment");
            assertThat(reader.textColumn()).isEqualTo("text");
            Map<String, Long> counts = reader.stream().collect(
                    Collectors.groupingBy(LabelledText::label, Collectors.counting()));
            assertThat(counts).isEqualTo(Map.of("neutral", 3_099L, "positive", 2_363L, "negative", 9_178L));
        }
    }
}
