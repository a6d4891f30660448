package dev.nlpkit.recurrent.model;

import java.util.List;

/**
 * What {@link Sequential#fit} did, epoch by epoch.
 *
 * @param epochs       one record per completed epoch
 * @param bestEpoch    the epoch (numbered from {@link FitOptions#initialEpoch()}) with the best monitored metric
 * @param stoppedEarly whether early stopping or another callback ended training before the last epoch
 */
public record History(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly) {

    /** Copies the list. */
    public History {
        epochs = List.copyOf(epochs);
    }

    /**
     * One epoch.
     *
     * @param epoch              epoch number: 0-based, counted on from {@link FitOptions#initialEpoch()}
     * @param loss               mean training loss over the epoch's batches (weighted by real rows)
     * @param accuracy           training accuracy (NaN for regression)
     * @param validationLoss     validation loss, NaN without validation data
     * @param validationAccuracy validation accuracy, NaN without validation data or for regression
     */
    public record Epoch(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy) {
    }

    /** A metric logged in every {@link Epoch}: what early stopping and checkpoints may monitor. */
    public enum Metric {
        /** {@link Epoch#loss()}. */
        LOSS,
        /** {@link Epoch#accuracy()}. */
        ACCURACY,
        /** {@link Epoch#validationLoss()}. */
        VALIDATION_LOSS,
        /** {@link Epoch#validationAccuracy()}. */
        VALIDATION_ACCURACY;

        /**
         * The value of this metric in an epoch's record.
         *
         * @param e the record
         * @return the value (NaN when not logged)
         */
        public double of(Epoch e) {
            return switch (this) {
                case LOSS -> e.loss();
                case ACCURACY -> e.accuracy();
                case VALIDATION_LOSS -> e.validationLoss();
                case VALIDATION_ACCURACY -> e.validationAccuracy();
            };
        }

        /**
         * Whether larger is better (the accuracies).
         *
         * @return true for accuracies
         */
        public boolean higherIsBetter() {
            return this == ACCURACY || this == VALIDATION_ACCURACY;
        }
    }

    /**
     * The training losses in epoch order.
     *
     * @return a fresh array, one training loss per epoch
     */
    public double[] losses() {
        return epochs.stream().mapToDouble(Epoch::loss).toArray();
    }

    /**
     * The last epoch.
     *
     * @return the record of the last epoch trained
     */
    public Epoch last() {
        return epochs.get(epochs.size() - 1);
    }
}
