package dev.nlpkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.preprocess.TextPreprocessor;

/** The stages in a {@code local[2]} session, checked against nlpkit itself. */
class LocalStagesTest {

    private static final StructType TEXTS = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, true);

    private static SparkSession spark;
    private static TextClassifier classifier;
    private static String bundle;

    @BeforeAll
    static void start() throws IOException {
        spark = TestSpark.local();
        bundle = TestSpark.resource(TestSpark.BUNDLE).toString();
        classifier = TextClassifier.load(Path.of(bundle));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> frame(List<String> texts, int partitions) {
        List<Row> rows = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        return spark.createDataFrame(rows, TEXTS).repartition(partitions);
    }

    private static List<Row> byId(Dataset<Row> frame) {
        return frame.orderBy("id").collectAsList();
    }

    @Test
    void tokenizerGivesTextPreprocessorTokensOnTenThousandTweets() {
        List<String> tweets = TestSpark.tweets(10_000);
        List<Row> out = byId(new NlpkitTokenizer().transform(frame(tweets, 4)));
        TextPreprocessor reference = TextPreprocessor.tweets();
        assertThat(out).hasSize(10_000);
        for (Row row : out) {
            assertThat(row.<String>getList(2)).as("tokens of row %d", row.getInt(0))
                    .isEqualTo(reference.tokens(tweets.get(row.getInt(0))));
        }
    }

    @Test
    void classifierGivesPredictProbaOnTenThousandTweets() {
        List<String> tweets = TestSpark.tweets(10_000);
        double[][] expected = classifier.predictProba(tweets);
        List<String> labels = classifier.predict(tweets);
        List<Row> out = byId(TextClassifierModel.fromBundle(spark, bundle).transform(frame(tweets, 4)));
        assertThat(out).hasSize(10_000);
        for (Row row : out) {
            int id = row.getInt(0);
            double[] p = ((Vector) row.get(3)).toArray();
            assertThat(p).as("probabilities of row %d", id).containsExactly(expected[id], within(1e-6));
            assertThat(row.getString(2)).as("label of row %d", id).isEqualTo(labels.get(id));
        }
    }

    @Test
    void aClassifierPassedInMemoryScoresLikeItsBundle() {
        List<String> texts = List.of("i love it :)", "worst day ever", "meh");
        List<Row> fromPath = byId(TextClassifierModel.fromBundle(spark, bundle).transform(frame(texts, 2)));
        List<Row> inMemory = byId(TextClassifierModel.of(classifier).transform(frame(texts, 2)));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(((Vector) inMemory.get(i).get(3)).toArray())
                    .containsExactly(((Vector) fromPath.get(i).get(3)).toArray(), within(1e-12));
        }
    }

    @Test
    void pipelineWithBothStagesSavesAndLoadsInANewSession(@TempDir Path dir) throws IOException {
        List<String> texts = TestSpark.tweets(500);
        NlpkitTokenizer tokenizer = new NlpkitTokenizer()
                .setOptions(PreprocessOptions.tweets().withStemmer(Stemmer.PORTER)).setOutputCol("terms");
        TextClassifierModel model = TextClassifierModel.fromBundle(spark, bundle).setProbabilityCol("p")
                .setBatchSize(100);
        Dataset<Row> input = frame(texts, 3);
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {tokenizer, model}).fit(input);
        List<Row> before = byId(pipeline.transform(input));
        String saved = dir.resolve("pipeline").toString();
        pipeline.write().save(saved);

        SparkSession other = spark.newSession();
        PipelineModel loaded = PipelineModel.load(saved);
        List<Row> after = byId(loaded.transform(other.createDataFrame(input.collectAsList(), TEXTS)));

        assertThat(after).isEqualTo(before);
        NlpkitTokenizer loadedTokenizer = (NlpkitTokenizer) loaded.stages()[0];
        assertThat(loadedTokenizer.getOptions()).isEqualTo(tokenizer.getOptions());
        assertThat(loadedTokenizer.getOutputCol()).isEqualTo("terms");
        TextClassifierModel loadedModel = (TextClassifierModel) loaded.stages()[1];
        assertThat(loadedModel.getBundlePath()).contains(saved).endsWith(TextClassifierModel.DATA_FILE);
        assertThat(loadedModel.getProbabilityCol()).isEqualTo("p");
        assertThat(loadedModel.getBatchSize()).isEqualTo(100);
        assertThat(loadedModel.bundleChecksum()).isEqualTo(model.bundleChecksum());
    }

    @Test
    void savedModelKeepsItsOwnCopyOfTheBundle(@TempDir Path dir) throws IOException {
        Path original = dir.resolve("model.nlpkit");
        Files.copy(Path.of(bundle), original);
        TextClassifierModel model = TextClassifierModel.fromBundle(spark, original.toString());
        String saved = dir.resolve("saved").toString();
        model.write().save(saved);
        Files.delete(original);

        List<Row> out = byId(TextClassifierModel.load(saved).transform(frame(List.of("great :)"), 1)));
        assertThat(((Vector) out.get(0).get(3)).toArray())
                .containsExactly(classifier.predictProba("great :)"), within(1e-6));
    }

    @Test
    void nullAndEmptyTextsGiveTheDocumentedOutput() {
        List<Row> rows = List.of(RowFactory.create(0, null), RowFactory.create(1, ""), RowFactory.create(2, "   "),
                RowFactory.create(3, "good :)"));
        Dataset<Row> input = spark.createDataFrame(rows, TEXTS);
        List<Row> tokens = byId(new NlpkitTokenizer().transform(input));
        assertThat(tokens.get(0).isNullAt(2)).isTrue();
        assertThat(tokens.get(1).<String>getList(2)).isEmpty();
        assertThat(tokens.get(2).<String>getList(2)).isEmpty();

        List<Row> scored = byId(TextClassifierModel.fromBundle(spark, bundle).setContributionsCol("why")
                .transform(input));
        assertThat(scored.get(0).isNullAt(2)).isTrue();
        assertThat(scored.get(0).isNullAt(3)).isTrue();
        assertThat(scored.get(0).isNullAt(4)).isTrue();
        assertThat(((Vector) scored.get(1).get(3)).toArray()).containsExactly(classifier.predictProba(""),
                within(1e-6));
        assertThat(scored.get(1).getList(4)).isEmpty();
        assertThat(scored.get(3).getString(2)).isEqualTo(classifier.predict("good :)"));
        assertThat(scored.get(3).<Row>getList(4)).extracting(r -> r.getString(0)).containsExactly("good", ":)");
    }

    @Test
    void contributionsAreTheClassifiersExplanation() {
        String text = "not bad at all, i love it :)";
        Row row = byId(TextClassifierModel.fromBundle(spark, bundle).setContributionsCol("why")
                .transform(frame(List.of(text), 1))).get(0);
        List<Row> why = row.getList(4);
        var expected = classifier.explain(text).tokens();
        assertThat(why).hasSize(expected.size());
        for (int i = 0; i < why.size(); i++) {
            assertThat(why.get(i).getString(3)).isEqualTo(expected.get(i).token());
            assertThat(why.get(i).getInt(1)).isEqualTo(expected.get(i).start());
            assertThat(why.get(i).getDouble(5)).isCloseTo(expected.get(i).contribution(), within(1e-6));
        }
    }

    @Test
    void aMissingInputColumnIsNamed() {
        Dataset<Row> input = frame(List.of("x"), 1).withColumnRenamed("text", "body");
        assertThatThrownBy(() -> new NlpkitTokenizer().transform(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input column 'text' (inputCol) does not exist")
                .hasMessageContaining("body");
        assertThatThrownBy(() -> TextClassifierModel.fromBundle(spark, bundle).transform(input))
                .hasMessageContaining("TextClassifierModel: input column 'text' (inputCol) does not exist");
    }

    @Test
    void aNonStringInputColumnIsNamed() {
        Dataset<Row> input = frame(List.of("x"), 1);
        assertThatThrownBy(() -> new NlpkitTokenizer().setInputCol("id").transform(input))
                .hasMessageContaining("input column 'id' (inputCol) must be of type string, but is int");
        assertThatThrownBy(() -> TextClassifierModel.fromBundle(spark, bundle).setInputCol("id")
                .transformSchema(input.schema()))
                .hasMessageContaining("input column 'id' (inputCol) must be of type string, but is int");
    }

    @Test
    void anExistingOutputColumnIsRefused() {
        Dataset<Row> input = frame(List.of("x"), 1);
        assertThatThrownBy(() -> new NlpkitTokenizer().setOutputCol("id").transform(input))
                .hasMessageContaining("output column 'id' (outputCol) already exists");
    }

    @Test
    void aMissingBundleFailsOnTheDriverNamingThePath(@TempDir Path dir) {
        String missing = dir.resolve("nope.nlpkit").toString();
        assertThatThrownBy(() -> TextClassifierModel.fromBundle(spark, missing))
                .hasMessageContaining("classifier bundle not found").hasMessageContaining("nope.nlpkit");
    }

    @Test
    void aFileThatIsNotABundleFailsOnTheDriverNamingThePath(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.nlpkit"), "not a model");
        assertThatThrownBy(() -> TextClassifierModel.fromBundle(spark, junk.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.nlpkit");
    }

    @Test
    void tokenizerSavesItsWholeOptions(@TempDir Path dir) throws IOException {
        PreprocessOptions options = PreprocessOptions.english().withStemmer(Stemmer.PORTER);
        NlpkitTokenizer tokenizer = new NlpkitTokenizer().setOptions(options).setInputCol("body");
        String saved = dir.resolve("tokenizer").toString();
        tokenizer.write().save(saved);
        NlpkitTokenizer loaded = NlpkitTokenizer.load(saved);
        assertThat(loaded.getOptions()).isEqualTo(options);
        assertThat(loaded.getInputCol()).isEqualTo("body");
        assertThat(loaded.uid()).isEqualTo(tokenizer.uid());
    }

    @Test
    void word2VecModelConversionKeepsEveryVector() {
        Dataset<Row> tokens = new NlpkitTokenizer().transform(frame(TestSpark.tweets(2_000), 2));
        Word2VecModel w2v = new Word2Vec().setInputCol("tokens").setVectorSize(8).setMinCount(3).setMaxIter(1)
                .setSeed(7).fit(tokens);
        List<Row> mllib = w2v.getVectors().collectAsList();

        WordVectors vectors = SparkWordVectors.fromWord2VecModel(w2v);

        assertThat(vectors.size()).isEqualTo(mllib.size()).isGreaterThan(100);
        assertThat(vectors.dimension()).isEqualTo(8);
        for (Row row : mllib) {
            double[] expected = ((Vector) row.get(1)).toArray();
            float[] actual = vectors.vector(row.getString(0)).orElseThrow();
            for (int k = 0; k < expected.length; k++) {
                // MLlib computes in floats: the doubles it shows are floats widened, so they convert exactly
                assertThat(actual[k]).as("%s[%d]", row.getString(0), k).isEqualTo((float) expected[k]);
                assertThat((double) actual[k]).isEqualTo(expected[k]);
            }
        }
    }

    @Test
    void wordVectorsGoToADataFrameAndBackInOrder() {
        WordVectors vectors = WordVectors.of(List.of("good", "bad", ":)"),
                new float[][] {{1f, 0.5f}, {-1f, 0.25f}, {0.1f, Float.MIN_VALUE}});
        Dataset<Row> frame = SparkWordVectors.toDataFrame(spark, vectors);
        assertThat(frame.schema().fieldNames()).containsExactly("word", "vector");
        WordVectors back = SparkWordVectors.fromDataFrame(frame, "word", "vector");
        assertThat(back.words()).containsExactly("good", "bad", ":)");
        for (int i = 0; i < 3; i++) {
            assertThat(back.vectorAt(i)).containsExactly(vectors.vectorAt(i));
        }
    }

    @Test
    void aRepeatedWordInAVectorFrameIsNamed() {
        StructType schema = new StructType().add("w", DataTypes.StringType).add("v",
                DataTypes.createArrayType(DataTypes.FloatType));
        Dataset<Row> frame = spark.createDataFrame(List.of(RowFactory.create("a", List.of(1f, 2f).toArray()),
                RowFactory.create("a", List.of(3f, 4f).toArray())), schema);
        assertThatThrownBy(() -> SparkWordVectors.fromDataFrame(frame, "w", "v"))
                .hasMessageContaining("the word 'a' appears twice (rows 0 and 1)");
    }

    @Test
    void copyKeepsTheParametersAndAppliesExtras() {
        TextClassifierModel model = TextClassifierModel.fromBundle(spark, bundle).setInputCol("body");
        TextClassifierModel copy = model.copy(new org.apache.spark.ml.param.ParamMap()
                .put(model.predictionCol(), "label"));
        assertThat(copy.getInputCol()).isEqualTo("body");
        assertThat(copy.getPredictionCol()).isEqualTo("label");
        assertThat(model.getPredictionCol()).isEqualTo("prediction");
        assertThat(Arrays.asList(copy.params())).extracting(p -> p.name()).contains("batchSize", "bundlePath");
    }
}
