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

/** Small real runs of {@code nlpkit bench lstm}: every part executes and reports positive figures. */
class LstmBenchTest {

    private static final String[] TINY = {"--batches", "4", "--seq", "5", "--vocab", "50", "--embed", "8",
            "--hidden", "6", "--seconds", "0.3", "--warmup", "0", "--min-steps", "1", "--threads", "2"};

    private static List<String> run(String... args) {
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new LstmBench());
        command.setOut(new PrintWriter(text, true));
        int exit = command.execute(args);
        assertThat(exit).as(text.toString()).isZero();
        return text.toString().lines().toList();
    }

    private static String[] args(String... extra) {
        String[] all = Arrays.copyOf(TINY, TINY.length + extra.length);
        System.arraycopy(extra, 0, all, TINY.length, extra.length);
        return all;
    }

    @Test
    void kernelPartReportsGflopsForEveryProduct() {
        List<String> lines = run(args("--parts", "kernel", "--no-torch"));
        assertThat(lines.get(0)).contains("\"part\": \"setup\"").contains("\"kernels\": \"");
        List<String> kernels = lines.stream().filter(l -> l.contains("\"part\": \"kernel\"")).toList();
        // 8 products per batch size (2 of them with the weight packed once) plus the square reference.
        assertThat(kernels).hasSize(9);
        assertThat(kernels).filteredOn(l -> l.contains("\"packed_b\": true")).hasSize(2);
        for (String line : kernels) {
            assertThat(LstmBench.numbers(line).get("gflops")).as(line).isPositive();
            assertThat(LstmBench.numbers(line).get("peak_assumed_gflops")).isEqualTo(420.0);
            assertThat(LstmBench.numbers(line).get("gflops_per_core_by_cpu_time")).as(line).isPositive();
        }
    }

    @Test
    void modelPartTrainsAndPredictsEveryCell() {
        List<String> lines = run(args("--parts", "model", "--cells", "lstm,gru,rnn", "--no-torch"));
        List<String> models = lines.stream().filter(l -> l.contains("\"part\": \"model\"")).toList();
        assertThat(models).hasSize(3);
        assertThat(models).anySatisfy(l -> assertThat(l).contains("\"cell\": \"gru\""));
        for (String line : models) {
            Map<String, Double> n = LstmBench.numbers(line);
            assertThat(n.get("train_samples_per_s")).as(line).isPositive();
            assertThat(n.get("infer_samples_per_s")).as(line).isPositive();
            assertThat(line).doesNotContain("ratio");
        }
    }

    @Test
    void rejectsUnknownCell() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new LstmBench());
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("--cells", "transformer")).isNotZero();
        assertThat(err.toString()).contains("--cells: expected lstm, gru or rnn, got 'transformer'");
    }

    @Test
    void parsesTheAnchorsJsonFields() {
        String line = "{\"cell\": \"lstm\", \"batch\": 64, \"train_samples_per_s\": 812.5, \"x\": 1e-3}";
        assertThat(LstmBench.numbers(line)).containsEntry("batch", 64.0).containsEntry("train_samples_per_s", 812.5)
                .containsEntry("x", 0.001);
        assertThat(LstmBench.strings(line)).containsEntry("cell", "lstm");
    }

    /** With PyTorch installed (Debian python3-torch), the anchor runs in the same command and ratios appear. */
    @Test
    void torchAnchorGivesRatiosWhenPyTorchIsInstalled() {
        Anchors.require("torch", "threadpoolctl");
        List<String> lines = run(args("--parts", "model", "--cells", "lstm"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"part\": \"anchor\"").contains("blas_kernel"));
        String model = lines.stream().filter(l -> l.contains("\"part\": \"model\"")).findFirst().orElseThrow();
        Map<String, Double> n = LstmBench.numbers(model);
        assertThat(n.get("torch_train_samples_per_s")).isPositive();
        assertThat(n.get("train_ratio_vs_torch")).isPositive();
        assertThat(n.get("infer_ratio_vs_torch")).isPositive();
        assertThat(n.get("train_ratio_per_cpu_s")).isPositive();
        assertThat(n.get("infer_ratio_per_cpu_s")).isPositive();
    }
}
