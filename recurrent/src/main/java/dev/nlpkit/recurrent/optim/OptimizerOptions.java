package dev.nlpkit.recurrent.optim;

/**
 * Immutable optimizer settings; the mutable per-parameter state (moments, step count) lives in an
 * {@link Optimizer} created from them. Formulas follow PyTorch's documentation; {@code g} is the (clipped)
 * gradient, {@code lr} the scheduled rate, {@code t} the 1-based step.
 */
public sealed interface OptimizerOptions permits OptimizerOptions.Sgd, OptimizerOptions.Adam,
        OptimizerOptions.RmsProp, OptimizerSpec {

    /**
     * The learning-rate schedule.
     *
     * @return the schedule
     */
    LearningRate learningRate();

    /**
     * Plain SGD with a constant rate (full-batch gradient descent when the batch is the whole data set).
     *
     * @param learningRate the rate, > 0
     * @return the options
     */
    static Sgd sgd(double learningRate) {
        return new Sgd(LearningRate.constant(learningRate), 0, Momentum.CLASSICAL);
    }

    /**
     * Adam with PyTorch/Keras defaults (beta 0.9 / 0.999), epsilon 1e-7 (Keras), dense updates.
     *
     * @param learningRate the rate, > 0
     * @return the options
     */
    static Adam adam(double learningRate) {
        return new Adam(LearningRate.constant(learningRate), 0.9, 0.999, 1e-7, 0, SparseUpdate.DENSE);
    }

    /**
     * AdamW: Adam with decoupled weight decay (Loshchilov and Hutter 2019).
     *
     * @param learningRate the rate, > 0
     * @param weightDecay the decoupled weight decay, >= 0 (0: plain Adam)
     * @return the options
     */
    static Adam adamW(double learningRate, double weightDecay) {
        return new Adam(LearningRate.constant(learningRate), 0.9, 0.999, 1e-7, weightDecay, SparseUpdate.DENSE);
    }

    /**
     * RMSProp with rho 0.9 (Keras), epsilon 1e-7, no momentum.
     *
     * @param learningRate the rate, > 0
     * @return the options
     */
    static RmsProp rmsProp(double learningRate) {
        return new RmsProp(LearningRate.constant(learningRate), 0.9, 1e-7, 0);
    }

    /** Momentum flavour of {@link Sgd}. */
    enum Momentum {
        /** {@code v = mu v + g; p -= lr v} (classical / heavy ball, PyTorch's formulation). */
        CLASSICAL,
        /** {@code v = mu v + g; p -= lr (g + mu v)} (Nesterov, Sutskever et al. 2013 as PyTorch writes it). */
        NESTEROV
    }

    /** How Adam treats rows of an embedding table that received no gradient in a batch. */
    enum SparseUpdate {
        /**
         * Every row is updated every step, as PyTorch's and Keras' Adam do: untouched rows see {@code g = 0},
         * their moments decay and they keep moving by {@code m / sqrt(v)}. Exact, O(vocabulary) per step.
         */
        DENSE,
        /**
         * Only rows with gradient are updated (TensorFlow's LazyAdam, PyTorch's SparseAdam): an untouched row's
         * moments are neither decayed nor applied. O(rows in batch) per step; a documented approximation.
         */
        LAZY
    }

    /**
     * Stochastic gradient descent with optional momentum: {@code p -= lr g} when {@code momentum == 0}.
     *
     * @param learningRate schedule
     * @param momentum     in [0, 1)
     * @param kind         classical or Nesterov (ignored when momentum is 0)
     */
    record Sgd(LearningRate learningRate, double momentum, Momentum kind) implements OptimizerOptions {
        /** Validates. */
        public Sgd {
            if (learningRate == null || kind == null) {
                throw new IllegalArgumentException("SGD needs a learning rate and a momentum kind");
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
        }

        /**
         * A copy with momentum {@code mu} of the given kind.
         *
         * @param mu the momentum, in [0, 1)
         * @param k classical or Nesterov momentum
         * @return a copy with the momentum replaced
         */
        public Sgd withMomentum(double mu, Momentum k) {
            return new Sgd(learningRate, mu, k);
        }

        /**
         * A copy with another schedule.
         *
         * @param lr the schedule
         * @return a copy with {@code learningRate} replaced
         */
        public Sgd withLearningRate(LearningRate lr) {
            return new Sgd(lr, momentum, kind);
        }
    }

    /**
     * Adam (Kingma and Ba 2015) and AdamW: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
     * {@code p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}; with {@code weightDecay > 0} first
     * {@code p -= lr * weightDecay * p} (decoupled, AdamW).
     *
     * @param learningRate schedule
     * @param beta1        first-moment decay in [0, 1)
     * @param beta2        second-moment decay in [0, 1)
     * @param epsilon      > 0
     * @param weightDecay  decoupled weight decay >= 0 (0: Adam)
     * @param sparseUpdate how embedding rows without gradient are treated
     */
    record Adam(LearningRate learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                SparseUpdate sparseUpdate) implements OptimizerOptions {
        /** Validates. */
        public Adam {
            if (learningRate == null || sparseUpdate == null) {
                throw new IllegalArgumentException("Adam needs a learning rate and a sparse update mode");
            }
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
            }
        }

        /**
         * A copy with another schedule.
         *
         * @param lr the schedule
         * @return a copy with {@code learningRate} replaced
         */
        public Adam withLearningRate(LearningRate lr) {
            return new Adam(lr, beta1, beta2, epsilon, weightDecay, sparseUpdate);
        }

        /**
         * A copy with another epsilon (PyTorch's default is 1e-8).
         *
         * @param e the epsilon added to the denominator, > 0
         * @return a copy with {@code epsilon} replaced
         */
        public Adam withEpsilon(double e) {
            return new Adam(learningRate, beta1, beta2, e, weightDecay, sparseUpdate);
        }

        /**
         * A copy with decoupled weight decay (AdamW).
         *
         * @param wd the decoupled decay, >= 0 (0: plain Adam)
         * @return a copy with {@code weightDecay} replaced
         */
        public Adam withWeightDecay(double wd) {
            return new Adam(learningRate, beta1, beta2, epsilon, wd, sparseUpdate);
        }

        /**
         * A copy with another treatment of untouched embedding rows.
         *
         * @param s dense updates, or lazy updates of only the touched rows
         * @return a copy with {@code sparseUpdate} replaced
         */
        public Adam withSparseUpdate(SparseUpdate s) {
            return new Adam(learningRate, beta1, beta2, epsilon, weightDecay, s);
        }
    }

    /**
     * RMSProp (Tieleman and Hinton 2012): {@code s = rho s + (1 - rho) g^2}; without momentum
     * {@code p -= lr g / (sqrt(s) + eps)}, with momentum {@code b = mu b + g / (sqrt(s) + eps); p -= lr b}
     * (PyTorch).
     *
     * @param learningRate schedule
     * @param rho          decay in [0, 1)
     * @param epsilon      > 0
     * @param momentum     in [0, 1)
     */
    record RmsProp(LearningRate learningRate, double rho, double epsilon, double momentum)
            implements OptimizerOptions {
        /** Validates. */
        public RmsProp {
            if (learningRate == null) {
                throw new IllegalArgumentException("RMSProp needs a learning rate");
            }
            if (!(rho >= 0 && rho < 1) || !(epsilon > 0) || !(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("RMSProp needs rho in [0, 1), epsilon > 0, momentum in [0, 1); got "
                        + rho + ", " + epsilon + ", " + momentum);
            }
        }

        /**
         * A copy with another schedule.
         *
         * @param lr the schedule
         * @return a copy with {@code learningRate} replaced
         */
        public RmsProp withLearningRate(LearningRate lr) {
            return new RmsProp(lr, rho, epsilon, momentum);
        }

        /**
         * A copy with momentum.
         *
         * @param mu the momentum, in [0, 1)
         * @return a copy with {@code momentum} replaced
         */
        public RmsProp withMomentum(double mu) {
            return new RmsProp(learningRate, rho, epsilon, mu);
        }
    }
}
