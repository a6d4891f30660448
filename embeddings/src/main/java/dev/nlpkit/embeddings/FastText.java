package dev.nlpkit.embeddings;

import dev.nlpkit.core.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.nlpkit.core.Seeds;

/**
 * A trained FastText model (Bojanowski et al. 2017, "Enriching Word Vectors with Subword Information"; gensim's
 * {@code FastText}): a vocabulary with counts, the input matrix of {@code V} word rows followed by
 * {@code bucket} character n-gram rows (Facebook's layout), and the negative-sampling output matrix [V x d]; all
 * flat row-major {@code float[]}. Immutable. {@link #vectors()} gives the query view, which has a vector for
 * every word, in the vocabulary or not.
 *
 * <h2>Algorithm</h2>
 * A word w is represented by its own row and the rows of its character n-grams ({@link CharNgrams}: n-grams of
 * {@code <w>} of {@code minN..maxN} characters, FNV-1a-hashed into {@code bucket} rows). Training is Word2Vec's
 * negative sampling (subsampling, reduced windows, linear learning-rate decay, unigram^0.75 negatives) where a
 * word's input vector is the mean of those rows: skip-gram predicts each context word from the centre word's
 * mean; CBOW predicts the centre word from the mean (or sum) of all rows of all context words. Every input row
 * involved receives the hidden-layer gradient ({@link FastTextStep}), as fastText and gensim do. Rows start
 * uniform in {@code [-1/d, 1/d)} (gensim, fastText), the output matrix at zero.
 *
 * <h2>Determinism</h2>
 * With {@code threads = 1} training is bit-reproducible for a seed (and kernel); with several threads the
 * lock-free updates interleave differently on every run.
 */
public final class FastText {

    private final TrainingVocabulary vocabulary;
    private final FastTextOptions options;
    private final float[] input;
    private final float[] output;
    private final int[] subwordOffsets;
    private final int[] subwordRows;
    private final TrainingSummary lastTraining;

    FastText(TrainingVocabulary vocabulary, FastTextOptions options, float[] input, float[] output,
            SubwordTable subwords, TrainingSummary lastTraining) {
        this.vocabulary = vocabulary;
        this.options = options;
        this.input = input;
        this.output = output;
        this.subwordOffsets = subwords.offsets();
        this.subwordRows = subwords.rows();
        this.lastTraining = lastTraining;
    }

    /** For each word i: its input rows {@code rows[offsets[i] .. offsets[i+1])}, its own row first. */
    record SubwordTable(int[] offsets, int[] rows) {

