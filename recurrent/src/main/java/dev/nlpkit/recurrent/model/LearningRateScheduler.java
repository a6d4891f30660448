package dev.nlpkit.recurrent.model;

/**
 * A learning-rate schedule per epoch, as a callback (Keras' {@code LearningRateScheduler}): before each epoch
 * the optimizer's rate is set to {@code schedule.rate(epoch, current)}, overriding the schedule of its
 * {@link dev.nlpkit.recurrent.optim.OptimizerOptions} for that epoch; at the end of {@code fit} the override is
 * cleared (so a later fit, and a saved model, follow the options' own schedule again). Per-update schedules
 * (step and exponential decay) stay in {@link dev.nlpkit.recurrent.optim.LearningRate}.
 *
 * <pre>{@code
 * model.fit(train, null, fit, TrainingListener.none(),
 *         List.of(new LearningRateScheduler((epoch, lr) -> epoch < 5 ? 1e-3 : 1e-4)));
 * }</pre>
 *
 * @param schedule the rate of each epoch
 */
public record LearningRateScheduler(EpochSchedule schedule) implements Callback {

    /** The rate of an epoch. */
    @FunctionalInterface
    public interface EpochSchedule {
        /**
         * The rate for an epoch.
         *
         * @param epoch   the epoch number
         * @param current the rate the optimizer would use now
         * @return the rate, finite and &gt; 0
         */
        double rate(int epoch, double current);
    }

    /** Validates. */
    public LearningRateScheduler {
        if (schedule == null) {
            throw new IllegalArgumentException("a learning-rate scheduler needs a schedule");
        }
    }

    @Override
    public void onEpochBegin(Run run, int epoch) {
        double rate = schedule.rate(epoch, run.optimizer().currentLearningRate());
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the learning-rate schedule gave " + rate + " for epoch " + epoch
                    + "; a rate must be finite and > 0");
        }
        run.optimizer().setLearningRate(rate);
    }

    @Override
    public void onTrainEnd(Run run) {
        run.optimizer().clearLearningRate();
    }
}
