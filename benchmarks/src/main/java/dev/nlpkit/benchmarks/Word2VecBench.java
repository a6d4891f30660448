package dev.nlpkit.benchmarks;

import dev.nlpkit.core.TrainingListener;
import static dev.nlpkit.benchmarks.AnchorOutput.loadAverage;
import static dev.nlpkit.benchmarks.AnchorOutput.machineBusySeconds;
import static dev.nlpkit.benchmarks.AnchorOutput.number;
import static dev.nlpkit.benchmarks.AnchorOutput.string;

import dev.nlpkit.benchmarks.anchor.AnchorProcess;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.nlpkit.embeddings.Algorithm;
import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.Corpus;
import dev.nlpkit.embeddings.TrainingProgress;
import dev.nlpkit.embeddings.TrainingVocabulary;
import dev.nlpkit.embeddings.Word2Vec;
import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.embeddings.evaluation.AnalogyEvaluation;
import dev.nlpkit.embeddings.evaluation.AnalogyResult;
import dev.nlpkit.embeddings.evaluation.PairFormat;
import dev.nlpkit.embeddings.evaluation.SimilarityEvaluation;
import dev.nlpkit.embeddings.evaluation.SimilarityResult;
import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.embeddings.vectors.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench word2vec}: nlpkit Word2Vec against gensim 4 ({@code word2vec_gensim.py}, run with
 * {@code /usr/bin/python3}) on the same prepared corpus and settings, side by side in one run, for CBOW and
 * skip-gram.
 *
 * <p>Preparation (not timed, shared by both sides): the corpus text (plain or .gz) is lower-cased and cut into
 * tokens of letters and digits ({@code [\p{L}\p{N}]+}); a paragraph (lines up to a blank line) becomes one
 * sentence line, split every 10,000 tokens (gensim's limit). Both sides then read that file line by line.
 * Timed: training only (vocabulary building apart), as effective words (kept by subsampling) per second.
 * Quality: analogy accuracy on questions-words restricted to the 30,000 most frequent words
 * (case-insensitive), SimLex-999 and MEN Spearman; each side evaluated by its own code, and nlpkit's evaluator
 * also run on gensim's vectors (cross-check of the evaluators). Optional scaling lines: one epoch of each
 * architecture with 1 and with {@code --threads} threads, for nlpkit and gensim.
 *
 * <p>{@code --algorithm HOGWILD,HOGBATCH} runs each nlpkit training algorithm in turn beside the same gensim
 * run (one ratio line per algorithm, with issue 5's targets for HOGWILD and issue 16's for HOGBATCH). Every
 * nlpkit and gensim line reports words/s per core and the fraction of the machine's FP32 peak
 * ({@code --peak-gflops}) reached, from an estimate of the arithmetic per word ({@link #flopsPerWord}).
 */
@Command(name = "word2vec", mixinStandardHelpOptions = true,
        description = "Word2Vec training speed and quality vs gensim (CBOW and skip-gram), JSON lines.")
public final class Word2VecBench implements Callable<Integer> {

    @Option(names = "--corpus", description = "Raw text, plain or .gz (default: the english-corpus "
            + "dataset when present, else text8, downloaded when missing).")
    Path corpus;

    @Option(names = "--architectures", split = ",", defaultValue = "CBOW,SKIP_GRAM",
            description = "Architectures to run (CBOW, SKIP_GRAM).")
    List<Architecture> architectures;

    @Option(names = "--algorithm", split = ",", defaultValue = "HOGWILD",
            description = "nlpkit training algorithms to run side by side with gensim (HOGWILD = word2vec.c's, "
                    + "HOGBATCH = minibatched with shared negatives), e.g. HOGWILD,HOGBATCH.")
    List<Algorithm> algorithms;

    @Option(names = "--batch-targets", defaultValue = "0",
            description = "HOGBATCH: centre words per batch (0 = the library's default per architecture).")
    int batchTargets;

    @Option(names = "--batch-negatives", defaultValue = "0",
            description = "HOGBATCH: negatives shared by a batch (0 = --negative).")
    int batchNegatives;

    @Option(names = "--batch-private-words", defaultValue = "-1",
            description = "CBOW HOGBATCH with >= 2 workers: the most frequent words whose rows each worker trains in "
                    + "its own copies, merged after every buffer (-1 = the library's default, 512; 0 = none).")
    int batchPrivateWords;

    @Option(names = "--peak-gflops", defaultValue = "420",
            description = "The machine's FP32 peak in GFLOP/s, for fraction_of_fp32_peak (default: this repository's "
                    + "2-core machine, 2 x ~210 measured, see recurrent/README.md).")
    double peakGflops;

    @Option(names = "--vector-size", defaultValue = "100")
    int vectorSize;

    @Option(names = "--window", defaultValue = "5")
    int window;

    @Option(names = "--negative", defaultValue = "5")
    int negative;

    @Option(names = "--min-count", defaultValue = "5")
    int minCount;

    @Option(names = "--sample", defaultValue = "1e-3")
    double sample;

    @Option(names = "--epochs", defaultValue = "5")
    int epochs;

    @Option(names = "--threads", defaultValue = "2", description = "Training threads (gensim's workers).")
    int threads;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--restrict", defaultValue = "30000", description = "Most frequent words used in evaluation.")
    int restrict;

    @Option(names = "--analogies", description = "questions-words file (default: the questions-words "
            + "dataset).")
    Path analogies;

    @Option(names = "--simlex", description = "SimLex-999 file (default: the simlex-999 dataset).")
    Path simlex;

    @Option(names = "--men", description = "MEN natural-form file (default: the men dataset).")
    Path men;

    @Option(names = "--no-eval", description = "Skip the quality evaluation.")
    boolean noEval;

    @Option(names = "--no-gensim", description = "Skip gensim.")
    boolean noGensim;

    @Option(names = "--no-cross-check", description = "Skip evaluating gensim's vectors with nlpkit's evaluator.")
    boolean noCrossCheck;

    @Option(names = "--scaling", description = "Also time one epoch of each architecture with 1 and with --threads "
            + "threads (nlpkit and gensim).")
    boolean scaling;

    @Option(names = "--scaling-only", description = "Only the scaling measurement (implies --scaling).")
    boolean scalingOnly;

    @Option(names = "--no-hardware-scaling", description = "Skip the machine's own 1-to-2-thread reference loops "
            + "in the scaling measurement.")
    boolean noHardwareScaling;

    @Option(names = "--scaling-rounds", defaultValue = "2",
            description = "Alternating 1-worker / N-worker epochs per architecture in the scaling measurement (best of).")
    int scalingRounds;

    @Option(names = "--gensim-first", description = "Run gensim before nlpkit for each architecture (to check "
            + "that the order does not favour a side when the machine load changes).")
    boolean gensimFirst;

    @Option(names = "--progress", description = "Render nlpkit's training progress on stderr every 10 s.")
    boolean progress;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with gensim.")
    String python;

    @Spec
    CommandSpec spec;

    /** Where the datasets come from when no option names a path. */
    private final BenchData datasets;

    /** A benchmark that reads only the paths its options give (tests, a bare command line). */
    public Word2VecBench() {
        this(BenchData.optionsOnly());
    }

    /** A benchmark that finds its default datasets through {@code data} ({@code nlpkit bench}). */
    public Word2VecBench(BenchData data) {
        this.datasets = java.util.Objects.requireNonNull(data, "data");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path source = corpus != null ? corpus : datasets.findLocal(BenchData.Dataset.ENGLISH_CORPUS)
                .orElseGet(() -> datasets.resolve(BenchData.Dataset.TEXT8, null, "--corpus"));
        if (!noEval && !scalingOnly) {
            analogies = datasets.resolve(BenchData.Dataset.QUESTIONS_WORDS, analogies, "--analogies");
            simlex = datasets.resolve(BenchData.Dataset.SIMLEX_999, simlex, "--simlex");
            men = datasets.resolve(BenchData.Dataset.MEN, men, "--men");
        }
        Path dir = Files.createTempDirectory("nlpkit-bench-word2vec");
        try {
            Path prepared = dir.resolve("corpus.txt");
            long tokens = prepare(source, prepared);
            BenchReport.of("word2vec").put("impl", "corpus").put("source", source.toString()).put("tokens", tokens)
                    .put("load_avg", loadAverage()).withMachine().print(out);
            for (Architecture architecture : scalingOnly ? List.<Architecture>of() : architectures) {
                Word2VecOptions options = Word2VecOptions.defaults().withArchitecture(architecture)
                        .withVectorSize(vectorSize).withWindow(window).withNegative(negative).withMinCount(minCount)
                        .withSample(sample).withEpochs(epochs).withThreads(threads).withSeed(seed)
                        .withBatchTargets(batchTargets).withBatchNegatives(batchNegatives)
                    .withBatchPrivateWords(batchPrivateWords);
                String json = null;
                if (gensimFirst && !noGensim) {
                    json = gensim(out, dir, prepared, options, true);
                }
                List<Quality> ours = new ArrayList<>();
                for (Algorithm algorithm : algorithms) {
                    ours.add(runNlpkit(out, prepared, options.withAlgorithm(algorithm)));
                }
                if (!gensimFirst && !noGensim) {
                    json = gensim(out, dir, prepared, options, true);
                }
                if (json != null) {
                    compare(out, dir, json, options, ours);
                }
            }
            if (scaling || scalingOnly) {
                scaling(out, dir, prepared);
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

    private record Quality(Word2VecOptions options, double seconds, double effectivePerSecond, double cpuSeconds,
            long effectiveWords, double analogy, double simlex, double men) {
    }

    private Quality runNlpkit(PrintWriter out, Path prepared, Word2VecOptions options) throws IOException {
        String load = loadAverage();
        Corpus c = Corpus.lines(prepared);
        long t0 = System.nanoTime();
        TrainingVocabulary vocabulary = Word2Vec.buildVocabulary(c, options);
        double vocabSeconds = (System.nanoTime() - t0) / 1e9;
        long cpu0 = processCpuNanos();
        Word2Vec model = progress ? Word2Vec.fit(c, vocabulary, options, progressListener())
                : Word2Vec.fit(c, vocabulary, options);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        var t = model.lastTraining();
        BenchReport r = BenchReport.of("word2vec").put("impl", "nlpkit").put("architecture", name(options))
                .put("algorithm", options.effectiveAlgorithm().name())
                .put("private_words", options.effectiveBatchPrivateWords()).put("workers", options.threads())
                .put("epochs", options.epochs()).put("vocab_size", vocabulary.size())
                .put("vocab_s", vocabSeconds).put("train_s", t.seconds()).put("train_cpu_s", cpu)
                .put("effective_words", t.effectiveWords()).put("effective_words_per_s", t.effectiveWordsPerSecond())
                .put("kernel", t.kernel()).put("load_avg_before", load).put("load_avg_after", loadAverage());
        putArithmetic(r, options, t.effectiveWordsPerSecond());
        double analogy = Double.NaN;
        double sl = Double.NaN;
        double mn = Double.NaN;
        if (!noEval) {
            WordVectors wv = model.vectors();
            long e0 = System.nanoTime();
            AnalogyResult a = AnalogyEvaluation.evaluate(wv, analogies, restrict, true);
            r.put("analogy_s", (System.nanoTime() - e0) / 1e9);
            SimilarityResult s = SimilarityEvaluation.evaluate(wv, SimilarityEvaluation.readPairs(simlex,
                    PairFormat.SIMLEX_999), restrict, true);
            SimilarityResult m = SimilarityEvaluation.evaluate(wv, SimilarityEvaluation.readPairs(men, PairFormat.MEN),
                    restrict, true);
            analogy = a.accuracy();
            sl = s.spearman();
            mn = m.spearman();
            r.put("analogy_accuracy", analogy).put("analogy_correct", a.total().correct())
                    .put("analogy_incorrect", a.total().incorrect()).put("analogy_oov", a.oov())
                    .put("simlex_spearman", sl).put("simlex_pearson", s.pearson())
                    .put("simlex_oov_ratio", s.oovRatioPercent())
                    .put("men_spearman", mn).put("men_pearson", m.pearson()).put("men_oov_ratio", m.oovRatioPercent());
        }
        r.print(out);
        return new Quality(options, t.seconds(), t.effectiveWordsPerSecond(), cpu, t.effectiveWords(), analogy, sl,
                mn);
    }

    /**
     * Words/s per worker, the arithmetic rate and its share of the machine's FP32 peak ({@code --peak-gflops}).
     * The rate uses {@link #flopsPerWord}, an estimate of the useful floating-point operations per effective
     * word that is the same for both algorithms (HOGBATCH does the same arithmetic in another order).
     */
    private void putArithmetic(BenchReport r, Word2VecOptions options, double wordsPerSecond) {
        double gflops = flopsPerWord(options) * wordsPerSecond / 1e9;
        r.put("words_per_s_per_core", wordsPerSecond / options.threads()).put("flops_per_word", flopsPerWord(options))
                .put("gflops", gflops).put("fraction_of_fp32_peak", gflops / peakGflops);
    }

    /**
     * Estimated FP32 operations per effective word with negative sampling: c context words on average
     * (window + 1 with shrinking windows, 2 window without; sentence edges ignored), K + 1 output rows with
     * K negatives, each (input, output) pair a dot product, an error update and an output update of 2d each;
     * skip-gram adds each context row's update (2d), CBOW the context mean (d) and the error added to each
     * context row (2d).
     */
    static double flopsPerWord(Word2VecOptions o) {
        double d = o.vectorSize();
        double c = o.shrinkWindows() ? o.window() + 1 : 2.0 * o.window();
        int k = o.effectiveAlgorithm() == Algorithm.HOGBATCH ? o.effectiveBatchNegatives() : o.negative();
        if (o.architecture() == Architecture.SKIP_GRAM) {
            return c * (k + 1) * 6 * d + c * 2 * d;
        }
        return (k + 1) * 6 * d + c * 3 * d;
    }

    /** Renders {@link TrainingProgress} on stderr (the library itself never prints). */
    private TrainingListener<TrainingProgress, TrainingProgress> progressListener() {
        PrintWriter err = spec.commandLine().getErr();
        return new TrainingListener<>() {
            @Override
            public void onProgress(TrainingProgress p) {
                err.printf(Locale.ROOT, "word2vec epoch %d/%d %5.1f%%  %,.0f words/s  alpha %.5f%n", p.epoch(),
                        p.epochs(), 100 * p.fractionDone(), p.wordsPerSecond(), p.alpha());
                err.flush();
            }

            @Override
            public void onEpochEnd(TrainingProgress p) {
                err.printf(Locale.ROOT, "word2vec epoch %d/%d done after %.1f s%s%n", p.epoch(), p.epochs(),
                        p.elapsedSeconds(), p.epochLoss().isPresent()
                                ? String.format(Locale.ROOT, ", loss %.4g", p.epochLoss().getAsDouble()) : "");
                err.flush();
            }

            @Override
            public long intervalMillis() {
                return 10_000;
            }
        };
    }

    /** Runs the anchor script; returns its JSON line, or null after printing an error line. */
    private String gensim(PrintWriter out, Path dir, Path prepared, Word2VecOptions options, boolean evaluate)
            throws IOException, InterruptedException {
        Path script = dir.resolve("word2vec_gensim.py");
        if (!Files.exists(script)) {
            try (InputStream in = Word2VecBench.class.getResourceAsStream("word2vec_gensim.py")) {
                Files.copy(in, script);
            }
        }
        Path vectors = dir.resolve("gensim-vectors.bin");
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--corpus", prepared.toString(),
                "--sg", options.architecture() == Architecture.SKIP_GRAM ? "1" : "0",
                "--vector-size", Integer.toString(options.vectorSize()), "--window", Integer.toString(options.window()),
                "--negative", Integer.toString(options.negative()), "--min-count", Integer.toString(options.minCount()),
                "--sample", Double.toString(options.sample()), "--epochs", Integer.toString(options.epochs()),
                "--workers", Integer.toString(options.threads()), "--seed", Long.toString(options.seed()),
                "--restrict", Integer.toString(restrict)));
        if (evaluate && !noEval) {
            command.addAll(List.of("--analogies", analogies.toString(), "--simlex", simlex.toString(),
                    "--men", men.toString()));
            if (!noCrossCheck) {
                command.addAll(List.of("--save-binary", vectors.toString()));
            }
        }
        String load = loadAverage();
        Process process = AnchorProcess.builder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0 || json.isEmpty()) {
            BenchReport.of("word2vec").put("impl", "gensim").put("error", "anchor script failed (exit "
                    + process.exitValue() + "); is gensim installed for " + python + "?").print(out);
            return null;
        }
        return json + " \"load_avg_before\": \"" + load + "\", \"load_avg_after\": \"" + loadAverage() + "\"";
    }

    /** Speed and quality targets of an algorithm: issue 5's for HOGWILD, issue 16's for HOGBATCH. */
    private record Targets(double speed, double analogyPoints, double spearman) {
        static Targets of(Word2VecOptions o) {
            if (o.effectiveAlgorithm() == Algorithm.HOGBATCH) {
                return new Targets(o.architecture() == Architecture.SKIP_GRAM ? 3.0 : 2.5, 1.0, 0.02);
            }
            return new Targets(1.0, 1.5, 0.03);
        }
    }

    private void compare(PrintWriter out, Path dir, String json, Word2VecOptions options, List<Quality> ours)
            throws IOException {
        Path vectors = dir.resolve("gensim-vectors.bin");
        double seconds = number(json, "train_seconds");
        double effectivePerSecond = number(json, "effective_words_per_s");
        BenchReport g = BenchReport.of("word2vec").put("impl", "gensim").put("architecture", name(options))
                .put("gensim", string(json, "gensim")).put("workers", options.threads())
                .put("vocab_size", (long) number(json, "vocab_size")).put("vocab_s", number(json, "vocab_seconds"))
                .put("train_s", seconds).put("train_cpu_s", number(json, "train_cpu_seconds"))
                .put("effective_words", (long) number(json, "effective_words"))
                .put("effective_words_per_s", effectivePerSecond)
                .put("load_avg_before", string(json, "load_avg_before"))
                .put("load_avg_after", string(json, "load_avg_after"));
        putArithmetic(g, options.withAlgorithm(Algorithm.HOGWILD), effectivePerSecond);
        double gensimPerCpu = number(json, "effective_words") / number(json, "train_cpu_seconds");
        List<BenchReport> ratios = new ArrayList<>();
        for (Quality q : ours) {
            Targets targets = Targets.of(q.options());
            double speed = q.effectivePerSecond() / effectivePerSecond;
            ratios.add(BenchReport.of("word2vec").put("impl", "ratio").put("architecture", name(options))
                    .put("algorithm", q.options().effectiveAlgorithm().name())
                    .put("speed_vs_gensim", speed)
                    .put("train_time_ratio_gensim_over_nlpkit", seconds / q.seconds())
                    .put("cpu_efficiency_vs_gensim", q.effectiveWords() / q.cpuSeconds() / gensimPerCpu)
                    .put("order", gensimFirst ? "gensim first" : "nlpkit first")
                    .put("speed_target", targets.speed()).put("meets_speed_target", speed >= targets.speed()));
        }
        if (!noEval) {
            double analogy = number(json, "analogy_accuracy");
            double sl = number(json, "simlex_spearman");
            double mn = number(json, "men_spearman");
            g.put("analogy_accuracy", analogy).put("analogy_correct", (long) number(json, "analogy_correct"))
                    .put("analogy_incorrect", (long) number(json, "analogy_incorrect"))
                    .put("simlex_spearman", sl).put("simlex_oov_ratio", number(json, "simlex_oov_ratio"))
                    .put("men_spearman", mn).put("men_oov_ratio", number(json, "men_oov_ratio"));
            for (int i = 0; i < ours.size(); i++) {
                Quality q = ours.get(i);
                Targets targets = Targets.of(q.options());
                double analogyGap = 100 * (q.analogy() - analogy);
                ratios.get(i).put("analogy_points_vs_gensim", analogyGap).put("simlex_spearman_diff", q.simlex() - sl)
                        .put("men_spearman_diff", q.men() - mn)
                        .put("quality_target", "analogy within " + targets.analogyPoints() + " pt, Spearman within "
                                + targets.spearman())
                        .put("meets_quality_target", analogyGap >= -targets.analogyPoints()
                                && q.simlex() - sl >= -targets.spearman() && q.men() - mn >= -targets.spearman());
            }
            if (!noCrossCheck && Files.exists(vectors)) {
                WordVectors gv = Word2VecFormat.read(vectors, Word2VecFormat.Format.BINARY);
                AnalogyResult a = AnalogyEvaluation.evaluate(gv, analogies, restrict, true);
                SimilarityResult s = SimilarityEvaluation.evaluate(gv, SimilarityEvaluation.readPairs(simlex,
                        PairFormat.SIMLEX_999), restrict, true);
                SimilarityResult m = SimilarityEvaluation.evaluate(gv, SimilarityEvaluation.readPairs(men,
                        PairFormat.MEN), restrict, true);
                BenchReport.of("word2vec").put("impl", "nlpkit-evaluator-on-gensim-vectors")
                        .put("architecture", name(options)).put("analogy_accuracy", a.accuracy())
                        .put("analogy_correct", a.total().correct()).put("simlex_spearman", s.spearman())
                        .put("men_spearman", m.spearman())
                        .put("agrees_with_gensim_evaluator", a.total().correct() == (long) number(json, "analogy_correct")
                                && Math.abs(s.spearman() - sl) < 1e-4 && Math.abs(m.spearman() - mn) < 1e-4)
                        .print(out);
            }
        }
        g.print(out);
        ratios.forEach(r -> r.print(out));
    }

    /**
     * Worker scaling, for each architecture: one epoch with 1 thread and one with {@code --threads}, on the same
     * prepared corpus and vocabulary (built once, not timed), after a warm-up epoch of each (JIT), alternating
     * and keeping the best of {@code --scaling-rounds} of each. Every run also records how many CPUs other
     * processes of the machine kept busy meanwhile: a ratio taken while they used a noticeable share of the
     * cores measures the load, not the trainer. gensim's own scaling is measured the same way (one epoch with 1
     * and with N workers, its vocabulary building not timed). First, {@link HardwareScaling}: what the machine
     * gives a second thread on loops without and with shared weights.
     */
    private void scaling(PrintWriter out, Path dir, Path prepared) throws IOException, InterruptedException {
        if (!noHardwareScaling) {
            hardwareScaling(out);
        }
        Corpus c = Corpus.lines(prepared);
        for (Architecture architecture : architectures) {
            Word2VecOptions base = Word2VecOptions.defaults().withArchitecture(architecture).withVectorSize(vectorSize)
                    .withWindow(window).withNegative(negative).withMinCount(minCount).withSample(sample).withEpochs(1)
                    .withSeed(seed).withBatchTargets(batchTargets).withBatchNegatives(batchNegatives)
                    .withBatchPrivateWords(batchPrivateWords);
            TrainingVocabulary vocabulary = Word2Vec.buildVocabulary(c, base);
            List<BenchReport> reports = new ArrayList<>();
            List<Double> manySpeeds = new ArrayList<>();
            for (Algorithm algorithm : algorithms) {
                Word2VecOptions options = base.withAlgorithm(algorithm);
                Word2Vec.fit(c, vocabulary, options.withThreads(1)); // warm-up (JIT) of both runs
                Word2Vec.fit(c, vocabulary, options.withThreads(threads));
                String load = loadAverage();
                EpochRun one = null;
                EpochRun many = null;
                double otherCpus = 0;
                for (int round = 0; round < scalingRounds; round++) {
                    EpochRun a = epoch(c, vocabulary, options.withThreads(1));
                    EpochRun b = epoch(c, vocabulary, options.withThreads(threads));
                    one = one == null || a.wordsPerSecond() > one.wordsPerSecond() ? a : one;
                    many = many == null || b.wordsPerSecond() > many.wordsPerSecond() ? b : many;
                    otherCpus = Math.max(otherCpus, Math.max(a.otherCpus(), b.otherCpus()));
                }
                double speedup = many.wordsPerSecond() / one.wordsPerSecond();
                BenchReport r = BenchReport.of("word2vec").put("impl", "scaling").put("architecture", name(base))
                        .put("algorithm", algorithm.name()).put("epochs", 1)
                        .put("one_worker_words_per_s", one.wordsPerSecond()).put("workers", threads)
                        .put("many_workers_words_per_s", many.wordsPerSecond()).put("speedup", speedup)
                        .put("target", 1.8).put("meets_target", speedup >= 1.8)
                        .put("one_worker_words_per_cpu_s", one.wordsPerCpuSecond())
                        .put("many_workers_words_per_cpu_s", many.wordsPerCpuSecond())
                        .put("cpu_efficiency", many.wordsPerCpuSecond() / one.wordsPerCpuSecond())
                        .put("one_worker_fraction_of_fp32_peak", flopsPerWord(options) * one.wordsPerSecond() / 1e9
                                / peakGflops)
                        .put("many_workers_fraction_of_fp32_peak", flopsPerWord(options) * many.wordsPerSecond()
                                / 1e9 / peakGflops)
                        .put("other_processes_cpus_max", otherCpus)
                        .put("runs", "best of " + scalingRounds + " each, alternating")
                        .put("load_avg_before", load).put("load_avg_after", loadAverage());
                reports.add(r);
                manySpeeds.add(many.wordsPerSecond());
            }
            if (!noGensim) {
                double gensimOne = 0;
                double gensimMany = 0;
                for (int round = 0; round < scalingRounds; round++) {
                    String a = gensim(out, dir, prepared, base.withThreads(1), false);
                    String b = gensim(out, dir, prepared, base.withThreads(threads), false);
                    if (a == null || b == null) {
                        break;
                    }
                    gensimOne = Math.max(gensimOne, number(a, "effective_words_per_s"));
                    gensimMany = Math.max(gensimMany, number(b, "effective_words_per_s"));
                }
                if (gensimOne > 0) {
                    for (int i = 0; i < reports.size(); i++) {
                        reports.get(i).put("gensim_one_worker_words_per_s", gensimOne)
                                .put("gensim_many_workers_words_per_s", gensimMany)
                                .put("gensim_speedup", gensimMany / gensimOne)
                                .put("many_workers_speed_vs_gensim", manySpeeds.get(i) / gensimMany);
                    }
                }
            }
            reports.forEach(r -> r.print(out));
        }
    }

    /** The {@link HardwareScaling} line, with the CPUs other processes used meanwhile. */
    private void hardwareScaling(PrintWriter out) throws InterruptedException {
        String load = loadAverage();
        double machine0 = machineBusySeconds();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        HardwareScaling.Result hardware = HardwareScaling.measure(scalingRounds);
        double otherCpus = (machineBusySeconds() - machine0 - (processCpuNanos() - cpu0) / 1e9)
                / ((System.nanoTime() - t0) / 1e9);
        BenchReport.of("word2vec").put("impl", "hardware-scaling").put("threads", 2)
                .put("independent_loop_speedup", hardware.independent())
                .put("private_rows_speedup", hardware.privateRows()).put("shared_rows_speedup", hardware.sharedRows())
                .put("other_processes_cpus", Math.max(0, otherCpus)).put("load_avg_before", load)
                .put("load_avg_after", loadAverage()).print(out);
    }

    /** One timed training epoch: effective words per second and per CPU-second, and other processes' CPUs. */
    private record EpochRun(double wordsPerSecond, double wordsPerCpuSecond, double otherCpus) {
    }

    private static EpochRun epoch(Corpus c, TrainingVocabulary vocabulary, Word2VecOptions options) {
        double machine0 = machineBusySeconds();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        var t = Word2Vec.fit(c, vocabulary, options).lastTraining();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double other = Math.max(0, (machineBusySeconds() - machine0 - cpu) / wall);
        return new EpochRun(t.effectiveWordsPerSecond(), t.effectiveWords() / cpu, other);
    }

    /**
     * Lower-cases, keeps runs of letters/digits, and writes one paragraph per line (at most 10,000 tokens).
     *
     * @return tokens written
     */
    static long prepare(Path source, Path target) throws IOException {
        Pattern token = Pattern.compile("[\\p{L}\\p{N}]+");
        long count = 0;
        try (InputStream raw = Files.newInputStream(source);
             InputStream in = source.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            List<String> paragraph = new ArrayList<>();
            String line;
            while (true) {
                line = reader.readLine();
                if (line == null || line.isBlank()) {
                    count += flush(paragraph, writer);
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                Matcher m = token.matcher(line.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    paragraph.add(m.group());
                    if (paragraph.size() == 10_000) { // the same lines as splitting at the end, in bounded memory
                        count += flush(paragraph, writer); // (text8 is one 100 MB line)
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException(source + ": no tokens (letters or digits) found");
        }
        return count;
    }

    private static long flush(List<String> paragraph, BufferedWriter writer) throws IOException {
        long n = paragraph.size();
        for (int from = 0; from < paragraph.size(); from += 10_000) {
            writer.write(String.join(" ", paragraph.subList(from, Math.min(paragraph.size(), from + 10_000))));
            writer.write('\n');
        }
        paragraph.clear();
        return n;
    }

    private static String name(Word2VecOptions o) {
        return o.architecture() == Architecture.CBOW ? "cbow" : "skip-gram";
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

}
