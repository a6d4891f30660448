package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.BidirectionalOptions;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.TimeDistributedOptions;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.model.Dataset;
import dev.nlpkit.recurrent.model.FitOptions;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.model.Targets;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit tag}: many-to-many aligned sequence labelling: a bidirectional LSTM part-of-speech tagger trained
 * and evaluated on the tagged Brown corpus, against the most-frequent-tag baseline.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Part-of-speech tagging with a bidirectional LSTM (recurrent): Embedding -> "
            + "Bidirectional(LSTM, all steps) -> TimeDistributed(Dense(tags, softmax)), on the tagged Brown corpus.",
            "Files are split into training and test (seeded); tags are simplified to their base (np-tl -> np). "
                + "Reports per-token test accuracy beside the most-frequent-tag baseline."})
public final class TagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", description = "The folder of tagged Brown files ca01 ... cr09 (default: the brown "
            + "dataset).")
    Path corpus;

    @Option(names = "--files", defaultValue = "100", description = "How many Brown files to use (of 500), in name "
            + "order. Default: ${DEFAULT-VALUE}.")
    int files;

    @Option(names = "--test", defaultValue = "0.1", description = "Fraction of the files held out. Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--dimension", defaultValue = "64", description = "Word embedding size. Default: ${DEFAULT-VALUE}.")
    int dimension;

    @Option(names = "--units", defaultValue = "64", description = "LSTM units per direction. Default: ${DEFAULT-VALUE}.")
    int units;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.005",
            description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--clip-norm", defaultValue = "0",
            description = "Clip the gradients to this global L2 norm (0: off). Default: ${DEFAULT-VALUE}.")
    double clipNorm;

    @Mixin
    ReadFlags readFlags = new ReadFlags();

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** A tagged sentence. */
    record Sentence(List<String> words, List<String> tags) {
    }

    @Override
    public Integer call() throws IOException {
        FlagChecks.inRange("--files", files, 2, 500);
        FlagChecks.openFraction("--test", testFraction);
        FlagChecks.inRange("--dimension", dimension, 1, FlagChecks.MAX_DIMENSION);
        FlagChecks.inRange("--units", units, 1, FlagChecks.MAX_UNITS);
        FlagChecks.atLeast("--epochs", epochs, 1);
        FlagChecks.atLeast("--batch-size", batchSize, 1);
        FlagChecks.positive("--learning-rate", learningRate);
        FlagChecks.nonNegative("--clip-norm", clipNorm);
        if (corpus != null && !Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("--corpus " + Messages.quote(corpus) + ": is not a folder (expected "
                    + "the brown-tagged folder)");
        }
        Path dir = DataFiles.resolve(dev.nlpkit.examples.data.DatasetRegistry.BROWN, corpus, "--corpus");
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.filter(p -> p.getFileName().toString().matches("c[a-r]\\d\\d")).sorted().toList();
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no Brown files (ca01 ... cr09)");
        }
        List<Path> used = new ArrayList<>(all.subList(0, Math.min(files, all.size())));
        java.util.Collections.shuffle(used, new java.util.Random(seed));
        int testFiles = Math.max(1, (int) Math.round(used.size() * testFraction));
        if (testFiles >= used.size()) {
            throw new IllegalArgumentException("--files " + files + " with --test " + testFraction
                    + " leaves no training file");
        }
        List<Sentence> train = read(used.subList(testFiles, used.size()), readFlags, spec.commandLine().getErr());
        List<Sentence> test = read(used.subList(0, testFiles), readFlags, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();

        Map<String, Integer> wordIds = new HashMap<>();   // 0 = padding, 1 = unknown
        Map<String, Integer> tagIds = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> tagCounts = new HashMap<>();
        Map<String, Integer> overall = new HashMap<>();
        for (Sentence s : train) {
            for (int i = 0; i < s.words().size(); i++) {
                String w = s.words().get(i);
                String t = s.tags().get(i);
                wordIds.computeIfAbsent(w, x -> wordIds.size() + 2);
                tagIds.computeIfAbsent(t, x -> tagIds.size());
                tagCounts.computeIfAbsent(w, x -> new HashMap<>()).merge(t, 1, Integer::sum);
                overall.merge(t, 1, Integer::sum);
            }
        }
        String commonest = overall.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        out.printf("Brown: %d training files (%d sentences, %d tokens), %d test files (%d sentences, %d tokens); "
                + "%d words, %d tags%n", used.size() - testFiles, train.size(), tokens(train), testFiles, test.size(),
                tokens(test), wordIds.size(), tagIds.size());

        int[][] trainX = ids(train, wordIds);
        int[][] trainY = train.stream().map(s -> s.tags().stream().mapToInt(tagIds::get).toArray()).toArray(int[][]::new);
        Sequential model = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(wordIds.size() + 2, dimension))
                .add(BidirectionalOptions.of(RecurrentOptions.lstm(units).withReturnSequences(true)))
                .add(TimeDistributedOptions.of(DenseOptions.of(tagIds.size(), Activation.SOFTMAX)))
                .build(seed);
        out.println(model.summary());
        out.flush();
        FitOptions fit = FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(learningRate))
                .withEpochs(epochs).withBatchSize(batchSize).withSeed(seed).withClipNorm(clipNorm);
        Dataset trainSet = Dataset.of(Inputs.tokens(trainX), Targets.stepLabels(trainY));
        try (EpochProgress progress = new EpochProgress(epochs, e -> {
            out.printf(Locale.ROOT, "epoch %d: loss %.4f acc %.4f%n", e.epoch() + 1, e.loss(), e.accuracy());
            out.flush();
        })) {
            model.fit(trainSet, null, fit, progress);
        }

        float[][][] predicted = model.predictSequences(Inputs.tokens(ids(test, wordIds)), 256);
        List<String> tagNames = new ArrayList<>(tagIds.keySet());
        long total = 0, lstmRight = 0, baselineRight = 0, unknown = 0, unknownRight = 0;
        for (int s = 0; s < test.size(); s++) {
            Sentence sentence = test.get(s);
            for (int i = 0; i < sentence.words().size(); i++) {
                String gold = sentence.tags().get(i);
                String word = sentence.words().get(i);
                String lstm = tagNames.get(argMax(predicted[s][i]));
                Map<String, Integer> seen = tagCounts.get(word);
                String baseline = seen == null ? commonest
                        : seen.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                total++;
                lstmRight += lstm.equals(gold) ? 1 : 0;
                baselineRight += baseline.equals(gold) ? 1 : 0;
                if (seen == null) {
                    unknown++;
                    unknownRight += lstm.equals(gold) ? 1 : 0;
                }
            }
        }
        out.printf(Locale.ROOT, "test per-token accuracy: bilstm %.4f, most-frequent-tag baseline %.4f (%d tokens; "
                + "%d unknown words, bilstm %.4f on them)%n", (double) lstmRight / total, (double) baselineRight / total,
                total, unknown, unknown == 0 ? 0.0 : (double) unknownRight / unknown);
        out.flush();
        return 0;
    }

    private static long tokens(List<Sentence> sentences) {
        return sentences.stream().mapToLong(s -> s.words().size()).sum();
    }

    private static int[][] ids(List<Sentence> sentences, Map<String, Integer> wordIds) {
        return sentences.stream().map(s -> s.words().stream().mapToInt(w -> wordIds.getOrDefault(w, 1)).toArray())
                .toArray(int[][]::new);
    }

    private static int argMax(float[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Brown format: one sentence per non-blank line, tokens "word/tag"; words lower-cased, tags simplified. */
    static List<Sentence> read(List<Path> files, ReadFlags readFlags, PrintWriter err) {
        List<Sentence> sentences = new ArrayList<>();
        for (Path file : files) {
            for (dev.nlpkit.preprocess.corpus.LabelledText record : readFlags.records(file, err)) {
                long lineNo = record.line();
                String line = record.text();
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                List<String> tags = new ArrayList<>();
                for (String token : trimmed.split("\\s+")) {
                    int slash = token.lastIndexOf('/');
                    if (slash <= 0 || slash == token.length() - 1) {
                        throw new IllegalArgumentException(file + ":" + lineNo + ": token " + Messages.quote(token)
                                + " is not word/tag");
                    }
                    words.add(token.substring(0, slash).toLowerCase(Locale.ROOT));
                    tags.add(simplify(token.substring(slash + 1)));
                }
                sentences.add(new Sentence(words, tags));
            }
        }
        return sentences;
    }

    /** {@code np-tl} -> {@code np}, {@code nn-hl} -> {@code nn}; a leading {@code -} (as in {@code --}) stays. */
    static String simplify(String tag) {
        if (tag.chars().allMatch(c -> c == '-')) {
            return tag;
        }
        int dash = tag.indexOf('-', 1);
        String base = dash > 0 ? tag.substring(0, dash) : tag;
        return base;
    }
}
