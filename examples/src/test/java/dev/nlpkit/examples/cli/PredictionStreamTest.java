package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.nlpkit.classify.FitListener;
import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.classify.Threshold;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.TextDecoder;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sentiment predict}'s streaming: answers before the input ends, one line out per line in, control
 * characters escaped, CSV and JSON that parse back to the input. The model is a small untrained network (random
 * weights from a seed): what is tested is the stream, not the sentiment.
 */
class PredictionStreamTest {

    private static final TextClassifier MODEL = tinyModel();

    static TextClassifier tinyModel() {
        TextClassifierOptions options = TextClassifierOptions.defaults()
                .withSequence(TextClassifierOptions.Sequence.defaults().withMaxLength(8).withMinCount(1))
                .withEmbedding(new TextClassifierOptions.Embedding(new TextClassifierOptions.RandomSource(4), false))
                .withNetwork(new TextClassifierOptions.Network(RecurrentOptions.Cell.LSTM, 3, 1, false, 0, 0, 0))
                .withTraining(TextClassifierOptions.Training.defaults().withEpochs(1).withPatience(0).withSeed(7));
        return TextClassifier.fit(List.of("good day", "bad day", "ok"), List.of("4", "0", "4"), null, options,
                FitListener.NONE);
    }

    private static String run(String input, PredictionStream.Format format) throws IOException {
        StringWriter out = new StringWriter();
        new PredictionStream(MODEL, format, false, () -> false).run(new StringReader(input), new PrintWriter(out));
        return out.toString();
    }

