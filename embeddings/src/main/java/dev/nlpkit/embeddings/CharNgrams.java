package dev.nlpkit.embeddings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The character n-grams of fastText (Facebook's {@code Dictionary::computeSubwords}, gensim's
 * {@code compute_ngrams_bytes} and {@code ft_ngram_hashes}): the word is wrapped as {@code <word>} and encoded
 * in UTF-8; every run of {@code minN..maxN} characters (UTF-8 sequences, never split) is an n-gram, by start
 * position then length, except the lone {@code <} and {@code >} when {@code minN = 1}. Repeated n-grams are
 * kept (they weigh more in the mean, as in both implementations). Each n-gram is hashed with 32-bit FNV-1a
 * in fastText's variant, which XORs each byte <em>sign-extended</em> ({@code uint32_t(int8_t(b))}), so bytes
 * &ge; 0x80 give other hashes than textbook FNV-1a; gensim copies this quirk. The row is
 * {@code hash % bucket} (unsigned).
 */
final class CharNgrams {

    private static final int[] NONE = new int[0];

    private CharNgrams() {
    }

    /** fastText's hash of {@code bytes[from, to)}: FNV-1a 32-bit over sign-extended bytes, as unsigned. */
    static long hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5; // 2166136261
        for (int i = from; i < to; i++) {
            h ^= bytes[i]; // the byte is sign-extended: fastText's int8_t cast
            h *= 0x01000193; // 16777619
        }
        return Integer.toUnsignedLong(h);
    }

    /** The bucket rows (0..bucket-1) of the n-grams of {@code word}, in fastText's order; empty when none. */
    static int[] buckets(String word, int minN, int maxN, int bucket) {
        if (maxN < minN || bucket <= 0) {
            return NONE;
        }
        byte[] w = wrap(word);
        int[] rows = new int[16];
        int count = 0;
        for (int i = 0; i < w.length; i++) {
            if (isContinuation(w[i])) {
                continue;
            }
            int end = i;
            for (int n = 1; end < w.length && n <= maxN; n++) {
                end++;
                while (end < w.length && isContinuation(w[end])) {
                    end++;
                }
                if (n >= minN && !(n == 1 && (i == 0 || end == w.length))) {
                    if (count == rows.length) {
                        rows = Arrays.copyOf(rows, count * 2);
                    }
                    rows[count++] = (int) (hash(w, i, end) % bucket);
                }
            }
        }
        return count == 0 ? NONE : Arrays.copyOf(rows, count);
    }

    /** The n-grams themselves (for inspection and tests), in the order of {@link #buckets}. */
    static List<String> ngrams(String word, int minN, int maxN) {
        List<String> out = new ArrayList<>();
        if (maxN < minN) {
            return out;
        }
        byte[] w = wrap(word);
        for (int i = 0; i < w.length; i++) {
            if (isContinuation(w[i])) {
                continue;
            }
            int end = i;
            for (int n = 1; end < w.length && n <= maxN; n++) {
                end++;
                while (end < w.length && isContinuation(w[end])) {
                    end++;
                }
                if (n >= minN && !(n == 1 && (i == 0 || end == w.length))) {
                    out.add(new String(w, i, end - i, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static byte[] wrap(String word) {
        return ("<" + word + ">").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
