package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.Optimizer;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one training loop of the module (Keras' {@code Trainer}): epochs of seeded shuffles, one batch generator
 * seed per (seed, epoch, batch), a {@link Step} per batch, listener events, validation, and the callbacks
 * (early stopping, checkpoints, the divergence check and the user's) that end or observe training.
 * {@link Sequential#fit} runs it with a full-BPTT step or the truncated-BPTT step ({@link TruncatedTraining}),
 * {@link Seq2Seq#fit} with its teacher-forcing step.
 */
final class Trainer {

    /**
     * The work of one batch (forward, loss, backward, {@link Run#beforeUpdate}, update(s)): a step strategy.
     */
    @FunctionalInterface
    interface Step {
        Loss.Evaluation run(int[] rows, SplittableRandom rng, int epoch, int batch);
    }

    /** What the loop needs of the model being trained. */
    interface Model {
        List<Tensor> snapshot();

        void restore(List<Tensor> weights);

        void save(Path file) throws IOException;

        Optimizer optimizer();
    }

    private Trainer() {
    }

    /**
     * Runs the callbacks' {@link Callback#beforeUpdate}; when one throws, the gradients are zeroed (no update
     * happens) and the exception ends {@code fit}.
     */
    static void beforeUpdate(Run run, dev.nlpkit.recurrent.layers.Gradients grads, double loss, int epoch,
                             int batch) {
        try {
            run.beforeUpdate(epoch, batch, loss);
        } catch (RuntimeException x) {
            grads.zero();
            throw x;
        }
    }

    /** The run state shared with callbacks. */
    static final class Run implements Callback.Run {
        private final Model model;
        private final List<Callback> callbacks;
        private final List<History.Epoch> epochs = new ArrayList<>();
        private boolean stop;

        Run(Model model, List<Callback> callbacks) {
            this.model = model;
            this.callbacks = callbacks;
        }

        /** Runs every callback's {@link Callback#beforeUpdate}. */
        void beforeUpdate(int epoch, int batch, double loss) {
            for (Callback c : callbacks) {
                c.beforeUpdate(this, epoch, batch, loss);
            }
        }

        @Override
        public void stop() {
            stop = true;
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }

        @Override
        public List<History.Epoch> epochs() {
            return Collections.unmodifiableList(epochs);
        }

        @Override
        public List<Tensor> snapshot() {
            return model.snapshot();
        }

        @Override
        public void restore(List<Tensor> weights) {
            model.restore(weights);
        }

        @Override
        public void save(Path file) throws IOException {
            model.save(file);
        }

        @Override
        public Optimizer optimizer() {
            return model.optimizer();
        }
    }

    /**
     * Trains.
     *
     * @param n          training examples
     * @param options    epochs, batch size, seed, shuffle, early stopping, checkpoint, divergence factor
     * @param hasAccuracy whether the loss has an accuracy
     * @param validation the validation metrics after an epoch, or null without validation
     * @param run        the run (model and callbacks, built-ins first)
     * @param step       the batch step; it calls {@link Run#beforeUpdate} before each update
     * @param listener   progress events
     * @param monitor    the improvement tracker of early stopping and checkpoints
     */
    static History fit(int n, FitOptions options, boolean hasAccuracy, Supplier<Sequential.Metrics> validation,
                       Run run, Step step, TrainingListener<BatchEnd, History.Epoch> listener, Monitor monitor) {
        return fit(n, null, options, hasAccuracy, validation, run, step, listener, monitor);
    }

    /**
     * Trains, with batches of similar lengths when {@link FitOptions#lengthBuckets()} is on.
     *
     * @param n          training examples
     * @param lengths    each example's sequence length (read with {@link FitOptions#lengthBuckets()} only), or
     *                   null when the examples have none
     * @param options    epochs, batch size, seed, shuffle, early stopping, checkpoint, divergence factor
     * @param hasAccuracy whether the loss has an accuracy
     * @param validation the validation metrics after an epoch, or null without validation
     * @param run        the run (model and callbacks, built-ins first)
     * @param step       the batch step; it calls {@link Run#beforeUpdate} before each update
     * @param listener   progress events
     * @param monitor    the improvement tracker of early stopping and checkpoints
     * @return the history
     */
    static History fit(int n, int[] lengths, FitOptions options, boolean hasAccuracy,
                       Supplier<Sequential.Metrics> validation, Run run, Step step,
                       TrainingListener<BatchEnd, History.Epoch> listener, Monitor monitor) {
        int batchSize = Math.min(options.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        int[] order = Dataset.range(0, n);
        boolean bucketing = options.lengthBuckets() > 0 && lengths != null;
        int[] bucketed = bucketing ? new int[n] : null;
        int[] batchOrder = bucketing ? Dataset.range(0, batches) : null;
        SplittableRandom shuffler = new SplittableRandom(options.seed());
        for (Callback c : run.callbacks) {
            c.onTrainBegin(run);
        }
        boolean stoppedEarly = false;
        long progressInterval = TimeUnit.MILLISECONDS.toNanos(Math.max(0, listener.intervalMillis())); // saturates
        long lastProgress = System.nanoTime();
        for (int epoch = options.initialEpoch(); epoch < options.epochs(); epoch++) {
            for (Callback c : run.callbacks) {
                c.onEpochBegin(run, epoch);
            }
            if (options.shuffle()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffler.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
            }
            if (bucketing) {
                bucket(order, lengths, (long) options.lengthBuckets() * batchSize, bucketed);
                for (int i = batches - 1; i > 0; i--) {
                    int j = shuffler.nextInt(i + 1);
                    int tmp = batchOrder[i];
                    batchOrder[i] = batchOrder[j];
                    batchOrder[j] = tmp;
                }
            }
            double lossSum = 0;
            double accSum = 0;
            long rowsSum = 0;
            for (int b = 0; b < batches; b++) {
                int[] rows = bucketing
                        ? java.util.Arrays.copyOfRange(bucketed, batchOrder[b] * batchSize,
                                Math.min(n, (batchOrder[b] + 1) * batchSize))
                        : java.util.Arrays.copyOfRange(order, b * batchSize, Math.min(n, (b + 1) * batchSize));
                SplittableRandom rng = new SplittableRandom(Sequential.mix(options.seed(), epoch, b));
                Loss.Evaluation e = step.run(rows, rng, epoch, b);
                lossSum += e.loss() * e.rows();
                accSum += Double.isNaN(e.accuracy()) ? 0 : e.accuracy() * e.rows();
                rowsSum += e.rows();
                long now = System.nanoTime();
                if (progressInterval == 0 || b == batches - 1 || now - lastProgress >= progressInterval) {
                    lastProgress = now;
                    listener.onProgress(new BatchEnd(epoch, b, batches, e.loss(), e.accuracy()));
                }
            }
            double trainLoss = lossSum / Math.max(1, rowsSum);
            double trainAcc = hasAccuracy ? accSum / Math.max(1, rowsSum) : Double.NaN;
            Sequential.Metrics val = validation == null ? null : validation.get();
            History.Epoch record = new History.Epoch(epoch, trainLoss, trainAcc,
                    val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy());
            run.epochs.add(record);
            listener.onEpochEnd(record);
            for (Callback c : run.callbacks) {
                c.onEpochEnd(run, record);
            }
            if (run.stop) {
                stoppedEarly = epoch < options.epochs() - 1;
                break;
            }
        }
        for (Callback c : run.callbacks) {
            c.onTrainEnd(run);
        }
        return new History(run.epochs, Math.max(monitor.bestEpoch(), options.initialEpoch()), stoppedEarly);
    }

    /**
     * Writes {@code order} into {@code out} sorted by length within each pool of {@code pool} consecutive
     * examples (a stable counting sort: equal lengths keep their shuffled order), shortest first.
     */
    static void bucket(int[] order, int[] lengths, long pool, int[] out) {
        int n = order.length;
        for (int from = 0; from < n; from = (int) Math.min(n, from + pool)) {
            int to = (int) Math.min(n, from + pool);
            int longest = 0;
            for (int i = from; i < to; i++) {
                longest = Math.max(longest, lengths[order[i]]);
            }
            int[] start = new int[longest + 2];
            for (int i = from; i < to; i++) {
                start[lengths[order[i]] + 1]++;
            }
            for (int len = 0; len <= longest; len++) {
                start[len + 1] += start[len];
            }
            for (int i = from; i < to; i++) {
                out[from + start[lengths[order[i]]]++] = order[i];
            }
        }
    }

    /**
     * The monitored metric of one fit (early stopping's, else the validation loss with validation data and the
     * training loss without) and its best epoch; it runs first among the callbacks, so the others read
     * {@link #improved()} of the current epoch.
     */
    static final class Monitor implements Callback {
        private final History.Metric metric;
        private final boolean maximize;
        private final double minDelta;
        private double best;
        private int bestEpoch = -1;
        private boolean improved;

        Monitor(FitOptions options, boolean validating) {
            FitOptions.EarlyStopping es = options.earlyStopping();
            History.Metric m = es == null ? null : es.monitor();
            this.metric = m != null ? m : validating ? History.Metric.VALIDATION_LOSS : History.Metric.LOSS;
            this.maximize = es != null && es.maximizes(metric);
            this.minDelta = es == null ? 0 : es.minDelta();
            this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }

        @Override
        public void onEpochEnd(Callback.Run run, History.Epoch epoch) {
            double v = metric.of(epoch);
            improved = maximize ? v > best + minDelta : v < best - minDelta;
            if (improved) {
                best = v;
                bestEpoch = epoch.epoch();
            }
        }

        boolean improved() {
            return improved;
        }

        int bestEpoch() {
            return bestEpoch;
        }

        History.Metric metric() {
            return metric;
        }
    }

    /** Early stopping on the monitor: patience, optionally restoring the best epoch's weights at the end. */
    static final class EarlyStopping implements Callback {
        private final FitOptions.EarlyStopping options;
        private final Monitor monitor;
        private List<Tensor> bestWeights;

        EarlyStopping(FitOptions.EarlyStopping options, Monitor monitor) {
            this.options = options;
            this.monitor = monitor;
        }

        @Override
        public void onEpochEnd(Callback.Run run, History.Epoch epoch) {
            if (monitor.improved()) {
                if (options.restoreBestWeights()) {
                    bestWeights = run.snapshot();
                }
            } else if (epoch.epoch() - monitor.bestEpoch() >= options.patience()) {
                run.stop();
            }
        }

        @Override
        public void onTrainEnd(Callback.Run run) {
            if (bestWeights != null) {
                run.restore(bestWeights);
            }
        }
    }

    /** Saves the model with its optimizer state after every epoch that improves the monitor. */
    static final class Checkpoint implements Callback {
        private final Path file;
        private final Monitor monitor;

        Checkpoint(Path file, Monitor monitor) {
            this.file = file;
            this.monitor = monitor;
        }

        @Override
        public void onEpochEnd(Callback.Run run, History.Epoch epoch) {
            if (monitor.improved()) {
                try {
                    run.save(file);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot write checkpoint " + file, ex);
                }
            }
        }
    }

    /**
     * The built-in callbacks of {@code options}, in the order of the former loop: monitor, early stopping (best
     * weights snapshot), checkpoint, divergence check; then the user's.
     */
    static List<Callback> callbacks(FitOptions options, Monitor monitor, List<Callback> user) {
        List<Callback> all = new ArrayList<>();
        all.add(monitor);
        if (options.earlyStopping() != null) {
            all.add(new EarlyStopping(options.earlyStopping(), monitor));
        }
        if (options.checkpoint() != null) {
            all.add(new Checkpoint(options.checkpoint(), monitor));
        }
        all.add(new LossGuard(options));
        for (Callback c : user) {
            if (c == null) {
                throw new IllegalArgumentException("callbacks must not be null");
            }
            all.add(c);
        }
        return all;
    }
}
