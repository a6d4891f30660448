package dev.nlpkit.embeddings.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nlpkit.embeddings.Golden;
import dev.nlpkit.embeddings.io.Word2VecFormat;

/** Queries on gensim-written vectors give gensim's answers (golden/make_golden.py). */
class WordVectorsGoldenTest {

    private static WordVectors wv;

    @BeforeAll
    static void load() throws IOException {
        wv = Word2VecFormat.read(Golden.file("vectors.txt"), Word2VecFormat.Format.TEXT);
    }

    private static void assertSameAsGensim(List<ScoredWord> ours, String key) {
        List<String> cells = Golden.cells(key);
        assertThat(ours).hasSize(cells.size() / 2);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).word()).isEqualTo(cells.get(2 * i));
            assertThat(ours.get(i).score()).isCloseTo(Double.parseDouble(cells.get(2 * i + 1)), within(1e-5));
        }
    }

    @Test
    void mostSimilarMatchesGensim() {
        assertSameAsGensim(wv.mostSimilar("king", 5), "most_similar_king_5");
    }

    @Test
    void threeCosAddMatchesGensim() {
        assertSameAsGensim(wv.mostSimilar(List.of("king", "woman"), List.of("man"), 3), "add_king_woman_minus_man_3");
        assertSameAsGensim(wv.mostSimilar(List.of("paris", "germany"), List.of("france"), 3),
                "add_paris_germany_minus_france_3");
    }

    @Test
    void threeCosMulMatchesGensim() {
        assertSameAsGensim(wv.mostSimilarCosMul(List.of("king", "woman"), List.of("man"), 3),
                "cosmul_king_woman_minus_man_3");
    }

    @Test
    void nearestToAVectorMatchesGensimSimilarByVector() {
        assertSameAsGensim(wv.nearest(wv.vector("rome").orElseThrow(), 3), "by_vector_rome_3");
    }

    @Test
    void restrictionToMostFrequentMatchesGensimRestrictVocab() {
        assertSameAsGensim(wv.restrictToMostFrequent(20).mostSimilar("king", 3), "most_similar_king_restrict20_3");
    }

    @Test
    void similarityAndDoesntMatchMatchGensim() {
        assertThat(wv.similarity("king", "queen"))
                .isCloseTo(Double.parseDouble(Golden.cells("similarity_king_queen").get(0)), within(1e-6));
        assertThat(wv.similarity("apple", "tokyo"))
                .isCloseTo(Double.parseDouble(Golden.cells("similarity_apple_tokyo").get(0)), within(1e-6));
        assertThat(wv.doesntMatch(List.of("apple", "banana", "cherry", "table")))
                .isEqualTo(Golden.cells("doesnt_match").get(0));
    }

    @Test
    void unknownWordsGiveEmptyOrTheDocumentedException() {
        assertThat(wv.vector("dragon")).isEmpty();
        assertThat(wv.indexOf("dragon")).isEqualTo(-1);
        assertThatThrownBy(() -> wv.mostSimilar("dragon", 3)).isInstanceOf(UnknownWordException.class)
                .hasMessageContaining("'dragon'");
        assertThatThrownBy(() -> wv.similarity("king", "dragon")).isInstanceOf(UnknownWordException.class);
        WordVectors first10 = wv.restrictToMostFrequent(10);
        assertThat(first10.contains("king")).isFalse();
        assertThat(first10.vector("king")).isEmpty();
    }

    @Test
    void topKIsSortedAndExcludesTheQuery() {
        List<ScoredWord> all = wv.mostSimilar("queen", wv.size());
        assertThat(all).hasSize(wv.size() - 1);
        assertThat(all).extracting(ScoredWord::word).doesNotContain("queen");
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
        }
    }

    @Test
    void concurrentQueriesGiveTheSequentialAnswers() {
        List<String> words = wv.words();
        List<List<ScoredWord>> sequential = words.stream().map(w -> wv.mostSimilar(w, 4)).toList();
        List<List<ScoredWord>> parallel = words.parallelStream().map(w -> wv.mostSimilar(w, 4)).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void unitVectorsHaveNormOne() {
        float[] u = wv.unitVector("paris").orElseThrow();
        double sq = 0;
        for (float x : u) {
            sq += x * x;
        }
        assertThat(sq).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void nonFiniteOrDuplicateInputIsRejectedWithTheWordIndex() {
        assertThatThrownBy(() -> WordVectors.of(new String[] {"a", "b"}, new float[] {1, 2, Float.NaN, 4}, 2))
                .hasMessageContaining("word index 1");
        assertThatThrownBy(() -> WordVectors.of(new String[] {"a", "a"}, new float[] {1, 2, 3, 4}, 2))
                .hasMessageContaining("word index 1").hasMessageContaining("duplicate");
    }
}
