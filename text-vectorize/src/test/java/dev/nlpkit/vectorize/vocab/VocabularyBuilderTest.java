package dev.nlpkit.vectorize.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class VocabularyBuilderTest {

    // df: a=4 b=2 c=3 d=1 e=1 ; counts: a=7 b=2 c=3 d=1 e=2
    private static final List<List<String>> DOCS = List.of(
            List.of("a", "a", "b", "c"),
            List.of("a", "c"),
            List.of("a", "a", "a", "b", "e", "e"),
            List.of("a", "c", "d"));

    private static Vocabulary build(VocabularyOptions options) {
        return Vocabulary.builder(options).addDocuments(DOCS).build();
    }

    @Test
    void countsTermAndDocumentFrequencies() {
        Vocabulary v = build(VocabularyOptions.defaults());
        assertThat(v.documentCount()).isEqualTo(4);
        assertThat(v.count(v.indexOf("a"))).isEqualTo(7);
        assertThat(v.documentFrequency(v.indexOf("a"))).isEqualTo(4);
        assertThat(v.count(v.indexOf("e"))).isEqualTo(2);
        assertThat(v.documentFrequency(v.indexOf("e"))).isEqualTo(1);
    }

    @Test
    void ordersByCountDescendingThenTerm() {
        assertThat(build(VocabularyOptions.defaults()).terms()).containsExactly("a", "c", "b", "e", "d");
    }

    @Test
    void ordersAlphabeticallyWhenAsked() {
        assertThat(build(VocabularyOptions.defaults().withOrder(TermOrder.ALPHABETICAL)).terms())
                .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void minCountDropsRareTerms() {
        assertThat(build(VocabularyOptions.defaults().withMinCount(2)).terms()).containsExactly("a", "c", "b", "e");
    }

    @Test
    void minDocumentFrequencyAbsolute() {
        assertThat(build(VocabularyOptions.defaults().withMinDocumentFrequency(DocumentFrequencyLimit.documents(2)))
                .terms()).containsExactly("a", "c", "b");
    }

    @Test
    void maxDocumentFrequencyFraction() {
        // 0.75 * 4 = 3 documents: a (df 4) goes, c (df 3) stays
        assertThat(build(VocabularyOptions.defaults().withMaxDocumentFrequency(DocumentFrequencyLimit.fraction(0.75)))
                .terms()).containsExactly("c", "b", "e", "d");
    }

    @Test
    void minDocumentFrequencyFraction() {
        // 0.5 * 4 = 2 documents
        assertThat(build(VocabularyOptions.defaults().withMinDocumentFrequency(DocumentFrequencyLimit.fraction(0.5)))
                .terms()).containsExactly("a", "c", "b");
    }

    @Test
    void maxSizeKeepsTheMostFrequent() {
        assertThat(build(VocabularyOptions.defaults().withMaxSize(3).withOrder(TermOrder.ALPHABETICAL)).terms())
                .containsExactly("a", "b", "c");
    }

    @Test
    void maxSizeBreaksCountTiesByTerm() {
        // b and e both have count 2: b wins
        assertThat(build(VocabularyOptions.defaults().withMaxSize(3)).terms()).containsExactly("a", "c", "b");
    }

    @Test
    void reservedEntriesComeFirst() {
        Vocabulary v = build(VocabularyOptions.defaults().withReserved(ReservedTokens.PAD_AND_UNK));
        assertThat(v.terms()).containsExactly("<pad>", "<unk>", "a", "c", "b", "e", "d");
        assertThat(v.indexOf(Vocabulary.PAD)).isZero();
        assertThat(v.indexOf(Vocabulary.UNK)).isEqualTo(1);
        assertThat(v.reservedCount()).isEqualTo(2);
    }

    @Test
    void reservedEntriesDoNotCountTowardsMaxSize() {
        Vocabulary v = build(VocabularyOptions.defaults().withReserved(ReservedTokens.PAD).withMaxSize(2));
        assertThat(v.terms()).containsExactly("<pad>", "a", "c");
    }

    @Test
    void lookupsAreInverseForEveryId() {
        List<List<String>> docs = new ArrayList<>();
        Random random = new Random(7);
        for (int d = 0; d < 200; d++) {
            List<String> doc = new ArrayList<>();
            for (int t = 0; t < 30; t++) {
                doc.add("w" + random.nextInt(5000));
            }
            docs.add(doc);
        }
        Vocabulary v = Vocabulary.builder(VocabularyOptions.defaults()).addDocuments(docs).build();
        for (int id = 0; id < v.size(); id++) {
            assertThat(v.indexOf(v.term(id))).isEqualTo(id);
        }
        assertThat(v.indexOf("absent")).isEqualTo(-1);
    }

    @Test
    void mergedBuildersEqualOneBuilder() {
        Vocabulary.Builder first = Vocabulary.builder(VocabularyOptions.defaults()).addDocuments(DOCS.subList(0, 1));
        Vocabulary.Builder second = Vocabulary.builder(VocabularyOptions.defaults()).addDocuments(DOCS.subList(1, 4));
        Vocabulary merged = second.merge(first).build();
        Vocabulary single = build(VocabularyOptions.defaults());
        assertThat(merged.terms()).isEqualTo(single.terms());
        for (int id = 0; id < single.size(); id++) {
            assertThat(merged.count(id)).isEqualTo(single.count(id));
            assertThat(merged.documentFrequency(id)).isEqualTo(single.documentFrequency(id));
        }
        assertThat(merged.documentCount()).isEqualTo(4);
    }

    @Test
    void maxBelowMinDocumentFrequencyIsRejected() {
        VocabularyOptions options = VocabularyOptions.defaults()
                .withMinDocumentFrequency(DocumentFrequencyLimit.documents(3))
                .withMaxDocumentFrequency(DocumentFrequencyLimit.fraction(0.5));
        assertThatThrownBy(() -> build(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the minimum");
    }

    @Test
    void nullTokenIsRejectedWithItsPosition() {
        List<String> doc = new ArrayList<>(List.of("a"));
        doc.add(null);
        assertThatThrownBy(() -> Vocabulary.builder(VocabularyOptions.defaults()).addDocument(doc))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 1");
    }

    @Test
    void optionsValidate() {
        assertThatThrownBy(() -> VocabularyOptions.defaults().withMinCount(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentFrequencyLimit.fraction(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VocabularyOptions.defaults().withOrder(TermOrder.GIVEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenOrderKeepsTheTermsAsGiven() {
        Vocabulary v = Vocabulary.of("man", "woman", "boy");
        assertThat(v.terms()).containsExactly("man", "woman", "boy");
        assertThatThrownBy(() -> Vocabulary.of("a", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("occurs twice");
    }

    @Test
    void codePointOrderPutsSupplementaryCharactersLast() {
        String emoji = "\uD83D\uDE00"; // U+1F600
        String fullwidth = "\uFF01";   // U+FF01
        assertThat(fullwidth.compareTo(emoji)).isPositive(); // UTF-16 order
        assertThat(CodePointOrder.INSTANCE.compare(fullwidth, emoji)).isNegative(); // Python order
        assertThat(CodePointOrder.INSTANCE.compare("ab", "abc")).isNegative();
    }
}
