package dev.nlpkit.embeddings;

import java.util.OptionalDouble;

/**
 * A snapshot of training, passed to {@link dev.nlpkit.core.TrainingListener}s.
 *
 * @param epoch          the current epoch, 1-based
 * @param epochs         the number of epochs of this training call
 * @param wordsProcessed corpus words read so far in this training call (all epochs, before subsampling,
 *                       out-of-vocabulary tokens included: the quantity the learning rate decays over)
 * @param totalWords     wordsProcessed at the end of training ({@code epochs} times the corpus word count)
 * @param effectiveWords words actually trained so far (in the vocabulary and kept by subsampling)
 * @param wordsPerSecond effective words per second since training started
 * @param alpha          the learning rate now
 * @param epochLoss      the loss summed (in double) over this epoch so far: for negative sampling
 *                       {@code -log s(v.u) - sum log s(-v.u_k)} per predicted word, for hierarchical softmax
 *                       {@code -sum log s(+/- v.u_node)}; empty when {@code computeLoss} is off. Reset at
 *                       every epoch start.
 * @param elapsedSeconds seconds since training started
 */
public record TrainingProgress(
        int epoch,
        int epochs,
        long wordsProcessed,
        long totalWords,
        long effectiveWords,
        double wordsPerSecond,
        double alpha,
        OptionalDouble epochLoss,
        double elapsedSeconds) {

    /**
     * Fraction of the training done, in [0, 1].
     *
     * @return the fraction done
     */
    public double fractionDone() {
        return totalWords == 0 ? 1.0 : Math.min(1.0, (double) wordsProcessed / totalWords);
    }
}
