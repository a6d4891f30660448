package dev.nlpkit.examples.cli;

import dev.nlpkit.core.ShortTasks;
import dev.nlpkit.core.Threads;
import dev.nlpkit.recurrent.model.BatchEnd;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.nlpkit.classify.Blend;
import dev.nlpkit.classify.FitListener;
import dev.nlpkit.classify.LabeledTexts;
import dev.nlpkit.classify.ModelInfo;
import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.classify.Threshold;
import dev.nlpkit.classify.linear.TfidfLogisticOptions;
import dev.nlpkit.classify.metrics.BinaryMetrics;
import dev.nlpkit.classify.metrics.RocCurve;
import dev.nlpkit.core.OutputClaim;
import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.TrainingProgress;
import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.examples.baseline.LogisticRegressionBaseline;
import dev.nlpkit.examples.baseline.NaiveBayesBaseline;
import dev.nlpkit.examples.baseline.SparseRows;
import dev.nlpkit.examples.data.DatasetRegistry;
import dev.nlpkit.examples.data.DatasetResolver;
import dev.nlpkit.examples.plot.Charts;
import dev.nlpkit.examples.plot.Polarity;
import dev.nlpkit.examples.plot.TrainingHistory;
import dev.nlpkit.examples.plot.WordMapProjection;
import dev.nlpkit.examples.report.ComparisonTable;
import dev.nlpkit.examples.report.StageTimer;
import dev.nlpkit.examples.sentiment.OpinionLexicon;
import dev.nlpkit.examples.sentiment.Preprocessing;
import dev.nlpkit.examples.sentiment.SentimentData;
import dev.nlpkit.examples.sentiment.StratifiedSplit;
import dev.nlpkit.examples.sentiment.TweetEvalData;
import dev.nlpkit.benchmarks.anchor.TorchReference;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.core.InvalidBytes;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.TextDecoder;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.model.History;
import dev.nlpkit.vectorize.bow.CountOptions;
import dev.nlpkit.vectorize.bow.CountVectorizer;
import dev.nlpkit.vectorize.bow.TfidfOptions;
import dev.nlpkit.vectorize.bow.TfidfVectorizer;
import dev.nlpkit.vectorize.label.LabelEncoder;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.sequence.SequenceEncoder;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit sentiment train|predict|evaluate}: the course's sentiment workflow end to end. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = "Tweet sentiment: train the course's LSTM (with baselines, report, plots and a model bundle), "
                + "apply it, evaluate it.",
        subcommands = {SentimentCommand.Train.class, SentimentCommand.Predict.class, SentimentCommand.Evaluate.class})
