package dev.nlpkit.classify;

import dev.nlpkit.core.Threads;
import java.nio.file.Path;
import java.util.Objects;

import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.FastTextOptions;
import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.vectorize.sequence.Padding;
import dev.nlpkit.vectorize.sequence.Truncation;
import dev.nlpkit.vectorize.sequence.UnknownTokens;

/**
 * Everything a {@link TextClassifier} is trained from, one immutable record per concern: how text becomes
 * tokens ({@link PreprocessOptions}), tokens become id sequences ({@link Sequence}), ids become vectors
 * ({@link Embedding}), the recurrent network ({@link Network}) and the training run ({@link Training}).
 *
 * <p>The network is always {@code Embedding -> Dropout(inputDropout) -> recurrent layer(s) -> Dense}, with a
 * sigmoid output for two classes and a softmax for more. Presets: {@link #defaults()} works for any number of
 * classes, with or without validation texts; {@link #sentiment()} is what {@code nlpkit sentiment train} does
 * without flags (two classes, validation texts needed); {@link #lesson()} is the course's model.
 *
 * <pre>{@code
 * TextClassifierOptions o = TextClassifierOptions.defaults()
 *         .withNetwork(TextClassifierOptions.Network.lesson().withCell(RecurrentOptions.Cell.GRU))
 *         .withTraining(TextClassifierOptions.Training.defaults().withEpochs(3));
 * }</pre>
 *
 * @param preprocess text to tokens (every field is saved with the model)
 * @param sequence   tokens to padded id sequences
 * @param embedding  where the embedding vectors come from, frozen or fine-tuned
 * @param network    the recurrent network
 * @param training   optimizer, batches, epochs, early stopping, seed
 * @param blend      whether the network's probability is averaged with a TF-IDF logistic regression's
 *                   ({@link Blend}; two classes only)
 * @param threshold  the probability from which the second of two classes is predicted ({@link Threshold})
 */
