package dev.nlpkit.examples.cli;

import dev.nlpkit.core.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import dev.nlpkit.recurrent.model.FitOptions;
import dev.nlpkit.recurrent.model.History;
import dev.nlpkit.recurrent.model.Seq2Seq;
import dev.nlpkit.recurrent.model.Seq2SeqOptions;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit seq2seq}: an encoder-decoder (recurrent's {@link Seq2Seq}), with or without attention, on a
 * generated task: English number words to digits ("three hundred and seven" -> "307"), or the reversal of random
 * symbol sequences tested on sequences longer than any seen in training.
 */
@Command(name = "seq2seq", mixinStandardHelpOptions = true,
        description = {"Encoder-decoder LSTM (recurrent), optionally with attention, on a generated many-to-many task.",
            "--task numbers: English number words to digits, e.g. 'three hundred and seven' -> 307 (input and output "
                + "lengths differ); numbers are drawn from 0..--max and the test numbers never occur in training.",
            "--task reverse: reverse sequences of " + Seq2SeqCommand.SYMBOLS + " symbols; training sequences have 2.."
                + "--train-length symbols, test sequences are longer (--train-length+1..--test-length).",
            "Reports exact-match accuracy."})
public final class Seq2SeqCommand implements Callable<Integer> {

    /** Symbols of the reversal task (ids 1..SYMBOLS). */
    static final int SYMBOLS = 30;

    /** The generated tasks. */
    enum Task {
        NUMBERS, REVERSE
    }

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    @Spec
    CommandSpec spec;

    @Option(names = "--task", defaultValue = "numbers", description = "numbers or reverse. Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--attention", defaultValue = "none",
            description = "none, dot (Luong) or additive (Bahdanau): how the decoder attends over the encoder's "
                + "outputs. Default: ${DEFAULT-VALUE}.")
    String attention;

    @Option(names = "--max", description = "--task numbers: largest number (<= 999,999). Default: 999.")
    Integer max;

    @Option(names = "--train-length", description = "--task reverse: longest training sequence (>= 2). Default: 10.")
    Integer trainLength;

    @Option(names = "--test-length", description = "--task reverse: longest test sequence (> --train-length). "
            + "Default: 12.")
    Integer testLength;

    @Option(names = "--examples", description = "--task reverse: training sequences. Default: 2000.")
    Integer examples;

    @Option(names = "--train", defaultValue = "0.8", description = "Fraction of the numbers used for training. Default: ${DEFAULT-VALUE}.")
    double trainFraction;

    @Option(names = "--units", defaultValue = "64", description = "LSTM units. Default: ${DEFAULT-VALUE}.")
    int units;

    @Option(names = "--epochs", defaultValue = "30", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.005",
            description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--clip-norm", defaultValue = "0",
            description = "Clip the gradients to this global L2 norm (0: off). Default: ${DEFAULT-VALUE}.")
    double clipNorm;

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        Task kind = Choices.parse(Task.class, "--task", task);
        Seq2SeqOptions.Attention attend = Choices.parse(Seq2SeqOptions.Attention.class, "--attention", attention);
        if (kind == Task.NUMBERS) {
            refuseWith("--train-length", trainLength, "--task reverse");
            refuseWith("--test-length", testLength, "--task reverse");
            refuseWith("--examples", examples, "--task reverse");
            max = max == null ? 999 : max;
            FlagChecks.inRange("--max", max, 10, 999_999);
        } else {
            refuseWith("--max", max, "--task numbers");
            trainLength = trainLength == null ? 10 : trainLength;
            testLength = testLength == null ? 12 : testLength;
            examples = examples == null ? 2000 : examples;
            FlagChecks.inRange("--train-length", trainLength, 2, 1000);
            FlagChecks.inRange("--test-length", testLength, trainLength + 1L, 1000);
            FlagChecks.inRange("--examples", examples, 1, 10_000_000);
        }
        FlagChecks.openFraction("--train", trainFraction);
        FlagChecks.inRange("--units", units, 1, FlagChecks.MAX_UNITS);
        FlagChecks.atLeast("--epochs", epochs, 1);
        FlagChecks.atLeast("--batch-size", batchSize, 1);
        FlagChecks.positive("--learning-rate", learningRate);
        FlagChecks.nonNegative("--clip-norm", clipNorm);
        PrintWriter out = spec.commandLine().getOut();
        FitOptions fit = FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(learningRate))
                .withEpochs(epochs).withBatchSize(batchSize).withSeed(seed).withClipNorm(clipNorm);
        if (kind == Task.REVERSE) {
            return reverse(attend, fit, out);
        }
        // source vocabulary: 0 = padding, then every word in order of first use
        Map<String, Integer> words = new LinkedHashMap<>();
        int[] numbers = new int[max + 1];
        for (int i = 0; i <= max; i++) {
            numbers[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = numbers.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = numbers[i];
            numbers[i] = numbers[j];
            numbers[j] = swap;
        }
        int trainCount = (int) Math.round(numbers.length * trainFraction);
        int[][] sources = new int[numbers.length][];
        int[][] targets = new int[numbers.length][];
        for (int k = 0; k < numbers.length; k++) {
            List<String> w = words(numbers[k]);
            sources[k] = w.stream().mapToInt(s -> words.computeIfAbsent(s, x -> words.size() + 1)).toArray();
            String digits = Integer.toString(numbers[k]);
            targets[k] = digits.chars().map(c -> c - '0' + 3).toArray(); // 0 pad, 1 start, 2 end, 3..12 digits
        }
        int[][] trainSources = java.util.Arrays.copyOfRange(sources, 0, trainCount);
        int[][] trainTargets = java.util.Arrays.copyOfRange(targets, 0, trainCount);
        int[][] testSources = java.util.Arrays.copyOfRange(sources, trainCount, sources.length);
        int[][] testTargets = java.util.Arrays.copyOfRange(targets, trainCount, targets.length);
        Seq2Seq model = Seq2Seq.create(Seq2SeqOptions.lstm(words.size() + 1, 13, 32, units).withAttention(attend),
                seed);
        out.printf("task: number words -> digits, numbers 0..%d; train %d, test %d (unseen numbers); source "
                + "vocabulary %d words, target 10 digits; attention %s%n", max, trainCount, testSources.length,
                words.size(), flagName(attend));
        out.flush();
        History history = train(model, trainSources, trainTargets, fit);
        int maxDigits = Integer.toString(max).length() + 2;
        int[][] predicted = model.predict(testSources, maxDigits, 256);
        int exact = 0;
        List<String> examples = new ArrayList<>();
        for (int k = 0; k < predicted.length; k++) {
            boolean ok = java.util.Arrays.equals(predicted[k], testTargets[k]);
            exact += ok ? 1 : 0;
            if (examples.size() < 8) {
                examples.add(String.format(Locale.ROOT, "  %-45s -> %-8s %s", String.join(" ", words(numbers[trainCount + k])),
                        digits(predicted[k]), ok ? "ok" : "(expected " + numbers[trainCount + k] + ")"));
            }
        }
        out.printf(Locale.ROOT, "final training loss %.4f after %d epochs%n", history.last().loss(),
                history.epochs().size());
        out.printf(Locale.ROOT, "test exact-match accuracy: %.4f (%d of %d unseen numbers)%n",
                (double) exact / predicted.length, exact, predicted.length);
        examples.forEach(out::println);
        out.flush();
        return 0;
    }

    /** The reversal task: train on 2..--train-length symbols, test on longer sequences and on unseen ones as long. */
    private int reverse(Seq2SeqOptions.Attention attend, FitOptions fit, PrintWriter out) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][][] train = reversals(examples, 2, trainLength, random);
        int[][][] sameLength = reversals(500, 2, trainLength, random);
        int[][][] longer = reversals(500, trainLength + 1, testLength, random);
        Seq2Seq model = Seq2Seq.create(Seq2SeqOptions.lstm(SYMBOLS + 1, SYMBOLS + 3, 32, units).withAttention(attend),
                seed);
        out.printf("task: reverse sequences of %d symbols; train %d sequences of 2..%d, test 500 of 2..%d and 500 "
                + "longer ones of %d..%d; attention %s%n", SYMBOLS, examples, trainLength, trainLength,
                trainLength + 1, testLength, flagName(attend));
        out.flush();
        History history = train(model, train[0], train[1], fit);
        out.printf(Locale.ROOT, "final training loss %.4f after %d epochs%n", history.last().loss(),
                history.epochs().size());
        int same = exactMatches(model.predict(sameLength[0], trainLength + 1, 256), sameLength[1]);
        int[][] predicted = model.predict(longer[0], testLength + 1, 256);
        int exact = exactMatches(predicted, longer[1]);
        out.printf(Locale.ROOT, "exact-match accuracy at training lengths: %.4f (%d of 500 unseen sequences)%n",
                same / 500.0, same);
        out.printf(Locale.ROOT, "test exact-match accuracy: %.4f (%d of 500 sequences longer than any in training)%n",
                exact / 500.0, exact);
        for (int k = 0; k < 4; k++) {
            boolean ok = java.util.Arrays.equals(predicted[k], longer[1][k]);
            out.printf("  %-40s -> %s %s%n", symbols(longer[0][k], 0), symbols(predicted[k], 2),
                    ok ? "ok" : "(expected " + symbols(longer[1][k], 2) + ")");
        }
        out.flush();
        return 0;
    }

    /** {@code n} random sequences of {@code min..max} symbols (ids 1..SYMBOLS) and their reversals (ids + 2). */
    private static int[][][] reversals(int n, int min, int max, SplittableRandom random) {
        int[][] sources = new int[n][];
        int[][] targets = new int[n][];
        for (int i = 0; i < n; i++) {
            int len = min + random.nextInt(max - min + 1);
            sources[i] = new int[len];
            targets[i] = new int[len];
            for (int t = 0; t < len; t++) {
                sources[i][t] = 1 + random.nextInt(SYMBOLS);
            }
            for (int t = 0; t < len; t++) {
                targets[i][t] = sources[i][len - 1 - t] + 2;   // 0 pad, 1 start, 2 end
            }
        }
        return new int[][][] {sources, targets};
    }

    private static int exactMatches(int[][] predicted, int[][] expected) {
        int exact = 0;
        for (int k = 0; k < predicted.length; k++) {
            exact += java.util.Arrays.equals(predicted[k], expected[k]) ? 1 : 0;
        }
        return exact;
    }

    /** Symbols as letters and digits ('a'..'z', '0'..), ids shifted down by {@code shift}. */
    private static String symbols(int[] ids, int shift) {
        StringBuilder s = new StringBuilder();
        for (int id : ids) {
            int k = id - shift - 1;
            s.append(k >= 0 && k < 26 ? (char) ('a' + k) : k >= 26 && k < SYMBOLS ? (char) ('0' + k - 26) : '?');
        }
        return s.length() == 0 ? "(empty)" : s.toString();
    }

    private History train(Seq2Seq model, int[][] sources, int[][] targets, FitOptions fit) {
        Progress progress = Progress.start("seq2seq", epochs, "epochs");
        try {
            return model.fit(sources, targets, fit, new TrainingListener<>() {
                @Override
                public void onEpochEnd(History.Epoch e) {
                    progress.message(String.format(Locale.ROOT, "loss %.4f", e.loss()));
                    progress.stepTo(e.epoch() + 1);
                }
            });
        } finally {
            progress.close();
        }
    }

    /** Fails when {@code flag} was given but belongs to another task. */
    private static void refuseWith(String flag, Integer value, String task) {
        if (value != null) {
            throw new IllegalArgumentException(flag + " applies to " + task + " only");
        }
    }

    private static String flagName(Seq2SeqOptions.Attention a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    private static String digits(int[] ids) {
        StringBuilder s = new StringBuilder();
        for (int id : ids) {
            s.append(id >= 3 && id <= 12 ? (char) ('0' + id - 3) : '?');
        }
        return s.length() == 0 ? "(empty)" : s.toString();
    }

    /** English words of {@code n} (British style "and" after hundreds). */
    static List<String> words(int n) {
        List<String> w = new ArrayList<>();
        if (n >= 1000) {
            w.addAll(words(n / 1000));
            w.add("thousand");
            n %= 1000;
            if (n == 0) {
                return w;
            }
            if (n < 100) {
                w.add("and");
            }
        }
        if (n >= 100) {
            w.add(ONES[n / 100]);
            w.add("hundred");
            n %= 100;
            if (n == 0) {
                return w;
            }
            w.add("and");
        }
        if (n >= 20) {
            w.add(TENS[n / 10]);
            if (n % 10 != 0) {
                w.add(ONES[n % 10]);
            }
        } else if (w.isEmpty() || n > 0) {
            w.add(ONES[n]);
        }
        return w;
    }
}
