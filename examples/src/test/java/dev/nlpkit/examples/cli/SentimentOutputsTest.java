package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.nlpkit.classify.TextClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code sentiment train} leaves behind when training diverges or the plots fail. */
class SentimentOutputsTest {

    @TempDir
    Path dir;

    private List<String> smallRun(Path bundle) throws IOException {
        StringBuilder csv = new StringBuilder("label,text\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 2 == 0 ? "positive,happy good fun day " : "negative,sad bad awful day ").append(i % 7)
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("tweets.csv"), csv);
        return new ArrayList<>(Arrays.asList("--data", data.toString(), "--epochs", "2", "--batch-size", "16",
                "--min-count", "1", "--no-baselines", "--word-map", "none", "--vector-size", "8", "--units", "4",
                "--w2v-epochs", "1", "--plots", dir.resolve("plots").toString(), "--out", bundle.toString()));
    }

    @Test
    void aHugeLearningRateStopsTrainingWithAClearMessageAndSavesNothing() throws IOException {
        Path bundle = dir.resolve("m.nlpkit");
        List<String> args = new ArrayList<>(List.of("sentiment", "train"));
        args.addAll(smallRun(bundle));
        args.addAll(List.of("--learning-rate", "1e9"));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).matches("nlpkit: training diverged: loss grew from \\S+ to \\S+ \\(more than "
                + "100x\\) at epoch \\d+, batch \\d+ \\(1-based\\); nothing was saved\\. Lower --learning-rate or pass "
                + "--clip-norm \\(e\\.g\\. --clip-norm 1\\)\\.");
        assertThat(bundle).doesNotExist();
        assertThat(dir.resolve("plots")).doesNotExist();
    }

    @Test
    void aPlotFailureKeepsTheSavedBundleAndSaysSo() throws IOException {
        Path bundle = dir.resolve("m.nlpkit");
        SentimentCommand.Train train = new SentimentCommand.Train();
        train.plotStep = (history, rocs, vectors, tokens) -> {
            throw new IOException("simulated: no space left on device");
        };
        CommandLine cli = new CommandLine(train);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(smallRun(bundle).toArray(String[]::new));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("nlpkit: the plots were not written (simulated: no space left "
                + "on device); the model bundle " + bundle + " is saved");
        assertThat(out.toString()).contains("model bundle: " + bundle);
        assertThat(TextClassifier.load(bundle).predict(List.of("happy good fun day"))).hasSize(1);
    }
}
