package dev.nlpkit.benchmarks.anchor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.benchmarks.anchor.AnchorProcess;

/**
 * The PyTorch side of the side-by-side comparison: exports exactly the data nlpkit trained on (split, padded index
 * sequences from the preprocessing, the Word2Vec embedding matrix) and the recipe to a directory, runs the
 * bundled script {@code sentiment_torch.py} on it with {@code /usr/bin/python3} (Debian's python3-torch), and
 * reads back its per-epoch lines, test metrics and test probabilities. The script's docstring documents the
 * directory layout (little-endian binaries plus {@code meta.json}).
 *
 * <pre>{@code
 * TorchReference.export(dir, embedding, 30, train, validation, test, TorchReference.Recipe.defaults());
 * TorchReference.Result torch = TorchReference.run(dir, Path.of("/usr/bin/python3"), line -> out.println(line));
 * double[] p = torch.testProbabilities();
 * }</pre>
 */
public final class TorchReference {

    /** The script resource, copied next to the data before it runs. */
    public static final String SCRIPT = "sentiment_torch.py";

    /**
     * The training recipe, as in nlpkit's run.
     *
     * @param hidden           LSTM units
     * @param dropout          rate of the Dropout layer after the embedding
     * @param lstmDropout      LSTM input dropout (one mask per sequence)
     * @param recurrentDropout LSTM recurrent dropout (one mask per sequence)
     * @param fineTune         train the embedding (else frozen)
     * @param epochs           maximum epochs
     * @param batchSize        examples per Adam step
     * @param learningRate     Adam learning rate
     * @param patience         early stopping on validation loss after this many epochs without improvement; 0 = off
     * @param seed             PyTorch seed
     */
    public record Recipe(int hidden, double dropout, double lstmDropout, double recurrentDropout, boolean fineTune,
            int epochs, int batchSize, double learningRate, int patience, long seed) {
        public Recipe {
            if (hidden <= 0 || epochs <= 0 || batchSize <= 0 || patience < 0) {
                throw new IllegalArgumentException("hidden, epochs and batch size must be > 0 and patience >= 0, got "
                        + hidden + ", " + epochs + ", " + batchSize + ", " + patience);
            }
            for (double rate : new double[] {dropout, lstmDropout, recurrentDropout}) {
                if (!(rate >= 0 && rate < 1)) {
                    throw new IllegalArgumentException("dropout rates must be in [0, 1), got " + rate);
                }
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
            }
        }

        /** The course's model: LSTM(100), Dropout 0.5, LSTM dropouts 0.2, frozen, 5 epochs of 128, Adam 1e-3. */
        public static Recipe defaults() {
            return new Recipe(100, 0.5, 0.2, 0.2, false, 5, 128, 1e-3, 2, 42);
        }

        public Recipe withEpochs(int value) {
            return new Recipe(hidden, dropout, lstmDropout, recurrentDropout, fineTune, value, batchSize, learningRate,
                    patience, seed);
        }

        public Recipe withBatchSize(int value) {
            return new Recipe(hidden, dropout, lstmDropout, recurrentDropout, fineTune, epochs, value, learningRate,
                    patience, seed);
        }

        public Recipe withFineTune(boolean value) {
            return new Recipe(hidden, dropout, lstmDropout, recurrentDropout, value, epochs, batchSize, learningRate,
                    patience, seed);
        }

        public Recipe withHidden(int value) {
            return new Recipe(value, dropout, lstmDropout, recurrentDropout, fineTune, epochs, batchSize, learningRate,
                    patience, seed);
        }

        public Recipe withSeed(long value) {
            return new Recipe(hidden, dropout, lstmDropout, recurrentDropout, fineTune, epochs, batchSize, learningRate,
                    patience, value);
        }

        public Recipe withDropouts(double embeddingDropout, double lstmInputDropout, double lstmRecurrentDropout) {
            return new Recipe(hidden, embeddingDropout, lstmInputDropout, lstmRecurrentDropout, fineTune, epochs,
                    batchSize, learningRate, patience, seed);
        }

        public Recipe withLearningRate(double value) {
            return new Recipe(hidden, dropout, lstmDropout, recurrentDropout, fineTune, epochs, batchSize, value,
                    patience, seed);
        }

        public Recipe withPatience(int value) {
            return new Recipe(hidden, dropout, lstmDropout, recurrentDropout, fineTune, epochs, batchSize, learningRate,
                    value, seed);
        }
    }

    /**
     * One split: padded index rows (0 = padding) and 0/1 labels.
     *
     * @param ids    {@code [n][maxLength]}
     * @param labels {@code [n]}
     */
    public record Split(int[][] ids, int[] labels) {
        public Split {
            if (ids.length != labels.length) {
                throw new IllegalArgumentException(ids.length + " rows but " + labels.length + " labels");
            }
        }
    }

    /**
     * What the script reported.
     *
     * @param epochLines        the JSON line of each epoch, as printed
     * @param testLoss          binary cross-entropy on the test split
     * @param testAccuracy      accuracy at 0.5 on the test split
     * @param bestEpoch         the epoch whose weights were kept (early stopping)
     * @param testProbabilities P(class 1) per test row
     */
    public record Result(List<String> epochLines, double testLoss, double testAccuracy, int bestEpoch,
            double[] testProbabilities) {
    }

    private TorchReference() {
    }

