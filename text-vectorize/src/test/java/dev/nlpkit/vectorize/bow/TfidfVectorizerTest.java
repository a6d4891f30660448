package dev.nlpkit.vectorize.bow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.vectorize.Estimator;
import dev.nlpkit.vectorize.io.FileFormatException;
import dev.nlpkit.vectorize.matrix.CsrMatrix;

class TfidfVectorizerTest {

    @TempDir
    Path dir;

    /** Zipf-like random documents (generated, seeded). */
    static List<List<String>> randomDocuments(int count, long seed) {
        Random random = new Random(seed);
        List<List<String>> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            int length = random.nextInt(25);
            List<String> doc = new ArrayList<>(length);
            for (int t = 0; t < length; t++) {
                doc.add("w" + (int) Math.floor(Math.exp(random.nextDouble() * Math.log(20_000))));
            }
            docs.add(doc);
        }
        return docs;
    }

    static void assertSameMatrix(CsrMatrix a, CsrMatrix b) {
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.columns()).isEqualTo(b.columns());
        assertThat(a.rowPointers()).isEqualTo(b.rowPointers());
        assertThat(a.columnIndices()).isEqualTo(b.columnIndices());
        assertThat(a.values()).isEqualTo(b.values());
    }

    @Test
    void emptyDocumentsGiveAllZeroRowsNeverNaN() {
        List<List<String>> docs = List.of(List.of("a", "b"), List.of(), List.of("a"));
        for (VectorNormalization norm : VectorNormalization.values()) {
            TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, TfidfOptions.sklearn().withNorm(norm));
            CsrMatrix x = tfidf.transform(docs);
            assertThat(x.row(1).size()).isZero();
            assertThat(x.values()).doesNotContain(Float.NaN);
        }
    }

    @Test
    void zeroWeightRowsStayZeroUnderL2() {
        // lesson idf: a term in every document has idf 0, so the row norm is 0: no 0/0
        List<List<String>> docs = List.of(List.of("a"), List.of("a"));
        TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, TfidfOptions.lesson().withNorm(VectorNormalization.L2));
        assertThat(tfidf.transform(docs).values()).containsOnly(0f);
    }

    @Test
    void unknownTokensAreIgnoredAndCounted() {
        TfidfVectorizer tfidf = TfidfVectorizer.fit(List.of(List.of("a", "b")), TfidfOptions.sklearn());
        TokenStats stats = new TokenStats();
        CsrMatrix x = tfidf.transform(List.of(List.of("a", "zzz", "yyy"), List.of("qqq")), stats);
        assertThat(x.row(0).size()).isEqualTo(1);
        assertThat(stats.unknownTerms()).isEqualTo(3);
        assertThat(stats.terms()).isEqualTo(4);
        assertThat(stats.emptyDocuments()).isEqualTo(1);
        assertThat(stats.documents()).isEqualTo(2);
    }

    @Test
    void transformBeforeFitThrowsIllegalState() {
        Estimator<CsrMatrix, TfidfVectorizer> estimator =
                Estimator.of("TfidfVectorizer", d -> TfidfVectorizer.fit(d, TfidfOptions.sklearn()));
        assertThatThrownBy(() -> estimator.transform(List.of(List.of("a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TfidfVectorizer is not fitted: call fit(documents) before transform");
        estimator.fit(List.of(List.of("a")));
        assertThat(estimator.transform(List.of(List.of("a"))).get(0, 0)).isEqualTo(1f);
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalMatrices() {
        List<List<String>> docs = randomDocuments(5000, 3);
        CsrMatrix one = TfidfVectorizer.fitTransform(docs, TfidfOptions.sklearn().withThreads(1)).matrix();
        CsrMatrix two = TfidfVectorizer.fitTransform(docs, TfidfOptions.sklearn().withThreads(2)).matrix();
        CsrMatrix three = TfidfVectorizer.fitTransform(docs, TfidfOptions.sklearn().withThreads(3)).matrix();
        assertSameMatrix(one, two);
        assertSameMatrix(one, three);
    }

    @Test
    void concurrentTransformsGiveIdenticalResults() throws Exception {
        List<List<String>> docs = randomDocuments(3000, 5);
        TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, TfidfOptions.sklearn().withThreads(1));
        CsrMatrix expected = tfidf.transform(docs);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CsrMatrix>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> tfidf.transform(docs)));
            }
            for (Future<CsrMatrix> result : results) {
                assertSameMatrix(result.get(), expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamingFitTransformEqualsListFitTransform() {
        List<List<String>> docs = randomDocuments(4000, 11);
        Iterable<List<String>> streamed = () -> {
            Iterator<List<String>> it = docs.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public List<String> next() {
                    return it.next();
                }
            };
        };
        assertSameMatrix(TfidfVectorizer.fitTransform(streamed, TfidfOptions.sklearn()).matrix(),
                TfidfVectorizer.fitTransform(docs, TfidfOptions.sklearn()).matrix());
    }

    @Test
    void saveLoadGivesIdenticalOutput() throws IOException {
        List<List<String>> docs = randomDocuments(500, 13);
        TfidfOptions options = TfidfOptions.lesson().withMaxNgram(2).withNorm(VectorNormalization.L1);
        TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, options);
        Path file = dir.resolve("tfidf.txt");
        tfidf.save(file);
        TfidfVectorizer loaded = TfidfVectorizer.load(file);
        assertThat(loaded.options()).isEqualTo(options);
        assertSameMatrix(loaded.transform(docs), tfidf.transform(docs));
    }

    @Test
    void truncatedVectorizerFileIsReported() throws IOException {
        TfidfVectorizer tfidf = TfidfVectorizer.fit(randomDocuments(50, 17), TfidfOptions.sklearn());
        Path file = dir.resolve("tfidf.txt");
        tfidf.save(file);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 5));
        assertThatThrownBy(() -> TfidfVectorizer.load(file)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("tfidf.txt:" + (lines.size() - 4) + ": file is truncated");
    }

    @Test
    void newerVectorizerFileIsReported() throws IOException {
        Path file = dir.resolve("tfidf.txt");
        Files.writeString(file, "nlpkit-tfidf\t7\n");
        assertThatThrownBy(() -> TfidfVectorizer.load(file)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("format version 7 is newer than this library supports (1)");
    }

    @Test
    void topTermsAreSortedByWeightAndLimitedToK() {
        List<List<String>> docs = List.of(List.of("common", "rare"), List.of("common", "other"),
                List.of("common", "third"));
        TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, TfidfOptions.sklearn());
        List<TermWeight> top = tfidf.topTerms(List.of("common", "rare", "unknown"), 5);
        assertThat(top).extracting(TermWeight::term).containsExactly("rare", "common");
        assertThat(top.get(0).weight()).isGreaterThan(top.get(1).weight());
        assertThat(tfidf.topTerms(List.of("common", "rare"), 1)).hasSize(1);
    }

    @Test
    void rowsAreUnitLengthUnderL2() {
        List<List<String>> docs = randomDocuments(200, 19);
        CsrMatrix x = TfidfVectorizer.fitTransform(docs, TfidfOptions.sklearn()).matrix();
        for (int r = 0; r < x.rows(); r++) {
            if (x.row(r).size() > 0) {
                assertThat(x.dot(r, r)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    @Test
    void optionsValidate() {
        assertThatThrownBy(() -> TfidfOptions.sklearn().withLogBase(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TfidfOptions.sklearn().withMaxNgram(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TfidfOptions.sklearn().withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainIdfUsesTheGivenBase() {
        List<List<String>> docs = List.of(List.of("a"), List.of("b"), List.of("b"), List.of("b"),
                List.of("b"), List.of("b"), List.of("b"), List.of("b"), List.of("b"), List.of("b"));
        TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, TfidfOptions.lesson().withLogBase(10));
        assertThat(tfidf.idf(tfidf.vocabulary().indexOf("a"))).isCloseTo(1.0,
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
