package dev.nlpkit.embeddings;

/**
 * The sentence training of {@link Algorithm#HOGBATCH} (Ji et al., arXiv 1604.04661; Intel's pWord2Vec):
 * minibatches whose predictions share one draw of negatives, so that the dot products are a small
 * matrix-matrix product and every output row is read once and written once per batch.
 *
 * <p>A batch is {@code batchTargets} centre words (groups). Skip-gram: consecutive centre words of a sentence.
 * CBOW: sentences are buffered one after another (up to {@code batchWords} words, and at the end of each epoch)
 * and cut into {@code batchTargets} equal lanes; batch j
 * holds the j-th centre word of every lane, so its windows are far apart and share no context position. (With
 * consecutive centre words, a CBOW context word sits in the windows of most of the batch and would take all their
 * errors, computed from the same stale rows against the same few negatives, in one step; on the 6.6M-token bench
 * corpus that cost 1.4 to 2 analogy points.) Group t has a centre word
 * u<sub>t</sub> and input rows: for skip-gram the input vectors of its window's context words, for CBOW one row,
 * the mean (or sum) of those vectors. With the K shared negatives v<sub>1..K</sub>, every input row a of group t
 * is scored against the K+1 output rows [u<sub>t</sub>, v<sub>1</sub> .. v<sub>K</sub>]:
 * <pre>
 * C[a][j] = a . B[j]                  (a row of C = A B^T, A n x d, B (K+1) x d)
 * G[a][j] = (label_j - s(C[a][j])) alpha,   label_0 = 1, label_j = 0 for j &gt; 0,
 *           G[a][j] = 0 when the negative v_j is u_t itself (word2vec.c skips such a draw)
 * dA[a]   = sum_j G[a][j] B[j]        (dA = G B)
 * dB[j]   = sum_a G[a][j] a           (dB = G^T A: each negative summed over the whole batch, each centre word
 *                                      over its group's rows)
 * </pre>
 * CBOW draws the negatives before the batch's groups and computes a group's row of C as soon as its mean is
 * summed (so the miss on its centre word's output row overlaps the next group's context loads); skip-gram draws
 * them after and computes C for the whole batch first.
 * All of C, G, dA and dB use the weights as they were at the start of the batch; dB is added to each output
 * row once, then dA to the input rows (skip-gram: each context word's row; CBOW: a row's error is added to each
 * of its context words, as word2vec.c does). The batched update is exactly the sum of the per-prediction updates
 * evaluated at the batch's starting weights (tested). The sigmoid table, saturation outside (-6, 6) and the loss
 * are word2vec.c's, as in {@link Trainer}.
 *
 * <p>One {@link Worker} per training thread, with its own buffers and its own 64-bit LCG (word2vec.c's) seeded
 * from the call's seed and the worker's number: with one worker the result is bit-reproducible for a seed. Shared
 * weights are updated lock-free, as HOGWILD; with two or more CBOW workers, except the rows of the most frequent
 * words, which each worker trains in private copies merged after every buffer
 * ({@link Word2VecOptions#effectiveBatchPrivateWords()}).
 */
final class HogBatchTrainer {

    private static final long LCG_MULTIPLIER = 25214903917L;
    /** Stream numbers of the workers' generators, apart from those of {@link Trainer}'s (worker id + 1). */
    private static final long RANDOM_STREAM = 1_000_003L;

    private final float[] syn0;
    private final float[] syn1neg;
    private final SamplingTables.UnigramTable unigramTable;
    private final BatchKernel batchKernel;
    private final int dimension;
    private final int window;
    private final boolean shrinkWindows;
    private final boolean skipGram;
    private final boolean cbowMean;
    private final boolean computeLoss;
    private final int targetsPerBatch;
    private final int negatives;
    private final long seed;
    /** CBOW: words buffered before training them in lanes ({@code batchWords}, the longest sentence piece). */
    private final int bufferCapacity;
    /**
     * CBOW with several workers: the number of most frequent words (ids 0..hotWords-1, the vocabulary being sorted
     * by count) whose input and output rows each worker trains in its own copies, merged into the shared matrices
     * after every buffer of {@code batchWords} words ({@link Worker#mergeHotRows}); 0 = none. From
     * {@link Word2VecOptions#effectiveBatchPrivateWords()}, the choice of 512 explained at
     * {@link Word2VecOptions#CBOW_BATCH_PRIVATE_WORDS}.
     */
    private final int hotWords;

