package dev.nlpkit.vectorize.bow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.matrix.CsrMatrix;

/**
 * The course's TF-IDF, values computed by hand: TF = count / words in the document, IDF = log2(N / df).
 *
 * <pre>
 * d0 = the sky is blue                 (4 words)
 * d1 = the sun is bright               (4 words)
 * d2 = the sun in the sky is bright    (7 words)
 * N = 3; df: the 3, is 3, sky 2, sun 2, bright 2, blue 1, in 1
 * IDF: the = is = log2(1) = 0; sky = sun = bright = log2(1.5) = 0.5849625007; blue = in = log2(3) = 1.5849625007
 * d0: sky = 1/4 * 0.5849625007 = 0.1462406252, blue = 1/4 * 1.5849625007 = 0.3962406252
 * d2: sun = sky = bright = 1/7 * 0.5849625007 = 0.0835660715, in = 1/7 * 1.5849625007 = 0.2264232144, the = 2/7 * 0 = 0
 * </pre>
 */
class TfidfLessonTest {

    private static final List<List<String>> DOCS = List.of(
            List.of("the", "sky", "is", "blue"),
            List.of("the", "sun", "is", "bright"),
            List.of("the", "sun", "in", "the", "sky", "is", "bright"));

    private final TfidfVectorizer tfidf = TfidfVectorizer.fit(DOCS, TfidfOptions.lesson());
    private final CsrMatrix x = tfidf.transform(DOCS);

    private float weight(int doc, String term) {
        return x.get(doc, tfidf.vocabulary().indexOf(term));
    }

    @Test
    void idfIsLog2OfDocumentsOverDocumentFrequency() {
        assertThat(tfidf.idf(tfidf.vocabulary().indexOf("the"))).isEqualTo(0.0);
        assertThat(tfidf.idf(tfidf.vocabulary().indexOf("sky"))).isCloseTo(0.5849625007, within(1e-9));
        assertThat(tfidf.idf(tfidf.vocabulary().indexOf("blue"))).isCloseTo(1.5849625007, within(1e-9));
    }

    @Test
    void weightsOfTheFirstDocument() {
        assertThat(weight(0, "sky")).isCloseTo(0.1462406252f, within(1e-6f));
        assertThat(weight(0, "blue")).isCloseTo(0.3962406252f, within(1e-6f));
        assertThat(weight(0, "the")).isZero();
        assertThat(weight(0, "sun")).isZero();
    }

    @Test
    void weightsOfTheLongDocumentUseItsWordCount() {
        assertThat(weight(2, "sun")).isCloseTo(0.0835660715f, within(1e-6f));
        assertThat(weight(2, "bright")).isCloseTo(0.0835660715f, within(1e-6f));
        assertThat(weight(2, "in")).isCloseTo(0.2264232144f, within(1e-6f));
        assertThat(weight(2, "the")).isZero();
    }

    @Test
    void unknownWordsStillCountInTheDocumentLength() {
        // "sky" once among 4 words, one of them unknown: 1/4 * log2(1.5)
        assertThat(tfidf.transformDocument(List.of("sky", "zebra", "is", "the")).get(tfidf.vocabulary().indexOf("sky")))
                .isCloseTo(0.1462406252f, within(1e-6f));
    }

    @Test
    void topTermsRankTheRareWordFirst() {
        List<TermWeight> top = tfidf.topTerms(DOCS.get(2), 2);
        assertThat(top).extracting(TermWeight::term).containsExactly("in", "bright");
        assertThat(top.get(0).weight()).isCloseTo(0.2264232144f, within(1e-6f));
    }
}
