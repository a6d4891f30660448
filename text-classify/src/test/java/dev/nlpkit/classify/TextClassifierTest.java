package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;

import dev.nlpkit.recurrent.runtime.RecurrentRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextClassifierTest {

    private static Fixtures.Data train;
    private static Fixtures.Data test;
    private static TextClassifier binary;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitOnce() {
        train = Fixtures.data(600, 1, false);
        test = Fixtures.data(200, 2, false);
        binary = TextClassifier.fit(train.texts(), train.labels(), Fixtures.data(100, 3, false).labeled(),
                Fixtures.tiny(), FitListener.NONE);
    }

    @Test
    void learnsTheSyntheticWordsWell() {
        assertThat(binary.evaluate(test.texts(), test.labels()).accuracy()).isGreaterThan(0.9);
    }

    @Test
    void labelsAreTheSortedClassStrings() {
        assertThat(binary.labels()).containsExactly("neg", "pos");
        assertThat(binary.predict("so good and lovely today!")).isEqualTo("pos");
        assertThat(binary.predict("awful terrible day.")).isEqualTo("neg");
    }

    @Test
    void probabilitiesOfTwoClassesSumToOne() {
        double[] p = binary.predictProba("a great day");
        assertThat(p).hasSize(2);
        assertThat(p[0] + p[1]).isEqualTo(1.0);
    }

    @Test
    void historyHasOneRecordPerEpochWithValidation() {
        assertThat(binary.history().epochs()).hasSize(4);
        assertThat(binary.history().last().validationAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void softmaxForThreeClasses() {
        Fixtures.Data three = Fixtures.data(900, 5, true);
        TextClassifier model = TextClassifier.fit(three.texts(), three.labels(), null,
                Fixtures.tiny().withTraining(Fixtures.tiny().training().withEpochs(6)), FitListener.NONE);
        Fixtures.Data check = Fixtures.data(300, 6, true);
        Evaluation e = model.evaluate(check.texts(), check.labels());
        assertThat(model.labels()).containsExactly("calm", "neg", "pos");
        assertThat(e.confusion()).hasDimensions(3, 3);
        assertThat(e.total()).isEqualTo(300);
        assertThat(e.accuracy()).isGreaterThan(0.8);
        double[] p = model.predictProba("table chair window");
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void saveAndLoadGiveBitIdenticalProbabilities() throws Exception {
        Path file = dir.resolve("model.nlpkit");
        binary.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        assertThat(loaded.predictProba(test.texts())).isDeepEqualTo(binary.predictProba(test.texts()));
        assertThat(loaded.options()).isEqualTo(binary.options());
        assertThat(loaded.history()).isEqualTo(binary.history());
        assertThat(loaded.labels()).isEqualTo(binary.labels());
    }

    @Test
    void streamsRoundTripToo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        binary.save(bytes);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.predictProba("love it")).isEqualTo(binary.predictProba("love it"));
    }

    @Test
    void savingTwiceWritesTheSameBytes() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        binary.save(a);
        binary.save(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void oneWorkerFitsAreBitReproducible() {
        // one Word2Vec worker (the tiny recipe) and one kernel thread in recurrent
        int before = RecurrentRuntime.threads();
        RecurrentRuntime.setThreads(1);
        try {
            TextClassifier first = TextClassifier.fit(train.texts(), train.labels(), null, Fixtures.tiny(),
                    FitListener.NONE);
            TextClassifier second = TextClassifier.fit(train.texts(), train.labels(), null, Fixtures.tiny(),
                    FitListener.NONE);
            assertThat(second.predictProba(test.texts())).isDeepEqualTo(first.predictProba(test.texts()));
        } finally {
            RecurrentRuntime.setThreads(before);
        }
    }

    @Test
    void eightThreadsGiveIdenticalResults() throws Exception {
        TextClassifier loaded = roundTrip(binary);
        double[][] expected = loaded.predictProba(test.texts());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[][]>> batches = new ArrayList<>();
            List<Future<double[]>> singles = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                batches.add(pool.submit(() -> loaded.predictProba(test.texts())));
                int index = t;
                singles.add(pool.submit(() -> loaded.predictProba(test.texts().get(index))));
            }
            for (Future<double[][]> f : batches) {
                assertThat(f.get()).isDeepEqualTo(expected);
            }
            for (int t = 0; t < 8; t++) {
                assertThat(singles.get(t).get()).isEqualTo(loaded.predictProba(test.texts().get(t)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchAndSingleFormsAgree() {
        double[][] batch = binary.predictProba(test.texts().subList(0, 20));
        for (int i = 0; i < 20; i++) {
            assertThat(binary.predictProba(test.texts().get(i))[1]).isCloseTo(batch[i][1],
                    org.assertj.core.api.Assertions.within(1e-6));
        }
        assertThat(binary.predict(test.texts().subList(0, 3))).hasSize(3);
    }

    @Test
    void aBatchOfRaggedLengthsKeepsEachTextsProbabilities() {
        // the batch form runs its rows sorted by length: each answer must still land on its own text
        List<String> texts = new ArrayList<>(test.texts().subList(0, 40));
        texts.sort(java.util.Comparator.comparingInt(String::length).reversed());
        texts.add(3, "");
        double[][] batch = binary.predictProba(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch[i][1]).as(texts.get(i)).isCloseTo(binary.predictProba(texts.get(i))[1],
                    org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void rowsGoByIncreasingLengthTiesInInputOrder() {
        int[][] rows = {{1, 2, 3}, {4}, {5, 6}, {7}, {}, {8, 9, 10}};
        assertThat(TextClassifier.byLength(rows)).containsExactly(4, 1, 3, 2, 0, 5);
    }

    @Test
    void paddingSideDoesNotChangeTheRealSteps() {
        // the lengths travel with the ids: the network never sees the padding, so PRE and POST agree exactly
        TextClassifierOptions post = Fixtures.tiny().withSequence(Fixtures.tiny().sequence()
                .withPadding(dev.nlpkit.vectorize.sequence.Padding.POST));
        int before = RecurrentRuntime.threads();
        // one kernel thread: training is then bit-reproducible (see oneWorkerFitsAreBitReproducible)
        RecurrentRuntime.setThreads(1);
        try {
            TextClassifier postModel = TextClassifier.fit(train.texts(), train.labels(), null, post,
                    FitListener.NONE);
            TextClassifier preModel = TextClassifier.fit(train.texts(), train.labels(), null, Fixtures.tiny(),
                    FitListener.NONE);
            assertThat(postModel.predictProba(test.texts())).isDeepEqualTo(preModel.predictProba(test.texts()));
        } finally {
            RecurrentRuntime.setThreads(before);
        }
    }

    @Test
    void explainGivesTokensAsWrittenWithOffsets() {
        String text = "What an AWFUL, terrible day";
        Explanation e = binary.explain(text);
        assertThat(e.label()).isEqualTo("neg");
        List<TokenContribution> tokens = e.tokens();
        assertThat(tokens).extracting(TokenContribution::text).contains("AWFUL", "terrible");
        for (TokenContribution t : tokens) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
        TokenContribution awful = tokens.stream().filter(t -> t.text().equals("AWFUL")).findFirst().orElseThrow();
        assertThat(awful.token()).isEqualTo("awful");
        assertThat(awful.inSequence()).isTrue();
        assertThat(awful.contribution()).isPositive();
        assertThat(e.probabilities()).isEqualTo(binary.predictProba(text));
    }

    private static TextClassifier roundTrip(TextClassifier model) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        return TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
