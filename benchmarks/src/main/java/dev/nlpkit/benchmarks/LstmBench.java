package dev.nlpkit.benchmarks;

import dev.nlpkit.benchmarks.anchor.AnchorProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.math.Gemm;
import dev.nlpkit.recurrent.math.Kernels;
import dev.nlpkit.recurrent.math.PackedMatrix;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.model.Dataset;
import dev.nlpkit.recurrent.model.FitOptions;
import dev.nlpkit.recurrent.model.InferenceOptions;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.model.Targets;
import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench lstm}: the recurrent module's hot paths, side by side with PyTorch in the same run.
 *
 * <ol>
 *   <li><b>kernel</b>: GFLOP/s of {@link Gemm} on the products an LSTM(100) over Embedding(300) makes (input
 *       projection of all steps, one recurrent step, the backward products; the per-step products also with
 *       the weight packed once, as the layer runs them), against the FP32 peak of one core
 *       ({@code --peak-gflops-per-core}, default 210: a register-only 512-bit FMA loop on one core of the
 *       reference machine, an AMD EPYC Zen 5 with two FMA pipes) times the threads.</li>
 *   <li><b>model</b>: the course's sentiment model Embedding(vocab, 300) -> Dropout(0.5) -> LSTM|GRU|SimpleRNN(100)
 *       -> Dense(1, sigmoid), binary cross-entropy, Adam (dense updates, as PyTorch's), on random token ids of
 *       length 30: training samples/s (forward, backward, update through {@code Sequential.fit}) and inference
 *       samples/s ({@code Sequential.predict}); no recurrent dropout, which PyTorch's layers lack.</li>
 *   <li><b>anchor</b>: the same model in PyTorch ({@code lstm_torch.py}, shipped with this class) run as a
 *       {@code /usr/bin/python3} subprocess before the Java measurements, in its fastest setting on this
 *       machine: 1 torch thread and {@code --threads} OpenBLAS threads pinned with threadpoolctl, in the
 *       environment of {@link AnchorProcess} (glibc keeps freed memory; no forced OpenBLAS kernel); the BLAS
 *       kernel threadpoolctl reports is printed.</li>
 * </ol>
 * Run {@code NLPKIT_VECTOR=off nlpkit bench lstm} for the plain-Java kernels.
 */
@Command(name = "lstm", mixinStandardHelpOptions = true,
        description = "Recurrent module: gemm GFLOP/s and sentiment-model training/inference samples/s (LSTM, GRU, "
                + "SimpleRNN) vs PyTorch on the CPU, measured in the same run.")
public final class LstmBench implements Callable<Integer> {

    static final String SCRIPT = "lstm_torch.py";

    /** Fewest warm-up fits (of 2 batches each) per model configuration, whatever --warmup says. */
    static final int WARMUP_FITS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--cells", split = ",", defaultValue = "lstm,gru,rnn",
            description = "Recurrent cells to time: lstm, gru, rnn (default: ${DEFAULT-VALUE}).")
    List<String> cells;

    @Option(names = "--batches", split = ",", defaultValue = "64,1024",
            description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--seq", defaultValue = "30", description = "Sequence length (default: ${DEFAULT-VALUE}).")
    int seq;

    @Option(names = "--vocab", defaultValue = "50000", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--embed", defaultValue = "300", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--hidden", defaultValue = "100", description = "Recurrent units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Mixin
    TimedRunFlags run = new TimedRunFlags();

    @Option(names = "--parts", split = ",", defaultValue = "kernel,model",
            description = "What to run: kernel, model (default: ${DEFAULT-VALUE}).")
    List<String> parts;

    @Option(names = "--no-torch", description = "Skip the PyTorch anchor (no ratios).")
    boolean noTorch;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch and threadpoolctl (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--peak-gflops-per-core", defaultValue = "210",
            description = "FP32 peak of one core, GFLOP/s (default: ${DEFAULT-VALUE}, measured with a register-only "
                    + "FMA loop on the reference machine).")
    double peakPerCore;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights and data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Parallelism.setThreads(run.threads);
        BenchReport.of("lstm").withMachine().put("part", "setup").put("kernels", Kernels.describe())
                .put("threads", run.threads).put("load_average", loadAverage()).print(out);
        if (parts.contains("kernel")) {
            runKernels(out);
        }
        if (parts.contains("model")) {
            Map<String, Map<String, Double>> torch = noTorch ? Map.of() : runTorch(out);
            for (String cell : cells) {
                for (int batch : batches) {
                    runModel(out, cell, batch, torch.get(cell + "/" + batch));
                }
            }
        }
        return 0;
    }

    private void validate() {
        for (String cell : cells) {
            if (!List.of("lstm", "gru", "rnn").contains(cell)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--cells: expected lstm, gru or rnn, got '" + cell + "'");
            }
        }
        for (String part : parts) {
            if (!List.of("kernel", "model").contains(part)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--parts: expected kernel or model, got '" + part + "'");
            }
        }
        if (run.threads < 1 || seq < 1 || vocab < 2 || embed < 1 || hidden < 1 || run.minSteps < 1
                || run.seconds < 0 || run.warmup < 0
                || batches.stream().anyMatch(b -> b < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads, --seq, --embed, --hidden, --min-steps and every batch must be >= 1, --vocab >= 2, "
                            + "--seconds and --warmup >= 0");
        }
    }

    // ------------------------------------------------------------------ kernels

    /**
     * One timed product: {@code name} says where the LSTM makes it; {@code packedB}: B packed once by
     * {@link Gemm#pack} outside the timing, as the layer does with its recurrent weight per batch.
     */
    record Product(String name, boolean transA, boolean transB, int m, int n, int k, boolean packedB) {
        Product(String name, boolean transA, boolean transB, int m, int n, int k) {
            this(name, transA, transB, m, n, k, false);
        }
    }

    List<Product> products() {
        int gh = 4 * hidden;
        List<Product> list = new ArrayList<>();
        for (int batch : batches) {
            int rows = batch * seq;
            list.add(new Product("input projection x W_x, batch " + batch, false, false, rows, gh, embed));
            list.add(new Product("recurrent step h W_h, batch " + batch, false, false, batch, gh, hidden));
            list.add(new Product("recurrent step h W_h, W_h packed once, batch " + batch, false, false, batch, gh,
                    hidden, true));
            list.add(new Product("backward dh = dz W_h^T, batch " + batch, false, true, batch, hidden, gh));
            list.add(new Product("backward dh = dz W_h^T, W_h^T packed once, batch " + batch, false, true, batch,
                    hidden, gh, true));
            list.add(new Product("backward dW_h = h^T dz, batch " + batch, true, false, hidden, gh, rows));
            list.add(new Product("backward dW_x = x^T dz, batch " + batch, true, false, embed, gh, rows));
            list.add(new Product("backward dx = dz W_x^T, batch " + batch, false, true, rows, embed, gh));
        }
        list.add(new Product("square 1024", false, false, 1024, 1024, 1024));
        return list;
    }

    private void runKernels(PrintWriter out) {
        double peak = peakPerCore * run.threads;
        for (Product p : products()) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] a = randomFloats(random, p.m * p.k);
            float[] b = randomFloats(random, p.k * p.n);
            float[] c = new float[p.m * p.n];
            int lda = p.transA ? p.m : p.k;
            int ldb = p.transB ? p.k : p.n;
            double flops = 2.0 * p.m * p.n * p.k;
            PackedMatrix packed = p.packedB ? Gemm.pack(p.transB, p.k, p.n, b, 0, ldb) : null;
            Runnable call = packed != null
                    ? () -> Gemm.gemm(p.transA, p.m, 1f, a, 0, lda, packed, 0f, c, 0, p.n)
                    : () -> Gemm.gemm(p.transA, p.transB, p.m, p.n, p.k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, p.n);
            Timing timing = time(call, run.seconds / 3);
            double gflops = flops * timing.calls / timing.nanos;
            // Per core from CPU time: what one core delivers while it runs this product, whatever the load.
            double perCore = flops * timing.calls / timing.cpuNanos;
            BenchReport.of("lstm").put("part", "kernel").put("product", p.name)
                    .put("shape", String.format(Locale.ROOT, "[%d x %d] x [%d x %d]%s", p.m, p.k, p.k, p.n,
                            p.transA || p.transB ? " (" + (p.transA ? "A^T" : "A") + (p.transB ? " B^T" : " B") + ")" : ""))
                    .put("packed_b", p.packedB)
                    .put("kernels", Kernels.describe()).put("gflops", gflops).put("peak_assumed_gflops", peak)
                    .put("fraction_of_peak", gflops / peak)
                    .put("gflops_per_core_by_cpu_time", perCore)
                    .put("fraction_of_core_peak_by_cpu_time", perCore / peakPerCore)
                    .put("calls", timing.calls).print(out);
        }
    }

    /** Calls made, wall-clock nanoseconds, and CPU nanoseconds of the whole process (all threads) meanwhile. */
    record Timing(long calls, long nanos, long cpuNanos) {
    }

    /**
     * CPU time of this process, all threads. On a shared machine the wall-clock rate depends on what else runs;
     * work per CPU-second does much less, so both are reported (PyTorch's script reports the same pair).
     */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Warms up (at least 3 calls and {@code --warmup} seconds, so the JIT has compiled the kernels), then times
     * whole calls until {@code minSeconds} have passed.
     */
    private Timing time(Runnable call, double minSeconds) {
        long warmEnd = System.nanoTime() + (long) (run.warmup * 1e9);
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) {
            call.run();
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long calls = 0;
        long now;
        do {
            call.run();
            calls++;
            now = System.nanoTime();
        } while (calls < run.minSteps || now - start < minSeconds * 1e9);
        return new Timing(calls, now - start, processCpuNanos() - cpuStart);
    }

    private static float[] randomFloats(SplittableRandom random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (random.nextDouble() - 0.5);
        }
        return x;
    }

    // ------------------------------------------------------------------ model

    private Sequential buildModel(String cell) {
        RecurrentOptions recurrent = switch (cell) {
            case "lstm" -> RecurrentOptions.lstm(hidden);
            case "gru" -> RecurrentOptions.gru(hidden);
            default -> RecurrentOptions.simpleRnn(hidden);
        };
        return Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(vocab, embed))
                .add(DropoutOptions.of(0.5))
                .add(recurrent)
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(seed);
    }

    private int[][] tokens(SplittableRandom random, int rows) {
        int[][] ids = new int[rows][seq];
        for (int[] row : ids) {
            for (int t = 0; t < seq; t++) {
                row[t] = 1 + random.nextInt(vocab - 1);
            }
        }
        return ids;
    }

    private void runModel(PrintWriter out, String cell, int batch, Map<String, Double> torch) {
        Sequential model = buildModel(cell);
        SplittableRandom random = new SplittableRandom(seed + batch);
        FitOptions fit = FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(1e-3))
                .withEpochs(1).withBatchSize(batch).withShuffle(false).withSeed(seed);

        // Training: warm up per configuration (at least WARMUP_FITS fits of 2 batches and --warmup seconds, so
        // C2 has compiled this cell's code), estimate the step time from the fastest warm-up fit, then time fits
        // of that many batches until --seconds and --min-steps are both reached (one fit when the estimate
        // holds; a wrong estimate costs more fits, never a short measurement).
        double stepSeconds = Double.POSITIVE_INFINITY;
        long warmEnd = System.nanoTime() + (long) (run.warmup * 1e9);
        for (int fits = 0; fits < WARMUP_FITS || System.nanoTime() < warmEnd; fits++) {
            long warmStart = System.nanoTime();
            trainingData(random, batch, 2, model, fit);
            stepSeconds = Math.min(stepSeconds, (System.nanoTime() - warmStart) / 2e9);
        }
        int chunk = (int) Math.max(run.minSteps,
                Math.min(10_000, Math.ceil(run.seconds / Math.max(stepSeconds, 1e-6))));
        Dataset data = dataset(random, batch * chunk);
        long steps = 0;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        do {
            model.fit(data, null, fit, TrainingListener.none());
            steps += chunk;
        } while (steps < run.minSteps || System.nanoTime() - start < run.seconds * 1e9);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double trainCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double trainRate = (double) batch * steps / trainSeconds;
        double trainPerCpu = (double) batch * steps / trainCpuSeconds;

        // Inference: predict on one batch, repeated; first without the fused embedding projection (every call
        // multiplies its embedded inputs, as PyTorch's does), then with the library's default, which builds the
        // projection table during the warm-up (once per weights version, excluded like JIT compilation).
        Inputs one = Inputs.tokens(tokens(random, batch));
        model.setInferenceOptions(InferenceOptions.unfused());
        Timing unfused = time(() -> model.predict(one, batch), run.seconds);
        double unfusedRate = (double) batch * unfused.calls / (unfused.nanos / 1e9);
        model.setInferenceOptions(InferenceOptions.defaults());
        Timing timing = time(() -> model.predict(one, batch), run.seconds);
        double inferRate = (double) batch * timing.calls / (timing.nanos / 1e9);
        double inferPerCpu = (double) batch * timing.calls / (timing.cpuNanos / 1e9);

        BenchReport report = BenchReport.of("lstm").put("part", "model").put("cell", cell).put("batch", batch)
                .put("seq", seq).put("kernels", Kernels.describe())
                .put("train_samples_per_s", trainRate).put("train_steps", steps)
                .put("infer_samples_per_s", inferRate).put("infer_steps", timing.calls)
                .put("infer_unfused_samples_per_s", unfusedRate)
                .put("train_samples_per_cpu_s", trainPerCpu).put("infer_samples_per_cpu_s", inferPerCpu);
        if (torch != null) {
            double torchTrain = torch.getOrDefault("train_samples_per_s", Double.NaN);
            double torchInfer = torch.getOrDefault("infer_samples_per_s", Double.NaN);
            report.put("torch_train_samples_per_s", torchTrain).put("torch_infer_samples_per_s", torchInfer)
                    .put("train_ratio_vs_torch", trainRate / torchTrain)
                    .put("infer_ratio_vs_torch", inferRate / torchInfer)
                    .put("train_target_met", trainRate / torchTrain >= 1.0)
                    .put("infer_target_met", inferRate / torchInfer >= 1.5);
            double torchTrainCpu = torch.getOrDefault("train_cpu_seconds", Double.NaN);
            double torchInferCpu = torch.getOrDefault("infer_cpu_seconds", Double.NaN);
            double torchTrainPerCpu = torch.getOrDefault("train_steps", Double.NaN) * batch / torchTrainCpu;
            double torchInferPerCpu = torch.getOrDefault("infer_steps", Double.NaN) * batch / torchInferCpu;
            report.put("torch_train_samples_per_cpu_s", torchTrainPerCpu)
                    .put("torch_infer_samples_per_cpu_s", torchInferPerCpu)
                    .put("train_ratio_per_cpu_s", trainPerCpu / torchTrainPerCpu)
                    .put("infer_ratio_per_cpu_s", inferPerCpu / torchInferPerCpu);
        }
        report.print(out);
    }

    private void trainingData(SplittableRandom random, int batch, int steps, Sequential model, FitOptions fit) {
        model.fit(dataset(random, batch * steps), null, fit, TrainingListener.none());
    }

    private Dataset dataset(SplittableRandom random, int rows) {
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(2);
        }
        return Dataset.of(Inputs.tokens(tokens(random, rows)), Targets.binary(labels));
    }

    // ------------------------------------------------------------------ PyTorch anchor

    private static final Pattern NUMBER_FIELD = Pattern.compile("\"(\\w+)\": (-?[0-9.eE+-]+)");
    private static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\": \"([^\"]*)\"");

    /** Runs the PyTorch script; returns its figures keyed {@code cell/batch}. */
    private Map<String, Map<String, Double>> runTorch(PrintWriter out) throws IOException, InterruptedException {
        Path script = Files.createTempFile("nlpkit-lstm-torch", ".py");
        try {
            try (InputStream in = LstmBench.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + SCRIPT + " missing from the nlpkit jar");
                }
                Files.write(script, in.readAllBytes());
            }
            List<String> command = List.of(python, script.toString(), "--cells", String.join(",", cells),
                    "--batches", String.join(",", batches.stream().map(String::valueOf).toList()),
                    "--seq", String.valueOf(seq), "--vocab", String.valueOf(vocab), "--embed", String.valueOf(embed),
                    "--hidden", String.valueOf(hidden), "--torch-threads", "1",
                    "--blas-threads", String.valueOf(run.threads), "--seconds", String.valueOf(run.seconds),
                    "--min-steps", String.valueOf(run.minSteps), "--seed", String.valueOf(seed));
            Process process = AnchorProcess.builder(command).redirectErrorStream(true).start();
            Map<String, Map<String, Double>> figures = new HashMap<>();
            List<String> other = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("{\"setup\"")) {
                        printTorchSetup("lstm", line, out);
                    } else if (line.startsWith("{\"cell\"")) {
                        figures.put(strings(line).get("cell") + "/" + numbers(line).get("batch").intValue(),
                                numbers(line));
                    } else {
                        other.add(line);
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the PyTorch anchor did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the PyTorch anchor (" + python + " " + SCRIPT + ") failed with exit "
                        + "code " + process.exitValue() + ":\n" + String.join("\n", other.subList(
                        Math.max(0, other.size() - 15), other.size()))
                        + "\n(run with --no-torch to skip it)");
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the PyTorch anchor with " + python
                    + " (run with --no-torch to skip it)", e);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * The setup line of a PyTorch anchor script ({@code lstm_torch.py}, {@code attention_torch.py}: the torch
     * version, its thread count and the BLAS it runs on) as the {@code bench}'s anchor report.
     */
    static void printTorchSetup(String bench, String setupLine, PrintWriter out) {
        Map<String, String> s = strings(setupLine);
        Map<String, Double> n = numbers(setupLine);
        BenchReport.of(bench).put("part", "anchor").put("impl", "pytorch " + s.get("torch"))
                .put("torch_threads", n.get("torch_threads").intValue())
                .put("blas", s.getOrDefault("api", "?") + " " + s.getOrDefault("version", "?"))
                .put("blas_kernel", s.getOrDefault("kernel", "?"))
                .put("blas_threads", n.containsKey("threads") ? n.get("threads").intValue() : -1)
                .print(out);
    }

    static Map<String, Double> numbers(String json) {
        Map<String, Double> map = new HashMap<>();
        Matcher m = NUMBER_FIELD.matcher(json);
        while (m.find()) {
            map.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return map;
    }

    static Map<String, String> strings(String json) {
        Map<String, String> map = new HashMap<>();
        Matcher m = STRING_FIELD.matcher(json);
        while (m.find()) {
            map.putIfAbsent(m.group(1), m.group(2));
        }
        return map;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
