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

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code maxNgram} or {@code threads} is below 1, an option is null, or the
     *                                  vocabulary reserves entries
     */
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

    /**
     * Unigram counts, no pruning, alphabetical columns (as scikit-learn's {@code CountVectorizer}), 2 threads at most.
     *
     * @return the default options
     */
    public static CountOptions defaults() {
        return new CountOptions(1, CountMode.COUNTS, VocabularyOptions.defaults().withOrder(TermOrder.ALPHABETICAL),
                defaultThreads());
    }

    static int defaultThreads() {
        return Math.min(2, Threads.defaultCount());
    }

    /**
     * With another n-gram range.
     *
     * @param value the longest n-gram, >= 1 (2 counts unigrams and bigrams)
     * @return a copy with {@code maxNgram} replaced
     */
    public CountOptions withMaxNgram(int value) {
        return new CountOptions(value, mode, vocabulary, threads);
    }

    /**
     * With another count mode.
     *
     * @param value raw counts or 0/1 presence
     * @return a copy with {@code mode} replaced
     */
    public CountOptions withMode(CountMode value) {
        return new CountOptions(maxNgram, value, vocabulary, threads);
    }

    /**
     * With other pruning and column order.
     *
     * @param value the vocabulary options; must not reserve entries
     * @return a copy with {@code vocabulary} replaced
     */
    public CountOptions withVocabulary(VocabularyOptions value) {
        return new CountOptions(maxNgram, mode, value, threads);
    }

    /**
     * Keeps the {@code value} most frequent terms (0 = all).
     *
     * @param value how many terms to keep, >= 0
     * @return a copy whose vocabulary options have {@code maxSize} replaced
     */
    public CountOptions withMaxFeatures(int value) {
        return new CountOptions(maxNgram, mode, vocabulary.withMaxSize(value), threads);
    }

    /**
     * With another number of worker threads.
     *
     * @param value threads for fit and transform, >= 1; the result does not depend on it
     * @return a copy with {@code threads} replaced
     */
    public CountOptions withThreads(int value) {
        return new CountOptions(maxNgram, mode, vocabulary, value);
    }
}