public record TextClassifierOptions(PreprocessOptions preprocess, Sequence sequence, Embedding embedding,
        Network network, Training training, Blend blend, Threshold threshold) {

    /** Validates: no part may be null. */
    public TextClassifierOptions {
        Objects.requireNonNull(preprocess, "preprocess");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(threshold, "threshold");
        if (network.architecture() == Network.Architecture.TRANSFORMER) {
            // the encoder blocks keep the embedding's width: check it now, not after the Word2Vec training
            int width = switch (embedding.source()) {
                case Word2VecSource w -> w.options().vectorSize();
                case FastTextSource f -> f.options().vectorSize();
                case RandomSource r -> r.dimension();
                case PretrainedSource p -> 0;   // known once the file is read; checked when the network is built
            };
            if (width > 0 && width % network.heads() != 0) {
                throw new IllegalArgumentException("network heads " + network.heads() + " do not divide the embedding "
                        + "width " + width + ": the Transformer's attention splits the width among the heads");
            }
        }
    }

    /**
     * Without a blend and with the fixed threshold 0.5 ({@link Blend#none()}, {@link Threshold#defaults()}).
     *
     * @param preprocess text to tokens
     * @param sequence   tokens to padded id sequences
     * @param embedding  where the embedding vectors come from
     * @param network    the network
     * @param training   optimizer, batches, epochs, early stopping, seed
     */
    public TextClassifierOptions(PreprocessOptions preprocess, Sequence sequence, Embedding embedding,
            Network network, Training training) {
        this(preprocess, sequence, embedding, network, training, Blend.none(), Threshold.defaults());
    }

    /**
     * The recipe for any labels: the tweets preprocessing with its stop-word list off and punctuation kept (a
     * sequence model reads "but", "not" and "!"); 40 tokens, pre-padded and pre-truncated, words seen at least
     * twice, unknown words to {@code <unk>}; skip-gram Word2Vec of 200 dimensions, window 5, min count 2, 10
     * passes, fine-tuned with the network at a tenth of its learning rate ({@link Embedding#defaults()}); one LSTM
     * of 100 units with dropout 0.2 and recurrent dropout 0.2 after a Dropout(0.5); Adam 0.002, batches of 128, at
     * most 10 epochs, early stopping after 2 epochs without a better validation loss; seed 42; no blend, the
     * threshold 0.5. Both of {@link #sentiment()}'s additions need two classes and the blended threshold needs
     * validation texts, so they are not part of it.
     *
     * @return the default recipe
     */
    public static TextClassifierOptions defaults() {
        PreprocessOptions preprocess = PreprocessOptions.tweets().withStopWords(PreprocessOptions.NO_STOP_WORDS)
                .withAction(TokenType.PUNCT, TokenAction.KEEP);
        return new TextClassifierOptions(preprocess, Sequence.defaults(), Embedding.defaults(), Network.lesson(),
                Training.defaults());
    }

    /**
     * What {@code nlpkit sentiment train} does without flags, the recipe that measured best in and out of domain
     * on Sentiment140 (examples README): {@link #defaults()} with the network's probability averaged evenly with a
     * TF-IDF logistic regression's ({@link Blend#tfidfLogistic(double)} 0.5) and the threshold chosen on the
     * validation texts ({@link Threshold#balanced()}). Two classes only, and {@code fit} needs validation texts;
     * {@code fit} refuses anything else before any work.
     *
     * @return the binary sentiment recipe
     */
    public static TextClassifierOptions sentiment() {
        return defaults().withBlend(Blend.tfidfLogistic(0.5)).withThreshold(Threshold.balanced());
    }

    /**
     * The course's model as it was taught: Embedding (Word2Vec, frozen) -> Dropout(0.5) -> LSTM(100, dropout 0.2,
     * recurrent dropout 0.2) -> Dense(sigmoid), on the course's preprocessing ({@link PreprocessOptions#lesson()}:
     * Treebank words, lower-case, NLTK stop words, Porter); sequences, Word2Vec and training as
     * {@link #defaults()}; no blend, the threshold 0.5.
     *
     * @return the course's recipe
     */
    public static TextClassifierOptions lesson() {
        TextClassifierOptions defaults = defaults();
        return defaults.withPreprocess(PreprocessOptions.lesson())
                .withEmbedding(new Embedding(defaults.embedding().source(), false));
    }

    /**
     * With other preprocessing.
     *
     * @param value how texts become tokens; saved with the model
     * @return a copy with {@code preprocess} replaced
     */
    public TextClassifierOptions withPreprocess(PreprocessOptions value) {
        return new TextClassifierOptions(value, sequence, embedding, network, training, blend, threshold);
    }

    /**
     * With other sequence options.
     *
     * @param value how tokens become padded id sequences
     * @return a copy with {@code sequence} replaced
     */
    public TextClassifierOptions withSequence(Sequence value) {
        return new TextClassifierOptions(preprocess, value, embedding, network, training, blend, threshold);
    }

    /**
     * With another embedding.
     *
     * @param value the embedding's source and whether it is fine-tuned
     * @return a copy with {@code embedding} replaced
     */
    public TextClassifierOptions withEmbedding(Embedding value) {
        return new TextClassifierOptions(preprocess, sequence, value, network, training, blend, threshold);
    }

    /**
     * With another network.
     *
     * @param value the recurrent network's shape
     * @return a copy with {@code network} replaced
     */
    public TextClassifierOptions withNetwork(Network value) {
        return new TextClassifierOptions(preprocess, sequence, embedding, value, training, blend, threshold);
    }

    /**
     * With other training options.
     *
     * @param value optimizer, batches, epochs, early stopping and seed
     * @return a copy with {@code training} replaced
     */
    public TextClassifierOptions withTraining(Training value) {
        return new TextClassifierOptions(preprocess, sequence, embedding, network, value, blend, threshold);
    }

    /**
     * With another blend.
     *
     * @param value none, or the TF-IDF logistic regression and its weight
     * @return a copy with {@code blend} replaced
     */
    public TextClassifierOptions withBlend(Blend value) {
        return new TextClassifierOptions(preprocess, sequence, embedding, network, training, value, threshold);
    }

    /**
     * With another decision threshold.
     *
     * @param value fixed, or chosen on the validation texts
     * @return a copy with {@code threshold} replaced
     */
    public TextClassifierOptions withThreshold(Threshold value) {
        return new TextClassifierOptions(preprocess, sequence, embedding, network, training, blend, value);
    }

    /**
     * Tokens to id sequences. The vocabulary holds {@code <pad>} = 0, {@code <unk>} = 1 (with
     * {@link UnknownTokens#MAP_TO_UNK}) and the words of the training texts seen at least {@code minCount}
     * times; the same vocabulary indexes the embedding matrix.
     *
     * @param maxLength  tokens kept per text, >= 1 (a longer text is cut, so a 1 MB text costs no more than this)
     * @param padding    where a shorter text's padding goes (the real length travels with the ids, so the
     *                   network skips padding either way)
     * @param truncation which end of a longer text is cut
     * @param numWords   keep only ids below this (Keras' {@code num_words}); 0 for no limit
     * @param unknown    unknown words to {@code <unk>} or dropped
     * @param minCount   fewest occurrences in the training texts for a word to get an id, >= 1
     */
    public record Sequence(int maxLength, Padding padding, Truncation truncation, int numWords, UnknownTokens unknown,
            int minCount) {

        /** Validates. */
        public Sequence {
            if (maxLength < 1) {
                throw new IllegalArgumentException("sequence maxLength must be >= 1, got " + maxLength);
            }
            if (numWords < 0) {
                throw new IllegalArgumentException("sequence numWords must be >= 0 (0 = no limit), got " + numWords);
            }
            if (minCount < 1) {
                throw new IllegalArgumentException("sequence minCount must be >= 1, got " + minCount);
            }
            Objects.requireNonNull(padding, "padding");
            Objects.requireNonNull(truncation, "truncation");
            Objects.requireNonNull(unknown, "unknown");
        }

        /**
         * 40 tokens, PRE padding and truncation, no word limit, unknown to {@code <unk>}, min count 2.
         *
         * @return the default sequence options
         */
        public static Sequence defaults() {
            return new Sequence(40, Padding.PRE, Truncation.PRE, 0, UnknownTokens.MAP_TO_UNK, 2);
        }

        /**
         * With another maximum length.
         *
         * @param value tokens kept per text, >= 1
         * @return a copy with {@code maxLength} replaced
         */
        public Sequence withMaxLength(int value) {
            return new Sequence(value, padding, truncation, numWords, unknown, minCount);
        }

        /**
         * With other padding.
         *
         * @param value where a shorter text's padding goes
         * @return a copy with {@code padding} replaced
         */
        public Sequence withPadding(Padding value) {
            return new Sequence(maxLength, value, truncation, numWords, unknown, minCount);
        }

        /**
         * With other truncation.
         *
         * @param value which end of a longer text is cut
         * @return a copy with {@code truncation} replaced
         */
        public Sequence withTruncation(Truncation value) {
            return new Sequence(maxLength, padding, value, numWords, unknown, minCount);
        }

        /**
         * With another word limit.
         *
         * @param value keep only ids below this; 0 for no limit
         * @return a copy with {@code numWords} replaced
         */
        public Sequence withNumWords(int value) {
            return new Sequence(maxLength, padding, truncation, value, unknown, minCount);
        }

        /**
         * With another unknown-word policy.
         *
         * @param value unknown words to {@code <unk>} or dropped
         * @return a copy with {@code unknown} replaced
         */
        public Sequence withUnknown(UnknownTokens value) {
            return new Sequence(maxLength, padding, truncation, numWords, value, minCount);
        }

        /**
         * With another minimum count.
         *
         * @param value fewest occurrences for a word to get an id, >= 1
         * @return a copy with {@code minCount} replaced
         */
        public Sequence withMinCount(int value) {
            return new Sequence(maxLength, padding, truncation, numWords, unknown, value);
        }
    }

    /**
     * The embedding layer: its source and whether training changes it.
     *
     * @param source   where the vectors come from
     * @param fineTune true: the vectors are trained with the network; false: frozen
     * @param learningRateFactor the fine-tuned embedding's learning rate as a multiple of the network's (1: the same)
     */
    public record Embedding(EmbeddingSource source, boolean fineTune, double learningRateFactor) {

        /** Validates. */
        public Embedding {
            Objects.requireNonNull(source, "source");
            if (!(learningRateFactor > 0) || Double.isInfinite(learningRateFactor)) {
                throw new IllegalArgumentException("embedding learningRateFactor must be finite and > 0, got "
                        + learningRateFactor);
            }
        }

        /**
         * At the network's learning rate (factor 1).
         *
         * @param source   where the vectors come from
         * @param fineTune true to train the vectors with the network, false to keep them frozen
         */
        public Embedding(EmbeddingSource source, boolean fineTune) {
            this(source, fineTune, 1.0);
        }

        /**
         * Word2Vec as {@link Word2VecSource#defaults()}, fine-tuned with the network at a tenth of its learning
         * rate: on Sentiment140 this beat the frozen vectors in and out of domain (issue 17, examples README), and
         * the slower rate lets the rest of the network adapt before the vectors drift (as Keras' trainable
         * {@code Embedding}, with a smaller step).
         *
         * @return the default embedding options
         */
        public static Embedding defaults() {
            return new Embedding(Word2VecSource.defaults(), true, 0.1);
        }

        /**
         * With another source.
         *
         * @param value where the vectors come from
         * @return a copy with {@code source} replaced
         */
        public Embedding withSource(EmbeddingSource value) {
            return new Embedding(value, fineTune, learningRateFactor);
        }

        /**
         * Trained with the network ({@code true}) or frozen.
         *
         * @param value true to train the vectors with the network, false to keep them frozen
         * @return a copy with {@code fineTune} replaced
         */
        public Embedding withFineTune(boolean value) {
            return new Embedding(source, value, learningRateFactor);
        }
    
        /**
         * With the fine-tuned embedding's learning rate as this multiple of the network's (e.g. 0.1: pretrained
         * vectors move slowly, so the rest of the network adapts to them before they drift). Used only with
         * {@code fineTune}.
         *
         * @param value the multiplier, finite and &gt; 0
         * @return a copy with {@code learningRateFactor} replaced
         */
        public Embedding withLearningRateFactor(double value) {
            return new Embedding(source, fineTune, value);
        }
    }

    /** Where the embedding vectors come from. */
    public sealed interface EmbeddingSource permits Word2VecSource, FastTextSource, PretrainedSource, RandomSource {
    }

    /**
     * Word2Vec trained on the tokens of the training texts, and of any extra unlabelled text passed to
     * {@code fit} ({@link EmbeddingText}); words without a vector, {@code <pad>} and {@code <unk>} get a zero row.
     *
     * @param options the Word2Vec options
     */
    public record Word2VecSource(Word2VecOptions options) implements EmbeddingSource {

        /** Validates. */
        public Word2VecSource {
            Objects.requireNonNull(options, "options");
        }

        /**
         * Skip-gram, 200 dimensions, window 5, min count 2, 10 passes, seed 42, the default thread count
         * ({@code -Dnlpkit.threads}, else one per processor, as {@code nlpkit sentiment train}; one thread makes
         * the vectors bit-reproducible).
         *
         * @return the default Word2Vec source
         */
        public static Word2VecSource defaults() {
            return new Word2VecSource(Word2VecOptions.defaults().withArchitecture(Architecture.SKIP_GRAM)
                    .withVectorSize(200).withWindow(5).withMinCount(2).withEpochs(10)
                    .withThreads(Threads.defaultCount()).withSeed(42));
        }
    }

    /**
     * fastText vectors (word vectors plus character n-grams) trained on the training texts' tokens (and any
     * {@link EmbeddingText}), as Word2Vec is:
     * every vocabulary word gets a vector, a word fastText kept too rarely to learn built from its n-grams.
     *
     * @param options fastText's settings
     * @param seed    the seed of its initialisation and workers
     */
    public record FastTextSource(FastTextOptions options, long seed) implements EmbeddingSource {

        /** Validates. */
        public FastTextSource {
            Objects.requireNonNull(options, "options");
        }

        /**
         * Skip-gram, 200 dimensions, window 5, min count 2, 10 epochs, n-grams of 3 to 6 characters in 2,000,000
         * buckets, all cores, seed 42: the Word2Vec defaults with fastText's n-grams.
         *
         * @return the default fastText source
         */
        public static FastTextSource defaults() {
            return new FastTextSource(FastTextOptions.defaults().withArchitecture(Architecture.SKIP_GRAM)
                    .withVectorSize(200).withWindow(5).withMinCount(2).withEpochs(10)
                    .withThreads(Threads.defaultCount()), 42);
        }
    }

    /**
     * Word vectors read from a file (word2vec text or binary, GloVe text); words without a vector get a zero row.
     *
     * @param file   the vectors
     * @param format the file's format
     */
    public record PretrainedSource(Path file, Word2VecFormat.Format format) implements EmbeddingSource {

        /** Validates. */
        public PretrainedSource {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * Random vectors, uniform in [-0.05, 0.05] from the training seed (Keras' default); usually fine-tuned.
     *
     * @param dimension the vector size, >= 1
     */
    public record RandomSource(int dimension) implements EmbeddingSource {

        /** Validates. */
        public RandomSource {
            if (dimension < 1) {
                throw new IllegalArgumentException("embedding dimension must be >= 1, got " + dimension);
            }
        }
    }

    /**
     * The network between the embedding and the output layer: recurrent (the course's), convolutional or a small
     * Transformer encoder. Each architecture reads the fields it needs and keeps (and saves) the others unused:
     * <ul>
     * <li>{@link Architecture#RECURRENT}: [Dropout(inputDropout)] -> {@code layers} x cell(units, dropout,
     *     recurrentDropout), each optionally bidirectional;</li>
     * <li>{@link Architecture#CNN}: [Dropout(inputDropout)] -> {@code layers} x Conv1D(filters, kernelSize, same
     *     padding, relu) -> GlobalMaxPooling1D -> [Dropout(dropout)];</li>
     * <li>{@link Architecture#TRANSFORMER}: [Dropout(inputDropout)] -> PositionEmbedding (learned, the sequence's
     *     {@code maxLength} positions) -> {@code layers} x TransformerEncoder(heads, feedForward, dropout; post-norm)
     *     -> AttentionPooling. The embedding width must be divisible by {@code heads}.</li>
     * </ul>
     * Then Dense(1, sigmoid) for two classes, Dense(classes, softmax) for more.
     *
     * @param architecture     recurrent, convolutional or Transformer
     * @param cell             LSTM, GRU or simple RNN (recurrent)
     * @param units            units per recurrent layer (per direction), >= 1 (recurrent)
     * @param layers           stacked recurrent layers, convolutions or encoder blocks, >= 1
     * @param bidirectional    each recurrent layer reads both directions, outputs concatenated (recurrent)
     * @param dropout          recurrent: dropout of each recurrent layer's inputs; CNN: after the pooling;
     *                         Transformer: inside each block; in [0, 1)
     * @param recurrentDropout dropout of each recurrent layer's recurrent state, in [0, 1) (recurrent)
     * @param inputDropout     a Dropout layer after the embedding, in [0, 1) (0: no such layer)
     * @param filters          filters of each convolution, >= 1 (CNN)
     * @param kernelSize       width of each convolution's window, >= 1 (CNN)
     * @param heads            attention heads of each encoder block, >= 1 (Transformer)
     * @param feedForward      hidden width of each block's position-wise feed-forward network, >= 1 (Transformer)
     * @param pooling          what a recurrent network passes to the output layer: its last state or the maximum over
     *                         time ({@link Pooling#LAST} for the other architectures)
     */
    public record Network(Architecture architecture, RecurrentOptions.Cell cell, int units, int layers,
            boolean bidirectional, double dropout, double recurrentDropout, double inputDropout, int filters,
            int kernelSize, int heads, int feedForward, Pooling pooling) {

        /** What a recurrent network passes to the output layer. */
        public enum Pooling {
            /** The last layer's final state (the course's network). */
            LAST,
            /** The element-wise maximum of the last layer's states over the real (unpadded) steps. */
            MAX
        }

        /** The kinds of network. */
        public enum Architecture {
            /** Stacked recurrent layers (LSTM, GRU or simple RNN), the course's. */
            RECURRENT,
            /** Convolutions over the word vectors with max pooling over time. */
            CNN,
            /** Position embedding and Transformer encoder blocks with attention pooling. */
            TRANSFORMER
        }

        /** The CNN and Transformer fields' defaults, also read for bundles saved before they existed. */
        static final int DEFAULT_FILTERS = 128;
        static final int DEFAULT_KERNEL_SIZE = 5;
        static final int DEFAULT_HEADS = 2;
        static final int DEFAULT_FEED_FORWARD = 128;

        /** Validates. */
        public Network {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(pooling, "pooling");
            if (pooling != Pooling.LAST && architecture != Architecture.RECURRENT) {
                throw new IllegalArgumentException("network pooling " + pooling + " is for recurrent networks; the "
                        + architecture + " network pools on its own");
            }
            if (units < 1 || layers < 1) {
                throw new IllegalArgumentException("network units and layers must be >= 1, got units=" + units
                        + ", layers=" + layers);
            }
            if (filters < 1 || kernelSize < 1 || heads < 1 || feedForward < 1) {
                throw new IllegalArgumentException("network filters, kernelSize, heads and feedForward must be >= 1, "
                        + "got filters=" + filters + ", kernelSize=" + kernelSize + ", heads=" + heads
                        + ", feedForward=" + feedForward);
            }
            requireRate("dropout", dropout);
            requireRate("recurrentDropout", recurrentDropout);
            requireRate("inputDropout", inputDropout);
        }

        /**
         * A recurrent network, the CNN and Transformer fields at their defaults.
         *
         * @param cell             LSTM, GRU or simple RNN
         * @param units            units per recurrent layer (per direction), >= 1
         * @param layers           stacked recurrent layers, >= 1
         * @param bidirectional    each recurrent layer reads both directions
         * @param dropout          dropout of each recurrent layer's inputs, in [0, 1)
         * @param recurrentDropout dropout of each recurrent layer's recurrent state, in [0, 1)
         * @param inputDropout     a Dropout layer after the embedding, in [0, 1) (0: no such layer)
         */
        public Network(RecurrentOptions.Cell cell, int units, int layers, boolean bidirectional, double dropout,
                double recurrentDropout, double inputDropout) {
            this(Architecture.RECURRENT, cell, units, layers, bidirectional, dropout, recurrentDropout, inputDropout,
                    DEFAULT_FILTERS, DEFAULT_KERNEL_SIZE, DEFAULT_HEADS, DEFAULT_FEED_FORWARD, Pooling.LAST);
        }

        private static void requireRate(String name, double rate) {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("network " + name + " must be in [0, 1), got " + rate);
            }
        }

        /**
         * The course's LSTM(100, dropout 0.2, recurrent dropout 0.2) after Dropout(0.5), one layer, one way.
         *
         * @return the course's network
         */
        public static Network lesson() {
            return new Network(RecurrentOptions.Cell.LSTM, 100, 1, false, 0.2, 0.2, 0.5);
        }

        /**
         * A convolutional network as Keras' IMDB CNN example builds it: Dropout(0.2) after the embedding, one
         * Conv1D of 128 filters of width 5 (same padding, relu), global max pooling, Dropout(0.2).
         *
         * @return the CNN recipe
         */
        public static Network cnn() {
            return new Network(Architecture.CNN, RecurrentOptions.Cell.LSTM, 100, 1, false, 0.2, 0.0, 0.2,
                    DEFAULT_FILTERS, DEFAULT_KERNEL_SIZE, DEFAULT_HEADS, DEFAULT_FEED_FORWARD, Pooling.LAST);
        }

        /**
         * A small Transformer that trains fast: learned positions, one post-norm encoder block of 2 heads with a
         * feed-forward width of 128 and dropout 0.1, attention pooling; no dropout after the embedding.
         *
         * @return the Transformer recipe
         */
        public static Network transformer() {
            return new Network(Architecture.TRANSFORMER, RecurrentOptions.Cell.LSTM, 100, 1, false, 0.1, 0.0, 0.0,
                    DEFAULT_FILTERS, DEFAULT_KERNEL_SIZE, DEFAULT_HEADS, DEFAULT_FEED_FORWARD, Pooling.LAST);
        }

        /**
         * With another architecture (the other fields kept).
         *
         * @param value recurrent, CNN or Transformer
         * @return a copy with {@code architecture} replaced
         */
        public Network withArchitecture(Architecture value) {
            return new Network(value, cell, units, layers, bidirectional, dropout, recurrentDropout, inputDropout,
                    filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With another cell.
         *
         * @param value LSTM, GRU or simple RNN
         * @return a copy with {@code cell} replaced
         */
        public Network withCell(RecurrentOptions.Cell value) {
            return new Network(architecture, value, units, layers, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With other units.
         *
         * @param value units per recurrent layer and direction, >= 1
         * @return a copy with {@code units} replaced
         */
        public Network withUnits(int value) {
            return new Network(architecture, cell, value, layers, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With other layers.
         *
         * @param value stacked recurrent layers, convolutions or encoder blocks, >= 1
         * @return a copy with {@code layers} replaced
         */
        public Network withLayers(int value) {
            return new Network(architecture, cell, units, value, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * Bidirectional or not.
         *
         * @param value true to read each text in both directions
         * @return a copy with {@code bidirectional} replaced
         */
        public Network withBidirectional(boolean value) {
            return new Network(architecture, cell, units, layers, value, dropout, recurrentDropout, inputDropout,
                    filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With other dropout rates (see the fields for what each means per architecture).
         *
         * @param dropout          recurrent inputs, after the CNN's pooling, or inside the encoder blocks, in [0, 1)
         * @param recurrentDropout dropout of each recurrent layer's recurrent state, in [0, 1)
         * @param inputDropout     dropout after the embedding, in [0, 1) (0: no Dropout layer)
         * @return a copy with the three rates replaced
         */
        public Network withDropouts(double dropout, double recurrentDropout, double inputDropout) {
            return new Network(architecture, cell, units, layers, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With other convolutions.
         *
         * @param filters    filters per convolution, >= 1
         * @param kernelSize window width, >= 1
         * @return a copy with {@code filters} and {@code kernelSize} replaced
         */
        public Network withConvolution(int filters, int kernelSize) {
            return new Network(architecture, cell, units, layers, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With other encoder blocks.
         *
         * @param heads       attention heads, >= 1, dividing the embedding width
         * @param feedForward feed-forward hidden width, >= 1
         * @return a copy with {@code heads} and {@code feedForward} replaced
         */
        public Network withEncoder(int heads, int feedForward) {
            return new Network(architecture, cell, units, layers, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, pooling);
        }

        /**
         * With another output of the recurrent layers: the last state, or max-pooling over time (the last layer
         * then returns its whole sequence, and GlobalMaxPooling1D takes the maximum over the real steps).
         *
         * @param value what the output layer reads
         * @return a copy with {@code pooling} replaced
         */
        public Network withPooling(Pooling value) {
            return new Network(architecture, cell, units, layers, bidirectional, dropout, recurrentDropout,
                    inputDropout, filters, kernelSize, heads, feedForward, value);
        }
    }

    /** The optimizers a classifier can train with. */
    public enum Optimizer {
        /**
         * Adam (Kingma and Ba), Keras' defaults apart from the learning rate. A fine-tuned embedding is updated
         * lazily (TensorFlow's LazyAdam, PyTorch's {@code SparseAdam}): each step updates only the rows of the tokens
         * in its batch, O(batch x length) instead of O(vocabulary) work. Touched rows get exactly dense Adam's
         * update when the other rows have no gradient history; a row absent from a batch keeps its weights and its
         * moments until its token appears again, where dense Adam would decay its moments and keep moving it.
         */
        ADAM,
        /** RMSprop. */
        RMSPROP,
        /** Plain stochastic gradient descent. */
        SGD
    }

    /**
     * The training run.
     *
     * @param optimizer    the optimizer
     * @param learningRate its learning rate, > 0
     * @param batchSize    texts per update, >= 1
     * @param epochs       most passes over the training texts, >= 1
     * @param patience     early stopping: epochs without a better validation loss before stopping (the best
     *                     epoch's weights are restored); 0: off. Needs validation texts.
     * @param seed         seed of the network's initialization, shuffling and dropout (and of random embeddings)
     * @param clipNorm     clip the gradients to this global L2 norm before each update, >= 0 (0: off)
     */
    public record Training(Optimizer optimizer, double learningRate, int batchSize, int epochs, int patience,
            long seed, double clipNorm) {

        /** Validates. */
        public Training {
            Objects.requireNonNull(optimizer, "optimizer");
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("training learningRate must be > 0, got " + learningRate);
            }
            if (batchSize < 1 || epochs < 1 || patience < 0) {
                throw new IllegalArgumentException("training needs batchSize >= 1, epochs >= 1, patience >= 0; got "
                        + "batchSize=" + batchSize + ", epochs=" + epochs + ", patience=" + patience);
            }
            if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
                throw new IllegalArgumentException("training clipNorm must be >= 0 (0: off), got " + clipNorm);
            }
        }

        /**
         * Without gradient clipping.
         *
         * @param optimizer the optimizer
         * @param learningRate its learning rate, > 0
         * @param batchSize texts per update, >= 1
         * @param epochs most passes over the training texts, >= 1
         * @param patience epochs without a better validation loss before stopping, >= 0 (0: no early stopping)
         * @param seed seed of initialization, shuffling and dropout
         */
        public Training(Optimizer optimizer, double learningRate, int batchSize, int epochs, int patience,
                long seed) {
            this(optimizer, learningRate, batchSize, epochs, patience, seed, 0);
        }

        /**
         * Adam 0.002, batches of 128, at most 10 epochs, patience 2, seed 42.
         *
         * @return the default training options
         */
        public static Training defaults() {
            return new Training(Optimizer.ADAM, 0.002, 128, 10, 2, 42);
        }

        /**
         * With another optimizer and learning rate.
         *
         * @param value the optimizer
         * @param rate its learning rate, > 0
         * @return a copy with {@code optimizer} and {@code learningRate} replaced
         */
        public Training withOptimizer(Optimizer value, double rate) {
            return new Training(value, rate, batchSize, epochs, patience, seed, clipNorm);
        }

        /**
         * With another batch size.
         *
         * @param value texts per update, >= 1
         * @return a copy with {@code batchSize} replaced
         */
        public Training withBatchSize(int value) {
            return new Training(optimizer, learningRate, value, epochs, patience, seed, clipNorm);
        }

        /**
         * With other epochs.
         *
         * @param value most passes over the training texts, >= 1
         * @return a copy with {@code epochs} replaced
         */
        public Training withEpochs(int value) {
            return new Training(optimizer, learningRate, batchSize, value, patience, seed, clipNorm);
        }

        /**
         * With another patience (0: no early stopping).
         *
         * @param value epochs without a better validation loss before stopping, >= 0
         * @return a copy with {@code patience} replaced
         */
        public Training withPatience(int value) {
            return new Training(optimizer, learningRate, batchSize, epochs, value, seed, clipNorm);
        }

        /**
         * With another seed.
         *
         * @param value seed of initialization, shuffling and dropout
         * @return a copy with {@code seed} replaced
         */
        public Training withSeed(long value) {
            return new Training(optimizer, learningRate, batchSize, epochs, patience, value, clipNorm);
        }

        /**
         * With another gradient clipping norm (0: off).
         *
         * @param value global L2 norm to clip the gradients to, >= 0
         * @return a copy with {@code clipNorm} replaced
         */
        public Training withClipNorm(double value) {
            return new Training(optimizer, learningRate, batchSize, epochs, patience, seed, value);
        }
    }
}
