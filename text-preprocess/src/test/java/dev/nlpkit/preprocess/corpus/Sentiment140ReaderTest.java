package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import static dev.nlpkit.preprocess.corpus.Files2.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sentiment140ReaderTest {

    private static final String ROWS = """
            "0","1467810369","Mon Apr 06 22:19:45 PDT 2009","NO_QUERY","_TheSpecialOne_","@switchfoot awww, that's a bummer"
            "4","1467822272","Mon Apr 06 22:22:45 PDT 2009","NO_QUERY","ersle","I LOVE @Health4UandPets u guys r the best!!"
            "2","1467822273","Mon Apr 06 22:22:46 PDT 2009","NO_QUERY","neutral_user","just a tweet"
            """;

    @TempDir
    Path dir;

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void mapsTargetsToLabelsAndKeepsTextAndLine() throws IOException {
        Path file = Files2.write(dir, "s140.csv", latin1(ROWS));
        assertThat(readAll(Sentiment140Reader.open(file))).containsExactly(
                new LabelledText("negative", "@switchfoot awww, that's a bummer", 1),
                new LabelledText("positive", "I LOVE @Health4UandPets u guys r the best!!", 2),
                new LabelledText("neutral", "just a tweet", 3));
    }

    @Test
    void decodesLatin1ByDefault() throws IOException {
        Path file = Files2.write(dir, "s140.csv", latin1("\"4\",\"1\",\"d\",\"q\",\"u\",\"caf\u00e9 \u00bd\"\n"));
        assertThat(readAll(Sentiment140Reader.open(file))).extracting(LabelledText::text).containsExactly("caf\u00e9 \u00bd");
    }

    @Test
    void readsGzipTransparently() throws IOException {
        Path file = Files2.gzip(dir, "s140.csv.gz", latin1(ROWS));
        assertThat(readAll(Sentiment140Reader.open(file))).hasSize(3);
    }

    @Test
    void readsTheSingleEntryOfAZip() throws IOException {
        Path file = Files2.zip(dir, "s140.zip", "training.1600000.processed.noemoticon.csv", latin1(ROWS));
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            assertThat(reader.source()).isEqualTo("s140.zip!training.1600000.processed.noemoticon.csv");
            assertThat(reader.stream().map(LabelledText::label)).containsExactly("negative", "positive", "neutral");
        }
    }

    @Test
    void readsANamedEntryOfAZipWithSeveral() throws IOException {
        Path file = Files2.zip(dir, "twitter_sentiment.csv.zip", "README.txt", latin1("not csv\n"),
                "data/twitter_sentiment.csv", latin1(ROWS));
        ReadOptions options = Sentiment140Reader.defaultOptions().withZipEntry("twitter_sentiment.csv");
        assertThat(readAll(Sentiment140Reader.open(file, options))).hasSize(3);
    }

    @Test
    void zipWithSeveralEntriesAndNoNameFailsListingThem() throws IOException {
        Path file = Files2.zip(dir, "two.zip", "a.csv", latin1(ROWS), "b.csv", latin1(ROWS));
        assertThatThrownBy(() -> Sentiment140Reader.open(file))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("two.zip")
                .hasMessageContaining("('a.csv', 'b.csv')")
                .hasMessageContaining("name the one to read");
    }

    @Test
    void passesOverAHeaderRow() throws IOException {
        Path file = Files2.write(dir, "s140.csv", latin1("target,ids,date,flag,user,text\n" + ROWS));
        List<LabelledText> rows = readAll(Sentiment140Reader.open(file));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).line()).isEqualTo(2);
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesStayExact() throws IOException {
        String text = "\"0\",\"1\",\"d\",\"q\",\"u\",\"one, \"\"two\"\"\nthree\"\n"
                + "\"4\",\"2\",\"d\",\"q\",\"u\",\"next\"\n";
        List<LabelledText> rows = readAll(Sentiment140Reader.open(Files2.write(dir, "q.csv", latin1(text))));
        assertThat(rows).containsExactly(
                new LabelledText("negative", "one, \"two\"\nthree", 1),
                new LabelledText("positive", "next", 3));
    }

    @Test
    void crlfLineEndingsKeepLineNumbersAndText() throws IOException {
        String text = ROWS.replace("\n", "\r\n") + "\"4\",\"5\",\"d\",\"q\",\"u\",\"two\r\nlines\"\r\n\"0\",\"6\",\"d\",\"q\",\"u\",\"last\"\r\n";
        List<LabelledText> rows = readAll(Sentiment140Reader.open(Files2.write(dir, "crlf.csv", latin1(text))));
        assertThat(rows).extracting(LabelledText::line).containsExactly(1L, 2L, 3L, 4L, 6L);
        assertThat(rows.get(0).text()).isEqualTo("@switchfoot awww, that's a bummer");
        assertThat(rows.get(3).text()).isEqualTo("two\r\nlines");
    }

    @Test
    void wrongColumnCountFailsWithFileLineAndReason() throws IOException {
        Path file = Files2.write(dir, "bad.csv", latin1(ROWS + "\"0\",\"1\",\"text only five\",\"q\",\"u\"\n"));
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            assertThatThrownBy(() -> reader.forEach(row -> { }))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageStartingWith("bad.csv, line 4: expected 6 columns")
                    .hasMessageContaining("found 5")
                    .satisfies(e -> assertThat(((CorpusException) e).line()).isEqualTo(4));
        }
    }

    @Test
    void skipPolicyCountsBadRowsAndReportsTheFirstReasons() throws IOException {
        String text = ROWS
                + "\"1\",\"9\",\"d\",\"q\",\"u\",\"label one\"\n"
                + "\"0\",\"9\",\"d\",\"q\",\"u\",\"  \"\n"
                + "\"0\",\"9\",\"d\"\n"
                + "\"3\",\"9\",\"d\",\"q\",\"u\",\"label three\"\n";
        ReadOptions options = Sentiment140Reader.defaultOptions().withBadRows(BadRowPolicy.SKIP).withReportedProblems(2);
        try (Sentiment140Reader reader = Sentiment140Reader.open(Files2.write(dir, "bad.csv", latin1(text)), options)) {
            assertThat(reader.stream().count()).isEqualTo(3);
            ReadReport report = reader.report();
            assertThat(report.rows()).isEqualTo(7);
            assertThat(report.records()).isEqualTo(3);
            assertThat(report.skipped()).isEqualTo(4);
            assertThat(report.skippedByKind()).isEqualTo(Map.of(BadRowKind.UNKNOWN_LABEL, 2L,
                    BadRowKind.EMPTY_TEXT, 1L, BadRowKind.COLUMN_COUNT, 1L));
            assertThat(report.firstProblems()).extracting(ReadReport.Problem::line).containsExactly(4L, 5L);
            assertThat(report.firstProblems().get(0).reason()).contains("target '1'");
        }
    }

    @Test
    void unknownLabelFailsUnderTheDefaultPolicy() throws IOException {
        Path file = Files2.write(dir, "bad.csv", latin1("\"1\",\"9\",\"d\",\"q\",\"u\",\"x\"\n"));
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            assertThatThrownBy(() -> reader.iterator().next())
                    .isInstanceOf(CorpusException.class)
                    .hasMessageContaining("line 1: target '1' is not 0 (negative), 2 (neutral) or 4 (positive)");
        }
    }

    @Test
    void blankLinesAreNeitherRowsNorErrors() throws IOException {
        try (Sentiment140Reader reader = Sentiment140Reader.open(Files2.write(dir, "b.csv", latin1(ROWS + "\n\n")))) {
            assertThat(reader.stream().count()).isEqualTo(3);
            assertThat(reader.report().blankLines()).isEqualTo(2);
        }
    }

    @Test
    void invalidUtf8FailsNamingFileAndLine() throws IOException {
        byte[] bytes = (ROWS + "\"0\",\"1\",\"d\",\"q\",\"u\",\"caf?\"\n").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xE9; // a lone latin-1 'é' is not UTF-8
        Path file = Files2.write(dir, "utf.csv", bytes);
        ReadOptions utf8 = Sentiment140Reader.defaultOptions().withCharset(StandardCharsets.UTF_8);
        try (Sentiment140Reader reader = Sentiment140Reader.open(file, utf8)) {
            assertThatThrownBy(() -> reader.forEach(row -> { }))
                    .isInstanceOf(CorpusException.class)
                    .hasMessageStartingWith("utf.csv, line 4: invalid UTF-8 byte sequence 0xE9")
                    .hasMessageContaining("ISO-8859-1");
        }
    }

    @Test
    void invalidBytesAreReplacedWhenTheCallerChoseSo() throws IOException {
        byte[] bytes = "\"0\",\"1\",\"d\",\"q\",\"u\",\"caf?\"\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xE9;
        ReadOptions options = Sentiment140Reader.defaultOptions().withCharset(StandardCharsets.UTF_8)
                .withInvalidBytes(InvalidBytes.REPLACE);
        assertThat(readAll(Sentiment140Reader.open(Files2.write(dir, "utf.csv", bytes), options)))
                .extracting(LabelledText::text).containsExactly("caf\uFFFD");
    }

    @Test
    void readsInOnePassOnly() throws IOException {
        try (Sentiment140Reader reader = Sentiment140Reader.open(Files2.write(dir, "s.csv", latin1(ROWS)))) {
            reader.iterator();
            assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingTheStreamClosesTheReader() throws IOException {
        Sentiment140Reader reader = Sentiment140Reader.open(Files2.write(dir, "s.csv", latin1(ROWS)));
        try (Stream<LabelledText> rows = reader.stream()) {
            assertThat(rows.findFirst()).isPresent();
        }
        assertThat(reader.isClosed()).isTrue();
    }

    @Test
    void missingFileFailsNamingIt() {
        assertThatThrownBy(() -> Sentiment140Reader.open(dir.resolve("nope.csv")))
                .isInstanceOf(CorpusException.class).hasMessageContaining("nope.csv").hasMessageContaining("not found");
    }

    @Test
    void readsTheFirst10kRowsOfTheRealFile() {
        Path file = SharedData.require("sentiment140-head-10k/sentiment140_sample.csv");
        ReadOptions utf8 = Sentiment140Reader.defaultOptions().withCharset(StandardCharsets.UTF_8);
        try (Sentiment140Reader reader = Sentiment140Reader.open(file, utf8)) {
            assertThat(reader.stream().filter(t -> t.label().equals("negative")).count()).isEqualTo(10_000);
            assertThat(reader.report().skipped()).isZero();
        }
    }

    @Test
    void readsTheRandom20kSampleWithItsHeader() {
        Path file = SharedData.require("sentiment140-random-20k/sentiment140_sample.csv");
        ReadOptions utf8 = Sentiment140Reader.defaultOptions().withCharset(StandardCharsets.UTF_8);
        try (Sentiment140Reader reader = Sentiment140Reader.open(file, utf8)) {
            Map<String, Long> counts = reader.stream().collect(
                    java.util.stream.Collectors.groupingBy(LabelledText::label, java.util.stream.Collectors.counting()));
            assertThat(counts).isEqualTo(Map.of("negative", 9_942L, "positive", 10_058L));
        }
    }
}