    HogBatchTrainer(Word2VecOptions options, Kernel kernel, float[] syn0, float[] syn1neg,
            SamplingTables.UnigramTable unigramTable) {
        this(options, kernel, syn0, syn1neg, unigramTable, options.effectiveBatchPrivateWords());
    }

    /** With {@code hotWords} private rows per worker and matrix (CBOW only; capped at the vocabulary size). */
    HogBatchTrainer(Word2VecOptions options, Kernel kernel, float[] syn0, float[] syn1neg,
            SamplingTables.UnigramTable unigramTable, int hotWords) {
        if (options.effectiveAlgorithm() != Algorithm.HOGBATCH || syn1neg == null || unigramTable == null) {
            throw new IllegalArgumentException("HogBatchTrainer needs algorithm HOGBATCH with negative sampling");
        }
        this.syn0 = syn0;
        this.syn1neg = syn1neg;
        this.unigramTable = unigramTable;
        this.batchKernel = BatchKernel.matching(kernel);
        this.dimension = options.vectorSize();
        this.window = options.window();
        this.shrinkWindows = options.shrinkWindows();
        this.skipGram = options.architecture() == Architecture.SKIP_GRAM;
        this.cbowMean = options.cbowInput() == CbowInput.MEAN;
        this.computeLoss = options.computeLoss();
        this.targetsPerBatch = options.effectiveBatchTargets();
        this.negatives = options.effectiveBatchNegatives();
        this.seed = options.seed();
        this.bufferCapacity = options.batchWords();
        if (hotWords < 0) {
            throw new IllegalArgumentException("hotWords must be >= 0, got " + hotWords);
        }
        this.hotWords = skipGram ? 0 : Math.min(hotWords, syn0.length / dimension);
    }

    /** The words whose rows each worker trains in its own copies (0 = none): for tests. */
    int privateWords() {
        return hotWords;
    }

    /** The state of training thread {@code id}; to be created on that thread (its buffers stay local). */
    Worker newWorker(int id) {
        return new Worker(id);
    }

    /** Sigmoid-table gradient {@code (label - s(f)) * alpha}, saturated outside (-MAX_EXP, MAX_EXP). */
    static float gradient(float f, float label, float alpha) {
        if (f > SamplingTables.MAX_EXP) {
            return (label - 1) * alpha;
        }
        if (f < -SamplingTables.MAX_EXP) {
            return label * alpha;
        }
        int index = Math.min(SamplingTables.EXP_TABLE_SIZE - 1,
                (int) ((f + SamplingTables.MAX_EXP) * SamplingTables.EXP_SCALE));
        return (label - SamplingTables.SIGMOID[index]) * alpha;
    }

