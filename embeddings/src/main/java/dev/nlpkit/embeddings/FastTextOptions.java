package dev.nlpkit.embeddings;

/**
 * FastText training options, with gensim 4's parameter names (camel-cased) and defaults. The seed is not an
 * option: it is an argument of every {@link FastText#fit} call.
 *
 * <table>
 * <caption>Options and their gensim counterparts</caption>
 * <tr><th>option</th><th>gensim</th><th>default</th></tr>
 * <tr><td>architecture</td><td>sg</td><td>CBOW</td></tr>
 * <tr><td>vectorSize</td><td>vector_size</td><td>100</td></tr>
 * <tr><td>window</td><td>window</td><td>5</td></tr>
 * <tr><td>minCount</td><td>min_count</td><td>5</td></tr>
 * <tr><td>maxFinalVocab</td><td>max_final_vocab</td><td>0 = no limit (gensim: None)</td></tr>
 * <tr><td>sample</td><td>sample</td><td>1e-3 (0 = no subsampling)</td></tr>
 * <tr><td>negative</td><td>negative</td><td>5</td></tr>
 * <tr><td>nsExponent</td><td>ns_exponent</td><td>0.75</td></tr>
 * <tr><td>alpha, minAlpha</td><td>alpha, min_alpha</td><td>0.025, 1e-4</td></tr>
 * <tr><td>cbowInput</td><td>cbow_mean</td><td>MEAN</td></tr>
 * <tr><td>epochs</td><td>epochs</td><td>5</td></tr>
 * <tr><td>threads</td><td>workers</td><td>3</td></tr>
 * <tr><td>minN, maxN</td><td>min_n, max_n</td><td>3, 6</td></tr>
 * <tr><td>bucket</td><td>bucket</td><td>2,000,000</td></tr>
 * <tr><td>wordNgrams</td><td>word_ngrams</td><td>1 (the only value gensim and unsupervised fastText use)</td></tr>
 * <tr><td>shrinkWindows</td><td>shrink_windows</td><td>true</td></tr>
 * <tr><td>batchWords</td><td>batch_words</td><td>10000</td></tr>
 * <tr><td>kernel</td><td>-</td><td>AUTO</td></tr>
 * <tr><td>algorithm</td><td>- (gensim: HOGWILD)</td><td>AUTO (= HOGBATCH)</td></tr>
 * </table>
 *
 * <p>Only negative sampling is implemented (gensim's FastText also offers {@code hs=1}; fastText's default
 * loss for word vectors is negative sampling). With {@code maxN < minN} no character n-grams are used and the
 * model is a Word2Vec model (gensim's convention); {@code bucket} is then ignored.
 *
 * @param architecture  CBOW or skip-gram
 * @param vectorSize    dimension d of the vectors, &ge; 1
 * @param window        maximum distance between the centre word and a context word, &ge; 1
 * @param minCount      words with a lower total count are ignored, &ge; 1
 * @param maxFinalVocab bound on the final vocabulary, 0 = none
 * @param sample        subsampling threshold (as Word2Vec), 0 = off
 * @param negative      negative samples per positive one, &ge; 1
 * @param nsExponent    exponent of the unigram counts in the negative-sampling distribution
 * @param alpha         initial learning rate
 * @param minAlpha      final learning rate
 * @param cbowInput     mean or sum of the CBOW context rows
 * @param epochs        passes over the corpus, &ge; 1
 * @param threads       training threads (gensim's {@code workers}), &ge; 1 (lock-free "hogwild" updates)
 * @param minN          shortest character n-gram, &ge; 1
 * @param maxN          longest character n-gram; below minN = no n-grams
 * @param bucket        rows the n-gram hashes are folded into, &ge; 1 when n-grams are used
 * @param wordNgrams    must be 1 (word n-grams are a supervised-fastText feature)
 * @param shrinkWindows draw the effective window uniformly from 1..window for each centre word
 * @param batchWords    target number of words in a job handed to a worker
 * @param kernel        implementation of the vector arithmetic
 * @param algorithm     how the updates are applied: {@link Algorithm#HOGWILD} is gensim's and fastText's
 *                      order of updates, {@link Algorithm#HOGBATCH} composes each word's vector once per window
 *                      and writes its n-gram rows once (see {@link #effectiveAlgorithm()}); AUTO = HOGBATCH
 */
