package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.nlpkit.recurrent.layers.Activation;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit generate FILE}: a character-level LSTM language model trained on a text file, then sampled one
 * character at a time (one-to-many) with a temperature.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Character-level LSTM (recurrent) trained on a text file, then writing new text: each step "
            + "samples the next character from softmax(logits / temperature) and feeds it back.",
            "Training windows of --window characters predict the next character at every step."})
public final class GenerateCommand implements Callable<Integer> {

    /** Id 0 is padding; characters start at 1. */
    private static final int FIRST_CHAR_ID = 1;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Training text, e.g. a Gutenberg book (default: "
            + "the alice dataset, Alice's Adventures in Wonderland).")
    Path file;

    @Option(names = "--chars", defaultValue = "200000",
            description = "Use the first N characters of the file. Default: ${DEFAULT-VALUE}.")
    int chars;

    @Option(names = "--window", defaultValue = "40", description = "Training window. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--units", defaultValue = "128", description = "LSTM units. Default: ${DEFAULT-VALUE}.")
    int units;

    @Option(names = "--epochs", defaultValue = "20",
            description = "Epochs (20 take about half a minute on a 140,000-character book). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--length", defaultValue = "300", description = "Characters to write. Default: ${DEFAULT-VALUE}.")
    int length;

    @Option(names = "--temperature", defaultValue = "0.7",
            description = "Sampling temperature (> 0; low: safe and repetitive, high: varied). Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--prompt", description = "Text to start from (default: the first window of the file).")
    String prompt;

    @Option(names = "--learning-rate", defaultValue = "0.005",
            description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--clip-norm", defaultValue = "0",
            description = "Clip the gradients to this global L2 norm (0: off). Default: ${DEFAULT-VALUE}.")
    double clipNorm;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of training and sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ReadFlags read = new ReadFlags();

    @Override
    public Integer call() throws IOException {
        FlagChecks.atLeast("--chars", chars, 2);
        FlagChecks.inRange("--window", window, 2, 100_000);
        FlagChecks.inRange("--units", units, 1, FlagChecks.MAX_UNITS);
        FlagChecks.atLeast("--epochs", epochs, 1);
        FlagChecks.atLeast("--length", length, 1);
        FlagChecks.positive("--temperature", temperature);
        FlagChecks.positive("--learning-rate", learningRate);
        FlagChecks.nonNegative("--clip-norm", clipNorm);
        file = DataFiles.resolve(dev.nlpkit.examples.data.DatasetRegistry.ALICE, file, "the FILE argument");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("text file " + file + " does not exist or is not a file");
        }
        String text = String.join(" ", read.lines(file, spec.commandLine().getErr())).replaceAll("\\s+", " ");
        text = text.substring(0, Math.min(chars, text.length()));
        if (text.length() <= window + 1) {
            throw new IllegalArgumentException("text file " + file + " has " + text.length()
                    + " characters; need more than --window " + window);
        }
        TreeSet<Character> alphabet = new TreeSet<>();
        for (char c : text.toCharArray()) {
            alphabet.add(c);
        }
        char[] chars = new char[alphabet.size()];
        int[] idOf = new int[Character.MAX_VALUE + 1];
        int k = 0;
        for (char c : alphabet) {
            chars[k] = c;
            idOf[c] = k + FIRST_CHAR_ID;
            k++;
        }
        int vocabulary = chars.length + FIRST_CHAR_ID;
        int windows = (text.length() - 1) / window;
        int[][] x = new int[windows][window];
        int[][] y = new int[windows][window];
        for (int w = 0; w < windows; w++) {
            for (int t = 0; t < window; t++) {
                x[w][t] = idOf[text.charAt(w * window + t)];
                y[w][t] = idOf[text.charAt(w * window + t + 1)] - FIRST_CHAR_ID;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d characters, alphabet of %d, %d training windows of %d%n", file, text.length(), chars.length,
                windows, window);
        Sequential model = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(vocabulary, 32))
                .add(RecurrentOptions.lstm(units).withReturnSequences(true))
                .add(TimeDistributedOptions.of(DenseOptions.of(chars.length, Activation.SOFTMAX)))
                .build(seed);
        FitOptions fit = FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(learningRate))
                .withEpochs(epochs).withBatchSize(64).withSeed(seed).withClipNorm(clipNorm);
        try (EpochProgress progress = new EpochProgress(epochs, e -> {
            out.printf(Locale.ROOT, "epoch %d: loss %.4f, next-character accuracy %.4f%n", e.epoch() + 1, e.loss(),
                    e.accuracy());
            out.flush();
        })) {
            model.fit(Dataset.of(Inputs.tokens(x), Targets.stepLabels(y)), null, fit, progress);
        }

        String start = prompt != null ? prompt : text.substring(0, window);
        StringBuilder written = new StringBuilder(start);
        SplittableRandom random = new SplittableRandom(seed);
        for (int step = 0; step < length; step++) {
            String context = written.substring(Math.max(0, written.length() - window));
            int[] ids = context.chars().map(c -> c < idOf.length && idOf[c] > 0 ? idOf[c] : idOf[' ']).toArray();
            float[][][] p = model.predictSequences(Inputs.tokens(new int[][] {ids}), 1);
            float[] last = p[0][p[0].length - 1];
            written.append(chars[sample(last, temperature, random)]);
        }
        out.printf(Locale.ROOT, "%n--- %d characters at temperature %.2f, after \"%s\" ---%n%s%n", length, temperature,
                start, written.substring(start.length()));
        out.flush();
        return 0;
    }

    /** Samples from {@code p^(1/T)} renormalized. */
    static int sample(float[] p, double temperature, SplittableRandom random) {
        double[] w = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            w[i] = Math.exp(Math.log(Math.max(p[i], 1e-12)) / temperature);
            sum += w[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r <= 0) {
                return i;
            }
        }
        return w.length - 1;
    }
}
