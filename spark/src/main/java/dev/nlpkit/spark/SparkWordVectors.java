package dev.nlpkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * Word vectors between Spark and nlpkit: train embeddings with MLlib's {@code Word2Vec} on a cluster-scale corpus,
 * take them to one machine as a {@link WordVectors} (for text-classify's pretrained embedding, similarity queries
 * or a vector file), and move {@code WordVectors} to and from a DataFrame {@code (word string, vector vector)}.
 *
 * <pre>{@code
 * Word2VecModel w2v = new Word2Vec().setInputCol("tokens").setVectorSize(100).fit(tokenized);
 * WordVectors vectors = SparkWordVectors.fromWord2VecModel(w2v);
 * Dataset<Row> df = SparkWordVectors.toDataFrame(spark, vectors);     // (word, vector)
 * WordVectors same = SparkWordVectors.fromDataFrame(df, "word", "vector");
 * }</pre>
 *
 * <p>Spark ML vectors are doubles, nlpkit's are floats: MLlib's Word2Vec computes in floats, so its vectors
 * convert exactly; other doubles are rounded to the nearest float.
 *
 * <p><b>Order.</b> {@code WordVectors} keeps words in order (most frequent first when they come from nlpkit's
 * Word2Vec). MLlib does not expose its words' counts, so {@link #fromWord2VecModel} orders the words by their
 * Unicode text (reproducible, but {@code restrictToMostFrequent} is then not meaningful).
 * {@link #toDataFrame} and {@link #fromDataFrame} keep the row order.
 */
public final class SparkWordVectors {

    /** The columns of {@link #toDataFrame}. */
    public static final String WORD = "word";
    public static final String VECTOR = "vector";

    private SparkWordVectors() {
    }

    /**
     * Every word and vector of an MLlib {@link Word2VecModel} (collected to the driver), words sorted by text.
     *
     * @throws IllegalArgumentException when the model has no words
     */
    public static WordVectors fromWord2VecModel(Word2VecModel model) {
        Objects.requireNonNull(model, "model");
        WordVectors vectors = fromDataFrame(model.getVectors().orderBy(WORD), WORD, VECTOR);
        return vectors;
    }

    /** A DataFrame {@code (word string, vector vector)}, one row per word in {@code vectors}' order. */
    public static Dataset<Row> toDataFrame(SparkSession spark, WordVectors vectors) {
        Objects.requireNonNull(vectors, "vectors");
        List<Row> rows = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.vectorAt(i);
            double[] d = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                d[k] = v[k];
            }
            rows.add(RowFactory.create(vectors.word(i), Vectors.dense(d)));
        }
        StructType schema = new StructType()
                .add(WORD, DataTypes.StringType, false)
                .add(VECTOR, SQLDataTypes.VectorType(), false);
        return spark.createDataFrame(rows, schema);
    }

    /**
     * The word vectors of a DataFrame (collected to the driver, in row order): {@code wordCol} a string column,
     * {@code vectorCol} a Spark ML vector or an {@code array<float>} / {@code array<double>} column.
     *
     * @throws IllegalArgumentException naming the column, row or word when a column is missing or of another
     *                                  type, a word or vector is null, a word repeats, the vectors differ in
     *                                  dimension, or there are no rows
     */
    public static WordVectors fromDataFrame(Dataset<Row> frame, String wordCol, String vectorCol) {
        Objects.requireNonNull(frame, "frame");
        Columns.requireString(frame.schema(), wordCol, "wordCol", "SparkWordVectors");
        if (!Arrays.asList(frame.schema().fieldNames()).contains(vectorCol)) {
            throw new IllegalArgumentException("SparkWordVectors: vector column '" + vectorCol
                    + "' does not exist; the columns are " + Arrays.toString(frame.schema().fieldNames()));
        }
        DataType type = frame.schema().apply(vectorCol).dataType();
        boolean isVector = type.equals(SQLDataTypes.VectorType());
        boolean isArray = type instanceof ArrayType a
                && (a.elementType().equals(DataTypes.FloatType) || a.elementType().equals(DataTypes.DoubleType));
        if (!isVector && !isArray) {
            throw new IllegalArgumentException("SparkWordVectors: vector column '" + vectorCol
                    + "' must be a vector, array<float> or array<double>, but is " + type.simpleString());
        }
        List<Row> rows = frame.select(wordCol, vectorCol).collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("SparkWordVectors: the DataFrame has no rows: no word vectors");
        }
        List<String> words = new ArrayList<>(rows.size());
        float[][] vectors = new float[rows.size()][];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.isNullAt(0) || row.isNullAt(1)) {
                throw new IllegalArgumentException("SparkWordVectors: row " + i + " has a null "
                        + (row.isNullAt(0) ? "word ('" + wordCol + "')" : "vector ('" + vectorCol + "')"));
            }
            String word = row.getString(0);
            Integer before = seen.putIfAbsent(word, i);
            if (before != null) {
                throw new IllegalArgumentException("SparkWordVectors: the word '" + word + "' appears twice (rows "
                        + before + " and " + i + ")");
            }
            float[] v = isVector ? floats(((Vector) row.get(1)).toArray()) : floats(row.getList(1));
            if (i > 0 && v.length != vectors[0].length) {
                throw new IllegalArgumentException("SparkWordVectors: the vector of '" + word + "' (row " + i
                        + ") has " + v.length + " dimensions, the first has " + vectors[0].length);
            }
            words.add(word);
            vectors[i] = v;
        }
        return WordVectors.of(words, vectors);
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            f[k] = (float) d[k];
        }
        return f;
    }

    private static float[] floats(List<Object> values) {
        float[] f = new float[values.size()];
        for (int k = 0; k < f.length; k++) {
            Object v = values.get(k);
            if (v == null) {
                throw new IllegalArgumentException("SparkWordVectors: a vector holds a null element");
            }
            f[k] = ((Number) v).floatValue();
        }
        return f;
    }
}
