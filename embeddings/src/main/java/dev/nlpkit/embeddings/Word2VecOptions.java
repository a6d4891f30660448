package dev.nlpkit.embeddings;

/**
 * Word2Vec training options, with gensim 4's parameter names (camel-cased) and defaults.
 *
 * <table>
 * <caption>Options and their gensim counterparts</caption>
 * <tr><th>option</th><th>gensim</th><th>default</th></tr>
 * <tr><td>architecture</td><td>sg</td><td>CBOW</td></tr>
 * <tr><td>vectorSize</td><td>vector_size</td><td>100</td></tr>
 * <tr><td>window</td><td>window</td><td>5</td></tr>
 * <tr><td>minCount</td><td>min_count</td><td>5</td></tr>
 * <tr><td>maxVocabSize</td><td>max_vocab_size</td><td>0 = no limit (gensim: None)</td></tr>
 * <tr><td>maxFinalVocab</td><td>max_final_vocab</td><td>0 = no limit (gensim: None)</td></tr>
 * <tr><td>sample</td><td>sample</td><td>1e-3 (0 = no subsampling)</td></tr>
 * <tr><td>negative</td><td>negative</td><td>5 (0 = no negative sampling)</td></tr>
 * <tr><td>hierarchicalSoftmax</td><td>hs</td><td>false</td></tr>
 * <tr><td>nsExponent</td><td>ns_exponent</td><td>0.75</td></tr>
 * <tr><td>alpha, minAlpha</td><td>alpha, min_alpha</td><td>0.025, 1e-4</td></tr>
 * <tr><td>cbowInput</td><td>cbow_mean</td><td>MEAN</td></tr>
 * <tr><td>epochs</td><td>epochs</td><td>5</td></tr>
 * <tr><td>threads</td><td>workers</td><td>3</td></tr>
 * <tr><td>seed</td><td>seed</td><td>1</td></tr>
 * <tr><td>shrinkWindows</td><td>shrink_windows</td><td>true</td></tr>
 * <tr><td>computeLoss</td><td>compute_loss</td><td>false</td></tr>
 * <tr><td>batchWords</td><td>batch_words</td><td>10000</td></tr>
 * <tr><td>kernel</td><td>-</td><td>AUTO</td></tr>
 * <tr><td>algorithm</td><td>-</td><td>AUTO: HOGBATCH for negative sampling, HOGWILD (word2vec.c's and gensim's)
 * with hierarchical softmax</td></tr>
 * <tr><td>batchTargets</td><td>-</td><td>0 = automatic (HOGBATCH only)</td></tr>
 * <tr><td>batchNegatives</td><td>-</td><td>0 = {@code negative} (HOGBATCH only)</td></tr>
 * <tr><td>batchPrivateWords</td><td>-</td><td>-1 = automatic: {@value #CBOW_BATCH_PRIVATE_WORDS} for CBOW HOGBATCH
 * with &ge; 2 threads, else 0 (none)</td></tr>
 * </table>
 *
 * <p>The learning rate decays linearly from {@code alpha} to {@code minAlpha} over all words of all epochs.
 * {@code maxVocabSize} bounds the vocabulary while counting (word2vec.c's ReduceVocab: when exceeded, words
 * with count &le; r are dropped, r = 1, 2, ...); {@code maxFinalVocab} raises the effective minimum count so
 * that at most that many words are kept (as gensim).
 *
 * @param architecture  CBOW or skip-gram
 * @param vectorSize    dimension d of the word vectors, &ge; 1
 * @param window        maximum distance between the centre word and a context word, &ge; 1
 * @param minCount      words with a lower total count are ignored, &ge; 1
 * @param maxVocabSize  bound on the vocabulary while counting, 0 = none
 * @param maxFinalVocab bound on the final vocabulary, 0 = none
 * @param sample        subsampling threshold t: a word of frequency f is kept with probability
 *                      {@code (sqrt(f/t) + 1) * t/f} (word2vec.c), 0 = off
 * @param negative      number of negative samples per positive one, 0 = off
 * @param hierarchicalSoftmax use the Huffman-tree hierarchical softmax output layer
 * @param nsExponent    exponent of the unigram counts in the negative-sampling distribution
 * @param alpha         initial learning rate
 * @param minAlpha      final learning rate
 * @param cbowInput     mean or sum of the CBOW context vectors
 * @param epochs        passes over the corpus, &ge; 1
 * @param threads       training threads (gensim's {@code workers}), &ge; 1 (updates are lock-free, "hogwild")
 * @param seed          seed of the weight initialisation and of each worker's random generator
 * @param shrinkWindows draw the effective window uniformly from 1..window for each centre word
 * @param computeLoss   accumulate the training loss (reported through {@link dev.nlpkit.core.TrainingListener})
 * @param batchWords    target number of words in a job handed to a worker; with CBOW HOGBATCH also the words a
 *                      worker buffers and cuts into lanes
 * @param kernel        implementation of the vector arithmetic
 * @param algorithm     {@link Algorithm#AUTO} (see {@link #effectiveAlgorithm()}), {@link Algorithm#HOGWILD}
 *                      (word2vec.c) or {@link Algorithm#HOGBATCH} (minibatched with shared negatives, negative
 *                      sampling only)
 * @param batchTargets  HOGBATCH: centre words per batch (skip-gram: consecutive ones of a sentence; CBOW: one per
 *                      lane of {@code batchWords} buffered words), &ge; 0; 0 = automatic ({@link #effectiveBatchTargets()});
 *                      ignored by HOGWILD
 * @param batchNegatives HOGBATCH: negatives drawn once per batch and shared by all its predictions, &ge; 0;
 *                      0 = {@code negative}; ignored by HOGWILD
 * @param batchPrivateWords CBOW HOGBATCH with &ge; 2 threads: the number of most frequent words whose input and
 *                      output rows each thread trains in its own copies, merged into the shared rows after every
 *                      buffer of {@code batchWords} words; &ge; -1; -1 = automatic
 *                      ({@link #effectiveBatchPrivateWords()}), 0 = none (every row shared, hogwild); capped at the
 *                      vocabulary size; ignored by HOGWILD, by skip-gram and with one thread (see
 *                      {@link #effectiveBatchPrivateWords()})
 */