        /**
         * @param noNgramsForEos give {@code </s>} no n-grams (Facebook's dictionary; gensim computes them)
         */
        static SubwordTable of(TrainingVocabulary vocabulary, FastTextOptions o, boolean noNgramsForEos) {
            int v = vocabulary.size();
            int[] offsets = new int[v + 1];
            int[][] perWord = new int[v][];
            long total = 0;
            for (int i = 0; i < v; i++) {
                String word = vocabulary.word(i);
                perWord[i] = noNgramsForEos && word.equals("</s>") ? new int[0]
                        : CharNgrams.buckets(word, o.minN(), o.maxN(), o.ngramRows());
                total += 1 + perWord[i].length;
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("too many character n-grams in the vocabulary (" + total
                            + "+); lower maxN or raise minCount");
                }
                offsets[i + 1] = (int) total;
            }
            int[] rows = new int[(int) total];
            for (int i = 0; i < v; i++) {
                rows[offsets[i]] = i;
                for (int k = 0; k < perWord[i].length; k++) {
                    rows[offsets[i] + 1 + k] = v + perWord[i][k];
                }
            }
            return new SubwordTable(offsets, rows);
        }
    }

    /**
     * Builds the vocabulary of {@code corpus} (as Word2Vec: minCount, maxFinalVocab) and trains on it.
     *
     * @param corpus the training sentences, read once per pass and once to count
     * @param options the training options
     * @param seed the seed of the initialisation and of every worker's generator
     * @param listeners receive progress (none for silence)
     * @return the trained model
     * @throws IllegalArgumentException when the matrices would not fit a Java array, the corpus is empty or no
     *                                  word reaches minCount (checked before training starts)
     */
    @SafeVarargs
    public static FastText fit(Corpus corpus, FastTextOptions options, long seed,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(options, "options");
        Kernel.select(options.kernel()); // fail fast on an unavailable kernel
        long cellsBound = (long) options.ngramRows() * options.vectorSize();
        if (cellsBound > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bucket " + options.bucket() + " x vectorSize "
                    + options.vectorSize() + " = " + cellsBound + " exceeds the largest Java array; lower bucket");
        }
        TrainingVocabulary vocabulary = TrainingVocabularyBuilder.build(corpus, options.vocabularyOptions());
        int v = vocabulary.size();
        int d = options.vectorSize();
        long cells = ((long) v + options.ngramRows()) * d;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("(vocabulary " + v + " + bucket " + options.ngramRows()
                    + ") x vectorSize " + d + " = " + cells + " exceeds the largest Java array; lower bucket or "
                    + "raise minCount");
        }
        SubwordTable subwords = SubwordTable.of(vocabulary, options, false);
        float[] input = new float[(int) cells];
        long random = mixSeed(seed, 0);
        for (int i = 0; i < input.length; i++) {
            random = random * 25214903917L + 11;
            input[i] = (((random >>> 16) & 0xFFFFFF) / (float) (1 << 24) * 2f - 1f) / d;
        }
        float[] output = new float[v * d];
        FastTextTrainer trainer = new FastTextTrainer(vocabulary, options, seed, input, output, subwords.offsets(),
                subwords.rows());
        TrainingSummary summary = trainer.train(corpus, vocabulary.corpusWords(), List.of(listeners));
        return new FastText(vocabulary, options, input, output, subwords, summary);
    }

    /**
     * Trains on a re-iterable sentence corpus (see {@link Corpus#of}).
     *
     * @param sentences the sentences, each a list of tokens; iterated once per pass
     * @param options the training options
     * @param seed the seed of the initialisation and of every worker's generator
     * @param listeners receive progress (none for silence)
     * @return the trained model
     */
    @SafeVarargs
    public static FastText fit(Iterable<? extends List<String>> sentences, FastTextOptions options, long seed,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        return fit(Corpus.of(sentences), options, seed, listeners);
    }

    /**
     * Trains on a one-sentence-per-line UTF-8 file, plain or {@code .gz} (see {@link Corpus#lines}).
     *
     * @param lineFile the text file, one sentence per line
     * @param options the training options
     * @param seed the seed of the initialisation and of every worker's generator
     * @param listeners receive progress (none for silence)
     * @return the trained model
     */
    @SafeVarargs
    public static FastText fit(Path lineFile, FastTextOptions options, long seed,
            TrainingListener<TrainingProgress, TrainingProgress>... listeners) {
        return fit(Corpus.lines(lineFile), options, seed, listeners);
    }

    /**
     * The immutable, thread-safe query view.
     *
     * @return the vectors, built once
     */
    public FastTextVectors vectors() {
        int v = vocabulary.size();
        int d = options.vectorSize();
        float[] composed = new float[v * d];
        for (int i = 0; i < v; i++) {
            // gensim's adjust_vectors: the word row, plus each n-gram row in order, divided by their number.
            int from = subwordOffsets[i];
            int to = subwordOffsets[i + 1];
            int o = i * d;
            for (int r = from; r < to; r++) {
                int row = subwordRows[r] * d;
                for (int j = 0; j < d; j++) {
                    composed[o + j] += input[row + j];
                }
            }
            float count = to - from;
            for (int j = 0; j < d; j++) {
                composed[o + j] /= count;
            }
        }
        // The n-gram rows are shared, not copied (at gensim's default bucket they take 800 MB): neither this
        // model nor the view ever writes them after training.
        return new FastTextVectors(vocabulary.wordArray().clone(), composed, input, v * d, d, options.minN(),
                options.maxN(), options.ngramRows());
    }

    /**
     * The vocabulary the model was trained on, most frequent word first.
     *
     * @return the vocabulary
     */
    public TrainingVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The options the model was trained with.
     *
     * @return the options
     */
    public FastTextOptions options() {
        return options;
    }

    /**
     * Statistics of the training call that made this model; null for a loaded model.
     *
     * @return the summary, or null
     */
    public TrainingSummary lastTraining() {
        return lastTraining;
    }

    /**
     * Saves the model in nlpkit's FastText format ({@link FastTextModelFormat}), atomically.
     *
     * @param file the model file; an existing file is replaced only once the new one is complete
     * @throws IOException when the folder is missing or not writable
     */
    public void save(Path file) throws IOException {
        FastTextModelFormat.write(this, file);
    }

    /**
     * Writes the model in nlpkit's FastText format to {@code out} (not closed).
     *
     * @param out the stream to write to; not closed
     * @throws IOException when writing fails
     */
    public void write(OutputStream out) throws IOException {
        FastTextModelFormat.write(this, out);
    }

    /**
     * Loads a model written by {@link #save}.
     *
     * @param file a file written by {@link #save}
     * @return the model
     * @throws IOException when the file cannot be read, or a format error naming it
     */
    public static FastText load(Path file) throws IOException {
        return FastTextModelFormat.read(file);
    }

    /**
     * Reads a model written by {@link #write} from {@code in} (not closed).
     *
     * @param in the model's bytes
     * @return the model
     * @throws IOException when reading fails, or a format error
     */
    public static FastText read(InputStream in) throws IOException {
        return FastTextModelFormat.read(in, Path.of("stream"));
    }

    /**
     * Reads Facebook fastText's binary {@code .bin} model (also written by gensim's save_facebook_model).
     *
     * @param file the {@code .bin} file
     * @return the model, with its vocabulary, word and n-gram vectors
     * @throws IOException when the file cannot be read, or a format error naming it
     */
    public static FastText loadFacebookModel(Path file) throws IOException {
        return FacebookFastTextFormat.read(file);
    }

    float[] input() {
        return input;
    }

    float[] output() {
        return output;
    }

    SubwordTable subwords() {
        return new SubwordTable(subwordOffsets, subwordRows);
    }

    /** The generator state of {@code stream} (0 for initialisation, worker id + 1 for training). */
    static long mixSeed(long seed, long stream) {
        return Seeds.derive(seed, stream);
    }

    @Override
    public String toString() {
        return "FastText[" + options.architecture() + ", " + vocabulary.size() + " words + " + options.ngramRows()
                + " n-gram buckets x " + options.vectorSize() + ", n-grams " + options.minN() + ".." + options.maxN()
                + "]";
    }
}
