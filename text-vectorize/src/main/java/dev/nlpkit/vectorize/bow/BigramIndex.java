package dev.nlpkit.vectorize.bow;

import java.util.Arrays;
import java.util.List;

import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * The unigram and bigram ids of a document's tokens without building the bigram strings: each token is looked up
 * once in a table of the vocabulary's words (the unigram terms and the two halves of every bigram term), and each
 * pair of adjacent word numbers in an open-addressing table keyed by the pair. The string path builds
 * {@code "a b"} for every pair, hashes it and compares it against the vocabulary's strings; on tweets, most of the
 * transform's time.
 *
 * <p>The ids are exactly the string path's: {@code "a b"} with {@code a} and {@code b} free of spaces is a
 * vocabulary term only as a term with one space, split there, which is how the pairs are registered. A document
 * holding a token with a space (or a null token) is left to the string path ({@link #ids} returns false).
 */
final class BigramIndex {

    /** Open addressing over the words: {@code slots[s]} = word + 1 (0 = empty); hashes beside for quick misses. */
    private final String[] words;
    private final int[] wordSlots;
    private final int[] wordHashes;
    private final int wordMask;
    /** The vocabulary id of each word as a unigram, or -1. */
    private final int[] unigram;
    /** Open addressing over the pairs: key {@code (a << 32) | b} of word numbers, value the term's id + 1. */
    private final long[] pairKeys;
    private final int[] pairIds;
    private final int pairMask;

    private BigramIndex(String[] words, int[] wordSlots, int[] wordHashes, int[] unigram, long[] pairKeys,
            int[] pairIds) {
        this.words = words;
        this.wordSlots = wordSlots;
        this.wordHashes = wordHashes;
        this.wordMask = wordSlots.length - 1;
        this.unigram = unigram;
        this.pairKeys = pairKeys;
        this.pairIds = pairIds;
        this.pairMask = pairKeys.length - 1;
    }

    /** The index of a vocabulary's unigram and one-space (bigram) terms. */
    static BigramIndex of(Vocabulary vocabulary) {
        int size = vocabulary.size();
        // words: at most every term and both halves of every bigram
        Builder words = new Builder(size);
        int bigrams = 0;
        for (int id = 0; id < size; id++) {
            String term = vocabulary.term(id);
            int space = term.indexOf(' ');
            if (space < 0) {
                words.unigram(term, id);
            } else if (term.indexOf(' ', space + 1) < 0) {
                bigrams++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, bigrams * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        int[] ids = new int[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            String term = vocabulary.term(id);
            int space = term.indexOf(' ');
            if (space < 0 || term.indexOf(' ', space + 1) >= 0) {
                continue;
            }
            long key = ((long) words.add(term.substring(0, space)) << 32) | words.add(term.substring(space + 1));
            int slot = mixPair(key) & mask;
            while (ids[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = id + 1;
        }
        return words.build(keys, ids);
    }

    /**
     * The ids of the document's terms in the order of {@link Counting#terms} (its tokens, then its bigrams),
     * {@code -1} for a term not in the vocabulary, into {@code out}.
     *
     * @param scratch at least {@code tokens.size()} ints
     * @return false, leaving {@code out} undefined, when a token is null or holds a space (the string path decides)
     */
    boolean ids(List<String> tokens, int[] scratch, int[] out) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i);
            if (token == null || token.indexOf(' ') >= 0) {
                return false;
            }
            int word = word(token);
            scratch[i] = word;
            out[i] = word < 0 ? -1 : unigram[word];
        }
        for (int i = 0; i + 1 < n; i++) {
            int a = scratch[i];
            int b = scratch[i + 1];
            out[n + i] = a < 0 || b < 0 ? -1 : pair(((long) a << 32) | b);
        }
        return true;
    }

    private int word(String token) {
        int h = mix(token.hashCode());
        int slot = h & wordMask;
        while (true) {
            int entry = wordSlots[slot];
            if (entry == 0) {
                return -1;
            }
            if (wordHashes[slot] == h) {
                String candidate = words[entry - 1];
                if (candidate.equals(token)) {
                    return entry - 1;
                }
            }
            slot = (slot + 1) & wordMask;
        }
    }

    private int pair(long key) {
        int slot = mixPair(key) & pairMask;
        while (true) {
            int id = pairIds[slot];
            if (id == 0) {
                return -1;
            }
            if (pairKeys[slot] == key) {
                return id - 1;
            }
            slot = (slot + 1) & pairMask;
        }
    }

    private static int mixPair(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The word table being filled: unigram terms first, then the halves of the bigrams. */
    private static final class Builder {
        private String[] words;
        private int[] unigram;
        private int size;
        private int[] slots;
        private int[] hashes;
        private int mask;

        Builder(int expected) {
            words = new String[Math.max(16, expected)];
            unigram = new int[words.length];
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            slots = new int[capacity];
            hashes = new int[capacity];
            mask = capacity - 1;
        }

        void unigram(String term, int id) {
            unigram[add(term)] = id;
        }

        /** The number of {@code word}, adding it (not a unigram term) when absent. */
        int add(String word) {
            int h = mix(word.hashCode());
            int slot = h & mask;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                if (hashes[slot] == h && words[entry - 1].equals(word)) {
                    return entry - 1;
                }
                slot = (slot + 1) & mask;
            }
            int number = size++;
            if (number == words.length) {
                words = Arrays.copyOf(words, words.length * 2);
                unigram = Arrays.copyOf(unigram, words.length);
            }
            words[number] = word;
            unigram[number] = -1;
            slots[slot] = number + 1;
            hashes[slot] = h;
            if (size * 2 > mask + 1) {
                rehash();
            }
            return number;
        }

        private void rehash() {
            int capacity = (mask + 1) * 2;
            int[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new int[capacity];
            hashes = new int[capacity];
            mask = capacity - 1;
            for (int s = 0; s < oldSlots.length; s++) {
                if (oldSlots[s] != 0) {
                    int slot = oldHashes[s] & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = oldSlots[s];
                    hashes[slot] = oldHashes[s];
                }
            }
        }

        BigramIndex build(long[] pairKeys, int[] pairIds) {
            return new BigramIndex(Arrays.copyOf(words, size), slots, hashes,
                    Arrays.copyOf(unigram, size), pairKeys, pairIds);
        }
    }

    /** The vocabulary table's hash mix (spreads String.hashCode over the low bits). */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
