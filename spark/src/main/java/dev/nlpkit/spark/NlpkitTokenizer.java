package dev.nlpkit.spark;

import java.util.List;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TextPreprocessor;

/**
 * A Spark ML {@link Transformer}: a string column in, its nlpkit tokens out ({@code array<string>}), exactly
 * {@link TextPreprocessor#tokens(String)} of each text, configured by a whole {@link PreprocessOptions}
 * ({@link PreprocessOptions#tweets()} unless set).
 *
 * <pre>{@code
 * NlpkitTokenizer tokenizer = new NlpkitTokenizer()
 *         .setInputCol("text").setOutputCol("tokens")
 *         .setOptions(PreprocessOptions.tweets().withStemmer(Stemmer.PORTER));
 * Dataset<Row> tokens = tokenizer.transform(tweets);
 * }</pre>
 *
 * <p><b>Null and empty texts.</b> A null text gives a null token array (SQL's null in, null out); an empty text,
 * or one whose tokens are all dropped, gives an empty array. Neither fails the job.
 *
 * <p><b>Threads.</b> Each executor JVM builds one preprocessor for the options; its Lucene analyzer keeps one
 * pipeline per task thread, reused across the rows of every partition that thread processes.
 *
 * <p><b>Persistence.</b> Saves and loads with Spark ML's default parameter format (also inside a
 * {@code PipelineModel}); the options are stored field by field ({@link PreprocessOptionsParam}).
 */
public final class NlpkitTokenizer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private static final String STAGE = "NlpkitTokenizer";

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final PreprocessOptionsParam options;

    /** A tokenizer with a generated uid: input {@code text}, output {@code tokens}, options {@code tweets()}. */
    public NlpkitTokenizer() {
        this(Identifiable$.MODULE$.randomUID("nlpkitTokenizer"));
    }

    /** A tokenizer with the given uid (Spark ML's reader and {@code copy} use it). */
    public NlpkitTokenizer(String uid) {
        this.uid = uid;
        this.inputCol = new Param<>(this, "inputCol", "the string column to tokenize");
        this.outputCol = new Param<>(this, "outputCol", "the array<string> column of tokens to add");
        this.options = new PreprocessOptionsParam(this, "options",
                "the nlpkit preprocessing options (text-preprocess PreprocessOptions)");
        setDefault(inputCol, "text");
        setDefault(outputCol, "tokens");
        setDefault(options, PreprocessOptions.tweets());
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The input column parameter (default {@code text}). */
    public Param<String> inputCol() {
        return inputCol;
    }

    /** The output column parameter (default {@code tokens}). */
    public Param<String> outputCol() {
        return outputCol;
    }

    /** The preprocessing options parameter (default {@link PreprocessOptions#tweets()}). */
    public PreprocessOptionsParam options() {
        return options;
    }

    /** The input column. */
    public String getInputCol() {
        return $(inputCol);
    }

    /** The output column. */
    public String getOutputCol() {
        return $(outputCol);
    }

    /** The preprocessing options. */
    public PreprocessOptions getOptions() {
        return $(options);
    }

    /** Sets the input column (a string column). */
    public NlpkitTokenizer setInputCol(String value) {
        set(inputCol, value);
        return this;
    }

    /** Sets the output column (must not exist in the input). */
    public NlpkitTokenizer setOutputCol(String value) {
        set(outputCol, value);
        return this;
    }

    /** Sets the preprocessing options. */
    public NlpkitTokenizer setOptions(PreprocessOptions value) {
        set(options, java.util.Objects.requireNonNull(value, "options"));
        return this;
    }

    /** The type of the output column: {@code array<string>} without null elements. */
    public static ArrayType outputType() {
        return DataTypes.createArrayType(DataTypes.StringType, false);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Columns.requireString(schema, getInputCol(), "inputCol", STAGE);
        Columns.requireAbsent(schema, getOutputCol(), "outputCol", STAGE);
        return schema.add(getOutputCol(), outputType(), true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        UserDefinedFunction tokenize = functions.udf(new Tokenize(PreprocessOptionsParam.toText(getOptions())),
                outputType());
        Column tokens = tokenize.apply(dataset.col(getInputCol()));
        return dataset.withColumn(getOutputCol(), tokens);
    }

    @Override
    public NlpkitTokenizer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** A reader for a saved tokenizer (Spark ML calls it by reflection when loading a pipeline). */
    public static MLReader<NlpkitTokenizer> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads a tokenizer saved with {@code write().save(path)}. */
    public static NlpkitTokenizer load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return STAGE + "[uid=" + uid + ", " + getInputCol() + " -> " + getOutputCol() + "]";
    }

    /** The function shipped to executors: only the options text travels, the preprocessor is built there once. */
    private static final class Tokenize implements UDF1<String, List<String>> {
        private static final long serialVersionUID = 1L;
        private final String optionsText;

        Tokenize(String optionsText) {
            this.optionsText = optionsText;
        }

        @Override
        public List<String> call(String text) {
            return text == null ? null : Preprocessors.forOptions(optionsText).tokens(text);
        }
    }
}
