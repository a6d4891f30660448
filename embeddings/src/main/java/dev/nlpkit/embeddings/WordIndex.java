package dev.nlpkit.embeddings;

/**
 * An open-addressing map from word to row index (word i of the array it was built from has index i) that can
 * also look up a slice of a line without creating a substring (the training workers tokenise corpus lines this
 * way). Immutable and thread-safe after construction. A trained {@link Word2Vec}'s {@link TrainingVocabulary} and its
 * {@link dev.nlpkit.embeddings.vectors.WordVectors} view share one instance.
 */
public final class WordIndex {

    private final String[] keys;
    private final int[] values;
    private final int mask;
    private final int size;

    /**
     * Indexes {@code words}: word i gets index i.
     *
     * @param words distinct, non-null words
     * @throws IllegalArgumentException on a null or duplicate word (the message names both indices)
     */
    public WordIndex(String[] words) {
        size = words.length;
        int capacity = Integer.highestOneBit(Math.max(4, words.length * 2 + 1) - 1) << 1;
        keys = new String[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < words.length; i++) {
            if (words[i] == null) {
                throw new IllegalArgumentException("word index " + i + " is null");
            }
            int slot = mix(words[i].hashCode()) & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(words[i])) {
                    throw new IllegalArgumentException("word index " + i + ": duplicate word '" + words[i]
                            + "' (first at index " + values[slot] + ")");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = words[i];
            values[slot] = i;
        }
    }

    private static int mix(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    /**
     * The index of a word.
     *
     * @param word the word
     * @return its index, or -1 when it is not indexed
     */
    public int indexOf(String word) {
        int slot = mix(word.hashCode()) & mask;
        String key;
        while ((key = keys[slot]) != null) {
            if (key.equals(word)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * The index of {@code line.substring(from, to)}, without allocating the substring.
     *
     * @param line a text
     * @param from start of the word in {@code line} (inclusive)
     * @param to   end of the word in {@code line} (exclusive)
     * @return its index, or -1 when it is not indexed
     */
    public int indexOf(String line, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + line.charAt(i);
        }
        int length = to - from;
        int slot = mix(h) & mask;
        String key;
        while ((key = keys[slot]) != null) {
            if (key.length() == length && key.regionMatches(0, line, from, length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * The number of indexed words.
     *
     * @return the size of the word array this index was built from
     */
    public int size() {
        return size;
    }

    long estimatedBytes() {
        return (long) keys.length * 8 + (long) values.length * 4;
    }
}