    /** One thread's batch buffers and random generator. */
    final class Worker {
        private final int maxRows;
        private final int columns = negatives + 1;
        /** Per group: centre word, first input row, and for CBOW the number of context words. */
        private final int[] groupTarget = new int[targetsPerBatch];
        private final int[] groupRowFrom = new int[targetsPerBatch + 1];
        private final int[] groupContexts = new int[targetsPerBatch];
        /** Per input row: its offset in {@link #inputs()} (skip-gram: in syn0, where its error goes too). */
        private final int[] rowOffset;
        private final int[] negativeWords = new int[negatives];
        /** Offsets of a group's output rows [centre, negatives...] in syn1neg. */
        private final int[] columnOffset = new int[columns];
        /** C, then G in place: row r at r * columns. */
        private final float[] scores;
        /** dA: row r at r * d. */
        private final float[] inputErrors;
        /** CBOW's input rows (context means): group t at t * d. */
        private final float[] hidden;
        /** CBOW: offsets in syn0 of group t's context words, from t * 2 * window. */
        private final int[] contextOffset;
        /**
         * CBOW: the buffered sentences, one after another, and for each position the first and last position of
         * its sentence (windows stop there).
         */
        private final int[] buffered;
        private final int[] sentenceFrom;
        private final int[] sentenceTo;
        private int bufferedLength;
        private long random;
        /** Negatives given by a test instead of drawn, or null. */
        private int[] fixedNegatives;
        private int groups;
        private int rows;
        /**
         * This worker's copies of the first {@link #hotWords} rows of syn0 and syn1neg (the rows it trains in
         * place of the shared ones), their values at the last merge, and their length in floats ({@code limit}:
         * a row offset below it is a private row, at the same offset). Empty and 0 without private rows.
         */
        private final float[] hotIn;
        private final float[] hotOut;
        private final float[] mergedIn;
        private final float[] mergedOut;
        private final int limit;

        private Worker(int id) {
            this.maxRows = skipGram ? targetsPerBatch * 2 * window : targetsPerBatch;
            this.rowOffset = new int[maxRows];
            this.scores = new float[maxRows * columns];
            this.inputErrors = new float[maxRows * dimension];
            this.hidden = skipGram ? new float[0] : new float[targetsPerBatch * dimension];
            this.contextOffset = skipGram ? new int[0] : new int[targetsPerBatch * 2 * window];
            int capacity = skipGram ? 0 : bufferCapacity;
            this.buffered = new int[capacity];
            this.sentenceFrom = new int[capacity];
            this.sentenceTo = new int[capacity];
            this.random = Word2Vec.mixSeed(seed, RANDOM_STREAM + id);
            this.limit = hotWords * dimension;
            this.hotIn = java.util.Arrays.copyOf(syn0, limit);
            this.hotOut = java.util.Arrays.copyOf(syn1neg, limit);
            this.mergedIn = hotIn.clone();
            this.mergedOut = hotOut.clone();
        }

        /** The array holding the row at {@code offset} of syn1neg for this worker (its copy for hot words). */
        private float[] output(int offset) {
            return offset < limit ? hotOut : syn1neg;
        }

        /**
         * Adds what this worker changed in its private rows since the last merge to the shared rows, and takes the
         * shared rows (with the other workers' merged changes) as its new private rows: per float,
         * {@code shared += private - merged}, or {@code shared = private} when the shared float still equals the
         * merged one (nobody else changed it), so that with one worker the private rows give the shared ones
         * exactly, bit for bit, what training them in place would have. Lock-free as the rest of training: two
         * workers merging the same float at once may lose one of the two changes, as hogwild updates may.
         */
        void mergeHotRows() {
            mergeRows(hotIn, mergedIn, syn0);
            mergeRows(hotOut, mergedOut, syn1neg);
        }

        private void mergeRows(float[] hot, float[] merged, float[] shared) {
            for (int i = 0; i < limit; i++) {
                float s = shared[i];
                float h = hot[i];
                float m = merged[i];
                float v = s == m ? h : s + (h - m);
                shared[i] = v;
                hot[i] = v;
                merged[i] = v;
            }
        }

        private float[] inputs() {
            return skipGram ? syn0 : hidden;
        }

        /**
         * Trains on {@code sentence[0..length)} (word ids after subsampling), at once for skip-gram; CBOW buffers the
         * sentence and trains when the buffer is full or at {@link #drain}. Returns the loss of what it trained
         * (0 if not computed).
         */
        double train(int[] sentence, int length, float alpha) {
            if (skipGram) {
                return trainConsecutive(sentence, length, alpha);
            }
            if (length > buffered.length) {
                throw new IllegalArgumentException("sentence of " + length + " words, buffer of " + buffered.length);
            }
            double loss = 0;
            if (bufferedLength + length > buffered.length) {
                loss += drain(alpha);
            }
            int first = bufferedLength;
            System.arraycopy(sentence, 0, buffered, first, length);
            int last = first + length - 1;
            for (int i = first; i <= last; i++) {
                sentenceFrom[i] = first;
                sentenceTo[i] = last;
            }
            bufferedLength += length;
            return loss;
        }

