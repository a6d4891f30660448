package dev.nlpkit.recurrent.model;

import java.util.List;

/**
 * What {@link Sequential#fit} did, epoch by epoch.
 *
 * @param epochs       one record per completed epoch
 * @param bestEpoch    0-based epoch with the lowest monitored loss
 * @param stoppedEarly whether early stopping ended training before the last epoch
 */
public record History(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly) {

    /** Copies the list. */
    public History {
        epochs = List.copyOf(epochs);
    }

    /**
     * One epoch.
     *
     * @param epoch              0-based index
     * @param loss               mean training loss over the epoch's batches (weighted by real rows)
     * @param accuracy           training accuracy (NaN for regression)
     * @param validationLoss     validation loss, NaN without validation data
     * @param validationAccuracy validation accuracy, NaN without validation data or for regression
     */
    public record Epoch(int epoch, double loss, double accuracy, double validationLoss, double validationAccuracy) {
    }

    /** The training losses in epoch order. */
    public double[] losses() {
        return epochs.stream().mapToDouble(Epoch::loss).toArray();
    }

    /** The last epoch. */
    public Epoch last() {
        return epochs.get(epochs.size() - 1);
    }
}
