package dev.nlpkit.vectorize.bow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/** The bigram index gives the string path's rows bit for bit, whatever the documents hold. */
class BigramIndexTest {

    private static final List<String> WORDS = List.of("good", "bad", "day", "not", "so", "a", "the", "<unk>",
            "é", "😀", "x y", "rare1", "rare2");

    /** Random documents over a small word list (a word with a space, a reserved token's spelling, emoji). */
    private static List<List<String>> documents(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<String>> out = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            int length = random.nextInt(0, 12);
            List<String> document = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                document.add(WORDS.get(random.nextInt(WORDS.size())));
            }
            out.add(document);
        }
        return out;
    }

    private static void assertSameRows(CsrMatrix expected, CsrMatrix actual) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.rowPointers()).containsExactly(expected.rowPointers());
        assertThat(Arrays.copyOf(actual.columnIndices(), actual.nonZeros()))
                .containsExactly(Arrays.copyOf(expected.columnIndices(), expected.nonZeros()));
        float[] a = Arrays.copyOf(actual.values(), actual.nonZeros());
        float[] e = Arrays.copyOf(expected.values(), expected.nonZeros());
        for (int k = 0; k < e.length; k++) {
            assertThat(Float.floatToRawIntBits(a[k])).as("value %d", k).isEqualTo(Float.floatToRawIntBits(e[k]));
        }
    }

    @Test
    void rowsAndStatisticsAreThoseOfTheStringPath() {
        TfidfOptions options = TfidfOptions.sklearn().withMaxNgram(2)
                .withVocabulary(VocabularyOptions.defaults().withMinCount(2));
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(documents(400, 1), options);
        // unseen documents: unknown words and pairs, empty and one-token documents, tokens with a space
        List<List<String>> documents = documents(1_500, 2);
        documents.add(List.of());
        documents.add(List.of("good"));
        documents.add(List.of("new", "words", "only"));
        TokenStats stringStats = new TokenStats();
        TokenStats indexStats = new TokenStats();
        CsrMatrix strings = Counting.transform(vectorizer.vocabulary(), 2, documents, vectorizerWeigher(vectorizer),
                1, stringStats, null);
        CsrMatrix indexed = Counting.transform(vectorizer.vocabulary(), 2, documents, vectorizerWeigher(vectorizer),
                1, indexStats, BigramIndex.of(vectorizer.vocabulary()));
        assertSameRows(strings, indexed);
        assertSameRows(strings, vectorizer.transform(documents));
        assertThat(indexStats.terms()).isEqualTo(stringStats.terms());
        assertThat(indexStats.unknownTerms()).isEqualTo(stringStats.unknownTerms());
        assertThat(indexStats.emptyDocuments()).isEqualTo(stringStats.emptyDocuments());
    }

    @Test
    void aTokenWithASpaceLeavesItsDocumentToTheStringPath() {
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(List.of(List.of("x y", "z"), List.of("x", "y z")),
                TfidfOptions.sklearn().withMaxNgram(2));
        BigramIndex index = BigramIndex.of(vectorizer.vocabulary());
        assertThat(index.ids(List.of("x y", "z"), new int[2], new int[3])).isFalse();
        assertThat(index.ids(List.of("x", "z"), new int[2], new int[3])).isTrue();
        // the document's rows come from the string path, which the vectorizer takes for it
        assertSameRows(Counting.transform(vectorizer.vocabulary(), 2, List.of(List.of("x y", "z")),
                        vectorizerWeigher(vectorizer), 1, null, null),
                vectorizer.transform(List.of(List.of("x y", "z"))));
    }

    @Test
    void aNullTokenIsReportedAsByTheStringPath() {
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(List.of(List.of("a", "b")), TfidfOptions.sklearn()
                .withMaxNgram(2));
        assertThatThrownBy(() -> vectorizer.transform(List.of(Arrays.asList("a", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null token at position 1");
    }

    /** The vectorizer's own weigher. */
    private static Counting.RowWeigher vectorizerWeigher(TfidfVectorizer vectorizer) {
        return vectorizer.rowWeigher();
    }
}
