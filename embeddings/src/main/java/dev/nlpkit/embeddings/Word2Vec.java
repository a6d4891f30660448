package dev.nlpkit.embeddings;

import dev.nlpkit.core.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.nlpkit.core.Seeds;
import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * A trained Word2Vec model (gensim's {@code Word2Vec}): vocabulary with counts, input vectors {@code syn0}
 * [V x d], output weights {@code syn1} [(V-1) x d] (hierarchical softmax) and/or {@code syn1neg} [V x d]
 * (negative sampling), all flat row-major {@code float[]}. Immutable: {@link #continueTraining} returns a
 * new model. {@link #vectors()} gives the query view (gensim's {@code KeyedVectors}).
 *
 * <h2>Algorithm (word2vec.c)</h2>
 * For each sentence, each in-vocabulary word w of corpus count c is kept with probability
 * {@code min(1, (sqrt(c/(t N)) + 1) t N / c)} (subsampling, before windows are formed). For each centre word
 * a window b is drawn uniformly from 1..window ({@code shrinkWindows}). Skip-gram: each context word's input
 * vector v predicts the centre word; CBOW: h = mean (or sum) of the context vectors predicts it. With
 * negative sampling the loss per prediction is {@code -log s(h.u_w) - sum_k log s(-h.u_k)}, k = 1..negative
 * drawn from the unigram distribution raised to {@code nsExponent} (a precomputed table); with hierarchical
 * softmax it is {@code -sum_j log s((1-2 code_j) h.u_node_j)} over the Huffman path. Gradients use a
 * 1000-entry sigmoid table on (-6, 6); outside, updates saturate as in word2vec.c. The learning rate falls
 * linearly from {@code alpha} to {@code minAlpha} over all words of all epochs (updated every 10,000 words).
 * Input vectors start uniform in {@code [-0.5/d, 0.5/d)} from the seed; output weights start at zero.
 * This is {@link Algorithm#HOGWILD}, step for step. {@link Algorithm#HOGBATCH} trains the same loss in minibatches
 * that share their negatives (see {@link Algorithm} and {@code HogBatchTrainer}); the default,
 * {@link Algorithm#AUTO}, trains HOGBATCH for negative sampling and HOGWILD with hierarchical softmax.
 *
 * <h2>Determinism</h2>
 * With {@code threads = 1} training is bit-reproducible for a seed (and kernel), with either algorithm. With
 * several threads the lock-free updates interleave differently on every run: results are statistically
 * equivalent, not equal.
 */
public final class Word2Vec {

    private final TrainingVocabulary vocabulary;
    private final Word2VecOptions options;
    private final float[] syn0;
    private final float[] syn1;
    private final float[] syn1neg;
    private final int epochsTrained;
    private final TrainingSummary lastTraining;
    /** The query view, built on first use from syn0 (never changed after construction) and the vocabulary's index. */
    private volatile WordVectors vectors;

    Word2Vec(TrainingVocabulary vocabulary, Word2VecOptions options, float[] syn0, float[] syn1, float[] syn1neg,
            int epochsTrained, TrainingSummary lastTraining) {
        this.vocabulary = vocabulary;
        this.options = options;
        this.syn0 = syn0;
        this.syn1 = syn1;
        this.syn1neg = syn1neg;
        this.epochsTrained = epochsTrained;
        this.lastTraining = lastTraining;
    }

    /**
     * Builds the vocabulary of {@code corpus} and trains on it.
     *
     * @param corpus    the training corpus, read once for the vocabulary and once per epoch
     * @param options   the training options (seed, threads, sizes)
     * @param listeners receive progress events (per epoch and job); none is fine
     * @return the trained model
     */
    @SafeVarargs
    public static Word2Vec fit(Corpus corpus, Word2VecOptions options,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(options, "options");
        Kernel.select(options.kernel()); // fail fast on an unavailable kernel
        TrainingVocabulary vocabulary = TrainingVocabularyBuilder.build(corpus, options);
        return fit(corpus, vocabulary, options, listeners);
    }

    /**
     * Trains on a re-iterable sentence corpus (see {@link Corpus#of}).
     *
     * @param sentences tokenised sentences, iterated once per pass
     * @param options   the training options (seed, threads, sizes)
     * @param listeners receive progress events (per epoch and job); none is fine
     * @return the trained model
     */
    @SafeVarargs
    public static Word2Vec fit(Iterable<? extends List<String>> sentences, Word2VecOptions options,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        return fit(Corpus.of(sentences), options, listeners);
    }

    /**
     * Trains on a one-sentence-per-line UTF-8 file, plain or {@code .gz} (see {@link Corpus#lines}).
     *
     * @param lineFile  one sentence per line, tokens separated by white space
     * @param options   the training options (seed, threads, sizes)
     * @param listeners receive progress events (per epoch and job); none is fine
     * @return the trained model
     */
    @SafeVarargs
    public static Word2Vec fit(Path lineFile, Word2VecOptions options,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        return fit(Corpus.lines(lineFile), options, listeners);
    }

    /**
     * Builds only the vocabulary (gensim's {@code build_vocab}), e.g. to time training apart.
     *
     * @param corpus  the training corpus
     * @param options its minCount and maxFinalVocab apply
     * @return the vocabulary, most frequent word first
     */
    public static TrainingVocabulary buildVocabulary(Corpus corpus, Word2VecOptions options) {
        return TrainingVocabularyBuilder.build(corpus, options);
    }

    /**
     * Trains with a vocabulary built beforehand by {@link #buildVocabulary} on the same corpus.
     *
     * @param corpus     the corpus the vocabulary was built on
     * @param vocabulary from {@link #buildVocabulary}
     * @param options    the training options (seed, threads, sizes)
     * @param listeners receive progress events (per epoch and job); none is fine
     * @return the trained model
     */
    @SafeVarargs
    public static Word2Vec fit(Corpus corpus, TrainingVocabulary vocabulary, Word2VecOptions options,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        int v = vocabulary.size();
        int d = options.vectorSize();
        long cells = (long) v * d;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("vocabulary size " + v + " x vectorSize " + d + " = " + cells
                    + " exceeds the largest Java array; raise minCount or set maxFinalVocab");
        }
        float[] syn0 = new float[(int) cells];
        long random = mixSeed(options.seed(), 0);
        for (int i = 0; i < syn0.length; i++) {
            random = random * 25214903917L + 11;
            syn0[i] = (((random & 0xFFFF) / 65536f) - 0.5f) / d;
        }
        float[] syn1 = options.hierarchicalSoftmax() ? new float[(int) cells] : null;
        float[] syn1neg = options.negative() > 0 ? new float[(int) cells] : null;
        Trainer trainer = new Trainer(vocabulary, options, syn0, syn1, syn1neg);
        TrainingSummary summary = trainer.train(corpus, vocabulary.corpusWords(), options.epochs(),
                List.of(listeners));
        return new Word2Vec(vocabulary, options, syn0, syn1, syn1neg, options.epochs(), summary);
    }

    /**
     * Trains {@code epochs} more epochs on {@code corpus} with the existing vocabulary (new words are
     * ignored), the learning rate again decaying from alpha to minAlpha (as gensim's {@code train}). Returns a
     * new model; this one is unchanged.
     *
     * @param corpus    the corpus to train on
     * @param epochs    the number of further epochs (at least 1)
     * @param listeners receive progress events (per epoch and job); none is fine
     * @return the further trained model
     */
    @SafeVarargs
    public final Word2Vec continueTraining(Corpus corpus, int epochs,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        long[] tokens = {0};
        CorpusItems.read(corpus, item -> {
            tokens[0] += item instanceof String line ? CorpusItems.tokenize(line, (l, s, e) -> { })
                    : ((List<?>) item).size();
            return true;
        });
        if (tokens[0] == 0) {
            throw new IllegalArgumentException("the corpus is empty: no tokens to continue training on");
        }
        float[] in = syn0.clone();
        float[] out1 = syn1 == null ? null : syn1.clone();
        float[] outNeg = syn1neg == null ? null : syn1neg.clone();
        Word2VecOptions o = options.withEpochs(epochs);
        Trainer trainer = new Trainer(vocabulary, o, in, out1, outNeg);
        TrainingSummary summary = trainer.train(corpus, tokens[0], epochs, List.of(listeners));
        return new Word2Vec(vocabulary, options, in, out1, outNeg, epochsTrained + epochs, summary);
    }

    /**
     * A copy of this model with other worker count / seed / kernel for further training.
     *
     * @param newOptions options with the same vectorSize, hierarchicalSoftmax and negative on/off
     * @return a model sharing these weights, trained further with {@code newOptions}
     */
    public Word2Vec withTrainingOptions(Word2VecOptions newOptions) {
        if (newOptions.vectorSize() != options.vectorSize()
                || newOptions.hierarchicalSoftmax() != options.hierarchicalSoftmax()
                || (newOptions.negative() > 0) != (options.negative() > 0)) {
            throw new IllegalArgumentException("vectorSize, hierarchicalSoftmax and negative on/off are fixed by "
                    + "the trained weights (" + options.vectorSize() + ", " + options.hierarchicalSoftmax() + ", "
                    + options.negative() + ")");
        }
        return new Word2Vec(vocabulary, newOptions, syn0, syn1, syn1neg, epochsTrained, lastTraining);
    }

    /**
     * The immutable, thread-safe query view of the input vectors (a copy of them, so it stays valid whatever
     * happens to this model). Built once, on the first call, and cached; it looks words up in the vocabulary's
     * index (one word index per model).
     *
     * @return the query view (the same instance on every call)
     */
    public WordVectors vectors() {
        WordVectors view = vectors;
        if (view == null) {
            synchronized (this) {
                view = vectors;
                if (view == null) {
                    view = WordVectors.of(vocabulary.wordArray(), syn0, options.vectorSize(), vocabulary.wordIndex());
                    vectors = view;
                }
            }
        }
        return view;
    }

    /**
     * The training vocabulary.
     *
     * @return the vocabulary, most frequent word first
     */
    public TrainingVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The options this model was (last) trained with.
     *
     * @return the options of the last training
     */
    public Word2VecOptions options() {
        return options;
    }

    /**
     * Epochs trained in total, continued training included.
     *
     * @return the number of epochs
     */
    public int epochsTrained() {
        return epochsTrained;
    }

    /**
     * Statistics of the last training call.
     *
     * @return seconds, words, losses and the kernel used
     */
    public TrainingSummary lastTraining() {
        return lastTraining;
    }

    /**
     * Saves the full model for continued training (see {@link Word2VecModelFormat}); atomic.
     *
     * @param file the target; replaced atomically
     * @throws IOException when it cannot be written (an existing file is kept)
     */
    public void save(Path file) throws IOException {
        Word2VecModelFormat.write(this, file);
    }

    /**
     * Loads a model written by {@link #save}.
     *
     * @param file a file written by {@link #save}
     * @return the model, ready for queries or continued training
     * @throws IOException when it cannot be read or is not a valid model file (the message says why)
     */
    public static Word2Vec load(Path file) throws IOException {
        return Word2VecModelFormat.read(file);
    }

    float[] syn0() {
        return syn0;
    }

    float[] syn1() {
        return syn1;
    }

    float[] syn1neg() {
        return syn1neg;
    }

    /**
     * Estimated heap needed to train a vocabulary of {@code vocabularySize} words with {@code options}
     * (gensim's {@code estimate_memory}); word strings are counted at 48 bytes + 2 per char of an assumed
     * average length of 8.
     *
     * @param vocabularySize the number of vocabulary words
     * @param options        the training options (vector size, output layers)
     * @return the estimate, per part
     */
    public static MemoryEstimate estimateMemory(int vocabularySize, Word2VecOptions options) {
        if (vocabularySize < 0) {
            throw new IllegalArgumentException("vocabularySize must be >= 0, got " + vocabularySize);
        }
        long v = vocabularySize;
        long d = options.vectorSize();
        long matrix = v * d * 4;
        long vocab = v * (48 + 16 + 8) + 2 * v * 12;
        if (options.hierarchicalSoftmax()) {
            vocab += v * (long) Math.ceil(Math.log(Math.max(2, v)) / Math.log(2)) * 5 + 4 * v;
        }
        long outputs = (options.hierarchicalSoftmax() ? matrix : 0) + (options.negative() > 0 ? matrix : 0);
        long tables = 4 * v + (options.negative() > 0 ? 8 * v : 0);
        long workers = (long) options.threads() * (4L * options.batchWords() + 8 * d + 2 * 8L * options.batchWords());
        return new MemoryEstimate(vocab, matrix, outputs, tables, workers);
    }

    /** The generator state of {@code stream} (0 for initialisation, worker id + 1 for training): {@link Seeds}. */
    static long mixSeed(long seed, long stream) {
        return Seeds.derive(seed, stream);
    }

    @Override
    public String toString() {
        return "Word2Vec[" + options.architecture() + ", " + vocabulary.size() + " words x " + options.vectorSize()
                + ", epochs trained " + epochsTrained + "]";
    }
}