        /** Trains what is buffered (CBOW; nothing for skip-gram); returns its loss (0 if not computed). */
        double drain(float alpha) {
            int n = bufferedLength;
            if (n == 0) {
                return 0;
            }
            bufferedLength = 0;
            // Lanes: the buffer cut into `lanes` equal runs; batch j holds the j-th position of every lane. Lanes
            // more than 2 * window apart have disjoint windows, so no context row takes two errors of one batch
            // computed from the same stale weights against the same negatives.
            int lanes = Math.min(targetsPerBatch, n);
            int laneLength = (n + lanes - 1) / lanes;
            double loss = 0;
            groups = 0;
            rows = 0;
            for (int j = 0; j < laneLength; j++) {
                drawNegatives();
                for (int pos = j; pos < n; pos += laneLength) {
                    int b = reducedWindow();
                    int from = Math.max(sentenceFrom[pos], pos - window + b);
                    int to = Math.min(sentenceTo[pos], pos + window - b);
                    if (to > from) {
                        addGroup(buffered, pos, from, to);
                    }
                }
                if (groups > 0) {
                    loss += flushBatch(alpha);
                }
            }
            if (limit > 0) {
                mergeHotRows();
            }
            return loss;
        }

        private int reducedWindow() {
            if (!shrinkWindows) {
                return 0;
            }
            random = random * LCG_MULTIPLIER + 11;
            // uniform in [0, window) from the high 32 bits by a multiply instead of word2vec.c's 64-bit remainder
            // (a division per centre word; the low bits of an LCG are its weakest, too)
            return (int) (((random >>> 32) * window) >>> 32);
        }

        /** Batches of {@code targetsPerBatch} consecutive centre words of the sentence (skip-gram). */
        private double trainConsecutive(int[] sentence, int length, float alpha) {
            double loss = 0;
            groups = 0;
            rows = 0;
            for (int pos = 0; pos < length; pos++) {
                int b = reducedWindow();
                int from = Math.max(0, pos - window + b);
                int to = Math.min(length - 1, pos + window - b);
                if (to == from) {
                    continue; // no context word
                }
                addGroup(sentence, pos, from, to);
                if (groups == targetsPerBatch) {
                    loss += flushBatch(alpha);
                }
            }
            if (groups > 0) {
                loss += flushBatch(alpha);
            }
            return loss;
        }

