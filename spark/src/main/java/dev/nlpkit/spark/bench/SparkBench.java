package dev.nlpkit.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.CorpusLayout;
import dev.nlpkit.preprocess.corpus.CorpusReader;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.spark.NlpkitTokenizer;
import dev.nlpkit.spark.TextClassifierModel;

/**
 * The figures of the module README's performance section, measured in one Spark session:
 * <ol>
 * <li>scoring: {@link TextClassifierModel} over a cached DataFrame, written to Parquet, against the single-JVM
 * {@link TextClassifier#predictProba(List)} batch path on the same texts;</li>
 * <li>tokenizing: {@link NlpkitTokenizer} against Spark ML's {@code RegexTokenizer} + {@code StopWordsRemover}
 * (English stop words) doing the same job, both written to Parquet;</li>
 * <li>the tokens both give on five tricky tweets.</li>
 * </ol>
 *
 * <pre>
 * java $SPARK_JVM_OPTIONS -cp "$(cat spark/target/spark-classpath.txt):spark/target/spark-VERSION-shaded.jar" \
 *     dev.nlpkit.spark.bench.SparkBench --input sentiment140_sample.csv --bundle sentiment.nlpkit \
 *     [--limit 215470] [--master local[2]] [--repeats 3]
 * </pre>
 *
 * Each figure is the best of {@code --repeats} timed runs after one untimed warm-up run. Run it on a quiet machine:
 * on a busy one the figures say nothing.
 */
public final class SparkBench {

    /** The five tricky tweets whose tokens the report shows. */
    static final List<String> TRICKY = List.of(
            "@united I can't believe it!!! 3 hrs delay... #fail http://t.co/abc",
            "sooooo happyyyy :) :-D <3",
            "don't NOT go to the café... it's gr8 &amp; cheap",
            "e-mail me at bob@example.com re: the 9:30 mtg -- ASAP!!",
            "RT @nasa: Mars rover's 1st pic 👽🚀 #space");

    private SparkBench() {
    }

    public static void main(String[] args) throws IOException {
        String input = null;
        String bundle = null;
        int limit = Integer.MAX_VALUE;
        String master = "local[2]";
        int repeats = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--input" -> input = args[i + 1];
                case "--bundle" -> bundle = args[i + 1];
                case "--limit" -> limit = Integer.parseInt(args[i + 1]);
                case "--master" -> master = args[i + 1];
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        if (input == null || bundle == null || args.length % 2 != 0) {
            System.err.println("usage: SparkBench --input SENTIMENT140.csv --bundle MODEL.nlpkit [--limit N] "
                    + "[--master URL] [--repeats N]");
            System.exit(2);
        }
        List<String> texts = new ArrayList<>();
        // Any labelled file the command line reads: Sentiment140's six columns or a CSV with a header naming a
        // text column (such as the 215,470-tweet combined file).
        try (CorpusReader reader = CorpusLayout.open(Path.of(input), ReadOptions.defaults())) {
            for (LabelledText row : reader) {
                if (texts.size() == limit) {
                    break;
                }
                texts.add(row.text());
            }
        }
        SparkSession spark = SparkSession.builder().appName("nlpkit SparkBench").master(master)
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int cores = spark.sparkContext().defaultParallelism();
        Path scratch = Files.createTempDirectory("nlpkit-sparkbench");
        try {
            List<Row> rows = new ArrayList<>(texts.size());
            for (String t : texts) {
                rows.add(RowFactory.create(t));
            }
            Dataset<Row> frame = spark.createDataFrame(rows, new StructType().add("text", DataTypes.StringType))
                    .repartition(cores).persist(StorageLevel.MEMORY_ONLY());
            frame.count();

            TextClassifierModel model = TextClassifierModel.fromBundle(spark, bundle);
            TextClassifier classifier = model.classifier();
            System.out.printf(Locale.ROOT, "SparkBench: %,d tweets, master %s (%d cores), best of %d%n",
                    texts.size(), master, cores, repeats);

            double single = best(repeats, () -> classifier.predictProba(texts));
            double scored = best(repeats, () -> model.transform(frame).write()
                    .parquet(fresh(scratch, "scored")));
            System.out.printf(Locale.ROOT, "scoring   single JVM batch %,10.0f tweets/s | Spark %,10.0f tweets/s "
                    + "(%.2fx)%n", texts.size() / single, texts.size() / scored, single / scored);

            NlpkitTokenizer nlpkit = new NlpkitTokenizer();
            RegexTokenizer regex = new RegexTokenizer().setInputCol("text").setOutputCol("raw").setPattern("\\W+");
            StopWordsRemover stop = new StopWordsRemover().setInputCol("raw").setOutputCol("tokens");
            double ours = best(repeats, () -> nlpkit.transform(frame).write().parquet(fresh(scratch, "nlpkit")));
            double theirs = best(repeats, () -> stop.transform(regex.transform(frame)).write()
                    .parquet(fresh(scratch, "regex")));
            System.out.printf(Locale.ROOT, "tokenize  NlpkitTokenizer %,10.0f tweets/s | RegexTokenizer+"
                    + "StopWordsRemover %,10.0f tweets/s (%.2fx)%n", texts.size() / ours, texts.size() / theirs,
                    theirs / ours);

            List<Row> tricky = new ArrayList<>();
            for (String t : TRICKY) {
                tricky.add(RowFactory.create(t));
            }
            Dataset<Row> five = spark.createDataFrame(tricky, new StructType().add("text", DataTypes.StringType));
            List<Row> a = nlpkit.transform(five).collectAsList();
            List<Row> b = stop.transform(regex.transform(five)).collectAsList();
            for (int i = 0; i < TRICKY.size(); i++) {
                System.out.println("text    " + TRICKY.get(i));
                System.out.println("  nlpkit " + a.get(i).getList(1));
                System.out.println("  spark  " + b.get(i).getList(2));
            }
        } finally {
            spark.stop();
            deleteTree(scratch);
        }
    }

    /** The best wall time in seconds of {@code repeats} runs after one warm-up run. */
    private static double best(int repeats, Runnable run) {
        run.run();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static int counter;

    private static String fresh(Path scratch, String name) {
        return scratch.resolve(name + "-" + (counter++)).toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