    @Test
    void labelsFollowTheBundlesThreshold() throws IOException {
        // the balanced default threshold is not 0.5: the stream must label as predict(String) does
        for (double threshold : new double[] {0.001, 0.999}) {
            TextClassifier model = TextClassifier.fit(List.of("good day", "bad day", "ok"), List.of("4", "0", "4"),
                    null, tinyModel().options().withThreshold(Threshold.fixed(threshold)), FitListener.NONE);
            StringWriter out = new StringWriter();
            new PredictionStream(model, PredictionStream.Format.CSV, false, () -> false)
                    .run(new StringReader("good day\nbad day\n"), new PrintWriter(out));
            String expected = threshold < 0.5 ? "4" : "0";
            assertThat(model.predict("good day")).isEqualTo(expected);
            assertThat(out.toString().lines().map(line -> line.substring(0, line.indexOf(','))))
                    .containsExactly(expected, expected);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void answersALineBeforeTheInputIsClosed() throws Exception {
        // stdin as the command reads it: bytes through the corpus readers' decoder
        PipedOutputStream feed = new PipedOutputStream();
        TextDecoder stdin = TextDecoder.of(new PipedInputStream(feed), "standard input", ReadOptions.defaults());
        PipedWriter answers = new PipedWriter();
        BufferedReader stdout = new BufferedReader(new PipedReader(answers));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> done = pool.submit(() -> new PredictionStream(MODEL, PredictionStream.Format.CSV, false, () -> false)
                    .run(stdin, new PrintWriter(answers)));
            feed.write("a good day\n".getBytes(StandardCharsets.UTF_8));
            feed.flush();
            String first = stdout.readLine(); // the input is still open: only the stream's own flush can answer
            assertThat(first).endsWith(",a good day");
            feed.write("a bad day\n".getBytes(StandardCharsets.UTF_8));
            feed.close();
            assertThat(stdout.readLine()).endsWith(",a bad day");
            assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void blankLinesGetTheEmptyTextsPrediction() throws IOException {
        String out = run("good day\n\n  \nbad day\n", PredictionStream.Format.CSV);
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(4);
        double empty = MODEL.predictProba("")[1];
        assertThat(lines.get(1)).isEqualTo(MODEL.labels().get(empty >= 0.5 ? 1 : 0) + ","
                + String.format(Locale.ROOT, "%.4f", empty) + ",");
        assertThat(lines.get(2)).endsWith(",\"  \""); // commons-csv quotes a field with outer spaces
    }

    @Test
    void everyInputLineGivesOneOutputLineAcrossBlocks() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 2_345; i++) {
            in.append(i % 7 == 0 ? "" : "line " + i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        List<String> out = run(in.toString(), PredictionStream.Format.CSV).lines().toList();
        assertThat(out).hasSize(2_345);
        assertThat(out.get(2_344)).endsWith(",line 2344");
    }

    @Test
    void controlCharactersAreEscapedAndTheCsvParsesBack() throws IOException {
        String text = "red \u001b[31mALERT\u001b[0m nul\u0000 tab\there lone\rcr back\\slash \"quoted\", comma";
        String out = run(text + "\n", PredictionStream.Format.CSV);
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\t")
                .doesNotContain("\r");
        assertThat(out.lines().count()).isEqualTo(1);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(out)).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            CSVRecord record = records.get(0);
            assertThat(record.size()).isEqualTo(3);
            assertThat(record.get(0)).isIn("0", "4");
            assertThat(Double.parseDouble(record.get(1))).isBetween(0.0, 1.0);
            assertThat(PredictionStream.unescapeControls(record.get(2))).isEqualTo(text);
        }
    }

    @Test
    void jsonLinesAreEscapedAndParseBack() throws IOException {
        String text = "esc\u001b nul\u0000 tab\t cr\r quote\" back\\ del\u007f c1\u009b emoji \uD83D\uDE00";
        String out = run(text + "\nplain\n", PredictionStream.Format.JSON);
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\u009b")
                .doesNotContain("\t").doesNotContain("\r");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        Map<String, Object> parsed = MiniJson.object(lines.get(0));
        assertThat(parsed.get("text")).isEqualTo(text);
        assertThat(parsed.get("label")).isIn("0", "4");
        assertThat((Double) parsed.get("probability")).isBetween(0.0, 1.0);
        assertThat(MiniJson.object(lines.get(1)).get("text")).isEqualTo("plain");
    }

    @Test
    void fourDecimalsAgreeWithTheFormatter() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, 1.0, 0.5, 0.00005, 0.12345, 0.99995, 0.99994999,
                1.00005e-4, Double.MIN_VALUE, Math.nextDown(1.0)));
        for (int k = 0; k <= 20_000; k++) {
            double tie = (k + 0.5) / 20_000 * 2; // (2k+1)/20000: every rounding tie of the fourth decimal
            if (tie <= 1) {
                values.add(tie);
                values.add(Math.nextUp(tie));
                values.add(Math.nextDown(tie));
                values.add((double) (float) tie); // the network's outputs are floats
            }
        }
        for (int i = 0; i < 200_000; i++) {
            values.add(random.nextDouble());
            values.add((double) (float) random.nextDouble());
        }
        for (double p : values) {
            assertThat(PredictionStream.fourDecimals(p)).as("%s", p).isEqualTo(String.format(Locale.ROOT, "%.4f", p));
        }
    }

    @Test
    void csvIsWhatPerLinePrintersAndTheFormatterWrite() throws IOException {
        // the output as the stream wrote it before it reused one printer and skipped the Formatter
        List<String> texts = List.of("good day", "", "  ", "#hash", "\"quoted\", comma", "a\u001b b\tc",
                "a much longer line of words than the others so the batch has ragged lengths", "bad", "-1,5");
        String out = run(String.join("\n", texts) + "\n", PredictionStream.Format.CSV);
        double[][] p = MODEL.predictProba(texts);
        StringBuilder expected = new StringBuilder();
        CSVFormat lines = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        for (int i = 0; i < texts.size(); i++) {
            StringWriter line = new StringWriter();
            try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(line, lines)) {
                printer.printRecord(MODEL.labels().get(p[i][1] >= 0.5 ? 1 : 0),
                        String.format(Locale.ROOT, "%.4f", p[i][1]), PredictionStream.escapeControls(texts.get(i)));
            }
            expected.append(line);
        }
        assertThat(out).isEqualTo(expected.toString());
    }

    @Test
    void aClosedOutputStopsTheRunEarly() throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            in.append("line ").append(i).append('\n');
        }
        PrintWriter closed = new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        long predicted = new PredictionStream(MODEL, PredictionStream.Format.CSV, false, () -> false)
                .run(new StringReader(in.toString()), closed);
        assertThat(predicted).isLessThan(5_000);
    }

    @Test
    void linesComeOutInInputOrderAcrossManyBlocks() throws IOException {
        // the reader, predicting and writing stages overlap: the output must still follow the input
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 7_500; i++) {
            in.append("line ").append(i).append('\n');
        }
        List<String> out = run(in.toString(), PredictionStream.Format.CSV).lines().toList();
        assertThat(out).hasSize(7_500);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).as("output line %d", i).endsWith(",line " + i);
        }
    }

    @Test
    void aFailingInputEndsTheRunWithItsErrorAfterTheLinesBeforeIt() {
        java.io.Reader failing = new java.io.Reader() {
            private boolean sent;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (sent) {
                    throw new IOException("standard input: device error");
                }
                sent = true;
                "good day\n".getChars(0, 9, buffer, offset);
                return 9;
            }

            @Override
            public void close() {
            }
        };
        StringWriter out = new StringWriter();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PredictionStream(MODEL,
                PredictionStream.Format.CSV, false, () -> false).run(failing, new PrintWriter(out)))
                .isInstanceOf(IOException.class).hasMessage("standard input: device error");
    }
    @Test
    void aStreamWhoseModelIsLoadingPrintsWhatTheLoadedModelPrints() throws IOException {
        // the reader preprocesses (with the model's own preprocessing here) while the load is still waited for
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            input.append(i % 3 == 0 ? "good day " : i % 3 == 1 ? "a bad day\t" : "ok ").append(i).append('\n');
        }
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        for (PredictionStream.Format format : PredictionStream.Format.values()) {
            StringWriter out = new StringWriter();
            new PredictionStream(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return MODEL;
            }, MODEL::tokens, format, false, () -> false).run(new StringReader(input.toString()), new PrintWriter(out));
            assertThat(out.toString()).isEqualTo(run(input.toString(), format));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aModelThatCannotLoadIsReportedBeforeAnyInputArrives() throws Exception {
        PipedWriter feed = new PipedWriter(); // never written: an interactive stdin nobody types into
        java.io.IOException broken = new dev.nlpkit.classify.io.BundleFormatException("m.nlpkit#network: broken");
        StringWriter out = new StringWriter();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PredictionStream(() -> {
            throw broken;
        }, MODEL::tokens, PredictionStream.Format.CSV, false, () -> false)
                .run(new PipedReader(feed), new PrintWriter(out))).isSameAs(broken);
        assertThat(out.toString()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PredictionStream(() -> {
            throw broken;
        }, null, PredictionStream.Format.CSV, false, () -> false)
                .run(new StringReader(""), new PrintWriter(out))).isSameAs(broken);
    }
}