    /** Writes {@code meta.json}, the embedding and the three splits to {@code dir} (created when missing). */
    public static void export(Path dir, float[][] embedding, int maxLength, Split train, Split validation, Split test,
            Recipe recipe) throws IOException {
        Objects.requireNonNull(recipe, "recipe");
        if (embedding.length == 0 || embedding[0].length == 0) {
            throw new IllegalArgumentException("the embedding matrix is empty");
        }
        int vocabulary = embedding.length;
        int dimension = embedding[0].length;
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("embedding.f32"), out -> {
            ByteBuffer row = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < vocabulary; i++) {
                if (embedding[i].length != dimension) {
                    throw new IllegalArgumentException("embedding row " + i + " has " + embedding[i].length
                            + " values, expected " + dimension);
                }
                row.clear();
                row.asFloatBuffer().put(embedding[i]);
                out.write(row.array());
            }
        });
        writeSplit(dir, "train", train, maxLength, vocabulary);
        writeSplit(dir, "validation", validation, maxLength, vocabulary);
        writeSplit(dir, "test", test, maxLength, vocabulary);
        String meta = String.format(Locale.ROOT, """
                {"format": 1, "vocab_size": %d, "embedding_dim": %d, "max_length": %d, "hidden": %d,
                 "dropout": %s, "lstm_dropout": %s, "recurrent_dropout": %s, "fine_tune": %s,
                 "epochs": %d, "batch_size": %d, "learning_rate": %s, "patience": %d, "seed": %d,
                 "train_rows": %d, "validation_rows": %d, "test_rows": %d}
                """, vocabulary, dimension, maxLength, recipe.hidden(), recipe.dropout(), recipe.lstmDropout(),
                recipe.recurrentDropout(), recipe.fineTune(), recipe.epochs(), recipe.batchSize(),
                recipe.learningRate(), recipe.patience(), recipe.seed(), train.labels().length,
                validation.labels().length, test.labels().length);
        AtomicFiles.write(dir.resolve("meta.json"), meta.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeSplit(Path dir, String name, Split split, int maxLength, int vocabulary)
            throws IOException {
        AtomicFiles.write(dir.resolve(name + ".ids.i32"), out -> {
            ByteBuffer row = ByteBuffer.allocate(4 * maxLength).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < split.ids().length; i++) {
                int[] ids = split.ids()[i];
                if (ids.length != maxLength) {
                    throw new IllegalArgumentException(name + " row " + i + " has " + ids.length + " ids, expected "
                            + maxLength);
                }
                row.clear();
                for (int id : ids) {
                    if (id < 0 || id >= vocabulary) {
                        throw new IllegalArgumentException(name + " row " + i + " has id " + id + ", expected 0.."
                                + (vocabulary - 1));
                    }
                    row.putInt(id);
                }
                out.write(row.array());
            }
        });
        AtomicFiles.write(dir.resolve(name + ".labels.u8"), out -> {
            for (int i = 0; i < split.labels().length; i++) {
                int label = split.labels()[i];
                if (label != 0 && label != 1) {
                    throw new IllegalArgumentException(name + " label " + i + " is " + label + ", expected 0 or 1");
                }
                out.write(label);
            }
        });
    }

    /** Copies the bundled script into {@code dir} and returns its path. */
    public static Path extractScript(Path dir) throws IOException {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = TorchReference.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the nlpkit jar lacks the resource " + SCRIPT);
            }
            byte[] bytes = in.readAllBytes();
            AtomicFiles.write(script, (OutputStream out) -> out.write(bytes));
        }
        return script;
    }

    /**
     * Runs the script on an exported directory and waits for it.
     *
     * @param python      the interpreter, normally {@code /usr/bin/python3}
     * @param extraArgs   more script arguments (e.g. {@code --epochs 1})
     * @param onEachLine  receives every line the script prints (progress)
     * @throws IOException when the interpreter is missing, the script fails (its last output lines are in the
     *                     message) or prints no test line
     */
    public static Result run(Path dir, Path python, List<String> extraArgs, Consumer<String> onEachLine)
            throws IOException {
        Path script = extractScript(dir);
        Path probabilities = dir.resolve("torch_test_probabilities.f32");
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), dir.toString(),
                "--probabilities", probabilities.toString()));
        command.addAll(extraArgs);
        Process process = AnchorProcess.builder(command).redirectErrorStream(true).start();
        List<String> epochLines = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        String testLine = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                onEachLine.accept(line);
                if (line.startsWith("{\"epoch\"")) {
                    epochLines.add(line);
                } else if (line.startsWith("{\"test_loss\"")) {
                    testLine = line;
                }
                tail.add(line);
                if (tail.size() > 8) {
                    tail.remove(0);
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the PyTorch reference run", e);
        }
        if (exit != 0 || testLine == null) {
            throw new IOException("the PyTorch reference run (" + String.join(" ", command) + ") failed with exit code "
                    + exit + "; its last lines:\n" + String.join("\n", tail));
        }
        byte[] bytes = Files.readAllBytes(probabilities);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] p = new double[bytes.length / 4];
        for (int i = 0; i < p.length; i++) {
            p[i] = buffer.getFloat();
        }
        return new Result(List.copyOf(epochLines), number(testLine, "test_loss").orElseThrow(),
                number(testLine, "test_accuracy").orElseThrow(), (int) number(testLine, "best_epoch").orElse(0), p);
    }

    /** The number stored under {@code key} in a flat JSON line. */
    public static OptionalDouble number(String jsonLine, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(-?[0-9.eE+-]+|NaN)").matcher(jsonLine);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
