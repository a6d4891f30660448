package dev.nlpkit.classify.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.io.FileFormatException;

/**
 * The TF-IDF logistic regression against scikit-learn's values for the committed fixture (made by
 * src/test/resources/linear/sklearn_golden.py with python3-sklearn 1.2.1), its file format and its bad input.
 */
class TfidfLogisticRegressionTest {

    private static final double TOLERANCE = 1e-6;

    private static TfidfLogisticOptions sklearnLike(boolean sublinear, double c) {
        // scikit-learn's TfidfVectorizer keeps every n-gram (min_df=1); the solver runs to a tight tolerance
        return TfidfLogisticOptions.defaults().withMinCount(1).withSublinearTf(sublinear).withC(c)
                .withTolerance(1e-10).withMaxIterations(100_000);
    }

    private static void assertMatchesSklearn(TfidfLogisticRegression lr, String config) {
        LinearFixtures.Expected expected = LinearFixtures.expected(config);
        List<String> terms = lr.vectorizer().vocabulary().terms();
        assertEquals(new ArrayList<>(expected.coefficients().keySet()), terms, "columns: scikit-learn's vocabulary");
        for (Map.Entry<String, Double> e : expected.coefficients().entrySet()) {
            assertEquals(e.getValue(), lr.coefficient(e.getKey()), TOLERANCE, "coefficient of '" + e.getKey() + "'");
        }
        assertEquals(expected.intercept(), lr.model().intercept(), TOLERANCE, "intercept");
        assertArrayEquals(expected.train(), lr.probabilities(LinearFixtures.read("train.tsv").tokens()), TOLERANCE);
        assertArrayEquals(expected.test(), lr.probabilities(LinearFixtures.read("test.tsv").tokens()), TOLERANCE);
    }

    @Test
    void matchesScikitLearnOnUnigramsAndBigrams() {
        LinearFixtures.Data train = LinearFixtures.read("train.tsv");
        TfidfLogisticRegression lr = TfidfLogisticRegression.fit(train.tokens(), train.classes(),
                sklearnLike(false, 1.0));
        assertTrue(lr.model().converged(), "converged");
        assertMatchesSklearn(lr, "plain");
    }

    @Test
    void matchesScikitLearnWithSublinearTfAndWeakRegularisation() {
        LinearFixtures.Data train = LinearFixtures.read("train.tsv");
        TfidfLogisticRegression lr = TfidfLogisticRegression.fit(train.tokens(), train.classes(),
                sklearnLike(true, 10.0));
        assertTrue(lr.model().converged(), "converged");
        assertMatchesSklearn(lr, "sublinear");
    }

    @Test
    void singleDocumentProbabilityEqualsTheBatchOne() {
        LinearFixtures.Data train = LinearFixtures.read("train.tsv");
        TfidfLogisticRegression lr = TfidfLogisticRegression.fit(train.tokens(), train.classes(),
                TfidfLogisticOptions.defaults());
        List<List<String>> test = LinearFixtures.read("test.tsv").tokens();
        double[] batch = lr.probabilities(test);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(batch[i], lr.probability(test.get(i)), 0.0, "text " + i);
        }
    }

    @Test
    void writeThenReadPredictsBitForBit() throws IOException {
        LinearFixtures.Data train = LinearFixtures.read("train.tsv");
        TfidfLogisticRegression lr = TfidfLogisticRegression.fit(train.tokens(), train.classes(),
                sklearnLike(true, 10.0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lr.write(out);
        TfidfLogisticRegression read = TfidfLogisticRegression.read(new ByteArrayInputStream(out.toByteArray()),
                "memory");
        List<List<String>> test = LinearFixtures.read("test.tsv").tokens();
        assertArrayEquals(lr.probabilities(test), read.probabilities(test), 0.0);
        assertArrayEquals(lr.model().coefficients(), read.model().coefficients(), 0.0);
        assertEquals(lr.options(), read.options());
        assertEquals(lr.model().iterations(), read.model().iterations());
    }

    /** golden.bin: written by this class's model of sklearnLike(false, 1.0) (GoldenLinearWriter), format 1. */
    @Test
    void goldenFileStillReadsAndRewritesIdentically() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/linear/golden-format1.bin")) {
            golden = in.readAllBytes();
        }
        TfidfLogisticRegression read = TfidfLogisticRegression.read(new ByteArrayInputStream(golden), "golden");
        assertMatchesSklearn(read, "plain");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        read.write(again);
        assertArrayEquals(golden, again.toByteArray(), "rewritten bytes");
    }

    @Test
    void readRejectsAnotherKindNamingTheSource() {
        FileFormatException e = assertThrows(FileFormatException.class, () -> TfidfLogisticRegression.read(
                new ByteArrayInputStream("nlpkit-tfidf\t1\n".getBytes()), "x.bin"));
        assertTrue(e.getMessage().startsWith("x.bin:1: not a nlpkit-tfidf-logistic model"), e.getMessage());
    }

    @Test
    void readRejectsANewerVersion() {
        FileFormatException e = assertThrows(FileFormatException.class, () -> TfidfLogisticRegression.read(
                new ByteArrayInputStream("nlpkit-tfidf-logistic\t2\ntext=0\n".getBytes()), "x.bin"));
        assertTrue(e.getMessage().contains("format 2 is newer"), e.getMessage());
    }

    @Test
    void readRejectsTruncatedCoefficients() throws IOException {
        LinearFixtures.Data train = LinearFixtures.read("train.tsv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TfidfLogisticRegression.fit(train.tokens(), train.classes(), TfidfLogisticOptions.defaults()).write(out);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 5);
        IOException e = assertThrows(IOException.class, () -> TfidfLogisticRegression.read(
                new ByteArrayInputStream(cut), "cut.bin"));
        assertTrue(e.getMessage().startsWith("cut.bin: truncated"), e.getMessage());
    }

    @Test
    void fitRefusesOneClassOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfidfLogisticRegression.fit(
                List.of(List.of("a"), List.of("b")), new int[] {1, 1}, TfidfLogisticOptions.defaults()));
        assertEquals("the TF-IDF logistic regression needs both classes, but all 2 texts are class 1",
                e.getMessage());
    }

    @Test
    void fitRefusesTextsThatAreAllEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfidfLogisticRegression.fit(
                List.of(List.of(), List.of()), new int[] {0, 1}, TfidfLogisticOptions.defaults()));
        assertTrue(e.getMessage().startsWith("the TF-IDF logistic regression has no column"), e.getMessage());
    }

    @Test
    void fitRefusesNoTexts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfidfLogisticRegression.fit(
                List.of(), new int[0], TfidfLogisticOptions.defaults()));
        assertEquals("the TF-IDF logistic regression needs training texts, got none", e.getMessage());
    }

    @Test
    void optionsRejectANonPositiveC() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TfidfLogisticOptions.defaults().withC(0));
        assertEquals("linear C must be a finite number > 0, got 0.0", e.getMessage());
    }
}
