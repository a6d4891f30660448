package dev.nlpkit.benchmarks;

import dev.nlpkit.benchmarks.anchor.AnchorProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.MultiHeadSelfAttentionOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.layers.TrainingBuffers;
import dev.nlpkit.recurrent.math.Kernels;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench attention}: recurrent's {@code MultiHeadSelfAttention}, one training step's worth (forward,
 * then backward into the parameter and input gradients, no optimizer update) on random {@code [batch, seq, width]}
 * inputs, side by side with PyTorch's {@code nn.MultiheadAttention(width, heads, batch_first=True)} timed the same
 * way in the same run ({@code attention_torch.py}, shipped with this class, run with {@code /usr/bin/python3} in
 * {@link AnchorProcess}'s environment, with {@code bench lstm}'s thread setting: 1 torch thread and
 * {@code --threads} OpenBLAS threads). When PyTorch does not import (or the Python cannot start), its side is
 * skipped with the reason in an {@code anchor} line and no ratio is printed.
 */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = "Multi-head self-attention forward + backward samples/s (recurrent) vs PyTorch "
                + "nn.MultiheadAttention on the CPU, measured in the same run.")
public final class AttentionBench implements Callable<Integer> {

    static final String SCRIPT = "attention_torch.py";

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seqs", split = ",", defaultValue = "30,128",
            description = "Sequence lengths (default: ${DEFAULT-VALUE}).")
    List<Integer> seqs;

    @Option(names = "--width", defaultValue = "128", description = "Model width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--heads", defaultValue = "4", description = "Heads; must divide --width (default: ${DEFAULT-VALUE}).")
    int heads;

    @Mixin
    TimedRunFlags run = new TimedRunFlags();

    @Option(names = "--no-torch", description = "Skip the PyTorch anchor (no ratios).")
    boolean noTorch;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch and threadpoolctl (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights and data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Parallelism.setThreads(run.threads);
        BenchReport.of("attention").withMachine().put("part", "setup").put("kernels", Kernels.describe())
                .put("threads", run.threads).print(out);
        Map<Integer, Map<String, Double>> torch = noTorch ? Map.of() : runTorch(out);
        for (int seq : seqs) {
            runLayer(out, seq, torch.get(seq));
        }
        return 0;
    }

    private void validate() {
        if (batch < 1 || width < 1 || heads < 1 || run.threads < 1 || run.minSteps < 1 || run.seconds < 0
                || run.warmup < 0
                || seqs.stream().anyMatch(s -> s < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--batch, --width, --heads, --threads, --min-steps and every --seqs value must be >= 1, "
                            + "--seconds and --warmup >= 0");
        }
        if (width % heads != 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--heads " + heads + " must divide --width " + width);
        }
    }

    private void runLayer(PrintWriter out, int seq, Map<String, Double> torch) {
        Layer layer = MultiHeadSelfAttentionOptions.of(heads).build(Shape.sequence(width), Precision.FLOAT32, seed);
        // A training step as Sequential.fit runs it: the layer keeps its output and input gradient from step to step
        // (TrainingBuffers), as bench lstm's fit does for the recurrent layers.
        ((TrainingBuffers) layer).reuseTrainingBuffers(true);
        SplittableRandom random = new SplittableRandom(seed + seq);
        Tensor x = randomTensor(random, batch, seq, width);
        Tensor dy = randomTensor(random, batch, seq, width);
        Signal in = Signal.sequence(x, null);
        Gradients grads = new Gradients();
        Runnable step = () -> {
            Layer.Forward f = layer.forward(in, true, null);
            layer.backward(f, dy, grads);
            grads.zero();
        };
        long warmEnd = System.nanoTime() + (long) (run.warmup * 1e9);
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) {
            step.run();
        }
        long steps = 0;
        long start = System.nanoTime();
        long cpuStart = LstmBench.processCpuNanos();
        long now;
        do {
            step.run();
            steps++;
            now = System.nanoTime();
        } while (steps < run.minSteps || now - start < run.seconds * 1e9);
        double wall = (now - start) / 1e9;
        double cpu = (LstmBench.processCpuNanos() - cpuStart) / 1e9;
        double rate = batch * steps / wall;
        BenchReport report = BenchReport.of("attention").put("part", "layer").put("batch", batch).put("seq", seq)
                .put("width", width).put("heads", heads).put("kernels", Kernels.describe())
                .put("train_step_samples_per_s", rate).put("steps", steps)
                .put("train_step_samples_per_cpu_s", batch * steps / cpu);
        if (torch != null) {
            double torchRate = torch.getOrDefault("samples_per_s", Double.NaN);
            double torchPerCpu = torch.getOrDefault("steps", Double.NaN) * batch
                    / torch.getOrDefault("cpu_seconds", Double.NaN);
            report.put("torch_train_step_samples_per_s", torchRate).put("ratio_vs_torch", rate / torchRate)
                    .put("target_met", rate / torchRate >= 1.5)
                    .put("torch_train_step_samples_per_cpu_s", torchPerCpu)
                    .put("ratio_per_cpu_s", batch * steps / cpu / torchPerCpu);
        }
        report.print(out);
    }

    private static Tensor randomTensor(SplittableRandom random, int... shape) {
        Tensor t = Tensor.zeros(Precision.FLOAT32, shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextDouble() * 2 - 1);
        }
        return t;
    }

    /**
     * Runs the PyTorch script; returns its figures keyed by sequence length, or nothing (after an {@code anchor}
     * line with the reason) when PyTorch is not there.
     */
    private Map<Integer, Map<String, Double>> runTorch(PrintWriter out) throws IOException, InterruptedException {
        Path script = Files.createTempFile("nlpkit-attention-torch", ".py");
        try {
            try (InputStream in = AttentionBench.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + SCRIPT + " missing from the nlpkit jar");
                }
                Files.write(script, in.readAllBytes());
            }
            List<String> command = List.of(python, script.toString(), "--batch", String.valueOf(batch),
                    "--seqs", String.join(",", seqs.stream().map(String::valueOf).toList()),
                    "--width", String.valueOf(width), "--heads", String.valueOf(heads), "--torch-threads", "1",
                    "--blas-threads", String.valueOf(run.threads), "--seconds", String.valueOf(run.seconds),
                    "--min-steps", String.valueOf(run.minSteps), "--seed", String.valueOf(seed));
            Process process;
            try {
                process = AnchorProcess.builder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                skipped(out, "cannot start " + python + ": " + e.getMessage());
                return Map.of();
            }
            Map<Integer, Map<String, Double>> figures = new HashMap<>();
            List<String> other = new ArrayList<>();
            String skip = null;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("{\"skip\"")) {
                        skip = LstmBench.strings(line).get("skip");
                    } else if (line.startsWith("{\"setup\"")) {
                        Map<String, String> s = LstmBench.strings(line);
                        Map<String, Double> n = LstmBench.numbers(line);
                        BenchReport.of("attention").put("part", "anchor").put("impl", "pytorch " + s.get("torch"))
                                .put("torch_threads", n.get("torch_threads").intValue())
                                .put("blas", s.getOrDefault("api", "?") + " " + s.getOrDefault("version", "?"))
                                .put("blas_kernel", s.getOrDefault("kernel", "?"))
                                .put("blas_threads", n.containsKey("threads") ? n.get("threads").intValue() : -1)
                                .print(out);
                    } else if (line.startsWith("{\"seq\"")) {
                        Map<String, Double> n = LstmBench.numbers(line);
                        figures.put(n.get("seq").intValue(), n);
                    } else {
                        other.add(line);
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the PyTorch anchor did not finish within 10 minutes");
            }
            if (skip != null) {
                skipped(out, skip);
                return Map.of();
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the PyTorch anchor (" + python + " " + SCRIPT + ") failed with exit "
                        + "code " + process.exitValue() + ":\n" + String.join("\n", other.subList(
                        Math.max(0, other.size() - 15), other.size()))
                        + "\n(run with --no-torch to skip it)");
            }
            return figures;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void skipped(PrintWriter out, String reason) {
        BenchReport.of("attention").put("part", "anchor").put("impl", "pytorch").put("skipped", reason).print(out);
    }
}
