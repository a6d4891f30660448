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
 * The training loop of word2vec.c: the calling thread streams the corpus into jobs of about
 * {@code batchWords} words; {@code threads} threads take jobs and update the shared weights without locks
 * (hogwild: concurrent updates of the same row may overwrite each other, a documented, harmless race the
 * original relies on too). With one worker the order of all updates and random draws is fixed, so the
 * result is bit-reproducible for a seed.
 */
final class Trainer {

    private static final Object[] NO_ITEMS = new Object[0];
    private static final long LCG_MULTIPLIER = 25214903917L;

    /** A job: corpus items (List&lt;String&gt; sentences or String lines), or an epoch-end / stop marker. */
    private record Job(Object[] items, int size, CountDownLatch epochEnd, boolean stop) {
    }

    private final TrainingVocabulary vocabulary;
    private final Word2VecOptions options;
    private final float[] syn0;
    private final float[] syn1;
    private final float[] syn1neg;
    private final Kernel kernel;
    private final HuffmanTree tree;
    private final SamplingTables.UnigramTable unigramTable;
    private final float[] keep;
    private final int dimension;
    /** The sentence training of {@link Algorithm#HOGBATCH}, or null for word2vec.c's (HOGWILD). */
    private final HogBatchTrainer hogBatch;

    private final AtomicLong wordsDone = new AtomicLong();
    private final AtomicLong effectiveDone = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long totalWords;

    Trainer(TrainingVocabulary vocabulary, Word2VecOptions options, float[] syn0, float[] syn1, float[] syn1neg) {
        this.vocabulary = vocabulary;
        this.options = options;
        this.syn0 = syn0;
        this.syn1 = syn1;
        this.syn1neg = syn1neg;
        this.kernel = Kernel.select(options.kernel());
        this.dimension = options.vectorSize();
        this.tree = options.hierarchicalSoftmax() ? HuffmanTree.build(vocabulary.countArray()) : null;
        this.unigramTable = options.negative() > 0
                ? SamplingTables.UnigramTable.of(vocabulary.countArray(), options.nsExponent()) : null;
        this.keep = SamplingTables.keepProbabilities(vocabulary.countArray(), options.sample());
        this.hogBatch = options.effectiveAlgorithm() == Algorithm.HOGBATCH
                ? new HogBatchTrainer(options, kernel, syn0, syn1neg, unigramTable) : null;
    }

    String kernelName() {
        return kernel.name();
    }

