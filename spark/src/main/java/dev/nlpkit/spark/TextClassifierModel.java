package dev.nlpkit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.nlpkit.classify.Explanation;
import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TokenContribution;

/**
 * A trained nlpkit {@link TextClassifier} as a Spark ML {@link Model}: a string column in; the predicted label
 * ({@code prediction}, a string), the class probabilities ({@code probability}, a Spark ML dense vector in the
 * order of {@link #labels()}) and, when {@link #setContributionsCol} names a column, each token's contribution
 * ({@link TextClassifier#explain}) out.
 *
 * <pre>{@code
 * TextClassifierModel model = TextClassifierModel.fromBundle(spark, "hdfs:///models/sentiment.nlpkit")
 *         .setInputCol("text");
 * Dataset<Row> scored = model.transform(tweets);        // + prediction, probability
 * new Pipeline().setStages(new PipelineStage[] {new NlpkitTokenizer(), model}).fit(tweets).save("/models/p");
 * }</pre>
 *
 * <p><b>Where the bundle comes from.</b> {@link #fromBundle(SparkSession, String)} reads a bundle (written by
 * {@code TextClassifier.save} or {@code nlpkit sentiment train}) through Hadoop's file system API, so the path may
 * be local (on every node), {@code hdfs://}, {@code s3a://} or anything else the cluster's Hadoop reads; the driver
 * reads and checks it first, so a bad path or a corrupt file fails before any task starts. {@link #of} wraps a
 * classifier already loaded on the driver; its bundle reaches the executors as a Spark broadcast.
 *
 * <p><b>Once per executor.</b> Each executor JVM loads the bundle once, on its first task, into a small cache keyed
 * by the bundle's origin and SHA-256 (a path overwritten with another model is not a stale hit; an executor that
 * finds different bytes under the path than the driver did fails with a message saying so). Every partition is
 * scored through the classifier's batch path ({@link TextClassifier#predictProba(List)}) in slices of
 * {@code batchSize} rows.
 *
 * <p><b>Null and empty texts.</b> A null text gives null prediction, probability and contributions (SQL's null
 * in, null out). An empty text, or one whose tokens are all dropped, is classified like any other: the network's
 * answer without evidence, a finite probability (see text-classify). Neither fails the job.
 *
 * <p><b>Persistence.</b> {@link #write()} saves the parameters in Spark ML's metadata format and the bundle itself
 * under {@code path/data/classifier.nlpkit}; {@link #load} (and {@code PipelineModel.load}) reads it back and
 * scores from that copy. The saved model is self-contained: moving or deleting the original bundle does not
 * affect it.
 */
public final class TextClassifierModel extends Model<TextClassifierModel> implements MLWritable {

    private static final long serialVersionUID = 1L;
    private static final String STAGE = "TextClassifierModel";
    /** Where a saved model keeps its bundle, under the model's folder. */
    static final String DATA_FILE = "data/classifier.nlpkit";

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> contributionsCol;
    private final IntParam batchSize;
    private final Param<String> bundlePath;

    /** The bundle's bytes, loaded classifier and checksum: driver-side state, never shipped (see Scorer). */
    private final transient byte[] bundle;
    private final transient TextClassifier classifier;
    private final String checksum;
    private transient Broadcast<byte[]> broadcast;

    private TextClassifierModel(String uid, byte[] bundle, TextClassifier classifier, String path) {
        this.uid = uid;
        this.bundle = bundle;
        this.classifier = classifier;
        this.checksum = Bundles.checksum(bundle);
        this.inputCol = new Param<>(this, "inputCol", "the string column to classify");
        this.predictionCol = new Param<>(this, "predictionCol", "the column of predicted labels (string) to add");
        this.probabilityCol = new Param<>(this, "probabilityCol",
                "the column of class probabilities (vector, in the order of the model's labels) to add");
        this.contributionsCol = new Param<>(this, "contributionsCol",
                "the column of per-token contributions to add; empty for none (they cost one network pass per token)");
        this.batchSize = new IntParam(this, "batchSize", "rows per call of the classifier's batch path (> 0)",
                ParamValidators.<Object>gt(0));
        this.bundlePath = new Param<>(this, "bundlePath",
                "the bundle the executors read (empty for a classifier passed in memory)");
        setDefault(inputCol, "text");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
        setDefault(contributionsCol, "");
        setDefault(batchSize, 1024);
        setDefault(bundlePath, "");
        if (path != null) {
            set(bundlePath, path);
        }
        Bundles.put(cacheKey(), classifier);
    }

    /** A model reading its bundle at {@code path} through Hadoop's file system API, with the active session's settings. */
    public static TextClassifierModel fromBundle(String path) {
        return fromBundle(SparkSession.active(), path);
    }

    /**
     * A model reading its bundle at {@code path} (any Hadoop file system URI) with {@code spark}'s Hadoop settings.
     * The driver reads and loads it now.
     *
     * @throws IllegalArgumentException naming the path when the file does not exist or is not a valid bundle
     */
    public static TextClassifierModel fromBundle(SparkSession spark, String path) {
        return fromBundle(spark, path, Identifiable$.MODULE$.randomUID("nlpkitTextClassifier"));
    }

