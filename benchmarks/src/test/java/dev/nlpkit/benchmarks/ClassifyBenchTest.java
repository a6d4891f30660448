package dev.nlpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.nlpkit.classify.FitListener;
import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.Word2VecOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench classify} end to end on a tiny trained bundle and a generated tweets CSV. */
class ClassifyBenchTest {

    @Test
    void printsLoadSingleAndBatchLinesWithPlausibleFigures(@TempDir Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        StringBuilder csv = new StringBuilder("label,text\n");
        for (int i = 0; i < 200; i++) {
            boolean positive = i % 2 == 0;
            String text = (positive ? "good great happy day " : "bad awful sad day ") + "n" + (i % 7);
            texts.add(text);
            labels.add(positive ? "positive" : "negative");
            csv.append(positive ? "positive" : "negative").append(',').append(text).append('\n');
        }
        Path data = dir.resolve("tweets.csv");
        Files.writeString(data, csv);
        TextClassifierOptions options = TextClassifierOptions.defaults()
                .withSequence(TextClassifierOptions.Sequence.defaults().withMaxLength(8).withMinCount(1))
                .withEmbedding(new TextClassifierOptions.Embedding(new TextClassifierOptions.Word2VecSource(
                        Word2VecOptions.defaults().withArchitecture(Architecture.SKIP_GRAM).withVectorSize(8)
                                .withWindow(2).withMinCount(1).withEpochs(1).withThreads(1).withSeed(3)), true))
                .withNetwork(TextClassifierOptions.Network.lesson().withUnits(4).withDropouts(0.0, 0.0, 0.0))
                .withTraining(TextClassifierOptions.Training.defaults().withBatchSize(32).withEpochs(1)
                        .withPatience(0).withSeed(5));
        Path model = dir.resolve("tiny.nlpkit");
        TextClassifier.fit(texts, labels, null, options, FitListener.NONE).save(model);

        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(new ClassifyBench());
        cli.setOut(new PrintWriter(output));
        int exit = cli.execute("--model", model.toString(), "--data", data.toString(), "--limit", "150",
                "--loads", "2", "--warmup", "100", "--singles", "300", "--repeats", "2");

        assertThat(exit).isZero();
        List<String> lines = output.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"part\": \"load\"");
        assertThat(AnchorOutput.number(lines.get(0), "median_load_s")).isPositive();
        assertThat(AnchorOutput.number(lines.get(1), "p50_ms")).isPositive()
                .isLessThanOrEqualTo(AnchorOutput.number(lines.get(1), "p99_ms"));
        assertThat(AnchorOutput.number(lines.get(2), "tweets")).isEqualTo(150.0);
        assertThat(AnchorOutput.number(lines.get(2), "tweets_per_s")).isPositive();
    }

    @Test
    void aMissingBundleIsNamedByItsFlag(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ClassifyBench());
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--model", dir.resolve("none.nlpkit").toString(), "--data", dir.toString());
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("--model").contains("no such file");
    }
}
