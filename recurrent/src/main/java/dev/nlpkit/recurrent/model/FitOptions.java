package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.loss.LossFunction;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import java.nio.file.Path;

/**
 * How {@link Sequential#fit} trains.
 *
 * @param loss            the loss: a built-in {@link dev.nlpkit.recurrent.loss.Loss} or a user
 *                        {@link LossFunction}
 * @param optimizer       optimizer settings (the state is created on the first fit and kept by the model)
 * @param epochs          passes over the training data, >= 1
 * @param batchSize       examples per update, >= 1 ({@link Integer#MAX_VALUE}: full-batch gradient descent)
 * @param seed            seed of shuffling and dropout masks
 * @param shuffle         whether the training examples are reshuffled every epoch (seeded)
 * @param validationSplit fraction in [0, 1) of the training data held out for validation when no validation
 *                        data is given: the LAST examples, before shuffling (as Keras)
 * @param earlyStopping   early stopping, or null for none
 * @param checkpoint      file the model (with optimizer state) is saved to, atomically, after every epoch that
 *                        improves the monitored loss; null for none
 * @param clipNorm        clip gradients to this global L2 norm; 0 disables
 * @param clipValue       clip every gradient element to {@code [-clipValue, clipValue]}; 0 disables
 * @param truncation      truncated back-propagation through time, or null for full BPTT
 * @param divergenceFactor training stops with {@link TrainingDivergedException} when a batch loss exceeds this
 *                        multiple of the first positive batch loss of the {@code fit} call (as it does for a NaN
 *                        or infinite loss); 0 disables the check. Default 100: a loss a hundred times its
 *                        starting value means the steps are too large, and the weights are already useless
 * @param initialEpoch the number of the first epoch, in [0, epochs): a continued fit passes the epochs already done,
 *                     so epochs, history and callbacks number on
 * @param lengthBuckets batches of examples of similar length (tf.data's {@code bucket_by_sequence_length},
 *                     torchtext's {@code BucketIterator}), so that a batch padded to its longest sequence carries
 *                     little padding: each epoch's shuffled examples are taken {@code lengthBuckets} batches at a
 *                     time, sorted by length within that pool (stable, so ties keep the shuffled order), cut into
 *                     batches, and the epoch's batches shuffled (seeded). 0 (the default): batches in the shuffled
 *                     order, as Keras. Needs {@code shuffle} and full BPTT
 */
