package dev.nlpkit.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.io.ModelBundle;
import dev.nlpkit.classify.linear.TfidfLogisticRegression;
import dev.nlpkit.preprocess.TextPreprocessor;

/** The blend with a TF-IDF logistic regression and the balanced threshold: fit, predict, explain, save and load. */
class BlendThresholdTest {

    private static final double WEIGHT = 0.3;
    private static Fixtures.Data train;
    private static Fixtures.Data validation;
    private static TextClassifier blended;

    @BeforeAll
    static void fit() {
        train = Fixtures.data(300, 1, false);
        validation = Fixtures.data(120, 2, false);
        blended = TextClassifier.fit(train.texts(), train.labels(), validation.labeled(), Fixtures.tiny()
                .withBlend(Blend.tfidfLogistic(WEIGHT)).withThreshold(Threshold.balanced()), FitListener.NONE);
    }

    /** The same network without the blend and with threshold 0.5 (shares the trained parts). */
    private static TextClassifier networkOnly(TextClassifier model) {
        return new TextClassifier(model.options().withBlend(Blend.none()).withThreshold(Threshold.defaults()),
                model.encoder(), model.labelEncoder(), model.network(), model.history(), true, model.info());
    }

    @Test
    void probabilityIsTheWeightedMeanOfNetworkAndLinearModel() {
        TextClassifier network = networkOnly(blended);
        TfidfLogisticRegression linear = blended.linear().orElseThrow();
        for (String text : validation.texts().subList(0, 20)) {
            double expected = (1 - WEIGHT) * network.predictProba(text)[1]
                    + WEIGHT * linear.probability(blended.tokens(text));
            double[] p = blended.predictProba(text);
            assertEquals(expected, p[1], 1e-12, text);
            assertEquals(1.0, p[0] + p[1], 1e-12, text);
        }
    }

    @Test
    void batchAndSingleProbabilitiesAgree() {
        List<String> texts = validation.texts().subList(0, 30);
        double[][] batch = blended.predictProba(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(blended.predictProba(texts.get(i)), batch[i], 1e-6, texts.get(i));
        }
    }

