package dev.nlpkit.embeddings;

import java.util.Arrays;

/**
 * What one training call did.
 *
 * @param epochs         epochs trained
 * @param rawWords       corpus tokens read (all epochs, before subsampling, OOV included)
 * @param effectiveWords words trained on (in the vocabulary and kept by subsampling; gensim's
 *                       "effective words")
 * @param seconds        wall time of training (vocabulary building excluded)
 * @param epochLosses    loss of each epoch, empty when {@code computeLoss} was off
 * @param kernel         the vector kernel used ("plain" or "vector-api-&lt;bits&gt;")
 * @param threads        training threads
 */
public record TrainingSummary(int epochs, long rawWords, long effectiveWords, double seconds,
        double[] epochLosses, String kernel, int threads) {

    /** Copies the losses. */
    public TrainingSummary {
        epochLosses = epochLosses.clone();
    }

    /**
     * The loss of each epoch.
     *
     * @return a fresh copy, empty when the loss was not computed
     */
    @Override
    public double[] epochLosses() {
        return epochLosses.clone();
    }

    /**
     * Effective words per second.
     *
     * @return effective words per second of wall time, 0 when no time was measured
     */
    public double effectiveWordsPerSecond() {
        return seconds > 0 ? effectiveWords / seconds : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSummary t && t.epochs == epochs && t.rawWords == rawWords
                && t.effectiveWords == effectiveWords && t.seconds == seconds
                && Arrays.equals(t.epochLosses, epochLosses) && t.kernel.equals(kernel) && t.threads == threads;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(effectiveWords) * 31 + Arrays.hashCode(epochLosses);
    }

    @Override
    public String toString() {
        return "TrainingSummary[epochs=" + epochs + ", rawWords=" + rawWords + ", effectiveWords=" + effectiveWords
                + ", seconds=" + seconds + ", epochLosses=" + Arrays.toString(epochLosses) + ", kernel=" + kernel
                + ", threads=" + threads + "]";
    }
}