public record FitOptions(LossFunction loss, OptimizerOptions optimizer, int epochs, int batchSize, long seed,
                         boolean shuffle, double validationSplit, EarlyStopping earlyStopping, Path checkpoint,
                         double clipNorm, double clipValue, TruncatedBptt truncation, double divergenceFactor,
                         int initialEpoch, int lengthBuckets) {

    /**
     * Early stopping (a callback of the training loop): stops when the monitored metric has not improved by more
     * than {@code minDelta} for {@code patience} epochs. The checkpoint follows the same monitor.
     *
     * @param patience           epochs without improvement before stopping, >= 0
     * @param minDelta           smallest change in the good direction that counts as an improvement, >= 0
     * @param restoreBestWeights whether the weights of the best epoch are restored at the end
     * @param monitor            the metric watched; null: the validation loss with validation data, else the
     *                           training loss
     * @param mode               whether the metric should go down or up
     */
    public record EarlyStopping(int patience, double minDelta, boolean restoreBestWeights, History.Metric monitor,
                                Mode mode) {

        /** The direction of improvement. */
        public enum Mode {
            /** Accuracies should go up, losses down (Keras' "auto"). */
            AUTO,
            /** Lower is better. */
            MIN,
            /** Higher is better. */
            MAX
        }

        /** Validates. */
        public EarlyStopping {
            if (patience < 0 || !(minDelta >= 0)) {
                throw new IllegalArgumentException("early stopping needs patience >= 0 and minDelta >= 0, got "
                        + patience + ", " + minDelta);
            }
            if (mode == null) {
                throw new IllegalArgumentException("early stopping needs a mode (AUTO, MIN or MAX)");
            }
        }

        /**
         * On the default monitor (validation loss, else training loss), lower is better.
         *
         * @param patience           epochs without improvement before stopping
         * @param minDelta           smallest decrease that counts
         * @param restoreBestWeights whether the best weights are restored at the end
         */
        public EarlyStopping(int patience, double minDelta, boolean restoreBestWeights) {
            this(patience, minDelta, restoreBestWeights, null, Mode.AUTO);
        }

        /**
         * Patience {@code p}, any decrease counts, best weights restored.
         *
         * @param p epochs without improvement before stopping, >= 0
         * @return the early-stopping options
         */
        public static EarlyStopping patience(int p) {
            return new EarlyStopping(p, 0, true);
        }

        /**
         * A copy watching another logged metric in a given direction.
         *
         * @param metric the metric
         * @param m      the direction ({@link Mode#AUTO}: accuracies up, losses down)
         * @return the copy
         */
        public EarlyStopping monitoring(History.Metric metric, Mode m) {
            return new EarlyStopping(patience, minDelta, restoreBestWeights, metric, m);
        }

        /**
         * A copy with another minimum improvement.
         *
         * @param d the smallest change that counts, >= 0
         * @return the copy
         */
        public EarlyStopping withMinDelta(double d) {
            return new EarlyStopping(patience, d, restoreBestWeights, monitor, mode);
        }

        /**
         * A copy restoring (or not) the best weights at the end.
         *
         * @param restore whether to restore
         * @return the copy
         */
        public EarlyStopping withRestoreBestWeights(boolean restore) {
            return new EarlyStopping(patience, minDelta, restore, monitor, mode);
        }

        /** Whether larger values of {@code metric} are improvements under this mode. */
        boolean maximizes(History.Metric metric) {
            return mode == Mode.MAX || (mode == Mode.AUTO && metric.higherIsBetter());
        }
    }

    /**
     * Truncated BPTT (Williams and Peng 1990): every {@code k1} steps, back-propagate through the last
     * {@code k2} steps. Implemented by windows: the window for the steps {@code [s, s + k1)} starts at
     * {@code s + k1 - k2}, runs from the recurrent states saved there, gets loss only on its last {@code k1}
     * steps and is followed by one optimizer update. {@code k1 == k2} is the common chunked form. Needs per-step
     * targets and recurrent layers that return sequences (not bidirectional).
     *
     * @param k1 steps between updates, >= 1
     * @param k2 steps back-propagated through, a multiple of k1
     */
    public record TruncatedBptt(int k1, int k2) {
        /** Validates. */
        public TruncatedBptt {
            if (k1 < 1 || k2 < k1 || k2 % k1 != 0) {
                throw new IllegalArgumentException("truncated BPTT needs k1 >= 1 and k2 a multiple of k1, got k1="
                        + k1 + ", k2=" + k2);
            }
        }
    }

    /** Validates. */
    public FitOptions {
        if (loss == null || optimizer == null) {
            throw new IllegalArgumentException("fit needs a loss and an optimizer");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batchSize must be >= 1, got " + epochs + ", " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + validationSplit);
        }
        if (!(clipNorm >= 0) || !(clipValue >= 0)) {
            throw new IllegalArgumentException("clipNorm and clipValue must be >= 0, got " + clipNorm + ", "
                    + clipValue);
        }
        if (initialEpoch < 0 || initialEpoch >= epochs) {
            throw new IllegalArgumentException("initialEpoch must be in [0, epochs), got " + initialEpoch + " with epochs "
                    + epochs + " (epochs is the number of the epoch to stop before, as Keras' epochs with "
                    + "initial_epoch)");
        }
        if (!(divergenceFactor == 0 || divergenceFactor > 1) || Double.isInfinite(divergenceFactor)) {
            throw new IllegalArgumentException("divergenceFactor must be 0 (off) or a finite number > 1, got "
                    + divergenceFactor);
        }
        if (lengthBuckets < 0) {
            throw new IllegalArgumentException("lengthBuckets must be >= 0 (0: off), got " + lengthBuckets);
        }
        if (lengthBuckets > 0 && !shuffle) {
            throw new IllegalArgumentException("lengthBuckets " + lengthBuckets + " needs shuffle: without it the "
                    + "batches would be the same sorted ones every epoch");
        }
        if (lengthBuckets > 0 && truncation != null) {
            throw new IllegalArgumentException("lengthBuckets cannot be combined with truncated BPTT");
        }
    }

    /**
     * The options without {@link #lengthBuckets()} (it is 0), as before it existed.
     *
     * @param loss             the loss
     * @param optimizer        the optimizer
     * @param epochs           epochs
     * @param batchSize        batch size
     * @param seed             seed
     * @param shuffle          whether to shuffle
     * @param validationSplit  validation fraction
     * @param earlyStopping    early stopping or null
     * @param checkpoint       checkpoint file or null
     * @param clipNorm         global-norm clip, 0 off
     * @param clipValue        value clip, 0 off
     * @param truncation       truncated BPTT or null
     * @param divergenceFactor divergence factor, 0 off
     * @param initialEpoch     the first epoch's number
     */
    public FitOptions(LossFunction loss, OptimizerOptions optimizer, int epochs, int batchSize, long seed,
                      boolean shuffle, double validationSplit, EarlyStopping earlyStopping, Path checkpoint,
                      double clipNorm, double clipValue, TruncatedBptt truncation, double divergenceFactor,
                      int initialEpoch) {
        this(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping, checkpoint, clipNorm,
                clipValue, truncation, divergenceFactor, initialEpoch, 0);
    }

    /**
     * The options without {@link #initialEpoch()} (it is 0), as before it existed.
     *
     * @param loss             the loss
     * @param optimizer        the optimizer
     * @param epochs           epochs
     * @param batchSize        batch size
     * @param seed             seed
     * @param shuffle          whether to shuffle
     * @param validationSplit  validation fraction
     * @param earlyStopping    early stopping or null
     * @param checkpoint       checkpoint file or null
     * @param clipNorm         global-norm clip, 0 off
     * @param clipValue        value clip, 0 off
     * @param truncation       truncated BPTT or null
     * @param divergenceFactor divergence factor, 0 off
     */
    public FitOptions(LossFunction loss, OptimizerOptions optimizer, int epochs, int batchSize, long seed,
                      boolean shuffle, double validationSplit, EarlyStopping earlyStopping, Path checkpoint,
                      double clipNorm, double clipValue, TruncatedBptt truncation, double divergenceFactor) {
        this(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping, checkpoint, clipNorm,
                clipValue, truncation, divergenceFactor, 0);
    }

    /** The default {@link #divergenceFactor()}. */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 100;

    /**
     * 10 epochs of batch 32, seed 42, shuffled, no validation, no clipping, full BPTT, stop when the loss grows to
     * 100 times its first value.
     *
     * @param loss the loss
     * @param optimizer the optimizer settings
     * @return the options
     */
    public static FitOptions of(LossFunction loss, OptimizerOptions optimizer) {
        return new FitOptions(loss, optimizer, 10, 32, 42L, true, 0, null, null, 0, 0, null, DEFAULT_DIVERGENCE_FACTOR,
                0, 0);
    }

    /**
     * A copy with another epoch count.
     *
     * @param e passes over the training data, >= 1
     * @return a copy with {@code epochs} replaced
     */
    public FitOptions withEpochs(int e) {
        return new FitOptions(loss, optimizer, e, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with another batch size.
     *
     * @param b examples per update, >= 1
     * @return a copy with {@code batchSize} replaced
     */
    public FitOptions withBatchSize(int b) {
        return new FitOptions(loss, optimizer, epochs, b, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with another seed.
     *
     * @param s the seed of shuffling and dropout masks
     * @return a copy with {@code seed} replaced
     */
    public FitOptions withSeed(long s) {
        return new FitOptions(loss, optimizer, epochs, batchSize, s, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with (or without) shuffling.
     *
     * @param s true to reshuffle the training examples every epoch
     * @return a copy with {@code shuffle} replaced
     */
    public FitOptions withShuffle(boolean s) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, s, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy holding out the last {@code f} of the training data for validation.
     *
     * @param f the fraction held out, in [0, 1)
     * @return a copy with {@code validationSplit} replaced
     */
    public FitOptions withValidationSplit(double f) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, f, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with early stopping.
     *
     * @param e the early-stopping options, or null for none
     * @return a copy with {@code earlyStopping} replaced
     */
    public FitOptions withEarlyStopping(EarlyStopping e) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, e,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy saving checkpoints to {@code file}.
     *
     * @param file the checkpoint file, or null for none
     * @return a copy with {@code checkpoint} replaced
     */
    public FitOptions withCheckpoint(Path file) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                file, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy clipping by global norm.
     *
     * @param n the largest global L2 norm of the gradients, >= 0 (0: off)
     * @return a copy with {@code clipNorm} replaced
     */
    public FitOptions withClipNorm(double n) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, n, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy clipping by value.
     *
     * @param v the largest absolute gradient element, >= 0 (0: off)
     * @return a copy with {@code clipValue} replaced
     */
    public FitOptions withClipValue(double v) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, v, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with truncated BPTT.
     *
     * @param t the truncation, or null for full back-propagation through time
     * @return a copy with {@code truncation} replaced
     */
    public FitOptions withTruncation(TruncatedBptt t) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, t, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with another optimizer.
     *
     * @param o the optimizer settings
     * @return a copy with {@code optimizer} replaced
     */
    public FitOptions withOptimizer(OptimizerOptions o) {
        return new FitOptions(loss, o, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, lengthBuckets);
    }

    /**
     * A copy with another divergence factor (0: only NaN and infinite losses stop training).
     *
     * @param f the multiple of the first batch loss that stops training, >= 0 (0: off)
     * @return a copy with {@code divergenceFactor} replaced
     */
    public FitOptions withDivergenceFactor(double f) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, f, initialEpoch, lengthBuckets);
    }

    /**
     * A copy starting at epoch number {@code e} (continued training; {@link #epochs()} stays the number to stop
     * before, so {@code withInitialEpoch(5).withEpochs(10)} trains epochs 5 to 9).
     *
     * @param e the first epoch's number, in [0, epochs)
     * @return the copy
     */
    public FitOptions withInitialEpoch(int e) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, e, lengthBuckets);
    }

    /**
     * A copy whose batches hold examples of similar length ({@link #lengthBuckets()}): less padding, so fewer
     * steps per batch for recurrent layers.
     *
     * @param batches the pool, in batches, sorted by length before it is cut into batches, >= 0 (0: off)
     * @return the copy
     */
    public FitOptions withLengthBuckets(int batches) {
        return new FitOptions(loss, optimizer, epochs, batchSize, seed, shuffle, validationSplit, earlyStopping,
                checkpoint, clipNorm, clipValue, truncation, divergenceFactor, initialEpoch, batches);
    }
}
