package dev.nlpkit.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The example job: reads tweets (CSV or Parquet), tokenizes them with {@link NlpkitTokenizer}, scores them with a
 * classifier bundle ({@link TextClassifierModel}) and writes Parquet: {@code OUTPUT/predictions} (the input
 * columns, {@code tokens}, {@code prediction}, {@code probability}) and {@code OUTPUT/label-counts}
 * ({@code prediction}, {@code count}).
 *
 * <pre>
 * spark-submit --master 'local[*]' --class dev.nlpkit.spark.SentimentOnSpark \
 *     spark/target/nlpkit-spark-VERSION-shaded.jar \
 *     --input tweets.csv --bundle sentiment.nlpkit --output out/
 * </pre>
 *
 * Flags: {@code --input PATH} (required), {@code --bundle PATH} (required), {@code --output DIR} (required, must
 * not exist: nothing is overwritten), {@code --format csv|parquet} (default: from the input's extension),
 * {@code --text-column NAME} (default {@code text}), {@code --header true|false} (CSV, default true),
 * {@code --partitions N} (repartition the input first; default: keep Spark's). The paths are Hadoop URIs (local
 * paths must be visible to every executor). Everything is checked before the job starts.
 */
public final class SentimentOnSpark {

    private SentimentOnSpark() {
    }

    /** The job's settings, checked. */
    record Job(String input, String bundle, String output, String format, String textColumn, boolean header,
            int partitions) {

        static Job parse(String[] args) {
            Map<String, String> flags = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (!List.of("--input", "--bundle", "--output", "--format", "--text-column", "--header",
                        "--partitions").contains(flag)) {
                    throw new IllegalArgumentException("unknown flag " + flag + "; " + USAGE);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                flags.put(flag, args[++i]);
            }
            for (String required : List.of("--input", "--bundle", "--output")) {
                if (!flags.containsKey(required)) {
                    throw new IllegalArgumentException(required + " is required; " + USAGE);
                }
            }
            String input = flags.get("--input");
            String format = flags.getOrDefault("--format",
                    input.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv");
            if (!format.equals("csv") && !format.equals("parquet")) {
                throw new IllegalArgumentException("--format must be csv or parquet, got '" + format + "'");
            }
            String header = flags.getOrDefault("--header", "true");
            if (!header.equals("true") && !header.equals("false")) {
                throw new IllegalArgumentException("--header must be true or false, got '" + header + "'");
            }
            int partitions = 0;
            if (flags.containsKey("--partitions")) {
                try {
                    partitions = Integer.parseInt(flags.get("--partitions"));
                } catch (NumberFormatException e) {
                    partitions = -1;
                }
                if (partitions < 1) {
                    throw new IllegalArgumentException("--partitions must be a positive integer, got '"
                            + flags.get("--partitions") + "'");
                }
            }
            return new Job(input, flags.get("--bundle"), flags.get("--output"), format,
                    flags.getOrDefault("--text-column", "text"), Boolean.parseBoolean(header), partitions);
        }
    }

    static final String USAGE = "usage: SentimentOnSpark --input PATH --bundle PATH --output DIR "
            + "[--format csv|parquet] [--text-column NAME] [--header true|false] [--partitions N]";

    /** Runs the job in the session spark-submit configured. Exit status 2 for bad flags or input, 1 for a failure. */
    public static void main(String[] args) {
        Job job;
        try {
            job = Job.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SentimentOnSpark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("nlpkit SentimentOnSpark").getOrCreate();
        int status = 0;
        try {
            Map<String, Long> counts = run(spark, job);
            System.out.println("SentimentOnSpark: wrote " + counts.values().stream().mapToLong(Long::longValue).sum()
                    + " predictions to " + new Path(job.output(), "predictions") + "; per label " + counts);
        } catch (IllegalArgumentException e) {
            System.err.println("SentimentOnSpark: " + e.getMessage());
            status = 2;
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job in {@code spark}: checks the output, loads the bundle, reads, tokenizes, scores, writes.
     *
     * @return the number of texts per predicted label (a null text counts under {@code "null"})
     * @throws IllegalArgumentException before any work when the output exists, the bundle is missing or invalid,
     *                                  or the text column is missing or not a string
     */
    public static Map<String, Long> run(SparkSession spark, Job job) {
        Path output = new Path(job.output());
        try {
            FileSystem fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(output)) {
                throw new IllegalArgumentException("--output " + job.output()
                        + " already exists; choose a new folder (nothing is overwritten)");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check --output " + job.output() + ": " + e.getMessage(), e);
        }
        TextClassifierModel model;
        try {
            model = TextClassifierModel.fromBundle(spark, job.bundle()).setInputCol(job.textColumn());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("--bundle: " + e.getMessage(), e);
        }
        Dataset<Row> tweets = job.format().equals("csv")
                ? spark.read().option("header", job.header()).option("escape", "\"").csv(job.input())
                : spark.read().parquet(job.input());
        if (job.partitions() > 0) {
            tweets = tweets.repartition(job.partitions());
        }
        NlpkitTokenizer tokenizer = new NlpkitTokenizer().setInputCol(job.textColumn()).setOutputCol("tokens")
                .setOptions(model.classifier().options().preprocess());
        try {
            tokenizer.transformSchema(tweets.schema());
            model.transformSchema(tokenizer.transformSchema(tweets.schema()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--text-column: " + e.getMessage(), e);
        }
        Dataset<Row> scored = model.transform(tokenizer.transform(tweets));
        scored.write().parquet(new Path(output, "predictions").toString());
        // the counts come from the written predictions: one pass over the input, and they describe the output
        Dataset<Row> written = spark.read().parquet(new Path(output, "predictions").toString());
        Dataset<Row> counts = written.groupBy(model.getPredictionCol()).count().orderBy(model.getPredictionCol());
        counts.coalesce(1).write().parquet(new Path(output, "label-counts").toString());
        Map<String, Long> out = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>(counts.collectAsList());
        for (Row r : rows) {
            out.put(r.isNullAt(0) ? "null" : r.getString(0), r.getLong(1));
        }
        return out;
    }
}
