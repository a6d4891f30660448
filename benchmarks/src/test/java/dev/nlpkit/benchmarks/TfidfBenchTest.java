package dev.nlpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.nlpkit.testdata.Anchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** A small real run of {@code nlpkit bench tfidf} on generated tweets (CI): both sides, same output, heap probe. */
class TfidfBenchTest {

    @TempDir
    Path dir;

    private Path generatedCsv(int rows) throws IOException {
        Random random = new Random(42);
        String[] words = {"good", "bad", "Happy", "sad", "day", "@user", "http://t.co/x", "lol", "I", "am", "so",
            "tired", "love", "it", "the", "a", "!!", "can't", "wait", "caf\u00e9", "na\u00efve"};
        List<String> lines = new ArrayList<>();
        lines.add("target,id,text,sources");
        for (int i = 0; i < rows; i++) {
            StringBuilder text = new StringBuilder();
            int n = i % 97 == 0 ? 0 : 1 + random.nextInt(20);
            for (int t = 0; t < n; t++) {
                text.append(t == 0 ? "" : random.nextInt(10) == 0 ? "  " : " ");
                String w = words[(int) Math.floor(Math.pow(random.nextDouble(), 2) * words.length)];
                text.append(random.nextInt(50) == 0 ? w + i : w);
            }
            lines.add((i % 2 == 0 ? "0" : "4") + "," + i + ",\"" + text.toString().replace("\"", "\"\"") + "\",gen");
        }
        Path csv = dir.resolve("tweets.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private String runBench(String... extra) throws IOException {
        Path csv = generatedCsv(3000);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TfidfBench());
        cli.setOut(new PrintWriter(out));
        List<String> args = new ArrayList<>(List.of("--csv", csv.toString(), "--repeats", "1", "--no-sklearn-regex"));
        args.addAll(List.of(extra));
        int exit = cli.execute(args.toArray(new String[0]));
        assertThat(exit).isZero();
        return out.toString();
    }

    @Test
    void benchMeasuresNlpkitWithoutTheAnchor() throws IOException {
        String json = runBench("--no-anchor");
        assertThat(json).contains("\"impl\": \"nlpkit\"").contains("\"docs\": 3000");
        assertThat(json).contains("\"completed_within_limit\": true");
        assertThat(json).doesNotContain("\"impl\": \"sklearn\"");
    }

    @Test
    void benchRunsBothSidesWithTheSameOutput() throws IOException {
        Anchors.require("sklearn", "numpy");
        String json = runBench();
        assertThat(json).contains("\"impl\": \"nlpkit\"").contains("\"docs\": 3000");
        assertThat(json).contains("\"impl\": \"sklearn\"").contains("\"same_output\": true");
    }

    @Test
    void tokenizerLowercasesAndSplitsOnControlAndSpace() {
        assertThat(TfidfBench.tokenize("  Hello\tWORLD \u00c9t\u00e9\n!!  ")).containsExactly("hello", "world",
                "\u00e9t\u00e9", "!!");
        assertThat(TfidfBench.tokenize("")).isEmpty();
    }

    @Test
    void missingTextColumnIsReportedWithTheFile() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "target,body\n0,hello\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TfidfBench());
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((ex, c, parse) -> {
            c.getErr().println(ex.getMessage());
            return 1;
        });
        assertThat(cli.execute("--csv", csv.toString(), "--no-anchor", "--no-heap-check")).isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv").contains("no 'text' column");
    }
}