public record FastTextOptions(
        Architecture architecture,
        int vectorSize,
        int window,
        int minCount,
        int maxFinalVocab,
        double sample,
        int negative,
        double nsExponent,
        double alpha,
        double minAlpha,
        CbowInput cbowInput,
        int epochs,
        int threads,
        int minN,
        int maxN,
        int bucket,
        int wordNgrams,
        boolean shrinkWindows,
        int batchWords,
        VectorKernel kernel,
        Algorithm algorithm) {

    /** Validates every option; the message names the option and the value found. */
    public FastTextOptions {
        require(architecture != null, "architecture must not be null");
        require(cbowInput != null, "cbowInput must not be null");
        require(kernel != null, "kernel must not be null");
        require(algorithm != null, "algorithm must not be null");
        require(vectorSize >= 1, "vectorSize must be >= 1, got " + vectorSize);
        require(window >= 1, "window must be >= 1, got " + window);
        require(minCount >= 1, "minCount must be >= 1, got " + minCount);
        require(maxFinalVocab >= 0, "maxFinalVocab must be >= 0 (0 = no limit), got " + maxFinalVocab);
        require(sample >= 0 && Double.isFinite(sample), "sample must be a finite value >= 0, got " + sample);
        require(negative >= 1, "negative must be >= 1 (only negative sampling is implemented), got " + negative);
        require(Double.isFinite(nsExponent), "nsExponent must be finite, got " + nsExponent);
        require(alpha > 0 && Double.isFinite(alpha), "alpha must be > 0, got " + alpha);
        require(minAlpha >= 0 && minAlpha <= alpha, "minAlpha must be in [0, alpha=" + alpha + "], got " + minAlpha);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(threads >= 1, "threads must be >= 1, got " + threads);
        require(minN >= 1, "minN must be >= 1, got " + minN);
        require(maxN >= 0, "maxN must be >= 0 (below minN = no character n-grams), got " + maxN);
        require(maxN < minN || bucket >= 1, "bucket must be >= 1 when character n-grams are used (minN=" + minN
                + ", maxN=" + maxN + "), got " + bucket);
        require(bucket >= 0, "bucket must be >= 0, got " + bucket);
        require(wordNgrams == 1, "wordNgrams must be 1 (word n-grams belong to supervised fastText; gensim "
                + "rejects other values too), got " + wordNgrams);
        require(batchWords >= 1, "batchWords must be >= 1, got " + batchWords);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("FastTextOptions: " + message);
        }
    }

    /**
     * gensim 4's defaults (workers 3).
     *
     * @return the default options
     */
    public static FastTextOptions defaults() {
        return new FastTextOptions(Architecture.CBOW, 100, 5, 5, 0, 1e-3, 5, 0.75, 0.025, 1e-4, CbowInput.MEAN, 5,
                3, 3, 6, 2_000_000, 1, true, 10_000, VectorKernel.AUTO, Algorithm.AUTO);
    }

    /**
     * Whether character n-grams are used ({@code minN <= maxN}).
     *
     * @return true when {@code minN <= maxN}
     */
    public boolean usesNgrams() {
        return maxN >= minN;
    }

    /**
     * Rows of n-gram vectors actually allocated: {@code bucket}, or 0 without n-grams.
     *
     * @return the number of n-gram rows
     */
    public int ngramRows() {
        return usesNgrams() ? bucket : 0;
    }

    /** The Word2Vec options of the vocabulary builder (minCount, maxFinalVocab), shared with Word2Vec. */
    Word2VecOptions vocabularyOptions() {
        return Word2VecOptions.defaults().withMinCount(minCount).withMaxFinalVocab(maxFinalVocab);
    }

    /**
     * With another architecture.
     *
     * @param v CBOW or skip-gram
     * @return a copy with {@code architecture} replaced
     */
    public FastTextOptions withArchitecture(Architecture v) {
        return new FastTextOptions(v, vectorSize, window, minCount, maxFinalVocab, sample, negative, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another vector size.
     *
     * @param v the dimension d, >= 1
     * @return a copy with {@code vectorSize} replaced
     */
    public FastTextOptions withVectorSize(int v) {
        return new FastTextOptions(architecture, v, window, minCount, maxFinalVocab, sample, negative, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another window.
     *
     * @param v the largest distance between centre and context word, >= 1
     * @return a copy with {@code window} replaced
     */
    public FastTextOptions withWindow(int v) {
        return new FastTextOptions(architecture, vectorSize, v, minCount, maxFinalVocab, sample, negative, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another minimum count.
     *
     * @param v the lowest total count of a word kept, >= 1
     * @return a copy with {@code minCount} replaced
     */
    public FastTextOptions withMinCount(int v) {
        return new FastTextOptions(architecture, vectorSize, window, v, maxFinalVocab, sample, negative, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another vocabulary bound.
     *
     * @param v the most words kept, >= 0 (0: no bound)
     * @return a copy with {@code maxFinalVocab} replaced
     */
    public FastTextOptions withMaxFinalVocab(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, v, sample, negative, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another subsampling threshold.
     *
     * @param v the threshold, >= 0 (0: off)
     * @return a copy with {@code sample} replaced
     */
    public FastTextOptions withSample(double v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, v, negative, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another number of negative samples.
     *
     * @param v negative samples per positive one, >= 1
     * @return a copy with {@code negative} replaced
     */
    public FastTextOptions withNegative(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, v, nsExponent,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another negative-sampling exponent.
     *
     * @param v the exponent of the unigram counts (0.75 in word2vec)
     * @return a copy with {@code nsExponent} replaced
     */
    public FastTextOptions withNsExponent(double v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative, v,
                alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows, batchWords,
                kernel, algorithm);
    }

    /**
     * With another initial learning rate.
     *
     * @param v the initial rate, > 0
     * @return a copy with {@code alpha} replaced
     */
    public FastTextOptions withAlpha(double v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, v, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * With another final learning rate.
     *
     * @param v the final rate, >= 0
     * @return a copy with {@code minAlpha} replaced
     */
    public FastTextOptions withMinAlpha(double v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, v, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * With another CBOW input.
     *
     * @param v mean or sum of the context rows
     * @return a copy with {@code cbowInput} replaced
     */
    public FastTextOptions withCbowInput(CbowInput v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, v, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * With another number of passes.
     *
     * @param v passes over the corpus, >= 1
     * @return a copy with {@code epochs} replaced
     */
    public FastTextOptions withEpochs(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, v, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * With another number of training threads.
     *
     * @param v training threads, >= 1 (1 makes training bit-reproducible)
     * @return a copy with {@code threads} replaced
     */
    public FastTextOptions withThreads(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, v, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * Both n-gram lengths at once (validation sees the pair).
     *
     * @param newMinN the shortest character n-gram, >= 1
     * @param newMaxN the longest character n-gram; below {@code newMinN} for no n-grams
     * @return a copy with {@code minN} and {@code maxN} replaced
     */
    public FastTextOptions withNgramLengths(int newMinN, int newMaxN) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, newMinN, newMaxN, bucket, wordNgrams,
                shrinkWindows, batchWords, kernel, algorithm);
    }

    /**
     * With another number of hash buckets.
     *
     * @param v rows the n-gram hashes are folded into, >= 1 when n-grams are used
     * @return a copy with {@code bucket} replaced
     */
    public FastTextOptions withBucket(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, v, wordNgrams, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * With another word n-gram length.
     *
     * @param v must be 1
     * @return a copy with {@code wordNgrams} replaced
     */
    public FastTextOptions withWordNgrams(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, v, shrinkWindows,
                batchWords, kernel, algorithm);
    }

    /**
     * With or without shrinking windows.
     *
     * @param v true to draw each centre word's window from 1..window
     * @return a copy with {@code shrinkWindows} replaced
     */
    public FastTextOptions withShrinkWindows(boolean v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, v,
                batchWords, kernel, algorithm);
    }

    /**
     * With another job size.
     *
     * @param v target number of words per job handed to a worker, >= 1
     * @return a copy with {@code batchWords} replaced
     */
    public FastTextOptions withBatchWords(int v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                v, kernel, algorithm);
    }

    /**
     * With another vector kernel.
     *
     * @param v the implementation of the vector arithmetic
     * @return a copy with {@code kernel} replaced
     */
    public FastTextOptions withKernel(VectorKernel v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, v, algorithm);
    }

    /**
     * With another update algorithm.
     *
     * @param v AUTO, HOGWILD (gensim's and fastText's exact sequence of updates) or HOGBATCH
     * @return a copy with {@code algorithm} replaced
     */
    public FastTextOptions withAlgorithm(Algorithm v) {
        return new FastTextOptions(architecture, vectorSize, window, minCount, maxFinalVocab, sample, negative,
                nsExponent, alpha, minAlpha, cbowInput, epochs, threads, minN, maxN, bucket, wordNgrams, shrinkWindows,
                batchWords, kernel, v);
    }

    /**
     * The algorithm training runs: {@link Algorithm#AUTO} resolves to {@link Algorithm#HOGBATCH}, which met the
     * quality bar of gensim's FastText on the 6.6M-token bench corpus (README, "FastText").
     *
     * <p>For FastText, HOGBATCH keeps fastText's per-prediction negatives and sequence of output-row updates
     * and changes only how the input side is applied. Skip-gram: the centre word's vector (the mean of its own
     * row and its n-gram rows) is composed once per window; after each context prediction the error is added
     * to that composed vector (exactly what adding it to every row does to their mean) and summed, and the sum
     * is added to each of the word's rows once, at the end of the window. CBOW: each position of a sentence
     * keeps the sum of its word's rows, composed when the position first enters a window, and its pending
     * error; a prediction's error updates both (so the next windows see it), and the pending error is added to
     * the rows once, when the position leaves the last window that uses it. With one worker and words that
     * share no row this is HOGWILD's arithmetic up to float rounding (tested); where rows are shared (common
     * n-grams, hash collisions, a word twice in a window) a window sees its rows as they were when it began.
     * Row gathers and scatters drop from once per prediction to once per position.
     *
     * @return HOGWILD or HOGBATCH
     */
    public Algorithm effectiveAlgorithm() {
        return algorithm == Algorithm.AUTO ? Algorithm.HOGBATCH : algorithm;
    }
}
