package dev.nlpkit.vectorize.vocab;

import java.util.Arrays;

/**
 * Open-addressing hash index from a term to its id over a {@code String[]} (linear probing, load <= 1/2). Each
 * slot is two adjacent ints, {@code id + 1} (0 = empty) and the term's mixed hash, so a probe reads one cache
 * line and compares ints; {@code equals} runs only on a hash match. No boxed {@code Integer}, no entry objects:
 * 16 to 32 bytes per term besides the strings.
 */
final class TermTable {

    String[] terms;
    int size;
    /** {@code [2 slot]} = id + 1 (0 = empty), {@code [2 slot + 1]} = mixed hash. */
    private int[] slots;
    private int mask;
    /** Whether some term holds a surrogate char (then UTF-16 order differs from code-point order). */
    boolean surrogates;
    /** Whether some term holds a char above U+00FF (then terms do not pack into 8-bit sort prefixes). */
    boolean wide;

    TermTable(int expected) {
        this(expected, new String[Math.max(16, expected)]);
    }

    private TermTable(int expected, String[] terms) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        this.terms = terms;
        slots = new int[2 * capacity];
        mask = capacity - 1;
    }

    /** An index over {@code terms[0..size)}, which must be distinct; the array is kept, not copied. */
    static TermTable over(String[] terms, int size) {
        TermTable table = new TermTable(size, terms);
        for (int id = 0; id < size; id++) {
            table.place(id, mix(terms[id].hashCode()));
        }
        table.size = size;
        return table;
    }

    static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void place(int id, int h) {
        int slot = h & mask;
        while (slots[2 * slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = id + 1;
        slots[2 * slot + 1] = h;
    }

    /** The id of {@code term}, or -1. */
    int find(String term) {
        int h = mix(term.hashCode());
        int slot = h & mask;
        int[] s = slots;
        while (true) {
            int entry = s[2 * slot];
            if (entry == 0) {
                return -1;
            }
            if (s[2 * slot + 1] == h) {
                String candidate = terms[entry - 1];
                if (candidate == term || candidate.equals(term)) {
                    return entry - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of {@code term}, adding it with the next id when absent. */
    int add(String term) {
        int h = mix(term.hashCode());
        int slot = h & mask;
        int[] s = slots;
        while (true) {
            int entry = s[2 * slot];
            if (entry == 0) {
                break;
            }
            if (s[2 * slot + 1] == h) {
                String candidate = terms[entry - 1];
                if (candidate == term || candidate.equals(term)) {
                    return entry - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        if (id == terms.length) {
            terms = Arrays.copyOf(terms, terms.length * 2);
        }
        terms[id] = term;
        s[2 * slot] = id + 1;
        s[2 * slot + 1] = h;
        if (!surrogates) {
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (c > 0xFF) {
                    wide = true;
                    if (Character.isSurrogate(c)) {
                        surrogates = true;
                        break;
                    }
                }
            }
        }
        if (size * 2 > mask + 1) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int capacity = (mask + 1) * 2;
        int[] old = slots;
        slots = new int[2 * capacity];
        mask = capacity - 1;
        for (int k = 0; k < old.length; k += 2) {
            if (old[k] != 0) {
                place(old[k] - 1, old[k + 1]);
            }
        }
    }

    /** Bytes held by the index arrays (not the strings). */
    long indexBytes() {
        return 16L + 4L * slots.length + 16L + 4L * terms.length;
    }
}
