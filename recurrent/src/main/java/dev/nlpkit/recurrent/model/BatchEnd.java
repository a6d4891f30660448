package dev.nlpkit.recurrent.model;

/**
 * A finished batch: the progress event recurrent's trainer gives its {@link dev.nlpkit.core.TrainingListener}s
 * after each optimizer update.
 *
 * @param epoch    0-based epoch, counted on from {@link FitOptions#initialEpoch()}
 * @param batch    0-based batch within the epoch
 * @param batches  batches per epoch
 * @param loss     the batch's mean loss
 * @param accuracy the batch's accuracy (NaN for regression losses)
 */
public record BatchEnd(int epoch, int batch, int batches, double loss, double accuracy) {
}