    private static TextClassifierModel fromBundle(SparkSession spark, String path, String uid) {
        Objects.requireNonNull(path, "path");
        byte[] bytes = Bundles.read(path, spark.sparkContext().hadoopConfiguration());
        return new TextClassifierModel(uid, bytes, Bundles.parse(bytes, path), path);
    }

    /** A model scoring with a classifier loaded (or trained) on the driver; its bundle is broadcast to executors. */
    public static TextClassifierModel of(TextClassifier classifier) {
        Objects.requireNonNull(classifier, "classifier");
        return new TextClassifierModel(Identifiable$.MODULE$.randomUID("nlpkitTextClassifier"),
                Bundles.bytes(classifier), classifier, null);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The classifier (driver side). */
    public TextClassifier classifier() {
        return classifier;
    }

    /** The class names, in the order of the probability vector. */
    public List<String> labels() {
        return classifier.labels();
    }

    /** The SHA-256 of the bundle, in hex. */
    public String bundleChecksum() {
        return checksum;
    }

    /** The input column parameter (default {@code text}). */
    public Param<String> inputCol() {
        return inputCol;
    }

    /** The prediction column parameter (default {@code prediction}). */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** The probability column parameter (default {@code probability}). */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** The contributions column parameter (default empty: no contributions). */
    public Param<String> contributionsCol() {
        return contributionsCol;
    }

    /** The batch size parameter (default 1024). */
    public IntParam batchSize() {
        return batchSize;
    }

    /** The bundle path parameter (read only: set by {@link #fromBundle} and {@link #load}). */
    public Param<String> bundlePath() {
        return bundlePath;
    }

    public String getInputCol() {
        return $(inputCol);
    }

    public String getPredictionCol() {
        return $(predictionCol);
    }

    public String getProbabilityCol() {
        return $(probabilityCol);
    }

    public String getContributionsCol() {
        return $(contributionsCol);
    }

    public int getBatchSize() {
        return (Integer) $(batchSize);
    }

    /** The bundle the executors read; empty for a classifier passed in memory. */
    public String getBundlePath() {
        return $(bundlePath);
    }

    /** Sets the input column (a string column). */
    public TextClassifierModel setInputCol(String value) {
        set(inputCol, value);
        return this;
    }

    /** Sets the prediction column (must not exist in the input). */
    public TextClassifierModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /** Sets the probability column (must not exist in the input). */
    public TextClassifierModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /** Names the contributions column, or {@code ""} for none. */
    public TextClassifierModel setContributionsCol(String value) {
        set(contributionsCol, value);
        return this;
    }

    /** Sets the rows per call of the batch path (> 0). */
    public TextClassifierModel setBatchSize(int value) {
        set(batchSize, value);
        return this;
    }

    /**
     * The type of the contributions column: one struct per token, in text order: {@code text} as written,
     * {@code start} and {@code end} offsets in the input, {@code token} after preprocessing, {@code known} (in the
     * vocabulary), {@code contribution} (P(predicted) with the token minus without it).
     */
    public static StructType contributionType() {
        return new StructType()
                .add("text", DataTypes.StringType, false)
                .add("start", DataTypes.IntegerType, false)
                .add("end", DataTypes.IntegerType, false)
                .add("token", DataTypes.StringType, false)
                .add("known", DataTypes.BooleanType, false)
                .add("contribution", DataTypes.DoubleType, false);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireString(schema, getInputCol(), "inputCol", STAGE);
        Columns.requireAbsent(schema, getPredictionCol(), "predictionCol", STAGE);
        Columns.requireAbsent(schema, getProbabilityCol(), "probabilityCol", STAGE);
        StructType out = schema.add(getPredictionCol(), DataTypes.StringType, true)
                .add(getProbabilityCol(), SQLDataTypes.VectorType(), true);
        if (!getContributionsCol().isEmpty()) {
            Columns.requireAbsent(out, getContributionsCol(), "contributionsCol", STAGE);
            out = out.add(getContributionsCol(), DataTypes.createArrayType(contributionType(), false), true);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        int text = dataset.schema().fieldIndex(getInputCol());
        Scorer scorer = new Scorer(source(dataset.sparkSession()), text, getBatchSize(),
                !getContributionsCol().isEmpty());
        return dataset.toDF().mapPartitions(scorer, Encoders.row(out));
    }

    private String cacheKey() {
        String path = getBundlePath();
        return (path.isEmpty() ? "memory" : path) + "@" + checksum;
    }

    private Source source(SparkSession spark) {
        String path = getBundlePath();
        if (!path.isEmpty()) {
            return new PathSource(path, checksum, new HadoopConf(spark.sparkContext().hadoopConfiguration()));
        }
        synchronized (this) {
            if (broadcast == null) {
                broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bundle);
            }
            return new BroadcastSource(broadcast, checksum);
        }
    }

    @Override
    public TextClassifierModel copy(ParamMap extra) {
        TextClassifierModel copy = new TextClassifierModel(uid, bundle, classifier,
                getBundlePath().isEmpty() ? null : getBundlePath());
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** A reader for a saved model (Spark ML calls it by reflection when loading a pipeline). */
    public static MLReader<TextClassifierModel> read() {
        return new Reader();
    }

    /** Loads a model saved with {@code write().save(path)}. */
    public static TextClassifierModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return STAGE + "[uid=" + uid + ", labels=" + labels() + ", " + getInputCol() + " -> " + getPredictionCol()
                + ", " + getProbabilityCol() + "]";
    }

    // ------------------------------------------------------------------ persistence

    private static final class Writer extends MLWriter {
        private final TextClassifierModel model;

        Writer(TextClassifierModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            try {
                Bundles.write(new org.apache.hadoop.fs.Path(path, DATA_FILE).toString(), model.bundle,
                        sc().hadoopConfiguration());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write the classifier bundle under " + path + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static final class Reader extends MLReader<TextClassifierModel> {
        @Override
        public TextClassifierModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                    TextClassifierModel.class.getName());
            TextClassifierModel model = fromBundle(sparkSession(),
                    new org.apache.hadoop.fs.Path(path, DATA_FILE).toString(), metadata.uid());
            // every saved parameter but the path: the model now reads the copy saved beside its metadata
            metadata.getAndSetParams(model, scala.Option.apply(scala.jdk.javaapi.CollectionConverters
                    .asScala(List.of("bundlePath")).toList()));
            return model;
        }
    }

    // ------------------------------------------------------------------ executors

    /** Where an executor gets the bundle, and the key of its cache entry. */
    private interface Source extends Serializable {
        String key();

        TextClassifier load();
    }

    private record PathSource(String path, String checksum, HadoopConf conf) implements Source {
        @Override
        public String key() {
            return path + "@" + checksum;
        }

        @Override
        public TextClassifier load() {
            byte[] bytes = Bundles.read(path, conf.get());
            String found = Bundles.checksum(bytes);
            if (!found.equals(checksum)) {
                throw new IllegalStateException("the classifier bundle " + path + " changed after the model was "
                        + "created: SHA-256 " + found + ", expected " + checksum + "; create the model again");
            }
            return Bundles.parse(bytes, path);
        }
    }

    private record BroadcastSource(Broadcast<byte[]> bytes, String checksum) implements Source {
        @Override
        public String key() {
            return "memory@" + checksum;
        }

        @Override
        public TextClassifier load() {
            return Bundles.parse(bytes.value(), "broadcast " + checksum);
        }
    }

    /** Scores one partition in slices of {@code batchSize} rows; the classifier comes from the executor's cache. */
    private static final class Scorer implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Source source;
        private final int textIndex;
        private final int batchSize;
        private final boolean contributions;

        Scorer(Source source, int textIndex, int batchSize, boolean contributions) {
            this.source = source;
            this.textIndex = textIndex;
            this.batchSize = batchSize;
            this.contributions = contributions;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TextClassifier classifier = Bundles.get(source.key(), source::load);
            return new Iterator<>() {
                private Iterator<Row> slice = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!slice.hasNext() && rows.hasNext()) {
                        slice = score(classifier, rows).iterator();
                    }
                    return slice.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return slice.next();
                }
            };
        }

        private List<Row> score(TextClassifier classifier, Iterator<Row> rows) {
            List<Row> in = new ArrayList<>(batchSize);
            List<String> texts = new ArrayList<>(batchSize);
            while (in.size() < batchSize && rows.hasNext()) {
                Row row = rows.next();
                in.add(row);
                if (!row.isNullAt(textIndex)) {
                    texts.add(row.getString(textIndex));
                }
            }
            double[][] p = classifier.predictProba(texts);
            List<String> labels = classifier.labels();
            List<Row> out = new ArrayList<>(in.size());
            int scored = 0;
            for (Row row : in) {
                int width = row.size();
                Object[] values = new Object[width + (contributions ? 3 : 2)];
                for (int c = 0; c < width; c++) {
                    values[c] = row.get(c);
                }
                if (!row.isNullAt(textIndex)) {
                    double[] q = p[scored++];
                    values[width] = labels.get(classifier.labelIndex(q));
                    values[width + 1] = Vectors.dense(q);
                    if (contributions) {
                        values[width + 2] = contributions(classifier.explain(row.getString(textIndex)));
                    }
                }
                out.add(RowFactory.create(values));
            }
            return out;
        }

        private static Row[] contributions(Explanation explanation) {
            List<TokenContribution> tokens = explanation.tokens();
            Row[] out = new Row[tokens.size()];
            for (int i = 0; i < out.length; i++) {
                TokenContribution t = tokens.get(i);
                out[i] = RowFactory.create(t.text(), t.start(), t.end(), t.token(), t.known(), t.contribution());
            }
            return out;
        }
    }
}