        private void addGroup(int[] sentence, int pos, int from, int to) {
            int t = groups++;
            groupTarget[t] = sentence[pos];
            groupRowFrom[t] = rows;
            if (skipGram) {
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        rowOffset[rows] = sentence[c] * dimension;
                        rows++;
                    }
                }
            } else {
                int off = t * dimension;
                int first = t * 2 * window;
                int contexts = 0;
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        contextOffset[first + contexts++] = sentence[c] * dimension;
                    }
                }
                groupContexts[t] = contexts;
                batchKernel.sumRows(hotIn, syn0, limit, contextOffset, first, contexts,
                        cbowMean ? 1f / contexts : 1f, dimension, hidden, off);
                // C's row now, while the context rows' loads are in flight: its centre word's output row (often
                // a cache miss) is loaded beside the next groups' context rows instead of after all of them
                columnOffset[0] = groupTarget[t] * dimension;
                batchKernel.dots(hidden, off, hotOut, syn1neg, limit, columnOffset, columns, dimension, scores,
                        rows * columns);
                rowOffset[rows] = off;
                rows++;
            }
            groupRowFrom[groups] = rows;
        }

        /** The batch's shared negatives (CBOW draws them before its groups, skip-gram after). */
        private void drawNegatives() {
            if (fixedNegatives != null) {
                System.arraycopy(fixedNegatives, 0, negativeWords, 0, negatives);
            } else {
                for (int k = 0; k < negatives; k++) {
                    random = random * LCG_MULTIPLIER + 11;
                    negativeWords[k] = unigramTable.sample(random);
                }
            }
            for (int k = 0; k < negatives; k++) {
                columnOffset[k + 1] = negativeWords[k] * dimension;
            }
        }

        private double flushBatch(float alpha) {
            if (skipGram) {
                drawNegatives();
            }
            double loss = step(alpha);
            applyInputErrors();
            groups = 0;
            rows = 0;
            return loss;
        }

        /**
         * The batch update of the groups and rows set up so far with the drawn {@link #negativeWords}: C, G, dA
         * into {@link #inputErrors}, and dB added to syn1neg. The input rows are not changed yet.
         */
        private double step(float alpha) {
            final int d = dimension;
            final float[] in = inputs();
            double loss = 0;
            // Skip-gram: C first for the whole batch, then G and dA: the dot products of different groups do not
            // wait for each other, so the loads of their centre words' output rows (mostly cache misses) overlap.
            // CBOW computed C in addGroup.
            for (int t = 0; skipGram && t < groups; t++) {
                columnOffset[0] = groupTarget[t] * d;
                for (int r = groupRowFrom[t]; r < groupRowFrom[t + 1]; r++) {
                    batchKernel.dots(in, rowOffset[r], syn1neg, columnOffset, columns, d, scores, r * columns);
                }
            }
            for (int t = 0; t < groups; t++) {
                int target = groupTarget[t];
                columnOffset[0] = target * d;
                for (int r = groupRowFrom[t]; r < groupRowFrom[t + 1]; r++) {
                    int base = r * columns;
                    for (int j = 0; j < columns; j++) {
                        if (j > 0 && negativeWords[j - 1] == target) {
                            scores[base + j] = 0f;
                            continue;
                        }
                        float f = scores[base + j];
                        if (computeLoss) {
                            loss += SamplingTables.negLogSigmoid(j == 0 ? f : -f);
                        }
                        scores[base + j] = gradient(f, j == 0 ? 1f : 0f, alpha);
                    }
                    batchKernel.combine(scores, base, hotOut, syn1neg, limit, columnOffset, columns, d, inputErrors,
                            r * d);
                }
            }
            // dB = G^T A, each output row written once: the centre word of each group, then each negative.
            for (int t = 0; t < groups; t++) {
                int from = groupRowFrom[t];
                int target = groupTarget[t] * d;
                batchKernel.accumulate(scores, from * columns, columns, in, rowOffset, from, groupRowFrom[t + 1] - from,
                        d, output(target), target);
            }
            for (int k = 0; k < negatives; k++) {
                int negative = negativeWords[k] * d;
                batchKernel.accumulate(scores, k + 1, columns, in, rowOffset, 0, rows, d, output(negative), negative);
            }
            return loss;
        }

        /** Adds dA to the input vectors: each skip-gram row to its word, each CBOW row to its context words. */
        private void applyInputErrors() {
            final int d = dimension;
            if (skipGram) {
                for (int r = 0; r < rows; r++) {
                    batchKernel.addToRows(inputErrors, r * d, syn0, rowOffset, r, 1, d);
                }
                return;
            }
            for (int t = 0; t < groups; t++) {
                batchKernel.addToRows(inputErrors, t * d, hotIn, syn0, limit, contextOffset, t * 2 * window,
                        groupContexts[t], d);
            }
        }

        /**
         * For tests: {@link #train} on a whole sentence with {@code negativesDrawn} as the negatives of every
         * batch instead of random draws.
         */
        double trainWithNegatives(int[] sentence, int[] negativesDrawn, float alpha) {
            if (negativesDrawn.length != negatives) {
                throw new IllegalArgumentException("expected " + negatives + " negatives, got "
                        + negativesDrawn.length);
            }
            fixedNegatives = negativesDrawn;
            try {
                return train(sentence, sentence.length, alpha) + drain(alpha);
            } finally {
                fixedNegatives = null;
            }
        }
    }
}
