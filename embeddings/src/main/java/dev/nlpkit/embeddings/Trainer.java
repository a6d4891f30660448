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
 *
 * <p>The workers tokenise the first epoch's jobs and keep each job's word ids ({@link EncodedJob}); later epochs
 * replay those ids instead of reading and tokenising the corpus again (the lookups of every token in the
 * {@link WordIndex} took about a fifth of a CBOW HOGBATCH worker's time). The ids are what tokenising gives, so
 * the result is the same either way. The cache is kept only while its estimated size stays within a quarter of
 * the heap that is free when training starts ({@link #cacheBudgetInts}); beyond that every epoch streams the
 * corpus, as before.
 */
final class Trainer {

    private static final Object[] NO_ITEMS = new Object[0];
    private static final long LCG_MULTIPLIER = 25214903917L;

    /**
     * A job: corpus items (List&lt;String&gt; sentences or String lines), or the word ids of a first-epoch job
     * ({@code items} null), or an epoch-end / stop marker. {@code encoded}, when the items are set, is filled by
     * the worker with their ids for the next epochs.
     */
    private record Job(Object[] items, int size, EncodedJob encoded, CountDownLatch epochEnd, boolean stop) {
    }

    /**
     * The in-vocabulary word ids of a job's items, one after another, with for each item the end of its ids and
     * its number of tokens (out-of-vocabulary ones included: they count in the learning-rate schedule). Written by
     * the one worker that processed the job, read by the fit thread after the epoch's end marker (the latch orders
     * the two).
     */
    private static final class EncodedJob {
        int[] ids;
        int[] itemEnd;
        int[] itemTokens;
        int items;
        int length;

        /**
         * Sized for the job's estimated words (a quarter more: the estimate from a line's length runs low) and its
         * number of items, so that it rarely grows.
         */
        EncodedJob(int words, int itemCount) {
            ids = new int[16 + words + words / 4];
            itemEnd = new int[Math.max(1, itemCount)];
            itemTokens = new int[Math.max(1, itemCount)];
        }

        void append(int[] itemIds, int n, int tokens) {
            if (length + n > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(2 * ids.length, length + n));
            }
            System.arraycopy(itemIds, 0, ids, length, n);
            length += n;
            if (items == itemEnd.length) {
                itemEnd = Arrays.copyOf(itemEnd, 2 * items);
                itemTokens = Arrays.copyOf(itemTokens, 2 * items);
            }
            itemEnd[items] = length;
            itemTokens[items] = tokens;
            items++;
        }

        /** Drops the unused capacity of {@link #ids} when it is more than a quarter. */
        void trim() {
            if (ids.length - length > ids.length / 4) {
                ids = Arrays.copyOf(ids, length);
            }
        }
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
    /** Whether later epochs replay the first epoch's word ids ({@link EncodedJob}); off only in tests. */
    private boolean epochCache = true;

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

    /** For tests: every epoch reads and tokenises the corpus, as with a cache over its budget. */
    Trainer withoutEpochCache() {
        epochCache = false;
        return this;
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
        List<EncodedJob> cache = epochs > 1 && epochCache ? new ArrayList<>() : null;
        threads.forEach(Thread::start);
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                reporter.epoch = epoch;
                if (epoch > 1 && cache != null) {
                    for (EncodedJob encoded : cache) {
                        put(queue, new Job(null, 0, encoded, null, false), reporter);
                    }
                } else {
                    cache = streamEpoch(corpus, queue, reporter, cache);
                }
                CountDownLatch done = new CountDownLatch(workerCount);
                for (int i = 0; i < workerCount; i++) {
                    put(queue, new Job(NO_ITEMS, 0, null, done, false), reporter);
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
                queue.offer(new Job(NO_ITEMS, 0, null, null, true));
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

    /**
     * Streams one epoch of the corpus as jobs. With {@code cache} non-null, each job also carries an
     * {@link EncodedJob} for its worker to fill, and the list of them is returned, or null once their estimated
     * size passed {@link #cacheBudgetInts} (the jobs after that carry none).
     */
    private List<EncodedJob> streamEpoch(Corpus corpus, BlockingQueue<Job> queue, Reporter reporter,
            List<EncodedJob> cache) {
        JobStream stream = new JobStream(queue, reporter, cache);
        CorpusItems.read(corpus, stream);
        stream.send();
        return stream.cache;
    }

    /** Cuts the items of one epoch into jobs of about {@code batchWords} words and queues them. */
    private final class JobStream implements CorpusItems.ItemSink {
        private final BlockingQueue<Job> queue;
        private final Reporter reporter;
        private final long budget;
        private List<EncodedJob> cache;
        /** Estimated ints in the cache. */
        private long cached;
        private Object[] pending = new Object[64];
        private int items;
        /** Approximate words in pending. */
        private int words;

        JobStream(BlockingQueue<Job> queue, Reporter reporter, List<EncodedJob> cache) {
            this.queue = queue;
            this.reporter = reporter;
            this.cache = cache;
            this.budget = cache == null ? 0 : cacheBudgetInts();
        }

        @Override
        public boolean accept(Object item) {
            if (items == pending.length) {
                pending = Arrays.copyOf(pending, items * 2);
            }
            pending[items++] = item;
            words += item instanceof String line ? approximateWords(line) : ((List<?>) item).size();
            if (words >= options.batchWords()) {
                send();
            }
            return true;
        }

        /** Queues the pending items as a job, if any. */
        void send() {
            if (items == 0) {
                return;
            }
            EncodedJob encoded = null;
            if (cache != null) {
                cached += 16 + words + words / 4 + 2L * items; // as EncodedJob sizes itself
                if (cached <= budget) {
                    encoded = new EncodedJob(words, items);
                    cache.add(encoded);
                } else {
                    cache = null; // too big: the next epochs stream the corpus again
                }
            }
            put(queue, new Job(pending, items, encoded, null, false), reporter);
            pending = new Object[Math.max(64, items)];
            items = 0;
            words = 0;
        }
    }

    /** Ints the word-id cache may take: a quarter of the heap free now, 4 bytes an int. */
    private static long cacheBudgetInts() {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return Math.max(0, free / 4 / Integer.BYTES);
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
        /** The word ids of the corpus item being tokenised. */
        private int[] itemIds = new int[1024];
        private int itemLength;
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
            EncodedJob encoded = job.encoded();
            if (job.items() == null) {
                int from = 0;
                for (int i = 0; i < encoded.items; i++) {
                    trainItem(encoded.ids, from, encoded.itemEnd[i], encoded.itemTokens[i]);
                    from = encoded.itemEnd[i];
                }
                return;
            }
            Object[] items = job.items();
            for (int i = 0; i < job.size(); i++) {
                Object item = items[i];
                itemLength = 0;
                int tokens;
                if (item instanceof String line) {
                    tokens = encodeLine(line);
                } else {
                    List<String> sentence = (List<String>) item;
                    tokens = sentence.size();
                    for (String token : sentence) {
                        encode(index.indexOf(token));
                    }
                }
                if (encoded != null) {
                    encoded.append(itemIds, itemLength, tokens);
                }
                trainItem(itemIds, 0, itemLength, tokens);
            }
            if (encoded != null) {
                encoded.trim();
            }
        }

        /** Trains one corpus item: its word ids {@code ids[from..to)} out of {@code tokens} tokens. */
        private void trainItem(int[] ids, int from, int to, int tokens) {
            length = 0;
            rawSinceFlush += tokens;
            for (int i = from; i < to; i++) {
                add(ids[i]);
            }
            if (length > 0) {
                trainSentence();
            }
            if (rawSinceFlush >= 10_000) {
                flush();
            }
        }

        private void encode(int word) {
            if (word < 0) {
                return;
            }
            if (itemLength == itemIds.length) {
                itemIds = Arrays.copyOf(itemIds, 2 * itemLength);
            }
            itemIds[itemLength++] = word;
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

        /** Tokenises a line into {@link #itemIds}; returns its number of tokens. */
        private int encodeLine(String line) {
            int tokens = 0;
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
                tokens++;
                encode(index.indexOf(line, start, i));
            }
            return tokens;
        }

        /** Subsamples one word id into the sentence, training the sentence when it is full. */
        private void add(int word) {
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
