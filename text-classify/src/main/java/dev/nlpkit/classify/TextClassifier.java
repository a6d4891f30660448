package dev.nlpkit.classify;

import dev.nlpkit.core.ShortTasks;
import dev.nlpkit.core.Threads;
import dev.nlpkit.core.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.nlpkit.classify.TextClassifierOptions.FastTextSource;
import dev.nlpkit.classify.TextClassifierOptions.PretrainedSource;
import dev.nlpkit.classify.TextClassifierOptions.RandomSource;
import dev.nlpkit.classify.TextClassifierOptions.Word2VecSource;
import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.io.ModelBundle;
import dev.nlpkit.classify.linear.TfidfLogisticRegression;
import dev.nlpkit.classify.metrics.BinaryMetrics;
import dev.nlpkit.classify.metrics.RocCurve;
import dev.nlpkit.embeddings.Corpus;
import dev.nlpkit.embeddings.TrainingProgress;
import dev.nlpkit.embeddings.Word2Vec;
import dev.nlpkit.embeddings.io.EmbeddingMatrix;
import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.Token;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.AttentionPoolingOptions;
import dev.nlpkit.recurrent.layers.BidirectionalOptions;
import dev.nlpkit.recurrent.layers.Conv1DOptions;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.GlobalPoolingOptions;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.model.Callback;
import dev.nlpkit.embeddings.FastText;
import dev.nlpkit.embeddings.FastTextVectors;
import dev.nlpkit.recurrent.layers.PositionEmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.TransformerEncoderOptions;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.model.Dataset;
import dev.nlpkit.recurrent.model.FitOptions;
import dev.nlpkit.recurrent.model.History;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.model.Targets;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.vectorize.label.LabelEncoder;
import dev.nlpkit.vectorize.sequence.PaddedSequences;
import dev.nlpkit.vectorize.sequence.Padding;
import dev.nlpkit.vectorize.sequence.SequenceEncoder;
import dev.nlpkit.vectorize.sequence.SequenceOptions;
import dev.nlpkit.vectorize.vocab.Vocabulary;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * A trained text classifier: raw text in, label out. It holds the preprocessing (text-preprocess), the sequence
 * encoder whose one vocabulary indexes both the id sequences and the embedding matrix (text-vectorize), the label
 * mapping, and the recurrent network (recurrent); {@link #save} writes all of it as one checksummed file, so a
 * service that loads it needs this module only.
 *
 * <pre>{@code
 * TextClassifier model = TextClassifier.fit(texts, labels, new LabeledTexts(valTexts, valLabels),
 *         TextClassifierOptions.defaults(), FitListener.NONE);
 * String label = model.predict("what a lovely day");
 * double[] p = model.predictProba("what a lovely day");          // one per class, labels() order
 * model.save(Path.of("sentiment.nlpkit"));
 * TextClassifier same = TextClassifier.load(Path.of("sentiment.nlpkit"));
 * }</pre>
 *
 * <p><b>Sequences.</b> Each text's ids go to the network with their real length (recurrent's {@link Inputs}
 * pads a batch at the end and masks the padded steps), so padding never reaches a recurrent cell and the mask is
 * never guessed from id 0. An empty text (or one whose tokens are all dropped) has no real step; it is
 * classified from the all-padding sequence ({@code maxLength} times {@code <pad>}, whose embedding row is zero),
 * which gives the network's answer for "no evidence", a finite probability. A text longer than
 * {@code maxLength} tokens is truncated by the sequence options before it reaches the network.
 *
 * <p><b>Reproducibility.</b> {@link #fit} is bit-reproducible for a given seed with one Word2Vec thread
 * ({@code Word2VecOptions.threads = 1}) and one kernel thread in recurrent; {@code -Dnlpkit.threads=1} sets
 * both defaults (nlpkit-core's {@code Threads}). With more threads the results are statistically equivalent,
 * not bit-identical.
 *
 * <p><b>Threads.</b> Immutable and thread-safe: any number of threads may call the predict, explain and
 * evaluate methods at once, and a text's probabilities do not depend on what was predicted before (every
 * prediction takes the network's fused inference path; the fused embedding table's rows are computed on first use
 * of each token, each with the same bits whenever and on whichever thread it is computed; the table is skipped
 * when it would exceed recurrent's size limit).
 * The batch forms cut the texts into chunks, preprocess each chunk on the default thread count (nlpkit-core's
 * {@code Threads.defaultCount()}) and run the network's fused inference path on recurrent's kernel threads. Results depend only on the inputs and the number of kernel
 * threads, except that recurrent's Vector API kernels may round the last bit of a float differently before and
 * after the JIT compiles them (the plain-Java kernels, {@code -Dnlpkit.vector=false}, are exact).
 */
public final class TextClassifier {

    /** The format this build writes; {@link #load} reads it and format 1 ({@code nlpkit sentiment train}, 2026). */
    public static final int FORMAT_VERSION = 2;

    /** Texts per chunk of the batch forms (bounds their memory whatever the number of texts). */
    private static final int CHUNK = 8192;
    /**
     * Rows per network batch at inference. The rows of a chunk go in by length and each batch is split between the
     * kernel threads, each part padded to its longest row: small batches keep both the padding and the difference
     * between the parts small (on tweets in blocks of 1,000, 128 instead of 512 rows runs a fifth fewer
     * recurrent steps, and the longer part of a batch does 54% of its steps instead of 63%), while 64 rows per
     * part keep the products efficient.
     */
    private static final int INFERENCE_BATCH = 128;

    private final TextClassifierOptions options;
    private final TextPreprocessor preprocessor;
    private final SequenceEncoder encoder;
    private final LabelEncoder labels;
    private final Sequential network;
    private final History history;
    private final boolean lengthsTravel;
    private final ModelInfo info;
    /** The blended linear model (null without a blend) and the second class's threshold; see {@link Blend}. */
    private final TfidfLogisticRegression linear;
    private final double threshold;

    TextClassifier(TextClassifierOptions options, SequenceEncoder encoder, LabelEncoder labels, Sequential network,
            History history, boolean lengthsTravel, ModelInfo info) {
        this(options, encoder, labels, network, history, lengthsTravel, info, null, 0.5);
    }

    TextClassifier(TextClassifierOptions options, SequenceEncoder encoder, LabelEncoder labels, Sequential network,
            History history, boolean lengthsTravel, ModelInfo info, TfidfLogisticRegression linear,
            double threshold) {
        this.linear = linear;
        this.threshold = threshold;
        if (options.blend().blends() != (linear != null)) {
            throw new IllegalArgumentException(linear == null ? "the options blend " + options.blend()
                    + " but there is no linear model" : "there is a linear model but the options do not blend");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the threshold must be in (0, 1), got " + threshold);
        }
        if (labels.classCount() != 2 && (linear != null || threshold != 0.5)) {
            throw new IllegalArgumentException(labels.classCount() + " classes cannot have a blend or a threshold "
                    + "other than 0.5");
        }
        this.info = Objects.requireNonNull(info, "info");
        this.options = Objects.requireNonNull(options, "options");
        this.preprocessor = TextPreprocessor.of(options.preprocess());
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.network = Objects.requireNonNull(network, "network");
        this.history = Objects.requireNonNull(history, "history");
        this.lengthsTravel = lengthsTravel;
        int outputs = network.outputShape().features();
        int expected = labels.classCount() == 2 ? 1 : labels.classCount();
        if (outputs != expected) {
            throw new IllegalArgumentException("the network has " + outputs + " outputs but there are "
                    + labels.classCount() + " classes " + labels.classes());
        }
        // The fused and unfused inference paths agree only to float rounding, so every prediction takes the fused
        // one, from the first: recurrent then computes each row of the fused embedding table the first time a text
        // holds its token, with the same bits in any order (nothing is built here, which keeps loading short).
        network.setInferenceOptions(network.inferenceOptions().withFuseAfterTokens(0));
    }

    /** The same trained parts with another info: shares the (immutable in use) preprocessor and network. */
    private TextClassifier(TextClassifier other, ModelInfo info) {
        this.info = Objects.requireNonNull(info, "info");
        this.options = other.options;
        this.preprocessor = other.preprocessor;
        this.encoder = other.encoder;
        this.labels = other.labels;
        this.network = other.network;
        this.history = other.history;
        this.lengthsTravel = other.lengthsTravel;
        this.linear = other.linear;
        this.threshold = other.threshold;
    }

    // ------------------------------------------------------------------ training

    /**
     * Trains a classifier: preprocesses the texts, counts the vocabulary, builds the embedding (Word2Vec on the
     * training tokens, a vector file or random), then trains the network. Two classes give a sigmoid output and
     * binary cross-entropy; more give a softmax and categorical cross-entropy. Labels are any strings; classes are
     * sorted ({@link LabelEncoder}).
     *
     * @param texts      training texts
     * @param labels     the label of each training text
     * @param validation validation texts (for the history and early stopping), or null for none
     * @param options    the recipe
     * @param listener   progress ({@link FitListener#NONE} for none)
     * @return the trained classifier, ready to predict and save
     * @throws IllegalArgumentException before any work when texts and labels differ in length, a text or label
     *                                  is null, there are fewer than two classes, a validation label is not a
     *                                  training class, or early stopping is asked without validation texts
     * @throws UncheckedIOException     when a pretrained vector file cannot be read
     */
    public static TextClassifier fit(List<String> texts, List<String> labels, LabeledTexts validation,
            TextClassifierOptions options, FitListener listener) {
        return fit(texts, labels, validation, null, options, listener);
    }

    /**
     * Trains a classifier as {@link #fit(List, List, LabeledTexts, TextClassifierOptions, FitListener)} does, its
     * Word2Vec or fastText embedding trained on the training texts and on extra unlabelled text
     * ({@link EmbeddingText}: same preprocessing, streamed, the embedding's minimum count over both; the network's
     * vocabulary, sequences and labels from the training texts alone). The model's {@link ModelInfo#embeddingText()}
     * records it.
     *
     * @param texts         training texts
     * @param labels        the label of each training text
     * @param validation    validation texts (for the history and early stopping), or null for none
     * @param embeddingText unlabelled text the embedding also trains on, or null for none
     * @param options       the recipe; its embedding source must be Word2Vec or fastText when there is extra text
     * @param listener      progress ({@link FitListener#NONE} for none)
     * @return the trained classifier, ready to predict and save
     * @throws IllegalArgumentException before any work as the other form, and when there is extra text but the
     *                                  embedding is not trained (pretrained or random vectors)
     * @throws UncheckedIOException     when a pretrained vector file cannot be read, or the extra text cannot be read
     *                                  or spooled to the temporary directory
     */
    public static TextClassifier fit(List<String> texts, List<String> labels, LabeledTexts validation,
            EmbeddingText embeddingText, TextClassifierOptions options, FitListener listener) {
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(options, "options");
        FitListener events = listener == null ? FitListener.NONE : listener;
        checkPairs(texts, labels);
        LabelEncoder labelEncoder = LabelEncoder.fit(labels);
        if (labelEncoder.classCount() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, but every one of the "
                    + labels.size() + " labels is " + (labels.isEmpty() ? "missing" : "'" + labels.get(0) + "'"));
        }
        if (validation != null) {
            checkKnown(validation.labels(), labelEncoder, "validation label");
        }
        checkDecision(options, labelEncoder, validation);
        if (options.training().patience() > 0 && (validation == null || validation.size() == 0)) {
            throw new IllegalArgumentException("early stopping (patience " + options.training().patience()
                    + ") needs validation texts; pass them or set patience 0");
        }
        if (options.embedding().source() instanceof PretrainedSource p && !Files.isRegularFile(p.file())) {
            throw new IllegalArgumentException("the pretrained vector file " + p.file() + " does not exist");
        }
        if (embeddingText != null && !(options.embedding().source() instanceof Word2VecSource
                || options.embedding().source() instanceof FastTextSource)) {
            throw new IllegalArgumentException("the embedding text " + embeddingText.name() + " trains a Word2Vec or "
                    + "fastText embedding, but the embedding source is " + options.embedding().source());
        }
        int threads = Threads.defaultCount();
        TextPreprocessor preprocessor = TextPreprocessor.of(options.preprocess());

        events.onStage(FitListener.Stage.PREPROCESS);
        List<List<String>> trainTokens = preprocessor.tokensBatch(texts, threads);
        List<List<String>> validationTokens = validation == null ? null
                : preprocessor.tokensBatch(validation.texts(), threads);

        events.onStage(FitListener.Stage.VOCABULARY);
        TextClassifierOptions.Sequence s = options.sequence();
        SequenceEncoder encoder = SequenceEncoder.fit(trainTokens, VocabularyOptions.defaults()
                .withMinCount(s.minCount()), new SequenceOptions(s.maxLength(), s.padding(), s.truncation(),
                s.unknown(), s.numWords()));

        EmbeddingMatrix.Result built;
        Optional<ModelInfo.EmbeddingTextInfo> textInfo = Optional.empty();
        if (embeddingText == null) {
            built = embeddingMatrix(options, encoder.vocabulary(), Corpus.of(trainTokens), events);
        } else {
            events.onStage(FitListener.Stage.EMBEDDING_TEXT);
            try (EmbeddingTextSpool spool = EmbeddingTextSpool.write(embeddingText, preprocessor, threads)) {
                textInfo = Optional.of(new ModelInfo.EmbeddingTextInfo(embeddingText.name(), spool.lines(),
                        spool.tokens()));
                events.onEmbeddingText(textInfo.get());
                built = embeddingMatrix(options, encoder.vocabulary(), Corpus.of(concat(trainTokens, spool)), events);
            }
        }
        float[][] matrix = built == null ? null : built.matrix();
        events.onEmbeddingMatrix(matrix, built == null ? 0 : built.oovCount());
        events.onStage(FitListener.Stage.NETWORK);
        Sequential network = network(options, encoder.vocabulary().size(), matrix, labelEncoder.classCount());
        TextClassifierOptions.Training t = options.training();
        boolean binary = labelEncoder.classCount() == 2;
        FitOptions fit = FitOptions.of(binary ? Loss.BINARY_CROSSENTROPY : Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
                        optimizer(t)).withEpochs(t.epochs()).withBatchSize(t.batchSize()).withSeed(t.seed())
                .withClipNorm(t.clipNorm())
                .withEarlyStopping(t.patience() > 0 ? FitOptions.EarlyStopping.patience(t.patience()) : null)
                .withLengthBuckets(LENGTH_BUCKET_BATCHES);
        Dataset train = dataset(encoder, trainTokens, labelEncoder.encode(labels), binary);
        Dataset val = validation == null || validation.size() == 0 ? null
                : dataset(encoder, validationTokens, labelEncoder.encode(validation.labels()), binary);
        List<Callback> callbacks = List.of();
        double rateFactor = options.embedding().learningRateFactor();
        if (options.embedding().fineTune() && rateFactor != 1.0) {
            // the embedding (the first layer) learns at its own rate; set on the optimizer fit has just created
            List<Parameter> embeddingWeights = network.layers().get(0).parameters();
            callbacks = List.of(new Callback() {
                @Override
                public void onTrainBegin(Run run) {
                    embeddingWeights.forEach(p -> run.optimizer().setRateFactor(p, rateFactor));
                }
            });
        }
        History history = network.fit(train, val, fit, events, callbacks);
        ModelInfo info = ModelInfo.ofFit(texts.size(), validation == null ? 0 : validation.size(),
                labelEncoder.classes(), textInfo);
        TfidfLogisticRegression linear = !options.blend().blends() ? null
                : TfidfLogisticRegression.fit(trainTokens, labelEncoder.encode(labels), options.blend().linear());
        TextClassifier fitted = new TextClassifier(options, encoder, labelEncoder, network, history, true, info,
                linear, 0.5);
        Threshold rule = options.threshold();
        if (rule.mode() == Threshold.Mode.FIXED) {
            return rule.value() == 0.5 ? fitted : new TextClassifier(options, encoder, labelEncoder, network, history,
                    true, info, linear, rule.value());
        }
        double[] p = fitted.secondClassProbabilities(validationTokens);
        double chosen = BalancedThreshold.choose(labelEncoder.encode(validation.labels()), p);
        return new TextClassifier(options, encoder, labelEncoder, network, history, true, info, linear, chosen);
    }

    /** Blend and threshold: two classes only; a balanced threshold needs validation texts of both classes. */
    private static void checkDecision(TextClassifierOptions options, LabelEncoder labels, LabeledTexts validation) {
        boolean fixedHalf = options.threshold().mode() == Threshold.Mode.FIXED && options.threshold().value() == 0.5;
        if (labels.classCount() != 2 && (options.blend().blends() || !fixedHalf)) {
            throw new IllegalArgumentException("the blend (" + options.blend() + ") and the threshold ("
                    + options.threshold() + ") are for two classes; these labels have " + labels.classCount() + " "
                    + labels.classes() + ": use no blend and the fixed threshold 0.5");
        }
        if (options.threshold().mode() == Threshold.Mode.BALANCED) {
            int[] classes = validation == null ? new int[0] : labels.encode(validation.labels());
            int positives = 0;
            for (int c : classes) {
                positives += c;
            }
            if (positives == 0 || positives == classes.length) {
                throw new IllegalArgumentException("the balanced threshold is chosen on the validation texts, which "
                        + "need both classes " + labels.classes() + "; got " + classes.length + " texts"
                        + (classes.length == 0 ? "" : ", all '" + labels.decode(classes[0]) + "'"));
            }
        }
    }

    /** The (blended) probability of the second class of tokenized texts, as {@link #predictProba(List)}. */
    private double[] secondClassProbabilities(List<List<String>> tokens) {
        double[] out = new double[tokens.size()];
        for (int from = 0; from < tokens.size(); from += CHUNK) {
            List<List<String>> chunk = tokens.subList(from, Math.min(tokens.size(), from + CHUNK));
            double[][] p = blended(probabilities(encodeRows(chunk), INFERENCE_BATCH), chunk);
            for (int i = 0; i < p.length; i++) {
                out[from + i] = p[i][1];
            }
        }
        return out;
    }

    /** The training tokens, then the spooled extra text, on every pass. */
    private static Iterable<List<String>> concat(List<List<String>> first, Iterable<List<String>> then) {
        return () -> new Iterator<>() {
            private Iterator<List<String>> current = first.iterator();
            private boolean second;

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && !second) {
                    current = then.iterator();
                    second = true;
                }
                return current.hasNext();
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static EmbeddingMatrix.Result embeddingMatrix(TextClassifierOptions options, Vocabulary vocabulary,
            Corpus corpus, FitListener events) {
        EmbeddingMatrix.Options matrixOptions = EmbeddingMatrix.Options.defaults().withPadToken(Vocabulary.PAD)
                .withUnkToken(Vocabulary.UNK);
        return switch (options.embedding().source()) {
            case Word2VecSource w -> {
                events.onStage(FitListener.Stage.WORD2VEC);
                Word2Vec w2v = Word2Vec.fit(corpus, w.options(),
                        new TrainingListener<TrainingProgress, TrainingProgress>() {
                            @Override
                            public void onProgress(TrainingProgress progress) {
                                events.onWord2VecProgress(progress);
                            }

                            @Override
                            public long intervalMillis() {
                                return 1000;
                            }
                        });
                WordVectors vectors = w2v.vectors();
                events.onWord2VecVectors(vectors);
                yield EmbeddingMatrix.build(vectors, vocabulary.terms(), matrixOptions);
            }
            case FastTextSource f -> {
                events.onStage(FitListener.Stage.WORD2VEC);
                FastText fastText = FastText.fit(corpus, f.options(), f.seed(),
                        new TrainingListener<TrainingProgress, TrainingProgress>() {
                            @Override
                            public void onProgress(TrainingProgress progress) {
                                events.onWord2VecProgress(progress);
                            }

                            @Override
                            public long intervalMillis() {
                                return 1000;
                            }
                        });
                // every vocabulary word gets a vector: the ones fastText kept, and the others from their n-grams.
                // vectors() composes every word's vector each time it is called: once here, not once per word
                // (per word it cost O(vocabulary^2 x dimension), 20 minutes for 11,000 words)
                FastTextVectors composed = fastText.vectors();
                List<String> words = new ArrayList<>();
                List<float[]> rows = new ArrayList<>();
                for (String term : vocabulary.terms()) {
                    if (!term.equals(Vocabulary.PAD) && !term.equals(Vocabulary.UNK)) {
                        words.add(term);
                        rows.add(composed.vector(term));
                    }
                }
                WordVectors vectors = WordVectors.of(words, rows.toArray(float[][]::new));
                events.onWord2VecVectors(composed.wordVectors());
                yield EmbeddingMatrix.build(vectors, vocabulary.terms(), matrixOptions);
            }
            case PretrainedSource p -> {
                WordVectors vectors;
                try {
                    vectors = Word2VecFormat.read(p.file(), p.format());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the pretrained vectors " + p.file() + ": "
                            + e.getMessage(), e);
                }
                yield EmbeddingMatrix.build(vectors, vocabulary.terms(), matrixOptions);
            }
            case RandomSource r -> null;
        };
    }

    private static Sequential network(TextClassifierOptions options, int vocabularySize, float[][] matrix,
            int classes) {
        TextClassifierOptions.Network n = options.network();
        int dimension = options.embedding().source() instanceof RandomSource r ? r.dimension() : 0;
        EmbeddingOptions embedding = (matrix != null ? EmbeddingOptions.pretrained(matrix)
                : EmbeddingOptions.random(vocabularySize, dimension))
                .withTrainable(options.embedding().fineTune())
                // the lengths travel with the ids (see class comment): id 0 needs no mask of its own
                .withMaskZero(false);
        Sequential.Builder builder = Sequential.builder(Shape.tokens()).add(embedding);
        if (n.inputDropout() > 0) {
            builder.add(DropoutOptions.of(n.inputDropout()));
        }
        switch (n.architecture()) {
            case RECURRENT -> {
                RecurrentOptions cell = switch (n.cell()) {
                    case LSTM -> RecurrentOptions.lstm(n.units());
                    case GRU -> RecurrentOptions.gru(n.units());
                    case SIMPLE_RNN -> RecurrentOptions.simpleRnn(n.units());
                };
                cell = cell.withDropout(n.dropout()).withRecurrentDropout(n.recurrentDropout());
                boolean pooled = n.pooling() == TextClassifierOptions.Network.Pooling.MAX;
                for (int layer = 0; layer < n.layers(); layer++) {
                    RecurrentOptions r = cell.withReturnSequences(pooled || layer < n.layers() - 1);
                    builder.add(n.bidirectional() ? BidirectionalOptions.of(r) : r);
                }
                if (pooled) {
                    builder.add(GlobalPoolingOptions.max()); // over the real steps: the lengths travel with the ids
                }
            }
            case CNN -> {
                // same padding: a text shorter than the window still gets outputs (valid padding would refuse it)
                for (int layer = 0; layer < n.layers(); layer++) {
                    builder.add(Conv1DOptions.of(n.filters(), n.kernelSize()).withPadding(Conv1DOptions.Padding.SAME)
                            .withActivation(Activation.RELU));
                }
                builder.add(GlobalPoolingOptions.max());
                if (n.dropout() > 0) {
                    builder.add(DropoutOptions.of(n.dropout()));
                }
            }
            case TRANSFORMER -> {
                int width = matrix != null ? matrix[0].length : dimension;
                if (width % n.heads() != 0) {
                    throw new IllegalArgumentException("network heads " + n.heads() + " do not divide the embedding "
                            + "width " + width + ": the Transformer's attention splits the width among the heads");
                }
                builder.add(PositionEmbeddingOptions.learned(options.sequence().maxLength()));
                for (int layer = 0; layer < n.layers(); layer++) {
                    builder.add(TransformerEncoderOptions.of(n.heads(), n.feedForward()).withDropout(n.dropout()));
                }
                builder.add(AttentionPoolingOptions.defaults());
            }
        }
        builder.add(classes == 2 ? DenseOptions.of(1, Activation.SIGMOID)
                : DenseOptions.of(classes, Activation.SOFTMAX));
        return builder.build(options.training().seed());
    }

    /**
     * The network trains on batches of texts of similar length (FitOptions#withLengthBuckets, torchtext's pool of
     * 100 batches): each batch is padded to its longest text, so a recurrent layer runs about as many steps as its
     * texts have tokens instead of the longest text's count in a random batch (tweets: 14 tokens on average, 30
     * to 40 for the longest of 128).
     */
    static final int LENGTH_BUCKET_BATCHES = 100;

    private static OptimizerOptions optimizer(TextClassifierOptions.Training t) {
        return switch (t.optimizer()) {
            // Lazy (row-sparse) updates of the fine-tuned embedding: a step updates the rows of the batch's tokens
            // only, not the whole [V, d] table (TextClassifierOptions.Optimizer.ADAM says how this differs).
            case ADAM -> OptimizerOptions.adam(t.learningRate())
                    .withSparseUpdate(OptimizerOptions.SparseUpdate.LAZY);
            case RMSPROP -> OptimizerOptions.rmsProp(t.learningRate());
            case SGD -> OptimizerOptions.sgd(t.learningRate());
        };
    }

    private static Dataset dataset(SequenceEncoder encoder, List<List<String>> tokens, int[] classes,
            boolean binary) {
        Inputs inputs = Inputs.tokens(realRows(encoder.transform(tokens), encoder.options()));
        if (binary) {
            float[] y = new float[classes.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = classes[i];
            }
            return Dataset.of(inputs, Targets.binary(y));
        }
        return Dataset.of(inputs, Targets.labels(classes));
    }

    /**
     * The real ids of each padded row, its padding cut off: recurrent pads a batch itself and carries the lengths
     * as a mask. A row without a real id (empty text) stays the all-padding row.
     */
    static int[][] realRows(PaddedSequences padded, SequenceOptions options) {
        int[][] ids = padded.ids();
        int[] lengths = padded.lengths();
        int[][] rows = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            int n = lengths[i];
            if (n == 0) {
                rows[i] = ids[i];
            } else if (options.padding() == Padding.PRE) {
                rows[i] = Arrays.copyOfRange(ids[i], ids[i].length - n, ids[i].length);
            } else {
                rows[i] = Arrays.copyOf(ids[i], n);
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ prediction

    /**
     * The class names, in the order of {@link #predictProba} (sorted).
     *
     * @return the class names, unmodifiable
     */
    public List<String> labels() {
        return labels.classes();
    }

    /**
     * The options this classifier was trained with (for a format-1 bundle: see {@link #load(Path)}).
     *
     * @return the recipe, as it is saved with the classifier
     */
    public TextClassifierOptions options() {
        return options;
    }

    /**
     * The training history, epoch by epoch (empty for a bundle that did not record it).
     *
     * @return the per-epoch losses and metrics of training
     */
    public History history() {
        return history;
    }

    /**
     * How this classifier was made: when, by which nlpkit, on how many examples, its labels and, when recorded, its
     * test metrics. {@code fit} records all but the test metrics; a loaded bundle gives what it saved
     * ({@link ModelInfo#notRecorded()} for bundles written before the info section existed).
     *
     * @return the info saved with this classifier
     */
    public ModelInfo info() {
        return info;
    }

    /**
     * The same classifier with another info, typically {@code info().withTest(n, metrics)} after evaluating it on
     * held-out texts, so that {@link #save} records the test metrics. Cheap: the trained parts are shared.
     *
     * @param info the info to save with this classifier
     * @return a new classifier that predicts exactly as this one
     */
    public TextClassifier withInfo(ModelInfo info) {
        return new TextClassifier(this, info);
    }

    /**
     * The probability of the second class from which {@link #predict} says the second class: 0.5 unless the
     * options set another ({@link Threshold}); for {@link Threshold#balanced()} the value {@code fit} chose on the
     * validation texts, as saved in the bundle.
     *
     * @return the threshold, in (0, 1)
     */
    public double threshold() {
        return threshold;
    }

    /**
     * The linear model blended with the network, when the options blend one ({@link Blend}).
     *
     * @return the TF-IDF logistic regression, or empty
     */
    public Optional<TfidfLogisticRegression> linear() {
        return Optional.ofNullable(linear);
    }

    /**
     * The trained network (for inspection, e.g. {@code summary()}; do not train it further).
     *
     * @return the network, shared with this classifier
     */
    public Sequential network() {
        return network;
    }

    /**
     * The sequence encoder (vocabulary and padding).
     *
     * @return the encoder that turns tokens into padded id sequences
     */
    public SequenceEncoder encoder() {
        return encoder;
    }

    /**
     * The tokens of {@code text} after preprocessing, as the vocabulary sees them.
     *
     * @param text any text; not null
     * @return the tokens in text order, possibly empty
     */
    public List<String> tokens(String text) {
        return preprocessor.tokens(requireText(text, "text"));
    }

    /**
     * The label of {@code text}: two classes, the second when its (blended) probability is at least
     * {@link #threshold()}; more, the most probable.
     *
     * @param text any text; not null
     * @return one of {@link #labels()}
     */
    public String predict(String text) {
        return labels.decode(labelIndex(predictProba(text)));
    }

    /**
     * The probability of each class ({@link #labels()} order) for {@code text}; never NaN.
     *
     * @param text any text; not null
     * @return a fresh array, one probability per class, summing to 1
     * @throws NullPointerException when {@code text} is null
     */
    public double[] predictProba(String text) {
        List<String> tokens = preprocessor.tokens(requireText(text, "text"));
        return blended(probabilities(encodeRows(List.of(tokens)), 1), List.of(tokens))[0];
    }

    /**
     * The labels of many texts; see {@link #predictProba(List)}.
     *
     * @param texts the texts; none null
     * @return one label per text, in input order
     */
    public List<String> predict(List<String> texts) {
        double[][] p = predictProba(texts);
        List<String> out = new ArrayList<>(p.length);
        for (double[] row : p) {
            out.add(labels.decode(labelIndex(row)));
        }
        return out;
    }

    /**
     * The class probabilities of many texts, in input order: the texts stream through in chunks, each
     * preprocessed on the default thread count ({@code -Dnlpkit.threads}, else all processors) and run through
     * the network's fused inference path on its kernel threads; with a blend and more than one thread, the linear
     * model scores a chunk on a thread of its own meanwhile.
     *
     * @param texts the texts; none null
     * @return one row per text, each as {@link #predictProba(String)}
     * @throws NullPointerException naming the index of a null text
     */
    public double[][] predictProba(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new NullPointerException("text " + i + " is null");
            }
        }
        int threads = Threads.defaultCount();
        double[][] out = new double[texts.size()][];
        for (int from = 0; from < texts.size(); from += CHUNK) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + CHUNK));
            predictChunk(preprocessor.tokensBatch(chunk, threads), threads, out, from);
        }
        return out;
    }

    /**
     * The class probabilities of texts already preprocessed, in input order: the same as {@link
     * #predictProba(List)} of the texts whose {@link #tokens(String)} (or {@link #readPreprocessor(Path)}'s) these
     * are. A caller that preprocesses on a thread of its own (a stream, whose reader tokenizes while this predicts)
     * uses it.
     *
     * @param tokens each text's tokens after this classifier's preprocessing; none null
     * @return one row per text, each as {@link #predictProba(String)}
     * @throws NullPointerException naming the index of a null token list
     */
    public double[][] predictProbaOfTokens(List<? extends List<String>> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        List<List<String>> rows = new ArrayList<>(tokens);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new NullPointerException("the tokens of text " + i + " are null");
            }
        }
        int threads = Threads.defaultCount();
        double[][] out = new double[rows.size()][];
        for (int from = 0; from < rows.size(); from += CHUNK) {
            predictChunk(rows.subList(from, Math.min(rows.size(), from + CHUNK)), threads, out, from);
        }
        return out;
    }

    /** The probabilities of one chunk's tokens into {@code out[from...]}: the network by length, the blend beside. */
    private void predictChunk(List<List<String>> tokens, int threads, double[][] out, int from) {
        LinearScores linearScores = linearScores(tokens, threads);
        int[][] rows = encodeRows(tokens);
        int[] order = byLength(rows);
        int[][] sorted = new int[rows.length][];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = rows[order[i]];
        }
        double[][] sortedP = probabilities(sorted, INFERENCE_BATCH);
        double[][] p = new double[rows.length][];
        for (int i = 0; i < order.length; i++) {
            p[order[i]] = sortedP[i];
        }
        System.arraycopy(blended(p, linearScores.get()), 0, out, from, p.length);
    }

    /** Texts from which the linear model's TF-IDF transform runs on a thread of its own (fewer: in line). */
    private static final int CONCURRENT_LINEAR = 256;

    /** The linear model's probabilities of a chunk, being computed or done; null without a blend. */
    private interface LinearScores {
        double[] get();
    }

    /**
     * Starts the linear model's probabilities of {@code tokens}: with more than one thread and a chunk of at least
     * {@value #CONCURRENT_LINEAR} texts, on a thread of its own while the caller runs the network (the two do not
     * depend on each other, and the TF-IDF transform is single-threaded, so it fills a core the network's serial
     * stretches leave idle); else in line. The probabilities are the same either way.
     */
    private LinearScores linearScores(List<List<String>> tokens, int threads) {
        if (linear == null) {
            return () -> null;
        }
        if (threads < 2 || tokens.size() < CONCURRENT_LINEAR) {
            double[] p = linear.probabilities(tokens);
            return () -> p;
        }
        FutureTask<double[]> task = new FutureTask<>(
                () -> linear.probabilities(tokens));
        Thread.ofPlatform().name("nlpkit-linear").daemon().start(task);
        return () -> {
            try {
                return ShortTasks.result(task);
            } catch (ExecutionException e) {
                throw ShortTasks.unchecked(e.getCause());
            }
        };
    }

    /**
     * The row indices in order of increasing length (ties in input order). The network pads each batch to its
     * longest row and runs every step for every row, so a batch of rows of like length does little padding work:
     * on tweets, a third of the recurrent steps instead of all the steps up to the longest tweet of a batch. Each
     * row's arithmetic does not depend on the other rows of its batch, so the probabilities are the same bits.
     */
    static int[] byLength(int[][] rows) {
        int longest = 0;
        for (int[] r : rows) {
            longest = Math.max(longest, r.length);
        }
        // counting sort: stable, linear
        int[] start = new int[longest + 2];
        for (int[] r : rows) {
            start[r.length + 1]++;
        }
        for (int n = 1; n < start.length; n++) {
            start[n] += start[n - 1];
        }
        int[] order = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            order[start[rows[i].length]++] = i;
        }
        return order;
    }

    private int[][] encodeRows(List<List<String>> tokens) {
        PaddedSequences padded = encoder.transform(tokens);
        // format 1 networks mask id 0 themselves and were trained on pre-padded rows: give them those
        return lengthsTravel ? realRows(padded, encoder.options()) : padded.ids();
    }

    private double[][] probabilities(int[][] rows, int batchSize) {
        float[][] y = network.predict(Inputs.tokens(rows), batchSize);
        int classes = labels.classCount();
        double[][] out = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            double[] p = new double[classes];
            if (classes == 2) {
                p[1] = y[i][0];
                p[0] = 1.0 - p[1];
            } else {
                for (int k = 0; k < classes; k++) {
                    p[k] = y[i][k];
                }
            }
            out[i] = p;
        }
        return out;
    }

    /**
     * The network's probabilities averaged with the linear model's, in place ({@link Blend}): the second class's
     * {@code (1 - w) * P_network + w * P_linear}, the first its complement. Unchanged without a blend.
     */
    private double[][] blended(double[][] network, List<List<String>> tokens) {
        return blended(network, linear == null ? null : linear.probabilities(tokens));
    }

    /** {@link #blended(double[][], List)} with the linear model's probabilities {@code p} (null without a blend). */
    private double[][] blended(double[][] network, double[] p) {
        if (linear == null) {
            return network;
        }
        double w = options.blend().weight();
        for (int i = 0; i < network.length; i++) {
            network[i][1] = (1 - w) * network[i][1] + w * p[i];
            network[i][0] = 1.0 - network[i][1];
        }
        return network;
    }

    /**
     * The class these probabilities predict, by the rule of {@link #predict(String)}: with two classes the second
     * when its probability is at least {@link #threshold()}, with more the first of the highest. Code that takes
     * {@link #predictProba(List)} and names a label (a server, a Spark stage) uses this, so its labels agree with
     * {@code predict}'s.
     *
     * @param p one text's probabilities, in the order of {@link #labels()}
     * @return the index of the predicted class in {@link #labels()}
     */
    public int labelIndex(double[] p) {
        if (p.length == 2) {
            return p[1] >= threshold ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ explanation

    /**
     * The prediction of {@code text} and each token's contribution by occlusion: the probability of the predicted
     * class minus that probability with the token left out of the sequence. Tokens carry their text as written
     * and their character offsets in {@code text}.
     *
     * <p>With a {@link Blend}, the probabilities are the blended ones and a token is left out of both models: the
     * network's sequence (when it reached it) and the linear model's tokens, whose n-grams holding it then go too
     * (a bigram across the gap appears). A token the network never read (dropped as unknown, or truncated) can thus
     * still contribute, through the linear model. The label uses {@link #threshold()}.
     *
     * @param text any text; not null
     * @return the label, the class probabilities and one contribution per token in text order
     */
    public Explanation explain(String text) {
        requireText(text, "text");
        List<Token> tokens = preprocessor.typedTokens(text);
        List<String> terms = tokens.stream().map(Token::term).toList();
        // which tokens reach the network: encoded one by one (DROP leaves unknown words out), then truncated
        List<Integer> kept = new ArrayList<>();
        List<Integer> keptIds = new ArrayList<>();
        boolean[] known = new boolean[tokens.size()];
        for (int i = 0; i < terms.size(); i++) {
            known[i] = encoder.unknownCount(List.of(terms.get(i))) == 0;
            int[] id = encoder.encode(List.of(terms.get(i)));
            if (id.length == 1) {
                kept.add(i);
                keptIds.add(id[0]);
            }
        }
        int max = encoder.options().maxLength();
        int from = 0;
        int to = kept.size();
        if (kept.size() > max) {
            if (encoder.options().truncation() == dev.nlpkit.vectorize.sequence.Truncation.PRE) {
                from = kept.size() - max;
            } else {
                to = max;
            }
        }
        List<Integer> positions = kept.subList(from, to);
        int[] ids = keptIds.subList(from, to).stream().mapToInt(Integer::intValue).toArray();
        int[][] rows = new int[1 + ids.length][];
        rows[0] = row(ids);
        for (int j = 0; j < ids.length; j++) {
            int[] without = new int[ids.length - 1];
            System.arraycopy(ids, 0, without, 0, j);
            System.arraycopy(ids, j + 1, without, j, ids.length - j - 1);
            rows[1 + j] = row(without);
        }
        double[][] p = probabilities(rows, INFERENCE_BATCH);
        double[] contribution = new double[tokens.size()];
        boolean[] inSequence = new boolean[tokens.size()];
        int predicted;
        if (linear == null) {
            predicted = labelIndex(p[0]);
            for (int j = 0; j < positions.size(); j++) {
                contribution[positions.get(j)] = p[0][predicted] - p[1 + j][predicted];
                inSequence[positions.get(j)] = true;
            }
        } else {
            // occlusion of the blended probability: without token i the network reads its sequence without it (or
            // the same sequence, when i never reached it) and the linear model its n-grams without it
            int[] sequenceIndex = new int[tokens.size()];
            Arrays.fill(sequenceIndex, -1);
            for (int j = 0; j < positions.size(); j++) {
                sequenceIndex[positions.get(j)] = j;
                inSequence[positions.get(j)] = true;
            }
            List<List<String>> variants = new ArrayList<>(1 + terms.size());
            variants.add(terms);
            for (int i = 0; i < terms.size(); i++) {
                List<String> without = new ArrayList<>(terms);
                without.remove(i);
                variants.add(without);
            }
            double[][] network = new double[1 + terms.size()][];
            network[0] = p[0];
            for (int i = 0; i < terms.size(); i++) {
                network[1 + i] = (sequenceIndex[i] >= 0 ? p[1 + sequenceIndex[i]] : p[0]).clone();
            }
            double[][] q = blended(network, variants);
            p = new double[][] {q[0]};
            predicted = labelIndex(q[0]);
            for (int i = 0; i < terms.size(); i++) {
                contribution[i] = q[0][predicted] - q[1 + i][predicted];
            }
        }
        List<TokenContribution> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            out.add(new TokenContribution(text.substring(t.start(), t.end()), t.start(), t.end(), t.term(), known[i],
                    inSequence[i], contribution[i]));
        }
        return new Explanation(labels.decode(predicted), p[0], out);
    }

    /** The network row of real ids (padding placed as the sequence options say when the lengths do not travel). */
    private int[] row(int[] ids) {
        int max = encoder.options().maxLength();
        if (lengthsTravel && ids.length > 0) {
            return ids;
        }
        int[] padded = new int[max];
        int to = encoder.options().padding() == Padding.PRE ? max - ids.length : 0;
        System.arraycopy(ids, 0, padded, to, ids.length);
        return padded;
    }

    // ------------------------------------------------------------------ evaluation

    /**
     * Accuracy, precision, recall, F1, ROC-AUC and the confusion matrix on labelled texts; see {@link Evaluation}.
     *
     * @param texts the texts to classify
     * @param trueLabels the true label of each text, each one of {@link #labels()}
     * @return the metrics, with the confusion matrix in {@link #labels()} order
     * @throws IllegalArgumentException when texts and labels differ in length, a text or label is null, or a label
     *                                  is not one of {@link #labels()}
     */
    public Evaluation evaluate(List<String> texts, List<String> trueLabels) {
        checkPairs(texts, trueLabels);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("evaluate needs at least one text");
        }
        checkKnown(trueLabels, labels, "label");
        int[] y = labels.encode(trueLabels);
        double[][] p = predictProba(texts);
        int k = labels.classCount();
        long[][] confusion = new long[k][k];
        for (int i = 0; i < y.length; i++) {
            confusion[y[i]][labelIndex(p[i])]++;
        }
        if (k == 2) {
            double[] positive = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                positive[i] = p[i][1];
            }
            BinaryMetrics m = BinaryMetrics.of(y, positive, threshold);
            return new Evaluation(labels.classes(), m.accuracy(), m.precision(), m.recall(), m.f1(), m.rocAuc(),
                    confusion);
        }
        return multiClass(y, p, confusion);
    }

    private Evaluation multiClass(int[] y, double[][] p, long[][] confusion) {
        int k = confusion.length;
        long correct = 0;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        double auc = 0;
        int aucClasses = 0;
        for (int c = 0; c < k; c++) {
            correct += confusion[c][c];
            long predicted = 0;
            long actual = 0;
            for (int o = 0; o < k; o++) {
                predicted += confusion[o][c];
                actual += confusion[c][o];
            }
            long tp = confusion[c][c];
            precision += predicted == 0 ? 0 : (double) tp / predicted;
            recall += actual == 0 ? 0 : (double) tp / actual;
            f1 += predicted + actual == 0 ? 0 : 2.0 * tp / (predicted + actual);
            if (actual > 0 && actual < y.length) {
                int[] oneVsRest = new int[y.length];
                double[] scores = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    oneVsRest[i] = y[i] == c ? 1 : 0;
                    scores[i] = p[i][c];
                }
                auc += RocCurve.of(oneVsRest, scores).auc();
                aucClasses++;
            }
        }
        return new Evaluation(labels.classes(), (double) correct / y.length, precision / k, recall / k, f1 / k,
                aucClasses == 0 ? Double.NaN : auc / aucClasses, confusion);
    }

    // ------------------------------------------------------------------ persistence

    /**
     * Saves the classifier to {@code file} atomically (a temporary file in the same folder, then a rename): a
     * crash while saving leaves the previous file intact. See {@link #save(OutputStream)} for the content.
     *
     * @param file where to save; its folder must exist, an existing file is replaced only once the new one is
     *             complete
     * @throws IOException when the folder is missing or not writable, or the disk is full
     */
    public void save(Path file) throws IOException {
        BundleCodec.bundle(this).write(file);
    }

    /**
     * Writes the classifier as one versioned, checksummed bundle (format {@value #FORMAT_VERSION}) to
     * {@code out} (not closed). Sections, each written by the module that owns it: {@code classifier} (format
     * header), {@code preprocessing} (every field of the {@code PreprocessOptions}), {@code options} (the rest of
     * the recipe), {@code sequence} (sequence options and vocabulary), {@code labels}, {@code network} (recurrent's
     * model file), {@code history} and {@code info} ({@link #info()}).
     *
     * @param out the stream to write to; flushed, not closed
     * @throws IOException when writing to {@code out} fails
     */
    public void save(OutputStream out) throws IOException {
        BundleCodec.bundle(this).writeTo(out);
    }

    /**
     * Loads a classifier saved by {@link #save(Path)}, or a format-1 bundle written by {@code nlpkit sentiment
     * train}. A format-1 bundle names a preprocessing preset: it is mapped to the options that preset had when
     * format 1 was written (not to what the preset means today); its training options and Word2Vec settings other
     * than the vector size were not recorded and read as the defaults, its history as empty.
     *
     * @param file a bundle written by {@link #save(Path)} or by {@code nlpkit sentiment train}
     * @return the classifier, predicting exactly as the one saved
     * @throws BundleFormatException naming the file and the section when the file is not a bundle, is truncated,
     *                               corrupt, newer than this library, or a section cannot be read
     * @throws NoSuchFileException   when the file does not exist
     */
    public static TextClassifier load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "classifier bundle not found");
        }
        return BundleCodec.read(ModelBundle.read(file), file.toString());
    }

    /**
     * Loads a classifier from a stream holding one bundle (read to its end, not closed); see {@link #load(Path)}.
     *
     * @param in the bundle's bytes, e.g. a class-path resource
     * @return the classifier, predicting exactly as the one saved
     * @throws IOException when the stream fails, or {@link BundleFormatException} when its content is not a valid
     *                     bundle
     */
    public static TextClassifier load(InputStream in) throws IOException {
        return BundleCodec.read(in, "the classifier stream");
    }

    /**
     * The preprocessor of a saved classifier, read from its bundle's preprocessing section alone: a caller can
     * start preprocessing texts while {@link #load(Path)} reads the rest (the network, the vocabularies), and pass
     * the tokens to {@link #predictProbaOfTokens}. Its tokens are those {@link #tokens(String)} of the loaded
     * classifier gives.
     *
     * @param file a bundle written by {@link #save(Path)}
     * @return the preprocessor, or empty when the file is not a readable format-2 bundle (a format-1 bundle, a
     *         corrupt or missing file): {@link #load(Path)} then either works or says what is wrong
     */
    public static Optional<TextPreprocessor> readPreprocessor(Path file) {
        return BundleCodec.readPreprocessor(file);
    }

    // package access for the codec
    LabelEncoder labelEncoder() {
        return labels;
    }

    boolean lengthsTravel() {
        return lengthsTravel;
    }

    // ------------------------------------------------------------------ checks

    static void checkPairs(List<String> texts, List<String> labels) {
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException("texts and labels differ in length: " + texts.size() + " texts, "
                    + labels.size() + " labels");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
            if (labels.get(i) == null) {
                throw new IllegalArgumentException("label " + i + " is null");
            }
        }
    }

    private static void checkKnown(List<String> labels, LabelEncoder encoder, String what) {
        Set<String> classes = new HashSet<>(encoder.classes());
        for (int i = 0; i < labels.size(); i++) {
            if (!classes.contains(labels.get(i))) {
                throw new IllegalArgumentException(what + " " + i + " is '" + labels.get(i) + "', which was not a "
                        + "class at fit time " + encoder.classes());
            }
        }
    }

    private static String requireText(String text, String what) {
        if (text == null) {
            throw new NullPointerException(what + " is null: pass \"\" for an empty text");
        }
        return text;
    }

    @Override
    public String toString() {
        return "TextClassifier[classes=" + labels.classes() + ", vocabulary=" + encoder.vocabulary().size()
                + ", network=" + network.layers().size() + " layers"
                + (linear == null ? "" : ", blend=" + options.blend()) + (threshold == 0.5 ? "" : ", threshold="
                + threshold) + "]";
    }
}
