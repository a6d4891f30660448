package dev.nlpkit.vectorize.vocab;

import java.util.Arrays;

/**
 * Open-addressing hash index from a term to its id over a {@code String[]} (linear probing, load <= 1/2). Slots
 * hold {@code id + 1} (0 = empty), so a lookup costs one hash (cached by {@link String}) and usually one
 * {@code equals}; no boxed {@code Integer} and no entry objects, about 8 bytes per term besides the strings.
 */
final class TermTable {

    String[] terms;
    int size;
    private int[] slots;
    private int[] hashes;
    private int mask;
    /** Whether some term holds a surrogate char (then UTF-16 order differs from code-point order). */
    boolean surrogates;

    TermTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        terms = new String[Math.max(16, expected)];
        slots = new int[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
    }

    /** An index over {@code terms[0..size)}, which must be distinct; the array is kept, not copied. */
    static TermTable over(String[] terms, int size) {
        TermTable table = new TermTable(size);
        table.terms = terms;
        for (int id = 0; id < size; id++) {
            int h = mix(terms[id].hashCode());
            int slot = h & table.mask;
            while (table.slots[slot] != 0) {
                slot = (slot + 1) & table.mask;
            }
            table.slots[slot] = id + 1;
            table.hashes[slot] = h;
        }
        table.size = size;
        return table;
    }

    static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The id of {@code term}, or -1. */
    int find(String term) {
        int h = mix(term.hashCode());
        int slot = h & mask;
        int[] s = slots;
        int[] hs = hashes;
        while (true) {
            int entry = s[slot];
            if (entry == 0) {
                return -1;
            }
            if (hs[slot] == h) {
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
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if (hashes[slot] == h) {
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
        slots[slot] = id + 1;
        hashes[slot] = h;
        if (!surrogates) {
            for (int i = 0; i < term.length(); i++) {
                if (Character.isSurrogate(term.charAt(i))) {
                    surrogates = true;
                    break;
                }
            }
        }
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int capacity = slots.length * 2;
        slots = new int[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            int h = mix(terms[id].hashCode());
            int slot = h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
            hashes[slot] = h;
        }
    }

    /** Bytes held by the index arrays (not the strings). */
    long indexBytes() {
        return 16L + 4L * slots.length + 16L + 4L * hashes.length + 16L + 4L * terms.length;
    }
}
