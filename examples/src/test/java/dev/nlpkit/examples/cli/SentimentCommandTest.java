package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentiment workflow end to end on a 5,000-tweet stratified sample of the shared Sentiment140 tweets (the CI
 * run), and the bad-input cases.
 */
class SentimentCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnA5000TweetSliceReportsPlotsAndABundleThatReloadsExactly() throws IOException {
        Path tweets = SharedData.require("sentiment140-combined/combined.csv.gz");
        Path bundle = dir.resolve("model.nlpkit");
        Path plots = dir.resolve("plots");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", tweets.toString(), "--limit", "5000",
                "--epochs", "6", "--batch-size", "32", "--fine-tune", "--plots", plots.toString(),
                "--out", bundle.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("split (seed 42, stratified): train 4000, validation 500, test 500");
        assertThat(out).contains("Total params").contains("Trainable params");
        Matcher accuracy = Pattern.compile("(?m)^accuracy\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)$").matcher(out);
        assertThat(accuracy.find()).as(out).isTrue();
        System.err.println("CI slice LSTM test accuracy " + accuracy.group(3));
        assertThat(Double.parseDouble(accuracy.group(3))).as("LSTM test accuracy").isGreaterThan(0.65);
        assertThat(out).contains("bundle check: the reloaded model gives identical probabilities on the 500 test tweets");
        for (String png : List.of("loss.png", "accuracy.png", "roc.png", "words.png")) {
            BufferedImage image = ImageIO.read(plots.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isPositive();
        }

        // predict: the same probability as the reloaded model gives
        CommandRun predict = CommandRun.of("sentiment", "predict", "--model", bundle.toString(), "--explain",
                "I love this, best day ever :)", "this is awful and sad");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        double[] p = SentimentCommand.column(TextClassifier.load(bundle).predictProba(
                List.of("I love this, best day ever :)", "this is awful and sad")), 1);
        assertThat(predict.out()).contains(String.format(java.util.Locale.ROOT, ",%.4f,\"I love this, best day ever :)\",",
                p[0])).contains(",\"i love this , best day ever :)");
        assertThat(predict.out().lines().count()).isEqualTo(2); // one CSV line per text, tokens as a fourth column
        assertThat(p[0]).isGreaterThan(p[1]);

        // a truncated or newer bundle: one clear line, exit code 1
        byte[] bytes = Files.readAllBytes(bundle);
        Path truncated = dir.resolve("truncated.nlpkit");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        CommandRun cut = CommandRun.of("sentiment", "predict", "--model", truncated.toString(), "good");
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err().strip()).startsWith("nlpkit: " + truncated + " is truncated: section 'network'")
                .doesNotContain("\tat ");
        Path newer = dir.resolve("newer.nlpkit");
        ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(99);
        Files.write(newer, bytes);
        CommandRun future = CommandRun.of("sentiment", "predict", "--model", newer.toString(), "good");
        assertThat(future.exitCode()).isEqualTo(1);
        assertThat(future.err().strip()).isEqualTo("nlpkit: " + newer + " was written by a newer nlpkit (bundle format "
                + "99; this nlpkit reads up to format 1): upgrade nlpkit to load it");
    }

    @Test
    void posLemmatizationTrainsSavesWithItsTaggerAndTestMetricsAndReloadsExactly() throws IOException {
        Path tweets = SharedData.require("sentiment140-combined/combined.csv.gz");
        Path bundle = dir.resolve("pos.nlpkit");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", tweets.toString(), "--limit", "2000",
                "--lemmatize", "pos", "--epochs", "1", "--no-baselines", "--word-map", "none",
                "--plots", dir.resolve("plots").toString(), "--out", bundle.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("-> PartOfSpeechTagger(smile-hmm) -> LemmatizerFilter(WordNet 3.0, tagged "
                + "part of speech)");
        assertThat(run.out()).contains("bundle check: the reloaded model gives identical probabilities on the 200 "
                + "test tweets");

        TextClassifier model = TextClassifier.load(bundle);
        assertThat(model.options().preprocess().partOfSpeechTagger()).isEqualTo("smile-hmm");
        assertThat(model.tokens("the children were running")).containsExactly("the", "child", "be", "run");
        assertThat(model.info().trainingExamples()).hasValue(1600);
        assertThat(model.info().testExamples()).hasValue(200);
        assertThat(model.info().testMetrics()).isPresent();

        List<String> texts = List.of("I loved the movies we watched", "the dogs were barking all night :(");
        CommandRun predict = CommandRun.of("sentiment", "predict", "--model", bundle.toString(), texts.get(0),
                texts.get(1));
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        double[] p = SentimentCommand.column(model.predictProba(texts), 1);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(predict.out()).contains(String.format(java.util.Locale.ROOT, ",%.4f,%s%n", p[i],
                    texts.get(i)));
        }
    }

    @Test
    void missingDataFileIsOneClearLine() {
        Path missing = dir.resolve("nope.csv");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", missing.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: data file " + missing + " does not exist or is not a file");
    }

    @Test
    void emptyDatasetIsOneClearLine() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "label,text\n");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", empty.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("nlpkit: data file " + empty + " has no labelled rows");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void oneClassOnlyIsOneClearLine() throws IOException {
        Path oneClass = dir.resolve("positive.csv");
        StringBuilder csv = new StringBuilder("label,text\n");
        for (int i = 0; i < 50; i++) {
            csv.append("positive,happy day number ").append(i).append('\n');
        }
        Files.writeString(oneClass, csv);
        CommandRun run = CommandRun.of("sentiment", "train", "--data", oneClass.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: data file " + oneClass
                + " has one class only: all 50 labelled rows are 'positive'; a classifier needs two");
    }

    @Test
    void aFileThatIsNotABundleIsOneClearLine() throws IOException {
        Path notBundle = dir.resolve("model.nlpkit");
        Files.writeString(notBundle, "hello");
        CommandRun run = CommandRun.of("sentiment", "predict", "--model", notBundle.toString(), "good");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: " + notBundle
                + " is not an nlpkit model bundle (it does not start with NLPKBNDL)");
    }

    @Test
    void aSeparateTestFileLabelledInWordsIsMatchedToTheTrainingClasses() throws IOException {
        // Training data in Sentiment140's numbers (0 / 4), the test file in words with neutral and irrelevant rows,
        // as the hand-labelled Sanders corpus: the words map to 0 / 4 and the other rows are dropped and counted.
        String[] good = {"great", "happy", "love", "nice", "fun"};
        String[] bad = {"awful", "sad", "hate", "ugly", "boring"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        StringBuilder train = new StringBuilder("target,text\n");
        for (int i = 0; i < 400; i++) {
            boolean positive = i % 2 == 0;
            String[] words = positive ? good : bad;
            train.append(positive ? "4" : "0").append(",today was ").append(words[random.nextInt(5)]).append(" and ")
                    .append(words[random.nextInt(5)]).append('\n');
        }
        Path trainFile = dir.resolve("train.csv");
        Files.writeString(trainFile, train);
        Path testFile = dir.resolve("hand-labelled.csv");
        Files.writeString(testFile, """
                Topic,Sentiment,TweetText
                a,positive,"today was great and fun"
                a,negative,"today was awful and sad"
                a,neutral,"today was a day"
                a,irrelevant,"buy now"
                a,positive,"love it, so happy"
                a,negative,"hate it, boring"
                """);
        CommandRun run = CommandRun.of("sentiment", "train", "--data", trainFile.toString(), "--test",
                testFile.toString(), "--epochs", "4", "--batch-size", "16", "--min-count", "1", "--no-baselines",
                "--word-map", "none", "--fine-tune", "--plots", dir.resolve("plots").toString(), "--out",
                dir.resolve("m.nlpkit").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("hand-labelled.csv: 6 rows read, 4 used (0: 2, 4: 2), 0 skipped, "
                + "2 neutral or irrelevant dropped");
        assertThat(run.out()).contains("test 4 (from " + testFile + ")");
        assertThat(run.out()).contains("bundle check: the reloaded model gives identical probabilities on the 4 test tweets");
    }

    @Test
    void evalSetsAreReportedForTheNetworkAndTheBaselineInOneTable() throws Exception {
        Path trainFile = dir.resolve("train.csv");
        Files.writeString(trainFile, syntheticTweets(400));
        Path sanders = dir.resolve("hand-labelled.csv");
        Files.writeString(sanders, """
                Topic,Sentiment,TweetText
                a,positive,"today was great and fun"
                a,negative,"today was awful and sad"
                a,neutral,"today was a day"
                a,positive,"love it, so happy"
                a,negative,"hate it, boring"
                """);
        Path tweetEval = Path.of(getClass().getResource("/dev/nlpkit/examples/sentiment/tweeteval-synthetic/"
                + "mapping.txt").toURI()).getParent();
        CommandRun run = CommandRun.of("sentiment", "train", "--data", trainFile.toString(), "--epochs", "3",
                "--batch-size", "16", "--min-count", "1", "--word-map", "none", "--eval", sanders.toString(),
                "--eval", tweetEval.toString(), "--plots", dir.resolve("plots").toString(), "--out",
                dir.resolve("m.nlpkit").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("| set | tweets | lstm + tfidf-lr accuracy | lstm + tfidf-lr ROC-AUC | "
                + "tfidf-logreg accuracy | tfidf-logreg ROC-AUC |");
        assertThat(out).containsPattern("(?m)^\\| test split \\| 40 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|$");
        assertThat(out).containsPattern("(?m)^\\| " + Pattern.quote(sanders.toString())
                + " \\| 4 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|$");
        assertThat(out).containsPattern("(?m)^\\| " + Pattern.quote(tweetEval.toString())
                + " \\| 6 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|$");
        assertThat(out).contains("8 rows read, 6 used (0: 3, 4: 3), 0 skipped, 2 neutral or irrelevant dropped");
        // the baseline's bigrams: the words of 400 tweets and their pairs are far more than the words alone
        Matcher features = Pattern.compile("baselines \\((\\d+) TF-IDF uni\\+bigram / (\\d+) count features\\)")
                .matcher(out);
        assertThat(features.find()).as(out).isTrue();
        assertThat(Integer.parseInt(features.group(1))).isGreaterThan(Integer.parseInt(features.group(2)));
    }

    @Test
    void evaluateReadsTheTweetEvalLayoutAndSaysHowManyNeutralWereDropped() throws Exception {
        Path trainFile = dir.resolve("train.csv");
        Files.writeString(trainFile, syntheticTweets(200));
        Path bundle = dir.resolve("m.nlpkit");
        CommandRun train = CommandRun.of("sentiment", "train", "--data", trainFile.toString(), "--epochs", "1",
                "--min-count", "1", "--no-baselines", "--word-map", "none", "--plots", dir.resolve("plots").toString(),
                "--out", bundle.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path text = Path.of(getClass().getResource("/dev/nlpkit/examples/sentiment/tweeteval-synthetic/"
                + "val_text.txt").toURI());
        CommandRun run = CommandRun.of("sentiment", "evaluate", "--model", bundle.toString(), "--data",
                text.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 rows read, 6 used (0: 3, 4: 3), 0 skipped, 2 neutral or irrelevant dropped");
        assertThat(run.out()).containsPattern("(?m)^accuracy\\s+[0-9.]+$");
    }

    @Test
    void aMissingEvalSetIsRefusedBeforeTraining() {
        Path missing = dir.resolve("nope");
        Path data = dir.resolve("d.csv");
        CommandRun second = CommandRun.of("sentiment", "train", "--data", writeQuietly(data), "--eval",
                missing.toString());
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err().strip()).isEqualTo("nlpkit: --eval " + missing
                + " is neither a file nor a TweetEval folder (with mapping.txt)");
    }

    private static String writeQuietly(Path file) {
        try {
            Files.writeString(file, syntheticTweets(40));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }

    /** Made-up two-class tweets in Sentiment140's labels (0 / 4): "today was W and W" with words of one polarity. */
    static String syntheticTweets(int n) {
        String[] good = {"great", "happy", "love", "nice", "fun"};
        String[] bad = {"awful", "sad", "hate", "ugly", "boring"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        StringBuilder train = new StringBuilder("target,text\n");
        for (int i = 0; i < n; i++) {
            boolean positive = i % 2 == 0;
            String[] words = positive ? good : bad;
            train.append(positive ? "4" : "0").append(",today was ").append(words[random.nextInt(5)]).append(" and ")
                    .append(words[random.nextInt(5)]).append('\n');
        }
        return train.toString();
    }

    @Test
    void theCandidateFlagsBuildTheirNetworkAndTheBundleRecordsThem() throws IOException {
        Path trainFile = dir.resolve("train.csv");
        Files.writeString(trainFile, syntheticTweets(200));
        Path bundle = dir.resolve("m.nlpkit");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", trainFile.toString(), "--epochs", "1",
                "--min-count", "1", "--vector-size", "16", "--no-baselines", "--word-map", "none", "--embeddings",
                "fasttext", "--cell", "gru", "--pooling", "max", "--fine-tune", "--embedding-rate-factor", "0.1",
                "--plots", dir.resolve("plots").toString(), "--out", bundle.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("network: Embedding(fastText, fine-tuned at 0.1 x the rate) -> Dropout(0.5) "
                + "-> GRU(100, dropout 0.2, recurrent dropout 0.2) -> GlobalMaxPooling1D -> Dense(1, sigmoid)");
        assertThat(run.out()).containsPattern("(?m)^fasttext: SKIP_GRAM, \\d+ words x 16, window 5, min count 1, "
                + "n-grams 3-6");
        var options = TextClassifier.load(bundle).options();
        assertThat(options.embedding().learningRateFactor()).isEqualTo(0.1);
        assertThat(options.network().pooling().name()).isEqualTo("MAX");
    }

    @Test
    void anEmbeddingRateFactorWithoutFineTuneIsRefused() {
        CommandRun run = CommandRun.of("sentiment", "train", "--data", writeQuietly(dir.resolve("d.csv")),
                "--no-fine-tune", "--embedding-rate-factor", "0.1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --embedding-rate-factor 0.1 needs --fine-tune: a frozen "
                + "embedding does not learn");
    }

    @Test
    void theLessonRecipeRefusesTheFlagsItFixes() {
        CommandRun run = CommandRun.of("sentiment", "train", "--data", writeQuietly(dir.resolve("d.csv")),
                "--recipe", "lesson", "--pooling", "max");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --recipe lesson and --pooling cannot be used together: "
                + "the recipe sets the network; drop one of them");
    }
}
