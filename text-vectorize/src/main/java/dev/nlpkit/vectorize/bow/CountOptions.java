package dev.nlpkit.vectorize.bow;

import dev.nlpkit.core.Threads;
import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.TermOrder;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * Options of a {@link CountVectorizer} (bag of words).
 *
 * @param maxNgram   terms are the n-grams for n = 1..maxNgram (tokens joined by one space)
 * @param mode       counts or 0/1
 * @param vocabulary pruning and order of the columns; {@code maxSize} is scikit-learn's {@code max_features}
 *                   (the most frequent terms are kept)
 * @param threads    worker threads for fit and transform (results do not depend on it)
 */
public record CountOptions(int maxNgram, CountMode mode, VocabularyOptions vocabulary, int threads) {

    public CountOptions {
        if (maxNgram < 1) {
            throw new IllegalArgumentException("maxNgram must be >= 1, got " + maxNgram);
        }
        if (mode == null || vocabulary == null) {
            throw new IllegalArgumentException("mode and vocabulary options must not be null");
        }
        if (vocabulary.reserved() != ReservedTokens.NONE) {
            throw new IllegalArgumentException("bag-of-words columns have no reserved entries; got reserved="
                    + vocabulary.reserved());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Unigram counts, no pruning, alphabetical columns (as scikit-learn's {@code CountVectorizer}), 2 threads at most. */
    public static CountOptions defaults() {
        return new CountOptions(1, CountMode.COUNTS, VocabularyOptions.defaults().withOrder(TermOrder.ALPHABETICAL),
                defaultThreads());
    }

    static int defaultThreads() {
        return Math.min(2, Threads.defaultCount());
    }

    public CountOptions withMaxNgram(int value) {
        return new CountOptions(value, mode, vocabulary, threads);
    }

    public CountOptions withMode(CountMode value) {
        return new CountOptions(maxNgram, value, vocabulary, threads);
    }

    public CountOptions withVocabulary(VocabularyOptions value) {
        return new CountOptions(maxNgram, mode, value, threads);
    }

    /** Keeps the {@code value} most frequent terms (0 = all). */
    public CountOptions withMaxFeatures(int value) {
        return new CountOptions(maxNgram, mode, vocabulary.withMaxSize(value), threads);
    }

    public CountOptions withThreads(int value) {
        return new CountOptions(maxNgram, mode, vocabulary, value);
    }
}
