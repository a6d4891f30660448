package dev.nlpkit.embeddings;

/**
 * An open-addressing map from word to index that can also look up a slice of a line without creating a
 * substring (the training workers tokenise corpus lines this way). Immutable after construction.
 */
final class WordIndex {

    private final String[] keys;
    private final int[] values;
    private final int mask;

    WordIndex(String[] words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.length * 2 + 1) - 1) << 1;
        keys = new String[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < words.length; i++) {
            int slot = mix(words[i].hashCode()) & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(words[i])) {
                    throw new IllegalArgumentException("duplicate word '" + words[i] + "' at index " + i);
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

    /** The index of {@code word}, or -1. */
    int indexOf(String word) {
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

    /** The index of {@code line.substring(from, to)}, or -1, without allocating. */
    int indexOf(String line, int from, int to) {
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

    long estimatedBytes() {
        return (long) keys.length * 8 + (long) values.length * 4;
    }
}