public record Word2VecOptions(
        Architecture architecture,
        int vectorSize,
        int window,
        int minCount,
        int maxVocabSize,
        int maxFinalVocab,
        double sample,
        int negative,
        boolean hierarchicalSoftmax,
        double nsExponent,
        double alpha,
        double minAlpha,
        CbowInput cbowInput,
        int epochs,
        int threads,
        long seed,
        boolean shrinkWindows,
        boolean computeLoss,
        int batchWords,
        VectorKernel kernel,
        Algorithm algorithm,
        int batchTargets,
        int batchNegatives,
        int batchPrivateWords) {

    /** Validates every option; the message names the option and the value found. */
    public Word2VecOptions {
        require(architecture != null, "architecture must not be null");
        require(cbowInput != null, "cbowInput must not be null");
        require(kernel != null, "kernel must not be null");
        require(vectorSize >= 1, "vectorSize must be >= 1, got " + vectorSize);
        require(window >= 1, "window must be >= 1, got " + window);
        require(minCount >= 1, "minCount must be >= 1, got " + minCount);
        require(maxVocabSize >= 0, "maxVocabSize must be >= 0 (0 = no limit), got " + maxVocabSize);
        require(maxFinalVocab >= 0, "maxFinalVocab must be >= 0 (0 = no limit), got " + maxFinalVocab);
        require(sample >= 0 && Double.isFinite(sample), "sample must be a finite value >= 0, got " + sample);
        require(negative >= 0, "negative must be >= 0 (0 = off), got " + negative);
        require(negative > 0 || hierarchicalSoftmax,
                "negative is 0 and hierarchicalSoftmax is off: no output layer would be trained; "
                        + "set negative > 0 or hierarchicalSoftmax = true");
        require(Double.isFinite(nsExponent), "nsExponent must be finite, got " + nsExponent);
        require(alpha > 0 && Double.isFinite(alpha), "alpha must be > 0, got " + alpha);
        require(minAlpha >= 0 && minAlpha <= alpha, "minAlpha must be in [0, alpha=" + alpha + "], got " + minAlpha);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(threads >= 1, "threads must be >= 1, got " + threads);
        require(batchWords >= 1, "batchWords must be >= 1, got " + batchWords);
        require(algorithm != null, "algorithm must not be null");
        require(batchTargets >= 0, "batchTargets must be >= 0 (0 = automatic), got " + batchTargets);
        require(batchNegatives >= 0, "batchNegatives must be >= 0 (0 = negative), got " + batchNegatives);
        require(batchPrivateWords >= AUTOMATIC_BATCH_PRIVATE_WORDS,
                "batchPrivateWords must be >= -1 (-1 = automatic, 0 = none, n = the n most frequent words), got "
                        + batchPrivateWords);
        require(algorithm != Algorithm.HOGBATCH || !hierarchicalSoftmax,
                "algorithm HOGBATCH trains negative sampling only; hierarchicalSoftmax = true needs algorithm "
                        + "HOGWILD (word2vec.c's)");
        require(algorithm != Algorithm.HOGBATCH || negative > 0,
                "algorithm HOGBATCH trains negative sampling only: set negative > 0");
    }

    /** Automatic {@link #batchTargets} of skip-gram. */
    public static final int SKIP_GRAM_BATCH_TARGETS = 1;
    /** Automatic {@link #batchTargets} of CBOW. */
    public static final int CBOW_BATCH_TARGETS = 8;
    /** {@link #batchPrivateWords} value asking for the automatic choice ({@link #effectiveBatchPrivateWords()}). */
    public static final int AUTOMATIC_BATCH_PRIVATE_WORDS = -1;
    /**
     * Automatic {@link #batchPrivateWords} of CBOW HOGBATCH with two or more threads. The 512 most frequent words
     * are 58% of the context and centre positions of the bench corpus after subsampling, and their rows in both
     * matrices (2 x 512 x 400 bytes at d = 100) fit in a core's L2 cache beside the rest of the work; shared, every
     * write to such a row by one core makes the other core's next access to it a cross-core transfer (CBOW writes a
     * context row per context word, about six per centre word). Measured in {@code embeddings/README.md}: median
     * 8.7 s of 2-worker training on the bench against 12.0 s with every row shared (3.0-3.2x gensim), at about one
     * analogy point less.
     */
    public static final int CBOW_BATCH_PRIVATE_WORDS = 512;

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Word2VecOptions: " + message);
        }
    }

    /**
     * gensim 4's defaults (3 threads, seed 1).
     *
     * @return the default options
     */
    public static Word2VecOptions defaults() {
        return new Word2VecOptions(Architecture.CBOW, 100, 5, 5, 0, 0, 1e-3, 5, false, 0.75, 0.025, 1e-4,
                CbowInput.MEAN, 5, 3, 1L, true, false, 10_000, VectorKernel.AUTO, Algorithm.AUTO, 0, 0,
                AUTOMATIC_BATCH_PRIVATE_WORDS);
    }

    /**
     * The algorithm that trains: {@code algorithm}, or for {@link Algorithm#AUTO} {@link Algorithm#HOGWILD} when
     * {@code hierarchicalSoftmax} is on and {@link Algorithm#HOGBATCH} otherwise (negative sampling alone).
     *
     * @return HOGWILD or HOGBATCH
     */
    public Algorithm effectiveAlgorithm() {
        if (algorithm != Algorithm.AUTO) {
            return algorithm;
        }
        return hierarchicalSoftmax ? Algorithm.HOGWILD : Algorithm.HOGBATCH;
    }

    /**
     * A copy with another {@code architecture} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code architecture}
     * @return the copy (validated)
     */
    public Word2VecOptions withArchitecture(Architecture v) {
        return new Word2VecOptions(v, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample, negative,
                hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code vectorSize} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code vectorSize}
     * @return the copy (validated)
     */
    public Word2VecOptions withVectorSize(int v) {
        return new Word2VecOptions(architecture, v, window, minCount, maxVocabSize, maxFinalVocab, sample, negative,
                hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code window} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code window}
     * @return the copy (validated)
     */
    public Word2VecOptions withWindow(int v) {
        return new Word2VecOptions(architecture, vectorSize, v, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives,
                batchPrivateWords);
    }

    /**
     * A copy with another {@code minCount} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code minCount}
     * @return the copy (validated)
     */
    public Word2VecOptions withMinCount(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, v, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives,
                batchPrivateWords);
    }

    /**
     * A copy with another {@code maxVocabSize} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code maxVocabSize}
     * @return the copy (validated)
     */
    public Word2VecOptions withMaxVocabSize(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, v, maxFinalVocab, sample, negative,
                hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code maxFinalVocab} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code maxFinalVocab}
     * @return the copy (validated)
     */
    public Word2VecOptions withMaxFinalVocab(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, v, sample, negative,
                hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code sample} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code sample}
     * @return the copy (validated)
     */
    public Word2VecOptions withSample(double v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, v,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives,
                batchPrivateWords);
    }

    /**
     * A copy with another {@code negative} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code negative}
     * @return the copy (validated)
     */
    public Word2VecOptions withNegative(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                v, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code hierarchicalSoftmax} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code hierarchicalSoftmax}
     * @return the copy (validated)
     */
    public Word2VecOptions withHierarchicalSoftmax(boolean v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, v, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code nsExponent} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code nsExponent}
     * @return the copy (validated)
     */
    public Word2VecOptions withNsExponent(double v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, v, alpha, minAlpha, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code alpha} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code alpha}
     * @return the copy (validated)
     */
    public Word2VecOptions withAlpha(double v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, v, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives,
                batchPrivateWords);
    }

    /**
     * A copy with another {@code minAlpha} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code minAlpha}
     * @return the copy (validated)
     */
    public Word2VecOptions withMinAlpha(double v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, v, cbowInput, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code cbowInput} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code cbowInput}
     * @return the copy (validated)
     */
    public Word2VecOptions withCbowInput(CbowInput v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, v, epochs, threads, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code epochs} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code epochs}
     * @return the copy (validated)
     */
    public Word2VecOptions withEpochs(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, v, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives,
                batchPrivateWords);
    }

    /**
     * A copy with another {@code threads} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code threads}
     * @return the copy (validated)
     */
    public Word2VecOptions withThreads(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, v, seed, shrinkWindows,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code seed} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code seed}
     * @return the copy (validated)
     */
    public Word2VecOptions withSeed(long v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, v,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives,
                batchPrivateWords);
    }

    /**
     * A copy with another {@code shrinkWindows} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code shrinkWindows}
     * @return the copy (validated)
     */
    public Word2VecOptions withShrinkWindows(boolean v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed, v,
                computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code computeLoss} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code computeLoss}
     * @return the copy (validated)
     */
    public Word2VecOptions withComputeLoss(boolean v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, v, batchWords, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * A copy with another {@code batchWords} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code batchWords}
     * @return the copy (validated)
     */
    public Word2VecOptions withBatchWords(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, v, kernel, algorithm, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * The targets per HOGBATCH batch: {@code batchTargets}, or when 0, {@value #SKIP_GRAM_BATCH_TARGETS} for
     * skip-gram (one window, pWord2Vec's scheme: its context rows already make a batch) and
     * {@value #CBOW_BATCH_TARGETS} for CBOW (one input row per target, so a batch needs several targets).
     *
     * @return the centre words per HOGBATCH batch
     */
    public int effectiveBatchTargets() {
        if (batchTargets > 0) {
            return batchTargets;
        }
        return architecture == Architecture.SKIP_GRAM ? SKIP_GRAM_BATCH_TARGETS : CBOW_BATCH_TARGETS;
    }

    /**
     * The negatives shared by a HOGBATCH batch: {@code batchNegatives}, or {@code negative} when 0.
     *
     * @return the negatives per HOGBATCH batch
     */
    public int effectiveBatchNegatives() {
        return batchNegatives > 0 ? batchNegatives : negative;
    }

    /**
     * The words whose rows each thread trains in private copies: 0 unless the algorithm is HOGBATCH, the
     * architecture CBOW and {@code threads} &ge; 2 (skip-gram HOGBATCH reads each context row once per window and
     * writes it once, so it has no copies; HOGWILD is word2vec.c's algorithm unchanged; one thread has nobody to
     * share rows with, and its copies would give the same result, bit for bit, only later); then
     * {@code batchPrivateWords}, or {@value #CBOW_BATCH_PRIVATE_WORDS} when automatic (-1). The trainer caps it
     * at the vocabulary size.
     *
     * @return the most frequent words trained in per-thread copies, 0 = none
     */
    public int effectiveBatchPrivateWords() {
        if (effectiveAlgorithm() != Algorithm.HOGBATCH || architecture != Architecture.CBOW || threads < 2) {
            return 0;
        }
        return batchPrivateWords == AUTOMATIC_BATCH_PRIVATE_WORDS ? CBOW_BATCH_PRIVATE_WORDS : batchPrivateWords;
    }

    /**
     * A copy with another {@code kernel} (meaning and range: the record parameter of that name).
     *
     * @param v the new {@code kernel}
     * @return the copy (validated)
     */
    public Word2VecOptions withKernel(VectorKernel v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, v, algorithm, batchTargets,
                batchNegatives, batchPrivateWords);
    }

    /**
     * The training algorithm; {@link Algorithm#HOGBATCH} rejects {@code hierarchicalSoftmax = true}.
     *
     * @param v the algorithm
     * @return the copy (validated)
     */
    public Word2VecOptions withAlgorithm(Algorithm v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, v, batchTargets, batchNegatives, batchPrivateWords);
    }

    /**
     * Centre words per HOGBATCH batch (0 = automatic).
     *
     * @param v centre words per batch, 0 = automatic
     * @return the copy (validated)
     */
    public Word2VecOptions withBatchTargets(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, v, batchNegatives, batchPrivateWords);
    }

    /**
     * Negatives shared by a HOGBATCH batch (0 = {@code negative}).
     *
     * @param v negatives per batch, 0 = {@code negative}
     * @return the copy (validated)
     */
    public Word2VecOptions withBatchNegatives(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, v, batchPrivateWords);
    }

    /**
     * Most frequent words whose rows each CBOW HOGBATCH thread trains in private copies (-1 = automatic, 0 = none).
     *
     * @param v the number of words, -1 = automatic, 0 = none
     * @return the copy (validated)
     */
    public Word2VecOptions withBatchPrivateWords(int v) {
        return new Word2VecOptions(architecture, vectorSize, window, minCount, maxVocabSize, maxFinalVocab, sample,
                negative, hierarchicalSoftmax, nsExponent, alpha, minAlpha, cbowInput, epochs, threads, seed,
                shrinkWindows, computeLoss, batchWords, kernel, algorithm, batchTargets, batchNegatives, v);
    }
}
