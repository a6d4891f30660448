package dev.nlpkit.embeddings;

import java.util.Arrays;
import java.util.List;

/**
 * The training vocabulary: words sorted by descending corpus count (ties in order of first appearance),
 * with their counts. Index 0 is the most frequent word. Immutable.
 */
public final class TrainingVocabulary {

    private final String[] words;
    private final long[] counts;
    private final WordIndex index;
    private final long corpusWords;

    /**
     * @param words       distinct words, most frequent first
     * @param counts      their counts
     * @param corpusWords number of tokens in the corpus, out-of-vocabulary ones included
     */
    TrainingVocabulary(String[] words, long[] counts, long corpusWords) {
        if (words.length != counts.length) {
            throw new IllegalArgumentException(words.length + " words but " + counts.length + " counts");
        }
        this.words = words;
        this.counts = counts;
        this.index = new WordIndex(words);
        this.corpusWords = corpusWords;
    }

    /**
     * Number of words.
     *
     * @return the number of words
     */
    public int size() {
        return words.length;
    }

    /**
     * The word at {@code index} (0 = most frequent).
     *
     * @param index an index, in [0, size)
     * @return the word
     */
    public String word(int index) {
        return words[index];
    }

    /**
     * The corpus count of the word at {@code index}.
     *
     * @param index an index, in [0, size)
     * @return its count
     */
    public long count(int index) {
        return counts[index];
    }

    /**
     * The index of {@code word}, or -1 when it is not in the vocabulary.
     *
     * @param word any word
     * @return its index, or -1
     */
    public int indexOf(String word) {
        return index.indexOf(word);
    }

    /**
     * Number of corpus tokens seen when counting, out-of-vocabulary tokens included.
     *
     * @return the number of corpus tokens
     */
    public long corpusWords() {
        return corpusWords;
    }

    /**
     * Sum of the counts of the vocabulary words (word2vec.c's {@code train_words}).
     *
     * @return the number of retained words
     */
    public long retainedWords() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The words, most frequent first.
     *
     * @return the words, unmodifiable
     */
    public List<String> words() {
        return List.of(words);
    }

    String[] wordArray() {
        return words;
    }

    long[] countArray() {
        return counts;
    }

    WordIndex wordIndex() {
        return index;
    }

    @Override
    public String toString() {
        return "TrainingVocabulary[" + words.length + " words, " + corpusWords + " corpus tokens"
                + (words.length > 0 ? ", first " + Arrays.asList(words).subList(0, Math.min(5, words.length)) : "")
                + "]";
    }
}
