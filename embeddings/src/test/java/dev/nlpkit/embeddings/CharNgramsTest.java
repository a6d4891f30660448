package dev.nlpkit.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reference values from gensim 4.2.0 (Debian python3-gensim): {@code fasttext_inner.ft_hash_bytes},
 * {@code compute_ngrams_bytes} and {@code fasttext.ft_ngram_hashes}, e.g.
 * {@code ft_ngram_hashes('café', 3, 6, 1000)}.
 */
class CharNgramsTest {

    private static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return CharNgrams.hash(b, 0, b.length);
    }

    @Test
    void hashIsFastTextsFnv1aWithSignExtendedBytes() {
        assertEquals(674621742L, hash("<ab>"));
        // bytes >= 0x80 are sign-extended before the XOR (textbook FNV-1a would differ here)
        assertEquals(1023043777L, hash("é"));
        assertEquals(3312017187L, hash("<café>"));
    }

    @Test
    void bucketsMatchGensimForAsciiAndMultiByteWords() {
        assertArrayEquals(new int[] {209508, 621742, 1241756}, CharNgrams.buckets("ab", 3, 6, 2_000_000));
        assertArrayEquals(new int[] {747, 831, 639, 187, 661, 601, 685, 362, 12, 697},
                CharNgrams.buckets("café", 3, 6, 1000));
        assertArrayEquals(new int[] {64, 12, 84, 44, 45, 83, 12, 94, 34, 72, 41, 2, 83, 77, 27, 51, 24, 71, 77, 71,
                6, 24}, CharNgrams.buckets("naïveté", 1, 3, 97));
    }

    @Test
    void ngramsNeverSplitACharacterAndSkipTheLoneBrackets() {
        assertEquals(List.of("<n", "<na", "n", "na", "naï", "a", "aï", "aïv", "ï", "ïv", "ïve", "v", "ve", "vet", "e",
                "et", "eté", "t", "té", "té>", "é", "é>"), CharNgrams.ngrams("naïveté", 1, 3));
    }

    @Test
    void repeatedNgramsAreKeptAndShortWordsHaveFew() {
        assertEquals(List.of("<aa", "<aaa", "<aaaa", "<aaaa>", "aaa", "aaaa", "aaaa>", "aaa", "aaa>", "aa>"),
                CharNgrams.ngrams("aaaa", 3, 6));
        assertEquals(List.of("<a>"), CharNgrams.ngrams("a", 3, 6));
        assertEquals(0, CharNgrams.buckets("a", 4, 6, 100).length);
        assertEquals(0, CharNgrams.buckets("word", 3, 2, 100).length); // maxN < minN: no n-grams
    }
}
