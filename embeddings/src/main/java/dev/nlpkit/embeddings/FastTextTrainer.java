package dev.nlpkit.embeddings;

import dev.nlpkit.core.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The training loop of FastText, organised as Word2Vec's: the calling thread streams the corpus into jobs of
 * about {@code batchWords} words, {@code threads} threads train on them with lock-free ("hogwild") updates of
 * the shared input and output matrices, and listeners are called on the calling thread. Per worker: word2vec.c's
 * LCG seeded from the fit seed and the worker id, subsampling before windows are formed, a reduced window per
 * centre word, negatives from the shared alias table. With one worker the result is bit-reproducible.
 *
 * <p>Two ways to apply a prediction's error to the input rows ({@link FastTextOptions#effectiveAlgorithm()}):
 * {@link Algorithm#HOGWILD} recomposes the hidden vector from the rows for every prediction and adds the error
 * to every row at once, as gensim and fastText do ({@link FastTextStep#negativeSampling}); {@link Algorithm#HOGBATCH}
 * runs the same predictions with the same random draws but composes each word's vector once (per skip-gram
 * window, per CBOW sentence position), keeps it up to date with the errors, and adds the summed error to the
 * rows once. Both consume the generator identically.
 */
final class FastTextTrainer {

    private static final Object[] NO_ITEMS = new Object[0];
    private static final long LCG_MULTIPLIER = 25214903917L;

    private record Job(Object[] items, int size, CountDownLatch epochEnd, boolean stop) {
    }

    private final TrainingVocabulary vocabulary;
    private final FastTextOptions options;
    private final long seed;
    private final float[] input;
    private final float[] output;
    private final int[] subwordOffsets;
    private final int[] subwordRows;
    private final Kernel kernel;
    private final RowSumKernel rowSums;
    private final SamplingTables.UnigramTable unigramTable;
    private final float[] keep;
    private final AtomicLong wordsDone = new AtomicLong();
    private final AtomicLong effectiveDone = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long totalWords = 1;

    FastTextTrainer(TrainingVocabulary vocabulary, FastTextOptions options, long seed, float[] input, float[] output,
            int[] subwordOffsets, int[] subwordRows) {
        this.vocabulary = vocabulary;
        this.options = options;
        this.seed = seed;
        this.input = input;
        this.output = output;
        this.subwordOffsets = subwordOffsets;
        this.subwordRows = subwordRows;
        this.kernel = Kernel.select(options.kernel());
        this.rowSums = RowSumKernel.matching(kernel);
        this.unigramTable = SamplingTables.UnigramTable.of(vocabulary.countArray(), options.nsExponent());
        this.keep = SamplingTables.keepProbabilities(vocabulary.countArray(), options.sample());
    }

    TrainingSummary train(Corpus corpus, long corpusWords,
            List<TrainingListener<TrainingProgress, TrainingProgress>> listeners) {
        int epochs = options.epochs();
        int workerCount = options.threads();
        totalWords = Math.max(1, corpusWords * epochs);
        BlockingQueue<Job> queue = new ArrayBlockingQueue<>(2 * workerCount + 2);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().daemon().name("fasttext-worker-" + i).unstarted(() -> work(id, queue)));
        }
        long start = System.nanoTime();
        long interval = Long.MAX_VALUE;
        for (TrainingListener<TrainingProgress, TrainingProgress> l : listeners) {
            interval = Math.min(interval, Math.max(0, l.intervalMillis()));
        }
        Progress progress = new Progress(listeners, start, epochs, TimeUnit.MILLISECONDS.toNanos(interval));
        threads.forEach(Thread::start);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                progress.epoch = epoch;
                streamEpoch(corpus, queue, progress);
                CountDownLatch done = new CountDownLatch(workerCount);
                for (int i = 0; i < workerCount; i++) {
                    put(queue, new Job(NO_ITEMS, 0, done, false), progress);
                }
                while (!done.await(100, TimeUnit.MILLISECONDS)) {
                    checkFailure();
                    progress.maybeReport();
                }
                checkFailure();
                TrainingProgress p = progress.snapshot();
                for (TrainingListener<TrainingProgress, TrainingProgress> l : listeners) {
                    l.onEpochEnd(p);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("FastText training interrupted", e);
        } finally {
            queue.clear();
            for (int i = 0; i < workerCount; i++) {
                queue.offer(new Job(NO_ITEMS, 0, null, true));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return new TrainingSummary(epochs, wordsDone.get(), effectiveDone.get(), (System.nanoTime() - start) / 1e9,
                new double[0], kernel.name(), workerCount);
    }

    private void streamEpoch(Corpus corpus, BlockingQueue<Job> queue, Progress progress) {
        int batchWords = options.batchWords();
        Object[][] pending = {new Object[64]};
        int[] state = new int[2];
        CorpusItems.read(corpus, item -> {
            if (state[0] == pending[0].length) {
                pending[0] = Arrays.copyOf(pending[0], state[0] * 2);
            }
            pending[0][state[0]++] = item;
            state[1] += item instanceof String line ? 1 + line.length() / 6 : ((List<?>) item).size();
            if (state[1] >= batchWords) {
                put(queue, new Job(pending[0], state[0], null, false), progress);
                pending[0] = new Object[Math.max(64, state[0])];
                state[0] = 0;
                state[1] = 0;
            }
            return true;
        });
        if (state[0] > 0) {
            put(queue, new Job(pending[0], state[0], null, false), progress);
        }
    }

    private void put(BlockingQueue<Job> queue, Job job, Progress progress) {
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                progress.maybeReport();
            }
            checkFailure();
            progress.maybeReport();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("FastText training interrupted", e);
        }
    }

    private void checkFailure() {
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException("FastText worker failed: " + t, t);
        }
    }

    private double alphaAt(long done) {
        double progress = Math.min(1.0, (double) done / totalWords);
        return Math.max(options.minAlpha(), options.alpha() - (options.alpha() - options.minAlpha()) * progress);
    }

    private void work(int id, BlockingQueue<Job> queue) {
        try {
            Engine engine = new Engine(id);
            while (true) {
                Job job = queue.take();
                if (job.stop()) {
                    return;
                }
                if (job.epochEnd() != null) {
                    engine.flush();
                    job.epochEnd().countDown();
                    continue;
                }
                engine.process(job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Calls the listeners on the fit thread. */
    private final class Progress {
        final List<TrainingListener<TrainingProgress, TrainingProgress>> listeners;
        final long start;
        final int epochs;
        final long interval;
        long last;
        int epoch;

        Progress(List<TrainingListener<TrainingProgress, TrainingProgress>> listeners, long start, int epochs,
                long interval) {
            this.listeners = listeners;
            this.start = start;
            this.epochs = epochs;
            this.interval = interval;
            this.last = start;
        }

        void maybeReport() {
            long now = System.nanoTime();
            if (listeners.isEmpty() || now - last < interval) {
                return;
            }
            last = now;
            TrainingProgress p = snapshot();
            for (TrainingListener<TrainingProgress, TrainingProgress> l : listeners) {
                l.onProgress(p);
            }
        }

        TrainingProgress snapshot() {
            double seconds = (System.nanoTime() - start) / 1e9;
            long done = wordsDone.get();
            long effective = effectiveDone.get();
            return new TrainingProgress(epoch, epochs, done, totalWords, effective,
                    seconds > 0 ? effective / seconds : 0, alphaAt(done), OptionalDouble.empty(), seconds);
        }
    }

    /** One worker's generator, scratch buffers and loops. */
    private final class Engine {
        private final int d = options.vectorSize();
        private final int[] sentence = new int[options.batchWords()];
        private final float[] hidden = new float[d];
        private final float[] work = new float[d];
        private final int[] targets = new int[options.negative() + 1];
        private final WordIndex index = vocabulary.wordIndex();
        private final boolean skipGram = options.architecture() == Architecture.SKIP_GRAM;
        private final boolean mean = options.cbowInput() == CbowInput.MEAN;
        private final boolean subsample = options.sample() > 0;
        private final int window = options.window();
        private final boolean shrink = options.shrinkWindows();
        private final boolean batched = options.effectiveAlgorithm() == Algorithm.HOGBATCH;
        /** HOGBATCH: the error summed over a skip-gram window, added to the centre word's rows at its end. */
        private final float[] pending = new float[d];
        /**
         * HOGBATCH CBOW: a ring of the positions in use, 2 * window + 2 slots (position p in slot p mod ring):
         * the sum of the position's rows as it would be after the errors so far, the error not yet added to its
         * rows, the position held (-1: none) and its row count.
         */
        private final int ring = 2 * window + 2;
        private final float[] slotSums = batched && !skipGram ? new float[ring * d] : new float[0];
        private final float[] slotPending = batched && !skipGram ? new float[ring * d] : new float[0];
        private final int[] slotPosition = new int[ring];
        private final int[] slotRowCount = new int[ring];
        private int[] rows = new int[64];
        private long random;
        private float alpha;
        private long rawSinceFlush;
        private long effectiveSinceFlush;
        private int length;

        Engine(int id) {
            this.random = FastText.mixSeed(seed, id + 1);
            this.alpha = (float) alphaAt(wordsDone.get());
        }

        void flush() {
            long done = wordsDone.addAndGet(rawSinceFlush);
            effectiveDone.addAndGet(effectiveSinceFlush);
            rawSinceFlush = 0;
            effectiveSinceFlush = 0;
            alpha = (float) alphaAt(done);
        }

        @SuppressWarnings("unchecked")
        void process(Job job) {
            for (int i = 0; i < job.size(); i++) {
                Object item = job.items()[i];
                length = 0;
                if (item instanceof String line) {
                    CorpusItems.tokenize(line, (l, start, end) -> {
                        rawSinceFlush++;
                        add(index.indexOf(l, start, end));
                    });
                } else {
                    for (String token : (List<String>) item) {
                        rawSinceFlush++;
                        add(index.indexOf(token));
                    }
                }
                if (length > 0) {
                    trainSentence();
                }
                if (rawSinceFlush >= 10_000) {
                    flush();
                }
            }
        }

        private void add(int word) {
            if (word < 0) {
                return;
            }
            if (subsample) {
                random = random * LCG_MULTIPLIER + 11;
                if (keep[word] < (random & 0xFFFF) / 65536f) {
                    return;
                }
            }
            sentence[length++] = word;
            if (length == sentence.length) {
                trainSentence();
                length = 0;
            }
        }

        private void trainSentence() {
            if (batched) {
                effectiveSinceFlush += length;
                if (skipGram) {
                    trainSkipGramWindows();
                } else {
                    trainCbowWindows();
                }
                return;
            }
            effectiveSinceFlush += length;
            for (int pos = 0; pos < length; pos++) {
                random = random * LCG_MULTIPLIER + 11;
                int b = shrink ? (int) Long.remainderUnsigned(random, window) : 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(length - 1, pos + window - b);
                if (skipGram) {
                    int centre = sentence[pos];
                    int rowFrom = subwordOffsets[centre];
                    int rowCount = subwordOffsets[centre + 1] - rowFrom;
                    ensureRows(rowCount);
                    System.arraycopy(subwordRows, rowFrom, rows, 0, rowCount);
                    for (int c = from; c <= to; c++) {
                        if (c != pos) {
                            update(sentence[c], rowCount, true);
                        }
                    }
                } else {
                    int rowCount = 0;
                    for (int c = from; c <= to; c++) {
                        if (c != pos) {
                            int w = sentence[c];
                            int rowFrom = subwordOffsets[w];
                            int n = subwordOffsets[w + 1] - rowFrom;
                            ensureRows(rowCount + n);
                            System.arraycopy(subwordRows, rowFrom, rows, rowCount, n);
                            rowCount += n;
                        }
                    }
                    if (rowCount > 0) {
                        update(sentence[pos], rowCount, mean);
                    }
                }
            }
        }

        private void drawTargets(int word) {
            targets[0] = word;
            for (int k = 1; k < targets.length; k++) {
                random = random * LCG_MULTIPLIER + 11;
                targets[k] = unigramTable.sample(random);
            }
        }

        /**
         * HOGBATCH skip-gram: the centre word's composed vector once per window, the window's predictions in the
         * order and with the draws of HOGWILD, the summed error added to the word's rows once.
         */
        private void trainSkipGramWindows() {
            for (int pos = 0; pos < length; pos++) {
                random = random * LCG_MULTIPLIER + 11;
                int b = shrink ? (int) Long.remainderUnsigned(random, window) : 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(length - 1, pos + window - b);
                if (from == to) {
                    continue;
                }
                int centre = sentence[pos];
                int rowFrom = subwordOffsets[centre];
                int rowTo = subwordOffsets[centre + 1];
                rowSums.sumRows(input, subwordRows, rowFrom, rowTo, d, hidden, 0);
                float inverse = 1f / (rowTo - rowFrom);
                for (int i = 0; i < d; i++) {
                    hidden[i] *= inverse;
                }
                Arrays.fill(pending, 0f);
                for (int c = from; c <= to; c++) {
                    if (c == pos) {
                        continue;
                    }
                    drawTargets(sentence[c]);
                    Arrays.fill(work, 0f);
                    FastTextStep.predict(kernel, output, d, hidden, targets, targets.length, alpha, work);
                    // adding e to every row adds e to their mean: the next prediction sees the updated vector
                    kernel.axpy(1f, work, 0, pending, 0, d);
                    kernel.axpy(1f, work, 0, hidden, 0, d);
                }
                for (int r = rowFrom; r < rowTo; r++) {
                    kernel.axpy(1f, pending, 0, input, subwordRows[r] * d, d);
                }
            }
        }

        /**
         * HOGBATCH CBOW: every position's row sum composed once, when it first enters a window, kept up to date
         * with the errors it takes, and its pending error added to its rows once, when it leaves the last window.
         */
        private void trainCbowWindows() {
            Arrays.fill(slotPosition, -1);
            for (int pos = 0; pos < length; pos++) {
                random = random * LCG_MULTIPLIER + 11;
                int b = shrink ? (int) Long.remainderUnsigned(random, window) : 0;
                int from = Math.max(0, pos - window + b);
                int to = Math.min(length - 1, pos + window - b);
                Arrays.fill(hidden, 0f);
                int rowCount = 0;
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        int slot = slotOf(c);
                        kernel.axpy(1f, slotSums, slot * d, hidden, 0, d);
                        rowCount += slotRowCount[slot];
                    }
                }
                if (rowCount > 0) {
                    float inverse = 1f / rowCount;
                    if (mean) {
                        for (int i = 0; i < d; i++) {
                            hidden[i] *= inverse;
                        }
                    }
                    drawTargets(sentence[pos]);
                    Arrays.fill(work, 0f);
                    FastTextStep.predict(kernel, output, d, hidden, targets, targets.length, alpha, work);
                    float scale = mean ? 1f : inverse;
                    for (int c = from; c <= to; c++) {
                        if (c != pos) {
                            int slot = c % ring;
                            kernel.axpy(scale, work, 0, slotPending, slot * d, d);
                            kernel.axpy(scale * slotRowCount[slot], work, 0, slotSums, slot * d, d);
                        }
                    }
                }
                if (pos >= window) {
                    release(pos - window); // no later window reaches back to it
                }
            }
            for (int slot = 0; slot < ring; slot++) {
                if (slotPosition[slot] >= 0) {
                    release(slotPosition[slot]);
                }
            }
        }

        /** The slot of position p, its row sum composed from the input rows if p is not held yet. */
        private int slotOf(int p) {
            int slot = p % ring;
            if (slotPosition[slot] != p) {
                int word = sentence[p];
                int rowFrom = subwordOffsets[word];
                int rowTo = subwordOffsets[word + 1];
                int off = slot * d;
                rowSums.sumRows(input, subwordRows, rowFrom, rowTo, d, slotSums, off);
                Arrays.fill(slotPending, off, off + d, 0f);
                slotPosition[slot] = p;
                slotRowCount[slot] = rowTo - rowFrom;
            }
            return slot;
        }

        /** Adds position p's pending error to its rows and frees its slot (nothing if p was never used). */
        private void release(int p) {
            int slot = p % ring;
            if (slotPosition[slot] != p) {
                return;
            }
            int word = sentence[p];
            for (int r = subwordOffsets[word], end = subwordOffsets[word + 1]; r < end; r++) {
                kernel.axpy(1f, slotPending, slot * d, input, subwordRows[r] * d, d);
            }
            slotPosition[slot] = -1;
        }

        private void ensureRows(int n) {
            if (rows.length < n) {
                rows = Arrays.copyOf(rows, Math.max(n, rows.length * 2));
            }
        }

        private void update(int word, int rowCount, boolean meanOfRows) {
            targets[0] = word;
            for (int k = 1; k < targets.length; k++) {
                random = random * LCG_MULTIPLIER + 11;
                targets[k] = unigramTable.sample(random);
            }
            FastTextStep.negativeSampling(kernel, input, output, d, rows, rowCount, targets, targets.length, alpha,
                    meanOfRows, hidden, work);
        }
    }
}
