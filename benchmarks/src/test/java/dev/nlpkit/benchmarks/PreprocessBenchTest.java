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

/** A small real run of {@code nlpkit bench preprocess} on generated tweets (CI), NLTK side included when present. */
class PreprocessBenchTest {

    @TempDir
    Path dir;

    private Path generatedCsv(int rows) throws IOException {
        Random random = new Random(3);
        String[] words = {"good", "bad", "Happy", "sooooo", "day", "@user", "http://t.co/x", "lol", "I", "am",
            "tired", "love", "it", "the", "!!", "can't", "wait", ":)", ":-(", "#fail", "&amp;", "&lt;3", "20km",
            "caf\u00e9", "running", "geese"};
        List<String> lines = new ArrayList<>();
        lines.add("target,id,text,sources");
        for (int i = 0; i < rows; i++) {
            StringBuilder text = new StringBuilder("w" + i);
            int n = 1 + random.nextInt(18);
            for (int t = 0; t < n; t++) {
                text.append(' ').append(words[random.nextInt(words.length)]);
            }
            lines.add((i % 2 == 0 ? "0" : "4") + "," + i + ",\"" + text.toString().replace("\"", "\"\"") + "\",gen");
        }
        Path csv = dir.resolve("tweets.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private List<String> runBench(String... extra) throws IOException {
        Path csv = generatedCsv(600);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PreprocessBench());
        cli.setOut(new PrintWriter(out));
        List<String> args = new ArrayList<>(List.of("--data", csv.toString(), "--passes", "1", "--limit", "500"));
        args.addAll(List.of(extra));
        int exit = cli.execute(args.toArray(new String[0]));
        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).allMatch(l -> l.startsWith("{\"bench\": \"preprocess\""));
        return lines;
    }

    @Test
    void benchReportsEveryMeasurement() throws IOException {
        List<String> lines = runBench("--no-nltk");
        assertThat(String.join("\n", lines)).contains("\"pipeline\": \"tweets()+porter\"", "\"tweets\": 500",
                "ratio_nlpkit_vs_lucene", "speedup_vs_1_thread", "WordNetLemmatizer.lemmatize(NOUN)",
                "Normalize(htmlEntities");
        assertThat(AnchorOutput.number(lines.get(0), "tweets_per_s")).isPositive();
        assertThat(lines).noneMatch(l -> l.contains("\"impl\": \"nltk\""));
    }

    @Test
    void benchComparesWithNltkOnTheSameTweets() throws IOException {
        Anchors.require("nltk");
        List<String> lines = runBench();
        assertThat(lines).noneMatch(l -> l.contains("\"error\""));
        assertThat(String.join("\n", lines)).contains("ratio_nlpkit_vs_nltk");
        String nltkLine = lines.stream().filter(l -> l.contains("\"impl\": \"nltk\"")).findFirst().orElseThrow();
        assertThat(AnchorOutput.number(nltkLine, "tweets")).isEqualTo(500);
    }
}
