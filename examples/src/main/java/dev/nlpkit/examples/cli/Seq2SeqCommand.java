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
 * {@code nlpkit seq2seq}: an encoder-decoder (recurrent's {@link Seq2Seq}) on a generated task whose input and
 * output lengths differ: English number words to digits ("three hundred and seven" -> "307").
 */
@Command(name = "seq2seq", mixinStandardHelpOptions = true,
        description = {"Encoder-decoder LSTM (recurrent) on a generated many-to-many task: English number words to "
            + "digits, e.g. 'three hundred and seven' -> 307 (input and output lengths differ).",
            "Numbers are drawn from 0..--max; the test numbers never occur in training. Reports exact-match accuracy."})
public final class Seq2SeqCommand implements Callable<Integer> {

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    @Spec
    CommandSpec spec;

    @Option(names = "--max", defaultValue = "999", description = "Largest number (<= 999,999). Default: ${DEFAULT-VALUE}.")
    int max;

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
        FlagChecks.inRange("--max", max, 10, 999_999);
        FlagChecks.openFraction("--train", trainFraction);
        FlagChecks.inRange("--units", units, 1, FlagChecks.MAX_UNITS);
        FlagChecks.atLeast("--epochs", epochs, 1);
        FlagChecks.atLeast("--batch-size", batchSize, 1);
        FlagChecks.positive("--learning-rate", learningRate);
        FlagChecks.nonNegative("--clip-norm", clipNorm);
        PrintWriter out = spec.commandLine().getOut();
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
        Seq2Seq model = Seq2Seq.create(Seq2SeqOptions.lstm(words.size() + 1, 13, 32, units), seed);
        out.printf("task: number words -> digits, numbers 0..%d; train %d, test %d (unseen numbers); source "
                + "vocabulary %d words, target 10 digits%n", max, trainCount, testSources.length, words.size());
        out.flush();
        FitOptions fit = FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(learningRate))
                .withEpochs(epochs).withBatchSize(batchSize).withSeed(seed).withClipNorm(clipNorm);
        Progress progress = Progress.start("seq2seq", epochs, "epochs");
        History history;
        try {
            history = model.fit(trainSources, trainTargets, fit, new TrainingListener<>() {
                @Override
                public void onEpochEnd(History.Epoch e) {
                    progress.message(String.format(Locale.ROOT, "loss %.4f", e.loss()));
                    progress.stepTo(e.epoch() + 1);
                }
            });
        } finally {
            progress.close();
        }
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