    @Test
    void aChunkScoredByTheLinearModelOnItsOwnThreadBlendsAsTheParts() {
        // 300 texts: from 256 a chunk's linear model runs on a thread of its own (with more than one thread)
        List<String> texts = train.texts();
        double[][] batch = blended.predictProba(texts);
        double[][] network = networkOnly(blended).predictProba(texts);
        double[] linear = blended.linear().orElseThrow().probabilities(texts.stream().map(blended::tokens).toList());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals((1 - WEIGHT) * network[i][1] + WEIGHT * linear[i], batch[i][1], 1e-12, texts.get(i));
            assertEquals(1.0 - batch[i][1], batch[i][0], 0.0, texts.get(i));
        }
    }

    @Test
    void balancedThresholdMaximisesBalancedAccuracyOnValidation() {
        double t = blended.threshold();
        double[][] p = blended.predictProba(validation.texts());
        int[] y = blended.labelEncoder().encode(validation.labels());
        assertEquals(balancedAccuracy(y, p, t), best(y, p), 0.0, "no threshold does better on validation");
    }

    private static double best(int[] y, double[][] p) {
        double best = 0;
        for (double[] row : p) {
            best = Math.max(best, balancedAccuracy(y, p, row[1]));
        }
        return best;
    }

    private static double balancedAccuracy(int[] y, double[][] p, double t) {
        double[] hits = new double[2];
        double[] counts = new double[2];
        for (int i = 0; i < y.length; i++) {
            counts[y[i]]++;
            hits[y[i]] += ((p[i][1] >= t ? 1 : 0) == y[i]) ? 1 : 0;
        }
        return (hits[0] / counts[0] + hits[1] / counts[1]) / 2;
    }

    @Test
    void predictAndEvaluateUseTheThreshold() {
        TextClassifier shifted = TextClassifier.fit(train.texts(), train.labels(), validation.labeled(),
                Fixtures.tiny().withThreshold(Threshold.fixed(0.9)), FitListener.NONE);
        assertEquals(0.9, shifted.threshold(), 0.0);
        List<String> texts = validation.texts();
        double[][] p = shifted.predictProba(texts);
        List<String> labels = shifted.predict(texts);
        long right = 0;
        for (int i = 0; i < texts.size(); i++) {
            String expected = p[i][1] >= 0.9 ? "pos" : "neg";
            assertEquals(expected, labels.get(i), texts.get(i));
            assertEquals(expected, shifted.predict(texts.get(i)), texts.get(i));
            assertEquals(expected, shifted.explain(texts.get(i)).label(), texts.get(i));
            right += expected.equals(validation.labels().get(i)) ? 1 : 0;
        }
        assertEquals((double) right / texts.size(), shifted.evaluate(texts, validation.labels()).accuracy(), 1e-12);
    }

    @Test
    void saveAndLoadKeepBlendThresholdAndProbabilities() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blended.save(out);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(blended.options(), loaded.options());
        assertEquals(blended.threshold(), loaded.threshold(), 0.0);
        assertTrue(loaded.linear().isPresent(), "linear model");
        List<String> texts = validation.texts();
        double[][] expected = blended.predictProba(texts);
        double[][] actual = loaded.predictProba(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(expected[i], actual[i], 1e-6, texts.get(i));
        }
        assertEquals(blended.predict(texts), loaded.predict(texts));
    }

    @Test
    void aBundleFromBeforeTheBlendLoadsWithoutOneAndThresholdHalf() throws IOException {
        TextClassifier old = GoldenBundleTest.load("golden/classifier-format2.nlpkit");
        assertEquals(Blend.none(), old.options().blend());
        assertEquals(Threshold.defaults(), old.options().threshold());
        assertEquals(0.5, old.threshold(), 0.0);
        assertTrue(old.linear().isEmpty(), "no linear model");
    }

    @Test
    void explainWithTheLinearModelAloneIsItsExactOcclusion() {
        TextClassifier linearOnly = new TextClassifier(blended.options().withBlend(Blend.tfidfLogistic(1.0)
                .withLinear(blended.options().blend().linear())).withThreshold(Threshold.defaults()),
                blended.encoder(), blended.labelEncoder(), blended.network(), blended.history(), true,
                blended.info(), blended.linear().orElseThrow(), 0.5);
        TfidfLogisticRegression linear = blended.linear().orElseThrow();
        String text = "today was so great and lovely but the chair is bad";
        Explanation e = linearOnly.explain(text);
        List<String> terms = linearOnly.tokens(text);
        double full = linear.probability(terms);
        int predicted = full >= 0.5 ? 1 : 0;
        assertEquals(predicted == 1 ? "pos" : "neg", e.label());
        for (int i = 0; i < terms.size(); i++) {
            List<String> without = new ArrayList<>(terms);
            without.remove(i);
            double p = linear.probability(without);
            double expected = predicted == 1 ? full - p : p - full;
            assertEquals(expected, e.tokens().get(i).contribution(), 1e-12, terms.get(i));
        }
    }

    @Test
    void explainOfTheBlendMixesNetworkAndLinearOcclusion() {
        String text = "today was so great and lovely but the chair is bad";
        Explanation e = blended.explain(text);
        Explanation network = networkOnly(blended).explain(text);
        TfidfLogisticRegression linear = blended.linear().orElseThrow();
        List<String> terms = blended.tokens(text);
        double full = linear.probability(terms);
        int predicted = blended.labels().indexOf(e.label());
        int networkPredicted = networkOnly(blended).labels().indexOf(network.label());
        for (int i = 0; i < terms.size(); i++) {
            List<String> without = new ArrayList<>(terms);
            without.remove(i);
            double linearPart = (predicted == 1 ? 1 : -1) * (full - linear.probability(without));
            double networkPart = (predicted == networkPredicted ? 1 : -1) * network.tokens().get(i).contribution();
            assertEquals((1 - WEIGHT) * networkPart + WEIGHT * linearPart, e.tokens().get(i).contribution(), 1e-9,
                    terms.get(i));
        }
    }

    @Test
    void aBlendIsRefusedForThreeClasses() {
        Fixtures.Data three = Fixtures.data(60, 3, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.fit(
                three.texts(), three.labels(), null, Fixtures.tiny().withBlend(Blend.tfidfLogistic(0.5)),
                FitListener.NONE));
        assertTrue(e.getMessage().startsWith("the blend (tfidf-logistic(weight 0.5"), e.getMessage());
        assertTrue(e.getMessage().contains("are for two classes; these labels have 3 [calm, neg, pos]"),
                e.getMessage());
    }

    @Test
    void aBalancedThresholdIsRefusedForThreeClasses() {
        Fixtures.Data three = Fixtures.data(60, 3, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.fit(
                three.texts(), three.labels(), three.labeled(), Fixtures.tiny().withThreshold(Threshold.balanced()),
                FitListener.NONE));
        assertTrue(e.getMessage().contains("the threshold (balanced) are for two classes"), e.getMessage());
    }

    @Test
    void aBalancedThresholdNeedsValidationTexts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.fit(
                train.texts(), train.labels(), null, Fixtures.tiny().withThreshold(Threshold.balanced()),
                FitListener.NONE));
        assertEquals("the balanced threshold is chosen on the validation texts, which need both classes [neg, pos]; "
                + "got 0 texts", e.getMessage());
    }

    @Test
    void blendWeightOutsideZeroOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blend.tfidfLogistic(1.5));
        assertEquals("blend weight must be in [0, 1], got 1.5", e.getMessage());
    }

    @Test
    void optionsWithersKeepBlendAndThreshold() {
        TextClassifierOptions o = TextClassifierOptions.defaults().withBlend(Blend.tfidfLogistic(0.2))
                .withThreshold(Threshold.balanced());
        TextClassifierOptions changed = o.withTraining(o.training().withEpochs(1)).withSequence(o.sequence())
                .withNetwork(o.network()).withEmbedding(o.embedding()).withPreprocess(o.preprocess());
        assertEquals(o.blend(), changed.blend());
        assertEquals(o.threshold(), changed.threshold());
        assertNotEquals(o, changed);
    }
    @Test
    void tokensFromTheBundlesPreprocessorPredictAsTheTexts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("blended.nlpkit");
        blended.save(file);
        TextPreprocessor early = TextClassifier.readPreprocessor(file).orElseThrow();
        // more texts than the linear model's own-thread minimum, so that path is the one compared
        List<String> texts = new ArrayList<>(train.texts());
        texts.addAll(validation.texts());
        List<List<String>> tokens = new ArrayList<>();
        for (String text : texts) {
            tokens.add(early.tokens(text));
            assertEquals(blended.tokens(text), tokens.getLast(), text);
        }
        double[][] expected = blended.predictProba(texts);
        double[][] actual = TextClassifier.load(file).predictProbaOfTokens(tokens);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, texts.get(i));
        }
    }

    @Test
    void noPreprocessorIsReadFromAFileThatIsNotABundle(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a bundle\n");
        assertTrue(TextClassifier.readPreprocessor(file).isEmpty());
        assertTrue(TextClassifier.readPreprocessor(dir.resolve("missing.nlpkit")).isEmpty());
    }

    @Test
    void aBrokenLinearSectionIsNamedThoughReadOnItsOwnThread(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blended.save(out);
        ModelBundle original = ModelBundle.readFrom(new ByteArrayInputStream(out.toByteArray()), "x");
        ModelBundle.Builder b = ModelBundle.builder();
        for (String name : original.sectionNames()) {
            byte[] bytes = name.equals("linear") ? "nlpkit-tfidf-logistic\tx\n".getBytes(StandardCharsets.US_ASCII)
                    : original.open(name).readAllBytes();
            b.binary(name, o -> o.write(bytes));
        }
        Path file = dir.resolve("broken.nlpkit");
        b.build().write(file);
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> TextClassifier.load(file));
        assertTrue(e.getMessage().startsWith(file + "#linear"), e.getMessage());
        assertTrue(e.getMessage().contains("the version is not a number: 'x'"), e.getMessage());
    }
}