    /** Trains {@code epochs} passes over {@code corpus}, which has {@code corpusWords} tokens per pass. */
    TrainingSummary train(Corpus corpus, long corpusWords, int epochs,
            List<TrainingListener<TrainingProgress, TrainingProgress>> listeners) {
        int workerCount = options.threads();
        totalWords = Math.max(1, corpusWords * (long) epochs);
        BlockingQueue<Job> queue = new ArrayBlockingQueue<>(2 * workerCount + 2);
        Worker[] workers = new Worker[workerCount];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Worker(i, queue);
            Thread t = Thread.ofPlatform().daemon().name("word2vec-worker-" + i).unstarted(workers[i]);
            threads.add(t);
        }
        long start = System.nanoTime();
        double[] epochLosses = new double[epochs];
        Reporter reporter = new Reporter(listeners, workers, start, epochs);
        threads.forEach(Thread::start);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                reporter.epoch = epoch;
                streamEpoch(corpus, queue, reporter);
                CountDownLatch done = new CountDownLatch(workerCount);
                for (int i = 0; i < workerCount; i++) {
                    put(queue, new Job(NO_ITEMS, 0, done, false), reporter);
                }
                while (!done.await(100, TimeUnit.MILLISECONDS)) {
                    checkFailure();
                    reporter.maybeReport(false);
                }
                checkFailure();
                double loss = 0;
                for (Worker w : workers) {
                    loss += w.epochLossAtEnd;
                }
                epochLosses[epoch - 1] = loss;
                reporter.epochEnd(loss);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Word2Vec training interrupted", e);
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
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingSummary(epochs, wordsDone.get(), effectiveDone.get(), seconds,
                options.computeLoss() ? epochLosses : new double[0], kernel.name(), workerCount);
    }

    private void streamEpoch(Corpus corpus, BlockingQueue<Job> queue, Reporter reporter) {
        int batchWords = options.batchWords();
        Object[][] pending = {new Object[64]};
        int[] state = new int[2]; // [0] items in pending, [1] approximate words in pending
        CorpusItems.read(corpus, item -> {
            int words = item instanceof String line ? approximateWords(line) : ((List<?>) item).size();
            if (state[0] == pending[0].length) {
                pending[0] = Arrays.copyOf(pending[0], state[0] * 2);
            }
            pending[0][state[0]++] = item;
            state[1] += words;
            if (state[1] >= batchWords) {
                put(queue, new Job(pending[0], state[0], null, false), reporter);
                pending[0] = new Object[Math.max(64, state[0])];
                state[0] = 0;
                state[1] = 0;
            }
            return true;
        });
        if (state[0] > 0) {
            put(queue, new Job(pending[0], state[0], null, false), reporter);
        }
    }

    /** Words of a line estimated from its length (about 6 chars a word), to size jobs without splitting. */
    private static int approximateWords(String line) {
        return 1 + line.length() / 6;
    }

    private void put(BlockingQueue<Job> queue, Job job, Reporter reporter) {
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                reporter.maybeReport(false);
            }
            checkFailure();
            reporter.maybeReport(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Word2Vec training interrupted", e);
        }
    }

    private void checkFailure() {
        Throwable t = failure.get();
        if (t != null) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Word2Vec worker failed: " + t, t);
        }
    }

    double alphaAt(long done) {
        double progress = Math.min(1.0, (double) done / totalWords);
        double a = options.alpha() - (options.alpha() - options.minAlpha()) * progress;
        return Math.max(options.minAlpha(), a);
    }

    /** Calls the listeners on the fit thread. */
    private final class Reporter {
        final List<TrainingListener<TrainingProgress, TrainingProgress>> listeners;
        final Worker[] workers;
        final long start;
        final int epochs;
        final long interval;
        long lastReport;
        int epoch;

        Reporter(List<TrainingListener<TrainingProgress, TrainingProgress>> listeners, Worker[] workers, long start,
                int epochs) {
            this.listeners = listeners;
            this.workers = workers;
            this.start = start;
            this.epochs = epochs;
            long min = Long.MAX_VALUE;
            for (TrainingListener<TrainingProgress, TrainingProgress> l : listeners) {
                min = Math.min(min, Math.max(0, l.intervalMillis()));
            }
            this.interval = TimeUnit.MILLISECONDS.toNanos(min); // saturates; no listener: never reports
            this.lastReport = start;
        }

        void maybeReport(boolean force) {
            if (listeners.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (!force && now - lastReport < interval) {
                return;
            }
            lastReport = now;
            double loss = 0;
            for (Worker w : workers) {
                loss += w.publishedLoss;
            }
            TrainingProgress p = snapshot(now, loss);
            for (TrainingListener<TrainingProgress, TrainingProgress> l : listeners) {
                l.onProgress(p);
            }
        }

        void epochEnd(double loss) {
            TrainingProgress p = snapshot(System.nanoTime(), loss);
            for (TrainingListener<TrainingProgress, TrainingProgress> l : listeners) {
                l.onEpochEnd(p);
            }
        }

        private TrainingProgress snapshot(long now, double loss) {
            double seconds = (now - start) / 1e9;
            long done = wordsDone.get();
            long effective = effectiveDone.get();
            return new TrainingProgress(epoch, epochs, done, totalWords, effective,
                    seconds > 0 ? effective / seconds : 0, alphaAt(done),
                    options.computeLoss() ? OptionalDouble.of(loss) : OptionalDouble.empty(), seconds);
        }
    }

    /**
     * One training thread. Its mutable state lives in an {@link Engine} that the thread allocates itself, so
     * the hot fields and scratch buffers of different workers sit in different thread-local allocation
     * buffers, never in one cache line (false sharing would cost the two-worker speed-up).
     */
    private final class Worker implements Runnable {
        private final int id;
        private final BlockingQueue<Job> queue;
        volatile double publishedLoss;
        double epochLossAtEnd;

        Worker(int id, BlockingQueue<Job> queue) {
            this.id = id;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                Engine engine = new Engine(id);
                while (true) {
                    Job job = queue.take();
                    if (job.stop()) {
                        return;
                    }
                    if (job.epochEnd() != null) {
                        engine.drainBatches();
                        engine.flush();
                        epochLossAtEnd = engine.loss;
                        engine.loss = 0;
                        publishedLoss = 0;
                        job.epochEnd().countDown();
                        continue;
                    }
                    engine.process(job);
                    publishedLoss = engine.loss;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }

    /** The training state and loops of one worker thread: its random generator and scratch buffers. */
    private final class Engine {
        private final int[] sentence;
        private final float[] neu1;
        private final float[] neu1e;
        private final int[] targets = new int[options.negative() + 1];
        private final WordIndex index = vocabulary.wordIndex();
        private final boolean skipGram = options.architecture() == Architecture.SKIP_GRAM;
        private final boolean cbowMean = options.cbowInput() == CbowInput.MEAN;
        private final boolean subsample = options.sample() > 0;
        private final boolean computeLoss = options.computeLoss();
        private final int window = options.window();
        private final boolean shrink = options.shrinkWindows();
        private final int negative = options.negative();
        private long random;
        private float alpha;
        private long rawSinceFlush;
        private long effectiveSinceFlush;
        private double loss;
        private int length;
        private final HogBatchTrainer.Worker batch;

        Engine(int id) {
            this.sentence = new int[options.batchWords()];
            this.neu1 = new float[dimension];
            this.neu1e = new float[dimension];
            this.random = Word2Vec.mixSeed(options.seed(), id + 1);
            this.alpha = (float) alphaAt(wordsDone.get());
            this.batch = hogBatch == null ? null : hogBatch.newWorker(id);
        }

        private void flush() {
            long done = wordsDone.addAndGet(rawSinceFlush);
            effectiveDone.addAndGet(effectiveSinceFlush);
            rawSinceFlush = 0;
            effectiveSinceFlush = 0;
            alpha = (float) alphaAt(done);
        }

        @SuppressWarnings("unchecked")
        private void process(Job job) {
            Object[] items = job.items();
            for (int i = 0; i < job.size(); i++) {
                Object item = items[i];
                length = 0;
                if (item instanceof String line) {
                    addLine(line);
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

        /**
         * Trains the sentences CBOW HOGBATCH still buffers (it trains them in lanes when its buffer is full); at
         * the end of an epoch only, never at a job's end, so that how the corpus was cut into jobs (by estimated
         * line lengths for files, by sentence sizes in memory) does not change the result.
         */
        private void drainBatches() {
            if (batch != null) {
                loss += batch.drain(alpha);
            }
        }

        private void addLine(String line) {
            int n = line.length();
            int i = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t' || Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n) {
                    c = line.charAt(i);
                    if (c == ' ' || c == '\t' || Character.isWhitespace(c)) {
                        break;
                    }
                    i++;
                }
                rawSinceFlush++;
                add(index.indexOf(line, start, i));
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
            effectiveSinceFlush += length;
            if (batch != null) {
                loss += batch.train(sentence, length, alpha);
            } else if (skipGram) {
                trainSkipGram();
            } else {
                trainCbow();
            }
        }

        private int reducedWindow() {
            random = random * LCG_MULTIPLIER + 11;
            return shrink ? (int) Long.remainderUnsigned(random, window) : 0;
        }

        private void trainSkipGram() {
            final int d = dimension;
            for (int pos = 0; pos < length; pos++) {
                int word = sentence[pos];
                int b = reducedWindow();
                int from = Math.max(0, pos - window + b);
                int to = Math.min(length - 1, pos + window - b);
                for (int c = from; c <= to; c++) {
                    if (c == pos) {
                        continue;
                    }
                    int l1 = sentence[c] * d;
                    Arrays.fill(neu1e, 0f);
                    if (tree != null) {
                        hierarchicalSoftmax(word, syn0, l1);
                    }
                    if (negative > 0) {
                        negativeSampling(word, syn0, l1);
                    }
                    kernel.axpy(1f, neu1e, 0, syn0, l1, d);
                }
            }
        }

        private void trainCbow() {
            final int d = dimension;
            for (int pos = 0; pos < length; pos++) {
                int word = sentence[pos];
                int b = reducedWindow();
                int from = Math.max(0, pos - window + b);
                int to = Math.min(length - 1, pos + window - b);
                Arrays.fill(neu1, 0f);
                int contexts = 0;
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        kernel.axpy(1f, syn0, sentence[c] * d, neu1, 0, d);
                        contexts++;
                    }
                }
                if (contexts == 0) {
                    continue;
                }
                if (cbowMean) {
                    for (int i = 0; i < d; i++) {
                        neu1[i] /= contexts;
                    }
                }
                Arrays.fill(neu1e, 0f);
                if (tree != null) {
                    hierarchicalSoftmax(word, neu1, 0);
                }
                if (negative > 0) {
                    negativeSampling(word, neu1, 0);
                }
                for (int c = from; c <= to; c++) {
                    if (c != pos) {
                        kernel.axpy(1f, neu1e, 0, syn0, sentence[c] * d, d);
                    }
                }
            }
        }

        /** Hierarchical softmax: for each inner node on word's path, label 1 - code. */
        private void hierarchicalSoftmax(int word, float[] in, int inOff) {
            final int d = dimension;
            for (int k = tree.offsets[word], end = tree.offsets[word + 1]; k < end; k++) {
                int l2 = tree.points[k] * d;
                float f = kernel.dot(in, inOff, syn1, l2, d);
                int code = tree.codes[k];
                if (computeLoss) {
                    loss += SamplingTables.negLogSigmoid(code == 0 ? f : -f);
                }
                if (f <= -SamplingTables.MAX_EXP || f >= SamplingTables.MAX_EXP) {
                    continue;
                }
                float s = SamplingTables.SIGMOID[SamplingTables.tableIndex(f)];
                float g = (1 - code - s) * alpha;
                kernel.axpyBoth(g, syn1, l2, neu1e, in, inOff, d);
            }
        }

        /**
         * Negative sampling: the word with label 1, {@code negative} draws from the unigram distribution with
         * label 0 (a draw equal to the word is skipped, as word2vec.c). All targets are drawn first so their
         * table probes overlap.
         */
        private void negativeSampling(int word, float[] in, int inOff) {
            final int d = dimension;
            final int[] targets = this.targets;
            targets[0] = word;
            for (int k = 1; k <= negative; k++) {
                random = random * LCG_MULTIPLIER + 11;
                targets[k] = unigramTable.sample(random);
            }
            for (int k = 0; k <= negative; k++) {
                int target = targets[k];
                if (k > 0 && target == word) {
                    continue;
                }
                float label = k == 0 ? 1f : 0f;
                int l2 = target * d;
                float f = kernel.dot(in, inOff, syn1neg, l2, d);
                if (computeLoss) {
                    loss += SamplingTables.negLogSigmoid(k == 0 ? f : -f);
                }
                float g;
                if (f > SamplingTables.MAX_EXP) {
                    g = (label - 1) * alpha;
                } else if (f < -SamplingTables.MAX_EXP) {
                    g = label * alpha;
                } else {
                    g = (label - SamplingTables.SIGMOID[SamplingTables.tableIndex(f)]) * alpha;
                }
                kernel.axpyBoth(g, syn1neg, l2, neu1e, in, inOff, d);
            }
        }
    }
}
