package dev.nlpkit.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.Sentiment140Reader;
import dev.nlpkit.testdata.SharedData;

/** The in-process Spark session of the tests and their shared fixtures. */
final class TestSpark {

    /** The golden bundle copied from text-classify (see src/test/resources/README.md). */
    static final String BUNDLE = "classifier-format2.nlpkit";

    private TestSpark() {
    }

    /** A quiet {@code local[2]} session on 127.0.0.1 without the web UI. */
    static SparkSession local() {
        return SparkSession.builder()
                .appName("nlpkit-spark-tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /** The path of a test resource. */
    static Path resource(String name) {
        try {
            return Path.of(TestSpark.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code n} tweets of the Sentiment140 random 20k sample (skips the test when absent). */
    static List<String> tweets(int n) {
        Path csv = SharedData.require("sentiment140-random-20k/sentiment140_sample.csv");
        List<String> texts = new ArrayList<>(n);
        try (Sentiment140Reader reader = Sentiment140Reader.open(csv,
                Sentiment140Reader.defaultOptions().withCharset(StandardCharsets.UTF_8))) {
            reader.stream().limit(n).map(LabelledText::text).forEach(texts::add);
        }
        return texts;
    }
}