public final class SentimentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The Sentiment140 archive's entries. */
    static final String S140_TRAIN_ENTRY = "training.1600000.processed.noemoticon.csv";

    static SentimentData readData(Path file, ReadFlags read, Optional<LabelEncoder> expected, PrintWriter out,
            PrintWriter err) {
        ReadOptions options = read.apply(ReadOptions.defaults());
        if (read.zipEntry == null && file.getFileName().toString().equals(DatasetRegistry.SENTIMENT140.fileName())) {
            options = options.withZipEntry(S140_TRAIN_ENTRY);
        }
        Progress progress = Progress.start("read " + file.getFileName(), -1, "rows");
        SentimentData data;
        try {
            if (TweetEvalData.matches(file)) {
                data = TweetEvalData.read(file, options, expected);
                progress.stepTo(data.report().rows());
            } else {
                data = SentimentData.read(file, options, expected, progress::stepTo);
            }
        } finally {
            progress.close();
        }
        var report = data.report();
        long[] counts = data.classCounts();
        ReadFlags.warn(report, err);
        out.printf(Locale.ROOT, "data: %s: %d rows read, %d used (%s: %d, %s: %d), %d skipped%s, %d neutral or "
                + "irrelevant dropped, %s%s%n",
                report.source(), report.rows(), data.size(), data.labelEncoder().decode(0),
                counts[0], data.labelEncoder().decode(1), counts[1], report.skipped(),
                report.skippedByKind().isEmpty() ? "" : " " + report.skippedByKind(), data.droppedNeutral(),
                report.charset().name(), ReadFlags.replaced(report));
        report.firstProblems().forEach(p -> out.println("  skipped " + p));
        out.flush();
        return data;
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The course's workflow end to end: data, stratified split, preprocessing, TF-IDF baselines "
                + "(Smile logistic regression and naive Bayes), then text-classify's TextClassifier: Word2Vec and "
                + "the network (by default Embedding(Word2Vec, fine-tuned at 0.1 x the rate) -> Dropout(0.5) -> "
                + "LSTM(100, dropout 0.2, recurrent dropout 0.2) -> Dense(1, sigmoid), Adam, early stopping, its "
                + "probability blended with a TF-IDF logistic regression, at the validation split's balanced "
                + "threshold; --recipe lesson is the course's network as taught; the flags below change it), a "
                + "report with every model side by side, PNG plots and a model bundle (TextClassifier format 2).",
                "Without --data it uses Sentiment140 from NLPKIT_DATA, the cache, or a download."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", description = "CSV/TSV (plain, .gz, .zip): Sentiment140's six columns or a header "
                + "with label and text columns. Default: the Sentiment140 dataset.")
        Path data;

        @Option(names = "--test", description = "A separate labelled test file (e.g. Sentiment140's hand-labelled "
                + "test set); the data is then split into training and validation only.")
        Path test;

        @Mixin
        ReadFlags read = new ReadFlags();

        @Option(names = "--limit", description = "Use a seeded stratified sample of this many rows (e.g. 5000 for a "
                + "quick run).")
        Integer limit;

        @Option(names = "--validation", defaultValue = "0.1", description = "Validation fraction. Default: ${DEFAULT-VALUE}.")
        double validation;

        @Option(names = "--test-fraction", defaultValue = "0.1",
                description = "Test fraction (without --test). Default: ${DEFAULT-VALUE}.")
        double testFraction;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of split, Word2Vec and network. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--preset", defaultValue = "tweets",
                description = "Preprocessing: tweets, english or lesson. Default: ${DEFAULT-VALUE}.")
        String preset;

        @Option(names = "--stemmer", description = "none, porter, porter2, kstem, english-minimal (default: the preset's).")
        String stemmer;

        @Option(names = "--lemmatize", defaultValue = "none",
                description = "none, noun, or pos (Smile's HMM tagger, a stage of the saved model's preprocessing, "
                        + "-> WordNet POS). Default: ${DEFAULT-VALUE}.")
        String lemmatize;

        @Option(names = "--keep-stop-words", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Keep the words on the preset's stop-word list (a sequence model reads 'but', 'too', "
                        + "'very'). Default: ${DEFAULT-VALUE}.")
        boolean keepStopWords;

        @Option(names = "--keep-punctuation", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Keep punctuation tokens such as '!' and '?' (the tweets preset drops them). "
                        + "Default: ${DEFAULT-VALUE}.")
        boolean keepPunctuation;

        @Option(names = "--embeddings", defaultValue = "word2vec", paramLabel = "word2vec|fasttext",
                description = "The embedding's vectors, trained on the training tweets: word2vec, or fasttext (the same "
                        + "settings plus character n-grams of 3-6, so every vocabulary word gets a vector). "
                        + "Default: ${DEFAULT-VALUE}.")
        String embeddings;

        @Option(names = "--embedding-text", paramLabel = "FILE", description = "Unlabelled text that the Word2Vec "
                + "or fastText embedding also trains on, besides the training tweets (repeatable): plain or .gz, one "
                + "sentence or paragraph per line, preprocessed as the tweets; the embedding's --min-count counts "
                + "over both. The network's vocabulary and labels stay the tweets'. Default: none (the training "
                + "tweets only).")
        List<Path> embeddingTexts = new ArrayList<>();

        @Option(names = "--architecture", defaultValue = "skip-gram",
                description = "Word2Vec: cbow or skip-gram. Default: ${DEFAULT-VALUE}.")
        String architecture;

        @Option(names = "--vector-size", defaultValue = "200", description = "Word2Vec size. Default: ${DEFAULT-VALUE}.")
        int vectorSize;

        @Option(names = "--window", defaultValue = "5", description = "Word2Vec window. Default: ${DEFAULT-VALUE}.")
        int window;

        @Option(names = "--min-count", defaultValue = "2",
                description = "Minimum count of a word (Word2Vec, vocabulary, TF-IDF). Default: ${DEFAULT-VALUE}.")
        int minCount;

        @Option(names = "--w2v-epochs", defaultValue = "10", description = "Word2Vec epochs. Default: ${DEFAULT-VALUE}.")
        int w2vEpochs;

        @Option(names = "--max-length", defaultValue = "40",
                description = "Tokens per tweet (longer ones truncated, shorter pre-padded). Default: ${DEFAULT-VALUE}.")
        int maxLength;

        @Option(names = "--recipe", paramLabel = "lesson|lstm|gru|cnn|transformer",
                description = "A network recipe instead of the flags below: lesson (the course's network: "
                        + "LSTM(100) over a frozen Word2Vec embedding, its last state to the output), lstm or gru "
                        + "(the course's network with that cell), cnn (Dropout(0.2) -> Conv1D(128, kernel 5, same, relu) -> GlobalMaxPooling1D "
                        + "-> Dropout(0.2)) or transformer (PositionEmbedding(learned, --max-length) -> "
                        + "TransformerEncoder(2 heads, feed-forward 128, dropout 0.1) -> AttentionPooling). Not with "
                        + "--cell; cnn and transformer not with --units, --bidirectional or --recurrent-dropout "
                        + "(--layers stacks convolutions or encoder blocks).")
        String recipe;

        @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru or rnn. Default: ${DEFAULT-VALUE}.")
        String cell;

        @Option(names = "--units", defaultValue = "100", description = "Recurrent units. Default: ${DEFAULT-VALUE}.")
        int units;

        @Option(names = "--layers", defaultValue = "1",
                description = "Stacked recurrent layers (with --recipe cnn|transformer: convolutions or encoder "
                        + "blocks). Default: ${DEFAULT-VALUE}.")
        int layers;

        @Option(names = "--bidirectional", description = "Bidirectional recurrent layers.")
        boolean bidirectional;

        @Option(names = "--recurrent-dropout", defaultValue = "0.2",
                description = "Recurrent dropout of the LSTM (0 also lets --torch use PyTorch's fast packed LSTM). "
                        + "Default: ${DEFAULT-VALUE}.")
        double recurrentDropout;

        @Option(names = "--fine-tune", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Train the embedding too, at --embedding-rate-factor x the rate (default); "
                        + "--no-fine-tune keeps the Word2Vec vectors frozen.")
        boolean fineTune;

        @Option(names = "--embedding-rate-factor", defaultValue = "0.1",
                description = "With --fine-tune: the embedding's learning rate as a multiple of --learning-rate "
                        + "(e.g. 0.1: the pretrained vectors move slowly). Default: ${DEFAULT-VALUE}.")
        double embeddingRateFactor;

        @Option(names = "--pooling", defaultValue = "last", paramLabel = "last|max",
                description = "What the recurrent layers pass to the output: last (the final state) or max "
                        + "(max-pooling over the real time steps of the whole sequence). Default: ${DEFAULT-VALUE}.")
        String pooling;

        @Option(names = "--epochs", defaultValue = "10", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--batch-size", defaultValue = "128", description = "Batch size. Default: ${DEFAULT-VALUE}.")
        int batchSize;

        @Option(names = "--learning-rate", defaultValue = "0.002", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
        double learningRate;

        @Option(names = "--patience", defaultValue = "2",
                description = "Early stopping: epochs without a better validation loss (0: off). Default: ${DEFAULT-VALUE}.")
        int patience;

        @Option(names = "--no-baselines", description = "Skip the TF-IDF baselines.")
        boolean noBaselines;

        @Option(names = "--torch", description = "Also train the same recipe with PyTorch (/usr/bin/python3, "
                + "python3-torch) on the same data and report it side by side. Only the one-layer, one-direction "
                + "LSTM: with --cell gru/rnn, --layers > 1 or --bidirectional it stops before training.")
        boolean torch;

        @Option(names = "--word-map", defaultValue = "pca",
                description = "2-D map of frequent words: pca, tsne or none. Default: ${DEFAULT-VALUE}.")
        String wordMap;

        @Option(names = "--plots", defaultValue = "sentiment-plots",
                description = "Directory for the PNG plots. Default: ${DEFAULT-VALUE}.")
        Path plots;

        @Option(names = "--out", defaultValue = "sentiment.nlpkit",
                description = "The model bundle to write (written before the plots). An existing file is replaced "
                        + "only if it is an nlpkit file, or with --force. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--clip-norm", defaultValue = "0",
                description = "Clip the gradients to this global L2 norm (0: off; e.g. 1 against exploding "
                        + "gradients). Default: ${DEFAULT-VALUE}.")
        double clipNorm;

        @Option(names = "--force", description = "Replace existing output files even if they are not nlpkit files.")
        boolean force;

        @Option(names = "--blend", defaultValue = "tfidf-lr", paramLabel = "none|tfidf-lr[:W]",
                description = "Average the network's probability with a TF-IDF (uni+bigram) logistic regression "
                        + "trained on the same tokens, saved in the bundle: P = (1 - W) * network + W * linear "
                        + "(W in [0, 1], default 0.5). Default: ${DEFAULT-VALUE}.")
        String blend;

        @Option(names = "--threshold", defaultValue = "balanced", paramLabel = "P|balanced",
                description = "Predict the positive class when its probability is at least P (in (0, 1)), or "
                        + "'balanced': the threshold of the highest balanced accuracy on the validation split, "
                        + "saved in the bundle. Default: ${DEFAULT-VALUE}.")
        String threshold;

        @Option(names = "--eval", paramLabel = "FILE|DIR", description = "An out-of-domain labelled set to report "
                + "after training, for the network and the TF-IDF + logistic regression baseline side by side "
                + "(repeatable): a CSV/TSV as for --data, or the TweetEval layout (a split's *_text.txt with its "
                + "*_labels.txt and mapping.txt beside it, or a folder holding one split); neutral rows are dropped.")
        List<Path> evalSets = new ArrayList<>();

        /** Writes the plots; a field so a test can make it fail after the bundle is saved. */
        PlotStep plotStep = this::plots;

        /** The plot stage of a run. */
        @FunctionalInterface
        interface PlotStep {
            List<Path> write(History history, Map<String, RocCurve> rocs, WordVectors vectors,
                    List<List<String>> trainTokens) throws IOException;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter pw = spec.commandLine().getOut();
            // every option and every output path is checked before any data is read
            validate();
            TextClassifierOptions options = options();
            FlagChecks.oneOf("--word-map", wordMap, "pca", "tsne", "none");
            if (torch && recipe != null && !recipe.strip().equalsIgnoreCase("lstm")
                    && !recipe.strip().equalsIgnoreCase("lesson")) {
                throw new IllegalArgumentException("--torch and --recipe " + recipe + " cannot be used together: the "
                        + "PyTorch reference (sentiment_torch.py) trains only the course's LSTM; drop one of them");
            }
            if (torch) {
                torchUnsupported(options.network()).ifPresent(reason -> {
                    throw new IllegalArgumentException("--torch: " + reason);
                });
                if (options.embedding().fineTune() && options.embedding().learningRateFactor() != 1
                        || options.blend().blends() || !options.threshold().equals(Threshold.defaults())) {
                    throw new IllegalArgumentException("--torch trains the course's network in PyTorch (the embedding "
                            + "at the network's rate, no blend, threshold 0.5): add --recipe lesson, or --no-fine-tune "
                            + "or --embedding-rate-factor 1, with --blend none --threshold 0.5");
                }
            }
            checkOutputs();
            try (OutputClaim claim = OutputClaims.claim("--out", out)) {
                return train(options, claim, pw);
            }
        }

        private int train(TextClassifierOptions options, OutputClaim claim, PrintWriter pw) throws IOException {
            StageTimer timer = StageTimer.start();
            Path file = data != null ? data : DatasetResolver.fromEnvironment(System.getenv())
                    .resolve(DatasetRegistry.SENTIMENT140, Optional.empty(), "--data", DataCommand.progressListener());
            SentimentData all = timer.time("read", () -> readData(file, read, Optional.empty(), pw,
                    spec.commandLine().getErr()));
            Splits splits = split(all, timer, pw);

            TextPreprocessor preprocessor = TextPreprocessor.of(options.preprocess());
            pw.println("preprocessing: " + preprocessor);
            pw.println("network: " + describe(options));
            if (!embeddingTexts.isEmpty()) {
                pw.println("embedding text (besides the training tweets, for the "
                        + (options.embedding().source() instanceof TextClassifierOptions.FastTextSource ? "fastText"
                        : "Word2Vec") + " embedding only): " + EmbeddingTextFiles.of(embeddingTexts).name());
            }
            pw.flush();
            ComparisonTable.Builder table = ComparisonTable.builder();
            Map<String, RocCurve> rocs = new LinkedHashMap<>();
            // the TF-IDF + logistic regression baseline's probabilities for a list of tweets (for the --eval sets)
            Function<List<String>, double[]> baseline = null;
            if (!noBaselines) {
                int threads = Threads.defaultCount();
                List<List<List<String>>> tokens = timer.time("preprocess (baselines)", () -> List.of(
                        preprocessor.tokensBatch(splits.trainTexts(), threads),
                        preprocessor.tokensBatch(splits.testTexts(), threads)));
                Function<List<List<String>>, double[]> logreg = timer.time("baselines", () -> baselines(tokens.get(0),
                        splits.trainLabels(), tokens.get(1), splits.testLabels(), table, rocs, pw));
                baseline = texts -> logreg.apply(preprocessor.tokensBatch(texts, threads));
            }

            // the workflow: preprocess -> vocabulary and ids -> Word2Vec -> network -> fit, in text-classify
            FitBar listener = new FitBar(splits.trainLabels().length, options, timer, pw);
            TextClassifier classifier;
            try {
                classifier = TextClassifier.fit(splits.trainTexts(), names(all, splits.trainLabels()),
                        new LabeledTexts(splits.validationTexts(), names(all, splits.validationLabels())),
                        embeddingTexts.isEmpty() ? null : EmbeddingTextFiles.of(embeddingTexts), options, listener);
            } finally {
                listener.finish(); // a diverged run's error line must not land on the bar's line
            }
            History history = classifier.history();
            pw.println();
            pw.println(classifier.network().summary());
            pw.println(epochTimes(listener.epochSeconds));
            if (history.stoppedEarly()) {
                pw.printf("early stopping after epoch %d; weights of epoch %d restored%n", history.epochs().size(),
                        history.bestEpoch() + 1);
            }

            String modelName = modelName(options);
            if (options.blend().blends() || options.threshold().mode() != Threshold.Mode.FIXED
                    || classifier.threshold() != 0.5) {
                pw.printf(Locale.ROOT, "blend: %s; threshold: %s%n", options.blend(),
                        options.threshold().mode() == Threshold.Mode.BALANCED ? classifier.threshold()
                                + " (highest balanced accuracy on the validation split)" : classifier.threshold());
            }
            String positive = all.labelEncoder().decode(1);
            double[][] probabilities = timer.time("predict", () -> classifier.predictProba(splits.testTexts()));
            BinaryMetrics lstmMetrics = BinaryMetrics.of(splits.testLabels(),
                    column(probabilities, classifier.labels().indexOf(positive)), classifier.threshold());
            table.add(modelName, lstmMetrics);
            rocs.put(modelName, lstmMetrics.roc());
            if (torch) {
                timer.run("pytorch", () -> torchReference(classifier, listener.matrix, splits, table, rocs, pw));
            }
            pw.println();
            pw.println("test metrics (" + splits.testLabels().length + " tweets, positive class '" + positive
                    + "', threshold " + (classifier.threshold() == 0.5 ? "0.5" : classifier.threshold() + " for "
                    + modelName + ", 0.5 for the others") + "):");
            pw.print(table.build().render());
            pw.println();
            pw.println(modelName + " confusion matrix:");
            pw.print(lstmMetrics.confusion().render(all.labelEncoder().decode(0), positive));
            if (!evalSets.isEmpty()) {
                Function<List<String>, double[]> lr = baseline;
                timer.run("evaluate --eval", () -> evaluateSets(classifier, lr, all.labelEncoder(), modelName,
                        lstmMetrics, splits, pw));
            }

            // the bundle before the plots: a plot failure must never cost the trained model; its info section
            // records the test metrics printed above (fit recorded the rest)
            TextClassifier evaluated = classifier.withInfo(classifier.info().withTest(splits.testLabels().length,
                    new ModelInfo.Metrics(lstmMetrics.accuracy(), lstmMetrics.precision(), lstmMetrics.recall(),
                            lstmMetrics.f1(), lstmMetrics.rocAuc())));
            claim.checkStillHeld();
            timer.run("save bundle", () -> evaluated.save(out));
            pw.println();
            pw.println("model bundle: " + out + " (" + Files.size(out) + " bytes, format "
                    + TextClassifier.FORMAT_VERSION + ")");

            String plotFailure = null;
            try {
                List<Path> written = timer.time("plots", () -> plotStep.write(history, rocs, listener.vectors,
                        List.of()));
                written.forEach(p -> pw.println("plot: " + p));
            } catch (IOException | RuntimeException e) {
                plotFailure = ErrorHandler.message(e);
            }
            pw.flush();
            double[][] reloaded = timer.time("check bundle", () -> TextClassifier.load(out)
                    .predictProba(splits.testTexts()));
            double worst = 0;
            for (int i = 0; i < reloaded.length; i++) {
                for (int c = 0; c < reloaded[i].length; c++) {
                    worst = Math.max(worst, Math.abs(reloaded[i][c] - probabilities[i][c]));
                }
            }
            if (worst != 0) {
                throw new IllegalStateException("the saved bundle " + out + " does not reproduce the test probabilities "
                        + "(largest difference " + worst + ")");
            }
            pw.println("bundle check: the reloaded model gives identical probabilities on the " + reloaded.length
                    + " test tweets");
            pw.println();
            pw.println("timings:");
            pw.print(timer.render());
            pw.flush();
            if (plotFailure != null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.commandLine().getColorScheme().errorText("nlpkit: " + Messages.guard(
                        "the plots were not written (" + plotFailure + "); the model bundle " + out + " is saved")));
                err.flush();
                return 1;
            }
            return 0;
        }

        /** The training, validation and test texts and labels (labels as SentimentData's class indices). */
        private record Splits(List<String> trainTexts, int[] trainLabels, List<String> validationTexts,
                int[] validationLabels, List<String> testTexts, int[] testLabels) {
        }

        private Splits split(SentimentData all, StageTimer timer, PrintWriter pw) {
            int[] rows = limit == null ? null : sample(all.labels(), limit, seed);
            SentimentData testData = test == null ? null
                    : timer.time("read test", () -> readData(test, read, Optional.of(all.labelEncoder()), pw,
                    spec.commandLine().getErr()));
            int[] universe = rows != null ? rows : IntStream.range(0, all.size()).toArray();
            StratifiedSplit split = StratifiedSplit.of(all.labels(universe),
                    new StratifiedSplit.Fractions(validation, test == null ? testFraction : 0), seed);
            int[] trainRows = map(universe, split.train());
            int[] validationRows = map(universe, split.validation());
            int[] testRows = map(universe, split.test());
            Splits s = new Splits(all.texts(trainRows), all.labels(trainRows), all.texts(validationRows),
                    all.labels(validationRows), testData != null ? testData.texts() : all.texts(testRows),
                    testData != null ? testData.labels() : all.labels(testRows));
            if (s.testLabels().length == 0 || s.validationLabels().length == 0) {
                throw new IllegalArgumentException("the split leaves no " + (s.testLabels().length == 0 ? "test"
                        : "validation") + " examples; use more data or larger fractions");
            }
            pw.printf("split (seed %d, stratified): train %d, validation %d, test %d%s%n", seed, s.trainLabels().length,
                    s.validationLabels().length, s.testLabels().length, testData != null ? " (from " + test + ")" : "");
            return s;
        }

        /** Every file the run writes, checked against the inputs and what exists (see {@link OutputCheck}). */
        private void checkOutputs() {
            OutputCheck outputs = OutputCheck.of(force).input("--data", data).input("--test", test);
            embeddingTexts.forEach(text -> outputs.input("--embedding-text", text));
            evalSets.stream().filter(Files::isRegularFile).forEach(set -> outputs.input("--eval", set));
            if (data == null) {
                DatasetResolver.fromEnvironment(System.getenv()).findLocal(DatasetRegistry.SENTIMENT140)
                        .ifPresent(p -> outputs.input("(the Sentiment140 dataset)", p));
            }
            outputs.file("--out", out);
            List<String> pictures = new ArrayList<>(List.of("loss.png", "accuracy.png", "roc.png"));
            if (!wordMap.equalsIgnoreCase("none")) {
                pictures.add("words.png");
            }
            outputs.folder("--plots", plots, pictures);
        }

        private void validate() {
            if (limit != null) {
                FlagChecks.atLeast("--limit", limit, 20);
            }
            FlagChecks.openFraction("--validation", validation);
            if (test == null) {
                FlagChecks.openFraction("--test-fraction", testFraction);
                if (!(validation + testFraction < 1)) {
                    throw new IllegalArgumentException("--validation " + validation + " and --test-fraction "
                            + testFraction + " must sum to less than 1");
                }
            }
            FlagChecks.inRange("--vector-size", vectorSize, 1, FlagChecks.MAX_DIMENSION);
            FlagChecks.atLeast("--window", window, 1);
            FlagChecks.atLeast("--min-count", minCount, 1);
            FlagChecks.atLeast("--w2v-epochs", w2vEpochs, 1);
            FlagChecks.atLeast("--max-length", maxLength, 1);
            FlagChecks.inRange("--units", units, 1, FlagChecks.MAX_UNITS);
            FlagChecks.inRange("--layers", layers, 1, 64);
            FlagChecks.fractionBelowOne("--recurrent-dropout", recurrentDropout);
            FlagChecks.atLeast("--epochs", epochs, 1);
            FlagChecks.atLeast("--batch-size", batchSize, 1);
            FlagChecks.positive("--learning-rate", learningRate);
            FlagChecks.atLeast("--patience", patience, 0);
            FlagChecks.nonNegative("--clip-norm", clipNorm);
            FlagChecks.oneOf("--embeddings", embeddings, "word2vec", "fasttext");
            FlagChecks.oneOf("--pooling", pooling, "last", "max");
            FlagChecks.positive("--embedding-rate-factor", embeddingRateFactor);
            if (!fineTune && spec.commandLine().getParseResult().hasMatchedOption("--embedding-rate-factor")) {
                throw new IllegalArgumentException("--embedding-rate-factor " + embeddingRateFactor + " needs "
                        + "--fine-tune: a frozen embedding does not learn");
            }
            checkRecipe();
            if (data != null && !Files.isRegularFile(data)) {
                throw new IllegalArgumentException("data file " + data + " does not exist or is not a file");
            }
            if (test != null && !Files.isRegularFile(test)) {
                throw new IllegalArgumentException("test file " + test + " does not exist or is not a file");
            }
            EmbeddingTextFiles.check(embeddingTexts);
            for (Path set : evalSets) {
                if (!Files.isRegularFile(set) && !(Files.isDirectory(set) && TweetEvalData.matches(set))) {
                    throw new IllegalArgumentException("--eval " + set + " is neither a file nor a TweetEval folder "
                            + "(with mapping.txt)");
                }
            }
        }

        /** Refuses {@code --recipe} with a flag it replaces, naming both, and a width the heads cannot split. */
        private void checkRecipe() {
            if (recipe == null) {
                return;
            }
            String r = FlagChecks.oneOf("--recipe", recipe, "lesson", "lstm", "gru", "cnn", "transformer");
            List<String> conflicting = new ArrayList<>(List.of("--cell"));
            if (r.equals("cnn") || r.equals("transformer")) {
                conflicting.addAll(List.of("--units", "--bidirectional", "--recurrent-dropout", "--pooling"));
            }
            if (r.equals("lesson")) {
                // the course's network as it was taught: frozen Word2Vec vectors, the LSTM's last state
                conflicting.addAll(List.of("--pooling", "--embeddings", "--fine-tune", "--embedding-rate-factor",
                        "--blend", "--threshold"));
            }
            for (String flag : conflicting) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw new IllegalArgumentException("--recipe " + r + " and " + flag + " cannot be used together: "
                            + "the recipe sets the network" + (flag.equals("--cell") ? "'s cell" : "")
                            + "; drop one of them");
                }
            }
            int heads = TextClassifierOptions.Network.transformer().heads();
            if (r.equals("transformer") && vectorSize % heads != 0) {
                throw new IllegalArgumentException("--vector-size " + vectorSize + " must be divisible by the "
                        + "transformer recipe's " + heads + " attention heads");
            }
        }

        /** The network the flags describe: {@code --recipe}, else the recurrent flags. */
        private TextClassifierOptions.Network network() {
            TextClassifierOptions.Network lesson = TextClassifierOptions.Network.lesson();
            String r = recipe == null ? "flags" : FlagChecks.oneOf("--recipe", recipe, "lesson", "lstm", "gru", "cnn",
                    "transformer");
            return switch (r) {
                case "cnn" -> TextClassifierOptions.Network.cnn().withLayers(layers);
                case "transformer" -> TextClassifierOptions.Network.transformer().withLayers(layers);
                case "lesson" -> lesson.withUnits(units).withLayers(layers).withBidirectional(bidirectional)
                        .withDropouts(lesson.dropout(), recurrentDropout, lesson.inputDropout());
                default -> {
                    RecurrentOptions.Cell cellType = switch (r.equals("flags")
                            ? FlagChecks.oneOf("--cell", cell, "lstm", "gru", "rnn") : r) {
                        case "lstm" -> RecurrentOptions.Cell.LSTM;
                        case "gru" -> RecurrentOptions.Cell.GRU;
                        default -> RecurrentOptions.Cell.SIMPLE_RNN;
                    };
                    yield new TextClassifierOptions.Network(cellType, units, layers, bidirectional, lesson.dropout(),
                            recurrentDropout, lesson.inputDropout()).withPooling(Choices.parse(
                            TextClassifierOptions.Network.Pooling.class, "--pooling", pooling));
                }
            };
        }

        /** The flags as text-classify's recipe: the one description of the network, its training and its input. */
        TextClassifierOptions options() {
            // lemmatization (pos: the smile-hmm tagger stage) is part of the options, so the bundle records it
            PreprocessOptions preprocess = preprocessing().options();
            Word2VecOptions word2vec = Word2VecOptions.defaults()
                    .withArchitecture(Choices.parse(Architecture.class, "--architecture", architecture))
                    .withVectorSize(vectorSize).withWindow(window).withMinCount(minCount).withEpochs(w2vEpochs)
                    .withThreads(Threads.defaultCount()).withSeed(seed);
            TextClassifierOptions.EmbeddingSource source = embeddings.strip().equalsIgnoreCase("fasttext")
                    ? new TextClassifierOptions.FastTextSource(TextClassifierOptions.FastTextSource.defaults().options()
                            .withArchitecture(word2vec.architecture()).withVectorSize(vectorSize).withWindow(window)
                            .withMinCount(minCount).withEpochs(w2vEpochs).withThreads(Threads.defaultCount()), seed)
                    : new TextClassifierOptions.Word2VecSource(word2vec);
            // the course's network as taught: frozen vectors, its own probability, the threshold 0.5
            boolean lesson = recipe != null && recipe.strip().equalsIgnoreCase("lesson");
            return new TextClassifierOptions(preprocess,
                    TextClassifierOptions.Sequence.defaults().withMaxLength(maxLength).withMinCount(minCount),
                    lesson ? new TextClassifierOptions.Embedding(source, false)
                            : new TextClassifierOptions.Embedding(source, fineTune, fineTune ? embeddingRateFactor : 1),
                    network(),
                    new TextClassifierOptions.Training(TextClassifierOptions.Optimizer.ADAM, learningRate, batchSize,
                            epochs, patience, seed, clipNorm))
                    .withBlend(lesson ? Blend.none() : blendFlag())
                    .withThreshold(lesson ? Threshold.defaults() : thresholdFlag());
        }

        /** {@code --blend none|tfidf-lr[:W]}. */
        private Blend blendFlag() {
            String b = blend.strip().toLowerCase(Locale.ROOT);
            if (b.equals("none")) {
                return Blend.none();
            }
            if (b.equals("tfidf-lr") || b.startsWith("tfidf-lr:")) {
                double w = 0.5;
                if (b.startsWith("tfidf-lr:")) {
                    try {
                        w = Double.parseDouble(b.substring("tfidf-lr:".length()));
                    } catch (NumberFormatException e) {
                        w = Double.NaN;
                    }
                }
                if (!(w >= 0 && w <= 1)) {
                    throw new IllegalArgumentException("--blend " + blend + ": the weight after 'tfidf-lr:' must be a "
                            + "number in [0, 1]");
                }
                return Blend.tfidfLogistic(w).withLinear(TfidfLogisticOptions.defaults().withMinCount(minCount));
            }
            throw new IllegalArgumentException("--blend must be none or tfidf-lr[:W] (W in [0, 1]), got '" + blend
                    + "'");
        }

        /** {@code --threshold P|balanced}. */
        private Threshold thresholdFlag() {
            if (threshold.strip().equalsIgnoreCase("balanced")) {
                return Threshold.balanced();
            }
            double t;
            try {
                t = Double.parseDouble(threshold.strip());
            } catch (NumberFormatException e) {
                t = Double.NaN;
            }
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("--threshold must be a probability in (0, 1) or 'balanced', got '"
                        + threshold + "'");
            }
            return Threshold.fixed(t);
        }

        /** The command-line spelling of the preprocessing flags (preset, stemmer, lemmatization, switches). */
        Preprocessing preprocessing() {
            Preprocessing p = Preprocessing.of(Choices.preset(preset)).withKeepStopWords(keepStopWords)
                    .withKeepPunctuation(keepPunctuation);
            if (stemmer != null) {
                p = p.withStemmer(Choices.stemmer(stemmer));
            }
            Preprocessing.Lemmatization l = Choices.lemmatization(lemmatize);
            return l == Preprocessing.Lemmatization.NONE ? p : p.withLemmatization(l);
        }

        /** Progress of the fit: Word2Vec's bar, the stage times, then a bar per epoch and the epoch's line. */
        private final class FitBar implements FitListener {
            private final int trainRows;
            private final TextClassifierOptions options;
            private final StageTimer timer;
            private final PrintWriter pw;
            private Progress word2vecBar;
            private Progress bar;
            private long started = System.nanoTime();
            private String stage;
            private long stageStarted;
            private double lossSum;
            private double accuracySum;
            /** Wall-clock seconds of each training epoch (its batches and its validation pass). */
            final List<Double> epochSeconds = new ArrayList<>();
            /** Word2Vec's vectors (for the word map), when the embedding came from Word2Vec. */
            WordVectors vectors;
            /** The embedding matrix the network started from (for the PyTorch reference). */
            float[][] matrix;

            FitBar(int trainRows, TextClassifierOptions options, StageTimer timer, PrintWriter pw) {
                this.trainRows = trainRows;
                this.options = options;
                this.timer = timer;
                this.pw = pw;
            }

            @Override
            public void onStage(Stage next) {
                endStage();
                stage = switch (next) {
                    case PREPROCESS -> "preprocess";
                    case VOCABULARY -> "vocabulary";
                    case EMBEDDING_TEXT -> "preprocess (embedding text)";
                    case WORD2VEC -> "word2vec";
                    case NETWORK -> "train network";
                };
                stageStarted = System.nanoTime();
                started = stageStarted;
            }

            private void endStage() {
                if (stage != null) {
                    timer.record(stage, java.time.Duration.ofNanos(System.nanoTime() - stageStarted));
                    stage = null;
                }
            }

            @Override
            public void onEmbeddingText(ModelInfo.EmbeddingTextInfo text) {
                pw.printf(Locale.ROOT, "embedding text: %d lines, %d tokens after preprocessing, %.1f s%n",
                        text.lines(), text.tokens(), (System.nanoTime() - stageStarted) / 1e9);
                pw.flush();
            }

            @Override
            public synchronized void onWord2VecProgress(TrainingProgress p) {
                if (word2vecBar == null) {
                    // the same listener event reports either embedding's training; the bar names the one running
                    String name = options.embedding().source() instanceof TextClassifierOptions.FastTextSource
                            ? "fasttext" : "word2vec";
                    word2vecBar = Progress.start(name, p.totalWords(), "words");
                }
                word2vecBar.message(String.format(Locale.ROOT, "epoch %d/%d, %.0f words/s", p.epoch(), p.epochs(),
                        p.wordsPerSecond()));
                word2vecBar.stepTo(p.wordsProcessed());
            }

            @Override
            public void onWord2VecVectors(WordVectors trained) {
                synchronized (this) {
                    if (word2vecBar != null) {
                        word2vecBar.close();
                        word2vecBar = null;
                    }
                }
                vectors = trained;
                double seconds = (System.nanoTime() - stageStarted) / 1e9;
                if (options.embedding().source() instanceof TextClassifierOptions.FastTextSource f) {
                    var o = f.options();
                    pw.printf(Locale.ROOT, "fasttext: %s, %d words x %d, window %d, min count %d, n-grams %d-%d, "
                            + "%.1f s%n", o.architecture(), trained.size(), o.vectorSize(), o.window(), o.minCount(),
                            o.minN(), o.maxN(), seconds);
                } else {
                    var w = ((TextClassifierOptions.Word2VecSource) options.embedding().source()).options();
                    pw.printf(Locale.ROOT, "word2vec: %s, %d words x %d, window %d, min count %d, %.1f s%n",
                            w.architecture(), trained.size(), w.vectorSize(), w.window(), w.minCount(), seconds);
                }
                pw.flush();
            }

            @Override
            public void onEmbeddingMatrix(float[][] rows, int withoutVector) {
                matrix = rows;
                pw.printf("vocabulary: %d entries (pad, unk and words seen >= %d times); %d without a Word2Vec "
                        + "vector%n", rows == null ? 0 : rows.length, options.sequence().minCount(), withoutVector);
                pw.flush();
            }

            void finish() {
                closeBar();
                endStage();
            }

            void closeBar() {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }

            @Override
            public void onProgress(BatchEnd b) {
                int batch = b.batch();
                int batches = b.batches();
                double loss = b.loss();
                double accuracy = b.accuracy();
                if (bar == null) {
                    bar = Progress.start(String.format(Locale.ROOT, "epoch %d/%d", b.epoch() + 1, options.training().epochs()), batches,
                            "batches");
                    lossSum = 0;
                    accuracySum = 0;
                }
                lossSum += loss;
                accuracySum += accuracy;
                double seconds = (System.nanoTime() - started) / 1e9;
                double samplesPerSecond = Math.min((long) (batch + 1) * options.training().batchSize(), trainRows) / Math.max(seconds, 1e-9);
                double eta = seconds / (batch + 1) * (batches - batch - 1);
                bar.message(String.format(Locale.ROOT, "loss %.4f acc %.4f, %.0f samples/s, ETA %.0f s",
                        lossSum / (batch + 1), accuracySum / (batch + 1), samplesPerSecond, eta));
                bar.stepTo(batch + 1);
            }

            @Override
            public void onEpochEnd(History.Epoch e) {
                closeBar();
                long now = System.nanoTime();
                double seconds = (now - started) / 1e9;
                epochSeconds.add(seconds);
                started = now;
                pw.printf(Locale.ROOT, "epoch %d: loss %.4f acc %.4f  val_loss %.4f val_acc %.4f  (%.1f s)%n",
                        e.epoch() + 1, e.loss(), e.accuracy(), e.validationLoss(), e.validationAccuracy(), seconds);
                pw.flush();
            }
        }

        /**
         * Fits the TF-IDF baselines, adds them to the table and returns the logistic regression's probability of
         * the positive class for a list of token lists (the --eval sets are scored with it).
         */
        private Function<List<List<String>>, double[]> baselines(List<List<String>> trainTokens, int[] trainLabels,
                List<List<String>> testTokens, int[] testLabels, ComparisonTable.Builder table,
                Map<String, RocCurve> rocs, PrintWriter pw) {
            VocabularyOptions vocabulary = VocabularyOptions.defaults().withMinCount(minCount);
            // unigrams and bigrams, as the usual strong linear baseline (scikit-learn's ngram_range=(1, 2))
            TfidfVectorizer tfidf = TfidfVectorizer.fit(trainTokens, TfidfOptions.sklearn().withMaxNgram(2)
                    .withVocabulary(vocabulary.withOrder(dev.nlpkit.vectorize.vocab.TermOrder.ALPHABETICAL)));
            SparseRows trainX = sparse(tfidf.transform(trainTokens));
            SparseRows testX = sparse(tfidf.transform(testTokens));
            var logreg = LogisticRegressionBaseline.fit(trainX, trainLabels, LogisticRegressionBaseline.Options.defaults());
            BinaryMetrics lr = BinaryMetrics.of(testLabels, logreg.probabilities(testX));
            CountVectorizer counts = CountVectorizer.fit(trainTokens, CountOptions.defaults().withVocabulary(vocabulary));
            var nb = NaiveBayesBaseline.fit(sparse(counts.transform(trainTokens)), trainLabels,
                    NaiveBayesBaseline.Options.defaults());
            BinaryMetrics nbMetrics = BinaryMetrics.of(testLabels, nb.probabilities(sparse(counts.transform(testTokens))));
            table.add(logreg.name(), lr).add(nb.name(), nbMetrics);
            rocs.put(logreg.name(), lr.roc());
            rocs.put(nb.name(), nbMetrics.roc());
            pw.printf(Locale.ROOT, "baselines (%d TF-IDF uni+bigram / %d count features): %s accuracy %.4f, %s "
                    + "accuracy %.4f%n", trainX.columns(), counts.vocabulary().size(), logreg.name(), lr.accuracy(),
                    nb.name(), nbMetrics.accuracy());
            pw.flush();
            return tokens -> logreg.probabilities(sparse(tfidf.transform(tokens)));
        }

        /**
         * Reads each --eval set with the training data's classes and prints one table: accuracy and ROC-AUC of the
         * network and of the TF-IDF + logistic regression baseline on the in-domain test split and on each set.
         */
        private void evaluateSets(TextClassifier classifier, Function<List<String>, double[]> baseline,
                LabelEncoder classes, String modelName, BinaryMetrics testMetrics, Splits splits, PrintWriter pw) {
            String positive = classes.decode(1);
            int column = classifier.labels().indexOf(positive);
            List<String> rows = new ArrayList<>();
            BinaryMetrics testBaseline = baseline == null ? null
                    : BinaryMetrics.of(splits.testLabels(), baseline.apply(splits.testTexts()));
            rows.add(evalRow("test split", splits.testLabels().length, testMetrics, testBaseline));
            for (Path set : evalSets) {
                SentimentData d = readData(set, read, Optional.of(classes), pw, spec.commandLine().getErr());
                BinaryMetrics network = BinaryMetrics.of(d.labels(), column(classifier.predictProba(d.texts()), column),
                        classifier.threshold());
                BinaryMetrics lr = baseline == null ? null : BinaryMetrics.of(d.labels(), baseline.apply(d.texts()));
                rows.add(evalRow(set.toString(), d.size(), network, lr));
            }
            pw.println();
            pw.println("evaluation sets (ROC-AUC, and accuracy at the threshold " + classifier.threshold() + " for "
                    + modelName + ", 0.5 for tfidf-logreg, unigrams + bigrams"
                    + (baseline == null ? "; not trained: --no-baselines" : "") + "):");
            pw.println("| set | tweets | " + modelName + " accuracy | " + modelName + " ROC-AUC | tfidf-logreg accuracy "
                    + "| tfidf-logreg ROC-AUC |");
            pw.println("|---|---:|---:|---:|---:|---:|");
            rows.forEach(pw::println);
            pw.flush();
        }

        private static String evalRow(String set, int size, BinaryMetrics network, BinaryMetrics baseline) {
            return String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %s | %s |", set, size, network.accuracy(),
                    network.rocAuc(), baseline == null ? "n/a" : String.format(Locale.ROOT, "%.4f",
                            baseline.accuracy()), baseline == null ? "n/a" : String.format(Locale.ROOT, "%.4f",
                            baseline.rocAuc()));
        }

        private void torchReference(TextClassifier classifier, float[][] embedding, Splits splits,
                ComparisonTable.Builder table, Map<String, RocCurve> rocs, PrintWriter pw) throws IOException {
            TextClassifierOptions options = classifier.options();
            TextClassifierOptions.Network network = options.network();
            TextClassifierOptions.Training training = options.training();
            // the recipe's ids: the classifier's own preprocessing and vocabulary, padded as its options say
            int threads = Threads.defaultCount();
            TextPreprocessor preprocessor = TextPreprocessor.of(options.preprocess());
            SequenceEncoder encoder = classifier.encoder();
            int maxLength = encoder.options().maxLength();
            Path dir = Files.createTempDirectory("nlpkit-torch");
            TorchReference.Recipe recipe = TorchReference.Recipe.defaults().withHidden(network.units())
                    .withEpochs(training.epochs()).withBatchSize(training.batchSize())
                    .withLearningRate(training.learningRate()).withFineTune(options.embedding().fineTune())
                    .withSeed(training.seed()).withPatience(training.patience())
                    .withDropouts(network.inputDropout(), network.dropout(), network.recurrentDropout());
            TorchReference.export(dir, embedding, maxLength,
                    new TorchReference.Split(encoder.transform(preprocessor.tokensBatch(splits.trainTexts(), threads))
                            .ids(), splits.trainLabels()),
                    new TorchReference.Split(encoder.transform(preprocessor.tokensBatch(splits.validationTexts(),
                            threads)).ids(), splits.validationLabels()),
                    new TorchReference.Split(encoder.transform(preprocessor.tokensBatch(splits.testTexts(), threads))
                            .ids(), splits.testLabels()), recipe);
            TorchReference.Result result;
            try {
                result = TorchReference.run(dir, Path.of("/usr/bin/python3"), List.of(), line -> {
                    pw.println("pytorch: " + line);
                    pw.flush();
                });
            } finally {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            BinaryMetrics metrics = BinaryMetrics.of(splits.testLabels(), result.testProbabilities());
            String name = "pytorch-" + modelName(network);
            table.add(name, metrics);
            rocs.put(name, metrics.roc());
        }

        private List<Path> plots(History history, Map<String, RocCurve> rocs, WordVectors vectors,
                List<List<String>> trainTokens) throws IOException {
            List<Path> written = new ArrayList<>();
            TrainingHistory curves = new TrainingHistory(
                    history.epochs().stream().mapToDouble(History.Epoch::loss).toArray(),
                    history.epochs().stream().mapToDouble(History.Epoch::accuracy).toArray(),
                    history.epochs().stream().mapToDouble(History.Epoch::validationLoss).toArray(),
                    history.epochs().stream().mapToDouble(History.Epoch::validationAccuracy).toArray());
            written.add(Charts.writeLossCurves(plots.resolve("loss.png"), curves));
            written.add(Charts.writeAccuracyCurves(plots.resolve("accuracy.png"), curves));
            written.add(Charts.writeRocCurves(plots.resolve("roc.png"), rocs));
            if (!wordMap.equalsIgnoreCase("none")) {
                Optional<OpinionLexicon> lexicon = OpinionLexicon.locate(System.getenv(), Path.of("").toAbsolutePath())
                        .map(dir -> {
                            try {
                                return OpinionLexicon.read(dir);
                            } catch (IOException e) {
                                return null;
                            }
                        });
                // the most frequent words that carry a polarity (else the top words are all neutral), then others
                List<String> words = new ArrayList<>();
                for (int i = 0; i < vectors.size() && words.size() < 120; i++) {
                    String w = vectors.word(i);
                    if (w.startsWith("<") || w.length() < 3) {
                        continue;
                    }
                    if (lexicon.isEmpty() || lexicon.get().polarity(w) != Polarity.UNKNOWN || words.size() < 30) {
                        words.add(w);
                    }
                }
                if (words.size() >= 3) {
                    float[][] v = words.stream().map(w -> vectors.vector(w).orElseThrow()).toArray(float[][]::new);
                    WordMapProjection.Method method = Choices.parse(WordMapProjection.Method.class, "--word-map", wordMap);
                    double[][] xy = WordMapProjection.project(v, method, seed);
                    List<Polarity> polarity = words.stream()
                            .map(w -> lexicon.map(l -> l.polarity(w)).orElse(Polarity.UNKNOWN)).toList();
                    written.add(Charts.writeWordMap(plots.resolve("words.png"), "Word2Vec vectors of frequent words ("
                            + method.name() + (lexicon.isPresent() ? ", Hu-Liu lexicon polarity" : "") + ")", words, xy,
                            polarity));
                }
            }
            return written;
        }
    }

    /**
     * Why {@code --torch} cannot train this network the way the Java side does ({@code sentiment_torch.py} builds
     * one layer of one LSTM direction, with Keras' per-sequence input and recurrent dropout masks), or empty when
     * it can.
     */
    static Optional<String> torchUnsupported(TextClassifierOptions.Network network) {
        List<String> differences = new ArrayList<>();
        if (network.architecture() != TextClassifierOptions.Network.Architecture.RECURRENT) {
            differences.add("--recipe " + modelName(network).replaceFirst("^[0-9]+x", ""));
        } else if (network.cell() != RecurrentOptions.Cell.LSTM) {
            differences.add("--cell " + cellFlag(network.cell()));
        }
        if (network.layers() != 1) {
            differences.add("--layers " + network.layers());
        }
        if (network.bidirectional()) {
            differences.add("--bidirectional");
        }
        if (network.pooling() != TextClassifierOptions.Network.Pooling.LAST) {
            differences.add("--pooling max");
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the PyTorch reference (sentiment_torch.py) trains only the course's one-layer, "
                + "one-direction LSTM, so it cannot train the same recipe with " + String.join(", ", differences)
                + "; drop --torch or " + (differences.size() == 1 ? "that flag" : "those flags"));
    }

    private static String cellFlag(RecurrentOptions.Cell cell) {
        return switch (cell) {
            case LSTM -> "lstm";
            case GRU -> "gru";
            case SIMPLE_RNN -> "rnn";
        };
    }

    /** The report's name of the network: {@code lstm}, {@code bigru}, {@code 2xlstm}... */
    /** The model's column name: the network's, with {@code + tfidf-lr} when the bundle blends the linear model. */
    static String modelName(TextClassifierOptions options) {
        return modelName(options.network()) + (options.blend().blends() ? " + tfidf-lr" : "");
    }

    static String modelName(TextClassifierOptions.Network network) {
        String layers = network.layers() > 1 ? network.layers() + "x" : "";
        return switch (network.architecture()) {
            case CNN -> layers + "cnn";
            case TRANSFORMER -> layers + "transformer";
            case RECURRENT -> layers + (network.bidirectional() ? "bi" : "") + cellFlag(network.cell());
        };
    }

    /**
     * The recipe in words, as {@code train} prints it: e.g. {@code Embedding(Word2Vec, frozen) -> Dropout(0.5) ->
     * LSTM(100, dropout 0.2, recurrent dropout 0.2) -> Dense(1, sigmoid)} for the course's network.
     */
    static String describe(TextClassifierOptions options) {
        TextClassifierOptions.Network n = options.network();
        String source = switch (options.embedding().source()) {
            case TextClassifierOptions.Word2VecSource w -> "Word2Vec";
            case TextClassifierOptions.FastTextSource f -> "fastText";
            case TextClassifierOptions.PretrainedSource p -> "vectors of " + p.file();
            case TextClassifierOptions.RandomSource r -> "random";
        };
        double factor = options.embedding().learningRateFactor();
        StringBuilder b = new StringBuilder("Embedding(").append(source)
                .append(!options.embedding().fineTune() ? ", frozen)" : factor == 1 ? ", fine-tuned)"
                        : ", fine-tuned at " + factor + " x the rate)");
        if (n.inputDropout() > 0) {
            b.append(" -> Dropout(").append(n.inputDropout()).append(')');
        }
        String layer = switch (n.architecture()) {
            case RECURRENT -> {
                String cellName = cellFlag(n.cell()).equals("rnn") ? "SimpleRNN"
                        : cellFlag(n.cell()).toUpperCase(Locale.ROOT);
                String l = cellName + "(" + n.units() + ", dropout " + n.dropout() + ", recurrent dropout "
                        + n.recurrentDropout() + ")";
                yield n.bidirectional() ? "Bidirectional(" + l + ")" : l;
            }
            case CNN -> "Conv1D(" + n.filters() + ", kernel " + n.kernelSize() + ", same, relu)";
            case TRANSFORMER -> "TransformerEncoder(" + n.heads() + " heads, feed-forward " + n.feedForward()
                    + ", dropout " + n.dropout() + ")";
        };
        if (n.architecture() == TextClassifierOptions.Network.Architecture.TRANSFORMER) {
            b.append(" -> PositionEmbedding(learned, ").append(options.sequence().maxLength()).append(')');
        }
        b.append(" -> ").append(n.layers() > 1 ? n.layers() + " x " + layer : layer);
        switch (n.architecture()) {
            case CNN -> {
                b.append(" -> GlobalMaxPooling1D");
                if (n.dropout() > 0) {
                    b.append(" -> Dropout(").append(n.dropout()).append(')');
                }
            }
            case TRANSFORMER -> b.append(" -> AttentionPooling");
            case RECURRENT -> {
                if (n.pooling() == TextClassifierOptions.Network.Pooling.MAX) {
                    b.append(" -> GlobalMaxPooling1D");
                }
            }
        }
        return b.append(" -> Dense(1, sigmoid)").toString();
    }

    /**
     * The line that reports the training time per epoch (batches and validation pass, wall clock), for comparing
     * networks: e.g. {@code time per epoch: mean 5.0 s over 3 epochs (12.3, 1.7, 1.0 s); from epoch 2 on: 1.4 s}.
     * The first epoch also pays the JIT compilation of the layers' code (measured 5-10x a later epoch on a small
     * slice), so the mean from epoch 2 on is the figure to compare.
     */
    static String epochTimes(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return "time per epoch: no epoch completed";
        }
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        String line = String.format(Locale.ROOT, "time per epoch: mean %.1f s over %d epochs (%s s)", mean,
                seconds.size(), String.join(", ", seconds.stream()
                        .map(x -> String.format(Locale.ROOT, "%.1f", x)).toList()));
        if (seconds.size() > 1) {
            double later = seconds.subList(1, seconds.size()).stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow();
            line += String.format(Locale.ROOT, "; from epoch 2 on: %.1f s", later);
        }
        return line;
    }

    /** The class names of SentimentData's label indices. */
    static List<String> names(SentimentData data, int[] labels) {
        List<String> names = new ArrayList<>(labels.length);
        for (int label : labels) {
            names.add(data.labelEncoder().decode(label));
        }
        return names;
    }

    /** One column of a probability matrix. */
    static double[] column(double[][] probabilities, int column) {
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i][column];
        }
        return out;
    }

    static SparseRows sparse(CsrMatrix m) {
        int[] pointers = m.rowPointers();
        int[] columns = m.columnIndices();
        float[] values = m.values();
        int[][] indices = new int[m.rows()][];
        float[][] weights = new float[m.rows()][];
        for (int i = 0; i < m.rows(); i++) {
            indices[i] = java.util.Arrays.copyOfRange(columns, pointers[i], pointers[i + 1]);
            weights[i] = java.util.Arrays.copyOfRange(values, pointers[i], pointers[i + 1]);
        }
        return new SparseRows(Math.max(1, m.columns()), indices, weights);
    }

    static int[] map(int[] universe, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = universe[positions[i]];
        }
        return out;
    }

    /** A seeded stratified sample of {@code n} row indices (ascending). */
    static int[] sample(int[] labels, int n, long seed) {
        if (n >= labels.length) {
            return java.util.stream.IntStream.range(0, labels.length).toArray();
        }
        double fraction = 1.0 - (double) n / labels.length;
        StratifiedSplit s = StratifiedSplit.of(labels, new StratifiedSplit.Fractions(0, fraction), seed ^ 0x5EED);
        return s.train();
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = {"Apply a model bundle to texts (arguments, or one per line on stdin), streaming: one output "
                + "line per input line, in blocks of up to 1,000 lines (or what has arrived on an interactive stdin).",
                "Output: CSV label,probability,text (RFC 4180, no header; control characters in the text written as "
                    + "\\t, \\r, \\uXXXX and a backslash as \\\\), or --json lines. A blank line gets the "
                    + "prediction of the empty text."})
    static final class Predict implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "The model bundle (from 'sentiment train').")
        Path model;

        @Option(names = "--explain", description = "Also output the tokens after preprocessing, unknown ones "
                + "marked (a fourth CSV column, or a \"tokens\" array).")
        boolean explain;

        @Option(names = "--json", description = "One JSON object per line instead of CSV.")
        boolean json;

        @Option(names = "--threads", description = "Kept for existing scripts, without effect: standard input is "
                + "preprocessed on the reader thread (texts given as arguments on -Dnlpkit.threads threads, default: "
                + "all cores) and the network runs on its kernel threads.")
        Integer threads;

        @Option(names = "--charset", paramLabel = "NAME",
                description = "Charset of stdin (default: UTF-8, or ISO-8859-1 from the first invalid UTF-8 byte "
                        + "when nothing before it was non-ASCII, with a warning).")
        String charset;

        @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts; none: stdin, one per line.")
        List<String> texts = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(model)) {
                throw new IllegalArgumentException("model bundle " + model + " does not exist or is not a file");
            }
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            ReadFlags read = new ReadFlags();
            read.charset = charset;
            ReadOptions options = read.apply(ReadOptions.defaults()).withInvalidBytes(InvalidBytes.REPLACE);
            PredictionStream.Format format = json ? PredictionStream.Format.JSON : PredictionStream.Format.CSV;
            PrintWriter out = spec.commandLine().getOut();
            if (!texts.isEmpty()) {
                new PredictionStream(TextClassifier.load(model), format, explain, System.out::checkError)
                        .write(texts, out);
                return 0;
            }
            // The bundle loads on a thread of its own while the stream reads stdin and preprocesses it with the
            // bundle's preprocessing section, read on its own (the first lines would otherwise wait seconds for
            // the network, the vocabularies and the fused table).
            FutureTask<TextClassifier> loading = new FutureTask<>(() -> {
                TextClassifier m = TextClassifier.load(model);
                // A stream usually meets most of the vocabulary: building the fused table's rows in one pass now
                // is faster than one by one as tokens first appear, while the row code is still being compiled.
                m.network().fillFusedTable();
                return m;
            });
            Thread.ofPlatform().name("nlpkit-load").daemon().start(loading);
            Function<String, List<String>> earlyTokens = TextClassifier.readPreprocessor(model)
                    .<Function<String, List<String>>>map(p -> p::tokens).orElse(null);
            PredictionStream stream = new PredictionStream(() -> loaded(loading), earlyTokens, format, explain,
                    System.out::checkError);
            TextDecoder stdin = TextDecoder.of(System.in, "standard input", options);
            stream.run(stdin, out);
            PrintWriter err = spec.commandLine().getErr();
            ReadFlags.warn(stdin.warnings(), err);
            if (stdin.replacedBytes() > 0) {
                err.printf(Locale.ROOT, "warning: standard input: %d invalid bytes replaced by U+FFFD (--charset NAME "
                        + "to choose the charset)%n", stdin.replacedBytes());
                err.flush();
            }
            return 0; // a closed stdout (| head) ends the run early, quietly
        }
    }

    /** The model of a load running on another thread, its failure thrown here as the load threw it. */
    static TextClassifier loaded(FutureTask<TextClassifier> loading) throws IOException {
        try {
            return ShortTasks.result(loading);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw ShortTasks.unchecked(e.getCause());
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Evaluate a model bundle on a labelled file: the same report as training.")
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "The model bundle.")
        Path model;

        @Option(names = "--data", required = true, description = "A labelled CSV/TSV (as for 'sentiment train'), or "
                + "the TweetEval layout: a split's *_text.txt with its *_labels.txt and mapping.txt beside it, or a "
                + "folder holding one split (neutral tweets dropped and counted).")
        Path data;

        @Option(names = "--roc", description = "Also write the ROC curve to this PNG (an existing file is replaced "
                + "only if it is an nlpkit file, or with --force).")
        Path roc;

        @Option(names = "--force", description = "Replace an existing --roc file even if it is not an nlpkit file.")
        boolean force;

        @Mixin
        ReadFlags read = new ReadFlags();

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(model)) {
                throw new IllegalArgumentException("model bundle " + model + " does not exist or is not a file");
            }
            if (roc != null) {
                OutputCheck.of(force).input("--model", model).input("--data", data).file("--roc", roc);
            }
            PrintWriter out = spec.commandLine().getOut();
            TextClassifier m = TextClassifier.load(model);
            if (m.labels().size() != 2) {
                throw new IllegalArgumentException("model bundle " + model + " has " + m.labels().size()
                        + " classes " + m.labels() + "; 'sentiment evaluate' reports two-class models");
            }
            LabelEncoder classes = LabelEncoder.fit(m.labels());
            SentimentData d = readData(data, read, Optional.of(classes), out, spec.commandLine().getErr());
            BinaryMetrics metrics = BinaryMetrics.of(d.labels(), column(m.predictProba(d.texts()), 1), m.threshold());
            String name = modelName(m.options());
            out.print(ComparisonTable.builder().add(name, metrics).build().render());
            out.println();
            out.print(metrics.confusion().render(classes.decode(0), classes.decode(1)));
            if (roc != null) {
                out.println("plot: " + Charts.writeRocCurves(roc, Map.of(name, metrics.roc())));
            }
            out.flush();
            return 0;
        }
    }
}
