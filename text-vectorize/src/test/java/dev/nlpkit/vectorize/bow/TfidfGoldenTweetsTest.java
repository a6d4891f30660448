package dev.nlpkit.vectorize.bow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nlpkit.testdata.SharedData;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.SparseRow;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * {@link TfidfOptions#sklearn()} against scikit-learn 1.2.1's {@code TfidfVectorizer()} on 12,675 real tweets
 * (every 17th row of the Sentiment140 combined CSV), golden values made by golden/make_golden.py with the same
 * tokenization (lowercase, split on U+0000..U+0020). Skipped when the shared data is absent.
 */
class TfidfGoldenTweetsTest {

    private static Map<String, String> meta;
    private static List<double[]> rowChecks;
    private static List<Object[]> values;
    private static Map<String, Double> idf;
    private static TfidfVectorizer tfidf;
    private static CsrMatrix x;

    static List<String> tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean separator = i == lower.length() || lower.charAt(i) <= ' ';
            if (separator && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out;
    }

    @BeforeAll
    static void fit() throws IOException {
        Path csv = SharedData.require("sentiment140-combined/combined.csv.gz");
        List<List<String>> docs = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            int i = 0;
            for (CSVRecord record : parser) {
                if (i++ % 17 == 0) {
                    docs.add(tokens(record.get("text")));
                }
            }
        }
        meta = new HashMap<>();
        rowChecks = new ArrayList<>();
        values = new ArrayList<>();
        idf = new HashMap<>();
        try (InputStream in = TfidfGoldenTweetsTest.class.getResourceAsStream("golden/sklearn_tfidf_tweets.txt.gz");
             BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "meta" -> meta.put(f[1], f[2]);
                    case "row" -> rowChecks.add(new double[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4])});
                    case "value" -> values.add(new Object[] {Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3])});
                    case "idf" -> idf.put(f[1], Double.parseDouble(f[2]));
                    default -> throw new IllegalStateException("unexpected golden line " + line);
                }
            }
        }
        Fitted<TfidfVectorizer> fitted = TfidfVectorizer.fitTransform(docs, TfidfOptions.sklearn());
        tfidf = fitted.vectorizer();
        x = fitted.matrix();
    }

    @Test
    void atLeastTenThousandTweets() {
        assertThat(x.rows()).isEqualTo(Integer.parseInt(meta.get("documents"))).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void vocabularyAndColumnOrderEqualSklearns() throws NoSuchAlgorithmException {
        Vocabulary v = tfidf.vocabulary();
        assertThat(v.size()).isEqualTo(Integer.parseInt(meta.get("terms")));
        byte[] joined = String.join("\n", v.terms()).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined));
        assertThat(sha).isEqualTo(meta.get("vocabulary_sha256"));
        assertThat(x.nonZeros()).isEqualTo(Integer.parseInt(meta.get("nnz")));
    }

    @Test
    void idfEqualsSklearns() {
        double sum = 0;
        double weighted = 0;
        for (int c = 0; c < tfidf.vocabulary().size(); c++) {
            sum += tfidf.idf(c);
            weighted += tfidf.idf(c) * (c % 97 + 1);
        }
        assertThat(sum).isCloseTo(Double.parseDouble(meta.get("idf_sum")), within(1e-5));
        assertThat(weighted).isCloseTo(Double.parseDouble(meta.get("idf_weighted_sum")), within(1e-3));
        for (Map.Entry<String, Double> e : idf.entrySet()) {
            assertThat(tfidf.idf(tfidf.vocabulary().indexOf(e.getKey()))).as(e.getKey())
                    .isCloseTo(e.getValue(), within(1e-9));
        }
    }

    @Test
    void everyRowMatchesSklearnsChecksums() {
        assertThat(rowChecks).hasSize(x.rows());
        for (double[] check : rowChecks) {
            SparseRow row = x.row((int) check[0]);
            double sum = 0;
            double weighted = 0;
            for (int k = 0; k < row.size(); k++) {
                sum += row.value(k);
                weighted += row.value(k) * (double) (row.column(k) % 97 + 1);
            }
            assertThat(row.size()).as("nnz of row %d", (int) check[0]).isEqualTo((int) check[1]);
            assertThat(sum).as("sum of row %d", (int) check[0]).isCloseTo(check[2], within(1e-5));
            assertThat(weighted).as("weighted sum of row %d", (int) check[0]).isCloseTo(check[3], within(1e-3));
        }
    }

    @Test
    void sampleRowsEqualSklearnsValuesTo1e6() {
        assertThat(values).hasSizeGreaterThan(1000);
        for (Object[] v : values) {
            int row = (Integer) v[0];
            int column = tfidf.vocabulary().indexOf((String) v[1]);
            assertThat(column).as("term %s", v[1]).isNotNegative();
            assertThat((double) x.get(row, column)).as("row %d term %s", row, v[1])
                    .isCloseTo((Double) v[2], within(1e-6));
        }
    }
}
