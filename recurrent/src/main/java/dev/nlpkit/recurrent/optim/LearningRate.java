package dev.nlpkit.recurrent.optim;

/**
 * Learning-rate schedules, as a function of the number of optimizer steps already taken ({@code step = 0} for
 * the first update).
 */
public sealed interface LearningRate {

    /**
     * The learning rate for update number {@code step} (0-based).
     *
     * @param step the number of updates already applied, >= 0
     * @return the rate, > 0
     */
    double at(long step);

    /**
     * A constant rate.
     *
     * @param rate the rate, > 0
     * @return the schedule
     */
    static LearningRate constant(double rate) {
        return new Constant(rate);
    }

    /**
     * A constant rate.
     *
     * @param rate the rate, > 0
     */
    record Constant(double rate) implements LearningRate {
        /** Validates. */
        public Constant {
            positive(rate, "learning rate");
        }

        @Override
        public double at(long step) {
            return rate;
        }
    }

    /**
     * Step decay: {@code initial * factor^floor(step / stepSize)} (PyTorch's {@code StepLR}, counted in updates).
     *
     * @param initial  rate of the first updates, > 0
     * @param factor   multiplier in (0, 1]
     * @param stepSize updates between decays, >= 1
     */
    record StepDecay(double initial, double factor, long stepSize) implements LearningRate {
        /** Validates. */
        public StepDecay {
            positive(initial, "initial learning rate");
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("step decay factor must be in (0, 1], got " + factor);
            }
            if (stepSize < 1) {
                throw new IllegalArgumentException("step decay stepSize must be >= 1, got " + stepSize);
            }
        }

        @Override
        public double at(long step) {
            return initial * Math.pow(factor, Math.floorDiv(step, stepSize));
        }
    }

    /**
     * Exponential decay: {@code initial * decayRate^(step / decaySteps)} (Keras' {@code ExponentialDecay},
     * not staircased).
     *
     * @param initial    rate of the first update, > 0
     * @param decayRate  multiplier per {@code decaySteps}, in (0, 1]
     * @param decaySteps updates over which the rate is multiplied by {@code decayRate}, >= 1
     */
    record ExponentialDecay(double initial, double decayRate, long decaySteps) implements LearningRate {
        /** Validates. */
        public ExponentialDecay {
            positive(initial, "initial learning rate");
            if (!(decayRate > 0 && decayRate <= 1)) {
                throw new IllegalArgumentException("decayRate must be in (0, 1], got " + decayRate);
            }
            if (decaySteps < 1) {
                throw new IllegalArgumentException("decaySteps must be >= 1, got " + decaySteps);
            }
        }

        @Override
        public double at(long step) {
            return initial * Math.pow(decayRate, (double) step / decaySteps);
        }
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
        }
    }
}
