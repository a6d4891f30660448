package dev.nlpkit.benchmarks;

import static dev.nlpkit.benchmarks.AnchorOutput.loadAverage;
import static dev.nlpkit.benchmarks.AnchorOutput.number;
import static dev.nlpkit.benchmarks.AnchorOutput.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.Corpus;
import dev.nlpkit.embeddings.FastText;
import dev.nlpkit.embeddings.Algorithm;
import dev.nlpkit.embeddings.FastTextOptions;
import dev.nlpkit.embeddings.evaluation.AnalogyEvaluation;
import dev.nlpkit.embeddings.evaluation.AnalogyResult;
import dev.nlpkit.embeddings.evaluation.PairFormat;
import dev.nlpkit.embeddings.evaluation.SimilarityEvaluation;
import dev.nlpkit.embeddings.evaluation.SimilarityResult;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.benchmarks.anchor.AnchorProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench fasttext}: nlpkit FastText against gensim 4's {@code FastText} ({@code fasttext_gensim.py},
 * run with {@code /usr/bin/python3}) on the same prepared corpus and settings, side by side in one run, for
 * CBOW and skip-gram. The corpus is prepared as for {@code bench word2vec} ({@link Word2VecBench#prepare}).
 * Timed: training only, as effective words per second. Quality: analogy accuracy on questions-words restricted
 * to the 30,000 most frequent words, SimLex-999 and MEN Spearman, each side with its own evaluator, over the
 * vocabulary words' vectors (word row and n-grams averaged). When gensim is not importable the gensim side is
 * skipped with a line saying so.
 */
@Command(name = "fasttext", mixinStandardHelpOptions = true,
        description = "FastText training speed and quality vs gensim (CBOW and skip-gram), JSON lines.")
public final class FastTextBench implements Callable<Integer> {


    @Option(names = "--corpus", description = "Raw text, plain or .gz (default: the english-corpus dataset when present, else text8).")
    Path corpus;

    @Option(names = "--architectures", split = ",", defaultValue = "CBOW,SKIP_GRAM",
            description = "Architectures to run (CBOW, SKIP_GRAM).")
    List<Architecture> architectures;

    @Option(names = "--vector-size", defaultValue = "100")
    int vectorSize;

    @Option(names = "--epochs", defaultValue = "5")
    int epochs;

    @Option(names = "--min-count", defaultValue = "5")
    int minCount;

    @Option(names = "--bucket", defaultValue = "2000000", description = "n-gram buckets (gensim's default).")
    int bucket;

    @Option(names = "--threads", defaultValue = "2", description = "Training threads (gensim's workers).")
    int threads;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--restrict", defaultValue = "30000", description = "Most frequent words used in evaluation.")
    int restrict;

    @Option(names = "--algorithm", defaultValue = "AUTO",
            description = "nlpkit's update algorithm: AUTO (= HOGBATCH), HOGBATCH, or HOGWILD (gensim's).")
    Algorithm algorithm;

    @Option(names = "--no-gensim", description = "Skip gensim.")
    boolean noGensim;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with gensim.")
    String python;

    @Spec
    CommandSpec spec;

    /** Where the datasets come from when no option names a path. */
    private final BenchData datasets;

    /** A benchmark that reads only the paths its options give. */
    public FastTextBench() {
        this(BenchData.optionsOnly());
    }

    /** A benchmark that finds its default datasets through {@code data} ({@code nlpkit bench}). */
    public FastTextBench(BenchData data) {
        this.datasets = java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path source = corpus != null ? corpus : datasets.findLocal(BenchData.Dataset.ENGLISH_CORPUS)
                .orElseGet(() -> datasets.resolve(BenchData.Dataset.TEXT8, null, "--corpus"));
        Path analogies = datasets.resolve(BenchData.Dataset.QUESTIONS_WORDS, null, "--corpus");
        Path simlex = datasets.resolve(BenchData.Dataset.SIMLEX_999, null, "--corpus");
        Path men = datasets.resolve(BenchData.Dataset.MEN, null, "--corpus");
        FastTextOptions base = FastTextOptions.defaults().withVectorSize(vectorSize).withEpochs(epochs)
                .withMinCount(minCount).withBucket(bucket).withThreads(threads).withAlgorithm(algorithm); // validated before any work
        Path dir = Files.createTempDirectory("nlpkit-bench-fasttext");
        try {
            Path prepared = dir.resolve("corpus.txt");
            long tokens = Word2VecBench.prepare(source, prepared);
            BenchReport.of("fasttext").put("impl", "corpus").put("source", source.toString()).put("tokens", tokens)
                    .put("load_avg", loadAverage()).withMachine().print(out);
            boolean gensim = !noGensim && gensimAvailable(out);
            for (Architecture architecture : architectures) {
                FastTextOptions options = base.withArchitecture(architecture);
                String load = loadAverage();
                FastText model = FastText.fit(Corpus.lines(prepared), options, seed);
                var t = model.lastTraining();
                WordVectors wv = model.vectors().wordVectors();
                AnalogyResult a = AnalogyEvaluation.evaluate(wv, analogies, restrict, true);
                SimilarityResult s = SimilarityEvaluation.evaluate(wv, SimilarityEvaluation.readPairs(simlex,
                        PairFormat.SIMLEX_999), restrict, true);
                SimilarityResult m = SimilarityEvaluation.evaluate(wv, SimilarityEvaluation.readPairs(men,
                        PairFormat.MEN), restrict, true);
                BenchReport.of("fasttext").put("impl", "nlpkit").put("architecture", name(architecture))
                        .put("workers", threads).put("epochs", epochs).put("bucket", bucket)
                        .put("vocab_size", model.vocabulary().size()).put("train_s", t.seconds())
                        .put("effective_words", t.effectiveWords())
                        .put("effective_words_per_s", t.effectiveWordsPerSecond()).put("kernel", t.kernel())
                        .put("algorithm", options.effectiveAlgorithm().name())
                        .put("load_avg_before", load).put("load_avg_after", loadAverage())
                        .put("analogy_accuracy", a.accuracy()).put("analogy_correct", a.total().correct())
                        .put("simlex_spearman", s.spearman()).put("men_spearman", m.spearman()).print(out);
                model = null; // free the input matrix before gensim allocates its own
                if (gensim) {
                    String json = runGensim(dir, prepared, architecture, analogies, simlex, men);
                    if (json == null) {
                        BenchReport.of("fasttext").put("impl", "gensim").put("error", "anchor script failed")
                                .print(out);
                        continue;
                    }
                    double speed = t.effectiveWordsPerSecond() / number(json, "effective_words_per_s");
                    double analogyGap = 100 * (a.accuracy() - number(json, "analogy_accuracy"));
                    double simlexDiff = s.spearman() - number(json, "simlex_spearman");
                    double menDiff = m.spearman() - number(json, "men_spearman");
                    BenchReport.of("fasttext").put("impl", "gensim").put("architecture", name(architecture))
                            .put("gensim", string(json, "gensim")).put("vocab_size", (long) number(json, "vocab_size"))
                            .put("train_s", number(json, "train_seconds"))
                            .put("effective_words_per_s", number(json, "effective_words_per_s"))
                            .put("analogy_accuracy", number(json, "analogy_accuracy"))
                            .put("simlex_spearman", number(json, "simlex_spearman"))
                            .put("men_spearman", number(json, "men_spearman")).print(out);
                    BenchReport.of("fasttext").put("impl", "ratio").put("architecture", name(architecture))
                            .put("speed_vs_gensim", speed).put("speed_target", 1.5)
                            .put("meets_speed_target", speed >= 1.5).put("analogy_points_vs_gensim", analogyGap)
                            .put("simlex_spearman_diff", simlexDiff).put("men_spearman_diff", menDiff)
                            .put("meets_quality_target", analogyGap >= -1 && simlexDiff >= -0.02 && menDiff >= -0.02)
                            .print(out);
                }
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

    /** Whether {@code --python} can import gensim; prints a "skipped" line when it cannot. */
    private boolean gensimAvailable(PrintWriter out) throws IOException, InterruptedException {
        Process p;
        try {
            p = AnchorProcess.builder(List.of(python, "-c", "import gensim")).redirectErrorStream(true).start();
        } catch (IOException e) {
            BenchReport.of("fasttext").put("impl", "gensim").put("skipped", python + " cannot be started: "
                    + e.getMessage()).print(out);
            return false;
        }
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            BenchReport.of("fasttext").put("impl", "gensim").put("skipped", "gensim is not installed for " + python
                    + " (Debian: apt install python3-gensim)").print(out);
            return false;
        }
        return true;
    }

    private String runGensim(Path dir, Path prepared, Architecture architecture, Path analogies, Path simlex,
            Path men) throws IOException, InterruptedException {
        Path script = dir.resolve("fasttext_gensim.py");
        if (!Files.exists(script)) {
            try (InputStream in = FastTextBench.class.getResourceAsStream("fasttext_gensim.py")) {
                Files.copy(in, script);
            }
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--corpus", prepared.toString(),
                "--sg", architecture == Architecture.SKIP_GRAM ? "1" : "0",
                "--vector-size", Integer.toString(vectorSize), "--min-count", Integer.toString(minCount),
                "--epochs", Integer.toString(epochs), "--workers", Integer.toString(threads),
                "--seed", Long.toString(seed), "--bucket", Integer.toString(bucket),
                "--restrict", Integer.toString(restrict), "--analogies", analogies.toString(),
                "--simlex", simlex.toString(), "--men", men.toString()));
        String load = loadAverage();
        Process process = AnchorProcess.builder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0 || json.isEmpty()) {
            return null;
        }
        return json + " \"load_avg_before\": \"" + load + "\"";
    }

    private static String name(Architecture a) {
        return a == Architecture.CBOW ? "cbow" : "skip-gram";
    }
}
