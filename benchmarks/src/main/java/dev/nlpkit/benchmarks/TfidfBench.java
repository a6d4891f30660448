package dev.nlpkit.benchmarks;

import static dev.nlpkit.benchmarks.AnchorOutput.loadAverage;
import static dev.nlpkit.benchmarks.AnchorOutput.number;
import static dev.nlpkit.benchmarks.AnchorOutput.string;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.nlpkit.vectorize.bow.Fitted;
import dev.nlpkit.vectorize.bow.TfidfOptions;
import dev.nlpkit.vectorize.bow.TfidfVectorizer;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench tfidf}: TF-IDF fit + transform of nlpkit ({@link TfidfOptions#sklearn()}) against
 * scikit-learn's {@code TfidfVectorizer().fit_transform} on the same token lists, side by side in one run.
 *
 * <p>Steps: read the tweets CSV (column {@code text}), tokenize once (lowercase, split on U+0000..U+0020), write
 * the token lists to a temporary file (one document per line, tokens joined by one space); both sides read that
 * file and only fit + transform is timed: after one Java warm-up run, {@code repeats} Java runs (each after a
 * {@code System.gc()} outside the timed region) alternate with {@code repeats} runs of the anchor script
 * {@code tfidf_sklearn.py} (a resource; a long-lived Python process serving one run per command, with a callable
 * analyzer), so both sides see the same machine load; medians are reported, with process CPU times. The outputs
 * are compared (shape, non-zeros, sum of values). Then a child JVM with
 * {@code -Xmx} = 2 x (matrix + vocabulary footprint) fits and transforms the same file <em>streaming</em>
 * ({@link TfidfHeapProbe}): it finishing proves the peak-heap bound.
 */
@Command(name = "tfidf", mixinStandardHelpOptions = true,
        description = "TF-IDF fit+transform vs scikit-learn's TfidfVectorizer on the same pre-tokenized tweets.")
public final class TfidfBench implements Callable<Integer> {

    @Option(names = "--csv", description = "Tweets CSV(.gz) with a 'text' column (default: the sentiment140-combined "
            + "dataset).")
    Path csv;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N rows (0 = all).")
    int limit;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs per side (median reported).")
    int repeats;

    @Option(names = "--threads", defaultValue = "2", description = "nlpkit worker threads.")
    int threads;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with scikit-learn.")
    String python;

    @Option(names = "--no-anchor", description = "Skip scikit-learn.")
    boolean noAnchor;

    @Option(names = "--no-sklearn-regex", description = "Skip timing sklearn's own regex tokenizer (orientation).")
    boolean noRegex;

    @Option(names = "--no-heap-check", description = "Skip the child JVM with the heap limit.")
    boolean noHeapCheck;

    @Spec
    CommandSpec spec;

    /** Where the datasets come from when no option names a path. */
    private final BenchData datasets;

    /** A benchmark that reads only the paths its options give (tests, a bare command line). */
    public TfidfBench() {
        this(BenchData.optionsOnly());
    }

    /** A benchmark that finds its default datasets through {@code data} ({@code nlpkit bench}). */
    public TfidfBench(BenchData data) {
        this.datasets = java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || threads < 1) {
            throw new IllegalArgumentException("--repeats and --threads must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path source = datasets.resolve(BenchData.Dataset.SENTIMENT140_COMBINED, csv, "--csv");
        Path dir = Files.createTempDirectory("nlpkit-bench-tfidf");
        try {
            Path tokensFile = dir.resolve("tokens.txt");
            long tokenCount = writeTokens(source, tokensFile, limit);
            List<List<String>> docs = readTokens(tokensFile);

            Anchor anchor = noAnchor ? null : Anchor.start(python, tokensFile, out);
            TfidfOptions options = TfidfOptions.sklearn().withThreads(threads);
            long start = System.nanoTime();
            Fitted<TfidfVectorizer> fitted = TfidfVectorizer.fitTransform(docs, options);
            double first = seconds(start);
            double[] times = new double[repeats];
            double[] gcTimes = new double[repeats];
            double[] cpuTimes = new double[repeats];
            List<String> anchorRuns = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                fitted = null;
                System.gc(); // start each timed run with an empty young generation (not timed)
                long gcBefore = gcMillis();
                long cpuBefore = processCpuNanos();
                start = System.nanoTime();
                fitted = TfidfVectorizer.fitTransform(docs, options);
                times[r] = seconds(start);
                cpuTimes[r] = (processCpuNanos() - cpuBefore) / 1e9;
                gcTimes[r] = (gcMillis() - gcBefore) / 1e3;
                if (anchor != null) {
                    // alternate with the anchor so that both sides see the same machine load
                    anchorRuns.add(anchor.run("tfidf"));
                }
            }
            CsrMatrix x = fitted.matrix();
            double javaMedian = median(times);
            double javaCpu = median(cpuTimes);
            double sum = 0;
            for (float v : x.values()) {
                sum += v;
            }
            long matrixBytes = x.memoryFootprintBytes();
            long vocabularyBytes = fitted.vectorizer().vocabulary().memoryFootprintBytes();
            BenchReport.of("tfidf").put("impl", "nlpkit").put("preset", "sklearn").put("threads", threads)
                    .put("docs", x.rows()).put("tokens", tokenCount).put("columns", x.columns())
                    .put("nnz", x.nonZeros()).put("fit_transform_s", javaMedian).put("process_cpu_s", javaCpu)
                    .put("gc_in_timed_runs_s_median", median(gcTimes))
                    .put("first_run_s", first)
                    .put("runs", repeats).put("docs_per_s", x.rows() / javaMedian)
                    .put("matrix_mib", matrixBytes / 1048576.0).put("vocabulary_mib", vocabularyBytes / 1048576.0)
                    .put("load_avg", loadAverage()).withMachine().print(out);

            if (anchor != null) {
                List<String> regexRuns = new ArrayList<>();
                if (!noRegex) {
                    for (int r = 0; r < repeats; r++) {
                        regexRuns.add(anchor.run("regex"));
                    }
                }
                anchor.close();
                report(out, anchor, anchorRuns, regexRuns, x, sum, javaMedian, javaCpu);
            }
            if (!noHeapCheck) {
                heapCheck(out, tokensFile, matrixBytes + vocabularyBytes);
            }
            return 0;
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void report(PrintWriter out, Anchor anchor, List<String> runs, List<String> regexRuns, CsrMatrix x,
                        double sum, double javaMedian, double javaCpu) {
        String last = runs.get(runs.size() - 1);
        double sklearnMedian = median(runs.stream().mapToDouble(j -> number(j, "time")).toArray());
        double sklearnCpu = median(runs.stream().mapToDouble(j -> number(j, "cpu")).toArray());
        long nnz = (long) number(last, "nnz");
        long columns = (long) number(last, "columns");
        double sklearnSum = number(last, "sum");
        boolean same = nnz == x.nonZeros() && columns == x.columns() && (long) number(last, "rows") == x.rows()
                && Math.abs(sklearnSum - sum) <= 1e-6 * Math.max(1, x.rows());
        BenchReport report = BenchReport.of("tfidf").put("impl", "sklearn").put("sklearn", anchor.version)
                .put("docs", (long) number(last, "rows")).put("columns", columns).put("nnz", nnz)
                .put("fit_transform_s", sklearnMedian).put("process_cpu_s", sklearnCpu).put("runs", runs.size());
        double regexMedian = Double.NaN;
        if (!regexRuns.isEmpty()) {
            regexMedian = median(regexRuns.stream().mapToDouble(j -> number(j, "time")).toArray());
            report.put("own_regex_tokenizer_fit_transform_s", regexMedian);
        }
        report.print(out);
        BenchReport.of("tfidf").put("impl", "ratio").put("speedup_vs_sklearn", sklearnMedian / javaMedian)
                .put("cpu_time_ratio", sklearnCpu / javaCpu)
                .put("target", 3.0).put("meets_target", sklearnMedian / javaMedian >= 3.0)
                .put("speedup_vs_sklearn_own_tokenizer", regexMedian / javaMedian)
                .put("same_output", same).put("sum_nlpkit", sum).put("sum_sklearn", sklearnSum)
                .put("load_avg", loadAverage()).print(out);
    }

    /** The scikit-learn side: {@code tfidf_sklearn.py} serving one timed run per command. */
    private static final class Anchor implements AutoCloseable {
        private final Process process;
        private final BufferedWriter commands;
        private final BufferedReader results;
        final String version;

        private Anchor(Process process, String version) {
            this.process = process;
            this.commands = process.outputWriter(StandardCharsets.UTF_8);
            this.results = process.inputReader(StandardCharsets.UTF_8);
            this.version = version;
        }

        static Anchor start(String python, Path tokensFile, PrintWriter out) throws IOException {
            Path script = tokensFile.resolveSibling("tfidf_sklearn.py");
            try (InputStream in = TfidfBench.class.getResourceAsStream("tfidf_sklearn.py")) {
                Files.copy(in, script);
            }
            Process process = new ProcessBuilder(python, script.toString(), tokensFile.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String ready = process.inputReader(StandardCharsets.UTF_8).readLine();
            if (ready == null || !ready.contains("\"ready\"")) {
                process.destroy();
                throw new IllegalStateException("the scikit-learn anchor (" + python + " " + script
                        + ") did not start; is python3-sklearn installed? Use --no-anchor to skip it");
            }
            return new Anchor(process, string(ready, "sklearn"));
        }

        String run(String command) throws IOException {
            commands.write(command + "\n");
            commands.flush();
            String line = results.readLine();
            if (line == null || line.contains("\"error\"")) {
                throw new IllegalStateException("the scikit-learn anchor failed on '" + command + "': " + line);
            }
            return line;
        }

        @Override
        public void close() throws IOException {
            try {
                commands.write("quit\n");
                commands.flush();
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                process.destroy();
            }
        }
    }

    private void heapCheck(PrintWriter out, Path tokensFile, long footprint) throws IOException, InterruptedException {
        long target = 2 * footprint;
        long floor = 16L << 20;
        long limit = Math.max(target, floor);
        long limitMb = (limit + (1 << 20) - 1) >> 20;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx" + limitMb + "m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TfidfHeapProbe.class.getName(), tokensFile.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        int exit = finished ? process.exitValue() : -1;
        BenchReport report = BenchReport.of("tfidf").put("impl", "heap_check").put("mode", "streaming fit+transform")
                .put("matrix_plus_vocabulary_mib", footprint / 1048576.0).put("target_mib", target / 1048576.0)
                .put("xmx_mib", limitMb).put("floor_applied", target < floor).put("gc", "serial")
                .put("completed_within_limit", exit == 0);
        if (exit == 0) {
            report.put("peak_used_after_gc_mib", number(output, "peak_used_after_gc_mb") * 1e6 / 1048576.0)
                    .put("nnz", (long) number(output, "nnz"));
        } else {
            report.put("error", output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("exit " + exit));
        }
        report.print(out);
    }

    /** Lowercase, split on U+0000..U+0020 (the same rule as the golden test of text-vectorize). */
    static List<String> tokenize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int begin = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean separator = i == lower.length() || lower.charAt(i) <= ' ';
            if (separator && begin >= 0) {
                tokens.add(lower.substring(begin, i));
                begin = -1;
            } else if (!separator && begin < 0) {
                begin = i;
            }
        }
        return tokens;
    }

    static long writeTokens(Path source, Path target, int limit) throws IOException {
        long tokens = 0;
        InputStream raw = Files.newInputStream(source);
        InputStream in = source.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            if (!parser.getHeaderMap().containsKey("text")) {
                throw new IllegalArgumentException(source + ": line 1: no 'text' column in the header "
                        + parser.getHeaderNames());
            }
            int rows = 0;
            for (CSVRecord record : parser) {
                if (limit > 0 && rows >= limit) {
                    break;
                }
                if (!record.isMapped("text") || !record.isSet("text")) {
                    throw new IllegalArgumentException(source + ": line " + parser.getCurrentLineNumber()
                            + ": field 'text' is missing");
                }
                List<String> t = tokenize(record.get("text"));
                tokens += t.size();
                out.write(String.join(" ", t));
                out.write('\n');
                rows++;
            }
        }
        return tokens;
    }

    /** The documents of a tokens file: one per line, tokens separated by one space. */
    static List<List<String>> readTokens(Path file) throws IOException {
        List<List<String>> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                docs.add(split(line));
            }
        }
        return docs;
    }

    static List<String> split(String line) {
        if (line.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(line.split(" ", -1));
    }

    /** Streams a tokens file (each iteration re-reads it). */
    static Iterable<List<String>> streamTokens(Path file) {
        return () -> {
            BufferedReader in;
            try {
                in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return in.lines().map(TfidfBench::split).onClose(() -> {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).iterator();
        };
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** CPU time of the whole JVM (all threads: workers, JIT, GC), or 0 when the platform does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

}
