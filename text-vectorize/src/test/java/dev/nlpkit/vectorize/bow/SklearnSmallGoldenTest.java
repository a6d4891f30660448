package dev.nlpkit.vectorize.bow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.DenseMatrix;
import dev.nlpkit.vectorize.vocab.DocumentFrequencyLimit;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * Option sets against scikit-learn 1.2.1 on a toy corpus (golden/sklearn_small.txt, made by
 * golden/make_small_golden.py; the documents below are the script's DOCS).
 */
class SklearnSmallGoldenTest {

    static final List<List<String>> DOCS = List.of(
            "the cat sat on the mat",
            "the dog sat on the log",
            "cats and dogs and cats",
            "",
            "the quick brown fox jumps over the lazy dog",
            "a cat a dog a fox the end",
            "sat sat sat on the mat mat").stream()
            .map(s -> s.isEmpty() ? List.<String>of() : List.of(s.split(" "))).toList();

    record Golden(List<String> terms, List<double[]> rows) {
    }

    static Map<String, Golden> golden() throws IOException {
        Map<String, Golden> configs = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SklearnSmallGoldenTest.class.getResourceAsStream("golden/sklearn_small.txt"), StandardCharsets.UTF_8))) {
            String name = null;
            List<String> terms = null;
            List<double[]> rows = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "config" -> {
                        name = f[1];
                        rows = new ArrayList<>();
                    }
                    case "terms" -> {
                        terms = List.of(Arrays.copyOfRange(f, 1, f.length));
                        configs.put(name, new Golden(terms, rows));
                    }
                    case "row" -> rows.add(Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
                    default -> { }
                }
            }
        }
        return configs;
    }

    private static void assertMatches(String config, Vocabulary vocabulary, CsrMatrix matrix) throws IOException {
        Golden g = golden().get(config);
        assertThat(vocabulary.terms()).as(config + " columns").isEqualTo(g.terms());
        DenseMatrix dense = matrix.toDense();
        assertThat(dense.rows()).isEqualTo(g.rows().size());
        for (int r = 0; r < dense.rows(); r++) {
            for (int c = 0; c < dense.columns(); c++) {
                assertThat((double) dense.get(r, c)).as(config + " (" + r + ", " + c + ")")
                        .isCloseTo(g.rows().get(r)[c], within(1e-6));
            }
        }
    }

    private static void tfidf(String config, TfidfOptions options) throws IOException {
        Fitted<TfidfVectorizer> fitted = TfidfVectorizer.fitTransform(DOCS, options);
        assertMatches(config, fitted.vectorizer().vocabulary(), fitted.matrix());
    }

    private static void counts(String config, CountOptions options) throws IOException {
        Fitted<CountVectorizer> fitted = CountVectorizer.fitTransform(DOCS, options);
        assertMatches(config, fitted.vectorizer().vocabulary(), fitted.matrix());
    }

    @Test
    void sklearnPresetEqualsTfidfVectorizerDefaults() throws IOException {
        tfidf("tfidf_default", TfidfOptions.sklearn());
    }

    @Test
    void logTfWithL1EqualsSublinearTfL1() throws IOException {
        tfidf("tfidf_sublinear_l1", TfidfOptions.sklearn().withTf(TermFrequency.LOG).withNorm(VectorNormalization.L1));
    }

    @Test
    void noIdfEqualsUseIdfFalse() throws IOException {
        tfidf("tfidf_no_idf", TfidfOptions.sklearn().withIdf(InverseDocumentFrequency.NONE));
    }

    @Test
    void noNormEqualsNormNone() throws IOException {
        tfidf("tfidf_no_norm", TfidfOptions.sklearn().withNorm(VectorNormalization.NONE));
    }

    @Test
    void documentFrequencyPruningEqualsMinDfMaxDf() throws IOException {
        TfidfOptions options = TfidfOptions.sklearn();
        tfidf("tfidf_min2_max05", options.withVocabulary(options.vocabulary()
                .withMinDocumentFrequency(DocumentFrequencyLimit.documents(2))
                .withMaxDocumentFrequency(DocumentFrequencyLimit.fraction(0.5))));
    }

    @Test
    void bigramTfidfEqualsNgramRange12() throws IOException {
        tfidf("tfidf_bigrams", TfidfOptions.sklearn().withMaxNgram(2));
    }

    @Test
    void countsEqualCountVectorizer() throws IOException {
        counts("counts_default", CountOptions.defaults());
    }

    @Test
    void binaryEqualsBinaryTrue() throws IOException {
        counts("counts_binary", CountOptions.defaults().withMode(CountMode.BINARY));
    }

    @Test
    void bigramCountsEqualNgramRange12() throws IOException {
        counts("counts_bigrams", CountOptions.defaults().withMaxNgram(2));
    }

    @Test
    void maxFeaturesKeepsTheMostFrequent() throws IOException {
        counts("counts_max_features_2", CountOptions.defaults().withMaxFeatures(2));
    }
}
