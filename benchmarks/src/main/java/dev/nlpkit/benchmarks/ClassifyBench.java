package dev.nlpkit.benchmarks;

import dev.nlpkit.core.Threads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.nlpkit.classify.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench classify}: what a service that ships a trained {@link TextClassifier} pays. Three
 * measurements on one bundle, each printed as a JSON line:
 * <ol>
 *   <li>{@code load}: {@link TextClassifier#load(Path)} of the bundle, median of {@code --loads} loads (each a
 *       fresh object; the first load, which also loads classes, is reported apart, with the first prediction after
 *       it, which builds the fused table rows of its tokens);</li>
 *   <li>{@code single}: {@link TextClassifier#predictProba(String)} on one tweet at a time after
 *       {@code --warmup} calls, p50 / p99 / max latency over {@code --singles} calls cycling through the tweets;</li>
 *   <li>{@code batch}: {@link TextClassifier#predictProba(List)} over the tweets (preprocessing included), best
 *       of {@code --repeats} passes after one warm-up pass, in tweets/s.</li>
 * </ol>
 * The tweets are the first {@code --limit} texts of the CSV (default: 21,547, the size of the default split's
 * test set, from the {@code sentiment140-combined} dataset). There is no anchor library for this one: the
 * targets are absolute (issue: load under 1 s, p50 under 0.5 ms, p99 under 2 ms, at least 40,000 tweets/s on
 * 2 threads).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Load time, single-tweet latency and batch throughput of a trained classifier bundle.")
public final class ClassifyBench implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "sentiment.nlpkit",
            description = "A bundle written by 'nlpkit sentiment train'. Default: ${DEFAULT-VALUE}.")
    Path model;

    @Option(names = "--data", description = "Tweets CSV(.gz) with a 'text' column (default: the "
            + "sentiment140-combined dataset).")
    Path data;

    @Option(names = "--limit", defaultValue = "21547", description = "Tweets to score. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--loads", defaultValue = "5", description = "Timed loads. Default: ${DEFAULT-VALUE}.")
    int loads;

    @Option(names = "--warmup", defaultValue = "20000",
            description = "Single predictions before timing. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--singles", defaultValue = "20000",
            description = "Timed single predictions. Default: ${DEFAULT-VALUE}.")
    int singles;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed batch passes. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Spec
    CommandSpec spec;

    /** Where the datasets come from when no option names a path. */
    private final BenchData datasets;

    /** A benchmark that reads only the paths its options give. */
    public ClassifyBench() {
        this(BenchData.optionsOnly());
    }

    /** A benchmark that finds its default datasets through {@code data} ({@code nlpkit bench}). */
    public ClassifyBench(BenchData data) {
        this.datasets = Objects.requireNonNull(data, "data");
    }

    @Override
    public Integer call() throws IOException {
        for (var check : List.of(new Object[] {"--limit", limit}, new Object[] {"--loads", loads},
                new Object[] {"--singles", singles}, new Object[] {"--repeats", repeats})) {
            if ((int) check[1] < 1) {
                throw new IllegalArgumentException(check[0] + " must be >= 1, got " + check[1]);
            }
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--model " + model + ": no such file (write one with "
                    + "'nlpkit sentiment train --out " + model + "')");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path source = datasets.resolve(BenchData.Dataset.SENTIMENT140_COMBINED, data, "--data");
        List<String> tweets = PreprocessBench.readTweets(source, limit);
        if (tweets.isEmpty()) {
            throw new IllegalArgumentException("--data " + source + ": no tweets");
        }

        long first = System.nanoTime();
        TextClassifier classifier = TextClassifier.load(model);
        double firstLoadSeconds = (System.nanoTime() - first) / 1e9;
        // The load builds no fused table rows: each is built on its token's first prediction. The first prediction
        // in the fresh JVM is reported beside the load so that what moved out of the load stays in sight.
        long firstPredictStart = System.nanoTime();
        double firstProbability = classifier.predictProba(tweets.get(0))[0];
        double firstPredictSeconds = (System.nanoTime() - firstPredictStart) / 1e9;
        double[] loadSeconds = new double[loads];
        for (int i = 0; i < loads; i++) {
            long start = System.nanoTime();
            classifier = TextClassifier.load(model);
            loadSeconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(loadSeconds);
        BenchReport.of("classify").put("part", "load").put("bundle_bytes", Files.size(model))
                .put("first_load_s", round(firstLoadSeconds)).put("first_predict_s", round(firstPredictSeconds))
                .put("median_load_s", round(loadSeconds[loads / 2]))
                .withMachine().print(out);

        double sink = firstProbability;
        for (int i = 0; i < warmup; i++) {
            sink += classifier.predictProba(tweets.get(i % tweets.size()))[0];
        }
        long[] nanos = new long[singles];
        for (int i = 0; i < singles; i++) {
            String text = tweets.get(i % tweets.size());
            long start = System.nanoTime();
            sink += classifier.predictProba(text)[0];
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        BenchReport.of("classify").put("part", "single").put("calls", singles)
                .put("p50_ms", round(nanos[singles / 2] / 1e6))
                .put("p99_ms", round(nanos[(int) Math.min(singles - 1L, (long) Math.ceil(singles * 0.99) - 1)] / 1e6))
                .put("max_ms", round(nanos[singles - 1] / 1e6)).withMachine().print(out);

        sink += classifier.predictProba(tweets)[0][0];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            double[][] probabilities = classifier.predictProba(tweets);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            sink += probabilities[probabilities.length - 1][0];
        }
        BenchReport.of("classify").put("part", "batch").put("tweets", tweets.size())
                .put("seconds", round(best)).put("tweets_per_s", Math.round(tweets.size() / best))
                .put("threads", Threads.defaultCount())
                .put("checksum", round(sink)).withMachine().print(out);
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
