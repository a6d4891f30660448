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
 *
 * <p>The two sides are measured in alternating rounds ({@code --rounds}, each side's {@code --seconds} split among
 * them, the side going first swapped every round), so that a slow spell of a shared machine falls on both, and each
 * side's figure is the median of its rounds; every round is printed ({@code "part": "round"}).
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

    @Option(names = "--rounds", defaultValue = "5",
            description = "Alternating rounds per length, each side's --seconds split among them; each side reports "
                    + "the median of its rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Parallelism.setThreads(run.threads);
        BenchReport.of("attention").withMachine().put("part", "setup").put("kernels", Kernels.describe())
                .put("threads", run.threads).print(out);
        Path script = Files.createTempFile("nlpkit-attention-torch", ".py");
        TorchSide torch = null;
        try {
            torch = noTorch ? null : TorchSide.start(this, script, out);
            for (int seq : seqs) {
                runLayer(out, seq, torch);
            }
        } finally {
            if (torch != null) {
                torch.close();
            }
            Files.deleteIfExists(script);
        }
        return 0;
    }

    private void validate() {
        if (batch < 1 || width < 1 || heads < 1 || run.threads < 1 || run.minSteps < 1 || run.seconds < 0
                || run.warmup < 0 || rounds < 1
                || seqs.stream().anyMatch(s -> s < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--batch, --width, --heads, --threads, --min-steps, --rounds and every --seqs value must be >= 1, "
                            + "--seconds and --warmup >= 0");
        }
        if (width % heads != 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--heads " + heads + " must divide --width " + width);
        }
    }

    /** One side's measurement: steps, wall seconds, process CPU seconds. */
    private record Round(double steps, double seconds, double cpuSeconds) {
        double samplesPerSecond(int batch) {
            return steps * batch / seconds;
        }
    }

    private void runLayer(PrintWriter out, int seq, TorchSide torch) throws IOException {
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
        double warmSeconds = warmUp(step);
        List<Round> ours = new ArrayList<>();
        List<Round> theirs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // The side going first alternates, so neither always runs right after the other's burst.
            boolean torchFirst = r % 2 == 1;
            if (torchFirst && torch != null) {
                theirs.add(torch.round(seq));
            }
            ours.add(measure(step));
            if (!torchFirst && torch != null) {
                theirs.add(torch.round(seq));
            }
            BenchReport round = BenchReport.of("attention").put("part", "round").put("seq", seq).put("round", r + 1)
                    .put("train_step_samples_per_s", ours.get(r).samplesPerSecond(batch));
            if (torch != null) {
                round.put("torch_train_step_samples_per_s", theirs.get(r).samplesPerSecond(batch))
                        .put("ratio_vs_torch", ours.get(r).samplesPerSecond(batch)
                                / theirs.get(r).samplesPerSecond(batch));
            }
            round.print(out);
        }
        double rate = median(ours);
        BenchReport report = BenchReport.of("attention").put("part", "layer").put("batch", batch).put("seq", seq)
                .put("width", width).put("heads", heads).put("kernels", Kernels.describe()).put("rounds", rounds)
                .put("warmup_s", warmSeconds)
                .put("train_step_samples_per_s", rate).put("steps", (long) sum(ours, Round::steps))
                .put("train_step_samples_per_cpu_s", batch * sum(ours, Round::steps) / sum(ours, Round::cpuSeconds));
        if (torch != null) {
            double torchRate = median(theirs);
            double torchPerCpu = batch * sum(theirs, Round::steps) / sum(theirs, Round::cpuSeconds);
            double perCpu = batch * sum(ours, Round::steps) / sum(ours, Round::cpuSeconds);
            report.put("torch_train_step_samples_per_s", torchRate).put("ratio_vs_torch", rate / torchRate)
                    .put("target_met", rate / torchRate >= 1.5)
                    .put("torch_train_step_samples_per_cpu_s", torchPerCpu)
                    .put("ratio_per_cpu_s", perCpu / torchPerCpu);
        }
        report.print(out);
    }

    /** Longest warm-up past {@code --warmup} while the step rate still rises. */
    static final double MAX_WARMUP_SECONDS = 20;

    /**
     * Warms the step up for at least {@code --warmup} seconds (and 3 steps), then in half-second chunks until the
     * step rate stops rising (three chunks in a row no more than 2% above the best one) or
     * {@link #MAX_WARMUP_SECONDS} have passed: on 2 cores the JIT compiles the kernels beside the 2 busy kernel
     * threads, and the step rate still climbs by 30-40% between the 2nd and the 8th second (sequence 30), which
     * a fixed 2 s warm-up left in the first rounds. PyTorch's side runs compiled code from its first step. With
     * {@code --warmup 0}, 3 steps only.
     *
     * @return the seconds spent
     */
    private double warmUp(Runnable step) {
        long start = System.nanoTime();
        long warmEnd = start + (long) (run.warmup * 1e9);
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) {
            step.run();
        }
        long capEnd = run.warmup > 0 ? warmEnd + (long) (MAX_WARMUP_SECONDS * 1e9) : start; // --warmup 0: none
        double best = 0;
        for (int flat = 0; flat < 3 && System.nanoTime() < capEnd; ) {
            long chunkStart = System.nanoTime();
            long steps = 0;
            while (System.nanoTime() - chunkStart < 500_000_000L) {
                step.run();
                steps++;
            }
            double rate = steps / ((System.nanoTime() - chunkStart) / 1e9);
            flat = rate > best * 1.02 ? 0 : flat + 1;
            best = Math.max(best, rate);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One timed round of our side: at least {@code --seconds / --rounds} and {@code --min-steps} steps. */
    private Round measure(Runnable step) {
        long steps = 0;
        long start = System.nanoTime();
        long cpuStart = LstmBench.processCpuNanos();
        long now;
        do {
            step.run();
            steps++;
            now = System.nanoTime();
        } while (steps < run.minSteps || now - start < run.seconds / rounds * 1e9);
        return new Round(steps, (now - start) / 1e9, (LstmBench.processCpuNanos() - cpuStart) / 1e9);
    }

    /** The median samples per second of the rounds (the mean of the middle two for an even count). */
    private double median(List<Round> all) {
        double[] rates = all.stream().mapToDouble(r -> r.samplesPerSecond(batch)).sorted().toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    private static double sum(List<Round> all, java.util.function.ToDoubleFunction<Round> field) {
        return all.stream().mapToDouble(field).sum();
    }

    private static Tensor randomTensor(SplittableRandom random, int... shape) {
        Tensor t = Tensor.zeros(Precision.FLOAT32, shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, random.nextDouble() * 2 - 1);
        }
        return t;
    }

    /**
     * The PyTorch script, started once and asked for one measurement at a time ({@code --interleaved}: a length
     * written to its input, its figures read back), so that its rounds alternate with ours.
     */
    private static final class TorchSide implements AutoCloseable {
        private final Process process;
        private final BufferedReader reader;
        private final PrintWriter commands;
        private final List<String> other = new ArrayList<>();
        private final String python;

        private TorchSide(Process process, String python) {
            this.process = process;
            this.python = python;
            this.reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        /**
         * Starts the script and reads its setup (printing the {@code anchor} line); returns null, after an
         * {@code anchor} line with the reason, when the Python cannot start or PyTorch does not import.
         */
        static TorchSide start(AttentionBench bench, Path script, PrintWriter out) throws IOException {
            try (InputStream in = AttentionBench.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + SCRIPT + " missing from the nlpkit jar");
                }
                Files.write(script, in.readAllBytes());
            }
            List<String> command = List.of(bench.python, script.toString(), "--interleaved",
                    "--batch", String.valueOf(bench.batch),
                    "--width", String.valueOf(bench.width), "--heads", String.valueOf(bench.heads),
                    "--torch-threads", "1", "--blas-threads", String.valueOf(bench.run.threads),
                    "--seconds", String.valueOf(bench.run.seconds / bench.rounds),
                    "--min-steps", String.valueOf(bench.run.minSteps), "--seed", String.valueOf(bench.seed));
            Process process;
            try {
                process = AnchorProcess.builder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                skipped(out, "cannot start " + bench.python + ": " + e.getMessage());
                return null;
            }
            TorchSide side = new TorchSide(process, bench.python);
            for (String line = side.reader.readLine(); ; line = side.reader.readLine()) {
                if (line == null) {
                    throw side.failure("ended before its setup line");
                } else if (line.startsWith("{\"skip\"")) {
                    skipped(out, LstmBench.strings(line).get("skip"));
                    side.close();
                    return null;
                } else if (line.startsWith("{\"setup\"")) {
                    LstmBench.printTorchSetup("attention", line, out);
                    return side;
                } else {
                    side.other.add(line);
                }
            }
        }

        /** One measurement of length {@code seq}. */
        Round round(int seq) throws IOException {
            commands.println(seq);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("{\"seq\"")) {
                    Map<String, Double> n = LstmBench.numbers(line);
                    return new Round(n.get("steps"), n.get("seconds"), n.get("cpu_seconds"));
                }
                other.add(line);
            }
            throw failure("ended without the figures of sequence " + seq);
        }

        private IllegalStateException failure(String what) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
            return new IllegalStateException("the PyTorch anchor (" + python + " " + SCRIPT + ") " + what + " ("
                    + exit + "):\n" + String.join("\n", other.subList(Math.max(0, other.size() - 15), other.size()))
                    + "\n(run with --no-torch to skip it)");
        }

        @Override
        public void close() {
            commands.close(); // end of input ends the script
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void skipped(PrintWriter out, String reason) {
        BenchReport.of("attention").put("part", "anchor").put("impl", "pytorch").put("skipped", reason).print(out);
    }
}
