package dev.nlpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.nlpkit.testdata.Anchors;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Small real runs of {@code nlpkit bench attention}: figures for every length, the anchor or its skip reason. */
class AttentionBenchTest {

    private static final String[] TINY = {"--batch", "4", "--seqs", "5,7", "--width", "8", "--heads", "2",
            "--seconds", "0.2", "--warmup", "0", "--min-steps", "1", "--threads", "2"};

    private static List<String> run(String... extra) {
        String[] args = Arrays.copyOf(TINY, TINY.length + extra.length);
        System.arraycopy(extra, 0, args, TINY.length, extra.length);
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new AttentionBench());
        command.setOut(new PrintWriter(text, true));
        int exit = command.execute(args);
        assertThat(exit).as(text.toString()).isZero();
        return text.toString().lines().toList();
    }

    private static List<String> layerLines(List<String> lines) {
        return lines.stream().filter(l -> l.contains("\"part\": \"layer\"")).toList();
    }

    @Test
    void everySequenceLengthReportsTrainingStepSamplesPerSecond() {
        List<String> lines = run("--no-torch", "--rounds", "3");
        // Every round is printed, then the length's median.
        assertThat(lines.stream().filter(l -> l.contains("\"part\": \"round\"")).toList()).hasSize(6);
        List<String> layers = layerLines(lines);
        assertThat(layers).hasSize(2);
        assertThat(layers.get(1)).contains("\"seq\": 7");
        for (String line : layers) {
            assertThat(LstmBench.numbers(line).get("train_step_samples_per_s")).as(line).isPositive();
            assertThat(line).doesNotContain("ratio");
        }
    }

    @Test
    void aPythonThatCannotStartSkipsTheAnchorWithTheReason() {
        List<String> lines = run("--python", "/nonexistent/python3");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"part\": \"anchor\"")
                .contains("\"skipped\": \"cannot start /nonexistent/python3"));
        assertThat(layerLines(lines)).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("ratio"));
    }

    @Test
    void headsThatDoNotDivideTheWidthAreRefusedByFlag() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new AttentionBench());
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("--width", "10", "--heads", "4", "--no-torch")).isNotZero();
        assertThat(err.toString()).contains("--heads 4 must divide --width 10");
    }

    /** With PyTorch installed (Debian python3-torch), its side runs in the same command and ratios appear. */
    @Test
    void torchAnchorGivesRatiosWhenPyTorchIsInstalled() {
        Anchors.require("torch", "threadpoolctl");
        List<String> lines = run();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"part\": \"anchor\"").contains("blas_kernel"));
        for (String line : layerLines(lines)) {
            Map<String, Double> n = LstmBench.numbers(line);
            assertThat(n.get("torch_train_step_samples_per_s")).as(line).isPositive();
            assertThat(n.get("ratio_vs_torch")).as(line).isPositive();
        }
        // The rounds alternate with PyTorch's: each round line carries both sides.
        assertThat(lines.stream().filter(l -> l.contains("\"part\": \"round\"")).toList()).hasSize(10)
                .allSatisfy(l -> assertThat(l).contains("torch_train_step_samples_per_s"));
    }
}
