package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nlpkit.classify.TextClassifierOptions.Embedding;
import dev.nlpkit.classify.TextClassifierOptions.Word2VecSource;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.recurrent.runtime.RecurrentRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extra unlabelled text for the embedding: what it changes (the embedding) and what it leaves (the rest). */
class EmbeddingTextTest {

    /** The training fixture plus one text holding "marmalade" once. */
    private static final Fixtures.Data TRAIN = withMarmalade(Fixtures.data(300, 1, false));
    private static final Fixtures.Data VALIDATION = Fixtures.data(60, 3, false);
    /** src/test/resources/embedding-text.txt, one element per line (its two comment lines too: plain text). */
    private static final List<String> LINES = resourceLines();

    private static Fixtures.Data withMarmalade(Fixtures.Data data) {
        List<String> texts = new ArrayList<>(data.texts());
        List<String> labels = new ArrayList<>(data.labels());
        texts.add("marmalade is good");
        labels.add("pos");
        return new Fixtures.Data(texts, labels);
    }

    private static List<String> resourceLines() {
        try (InputStream in = EmbeddingTextTest.class.getResourceAsStream("/embedding-text.txt")) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tiny recipe with Word2Vec's minimum count 2 (the network's vocabulary keeps every word, min count 1). */
    private static TextClassifierOptions recipe() {
        TextClassifierOptions tiny = Fixtures.tiny();
        Word2VecSource source = (Word2VecSource) tiny.embedding().source();
        return tiny.withEmbedding(tiny.embedding().withSource(new Word2VecSource(source.options().withMinCount(2))));
    }

    /** What a fit reported: Word2Vec's vectors and the embedding matrix the network started from. */
    private static final class Seen implements FitListener {
        WordVectors vectors;
        float[][] matrix;
        int withoutVector = -1;
        ModelInfo.EmbeddingTextInfo text;

        @Override
        public void onWord2VecVectors(WordVectors trained) {
            vectors = trained;
        }

        @Override
        public void onEmbeddingMatrix(float[][] rows, int missing) {
            matrix = rows;
            withoutVector = missing;
        }

        @Override
        public void onEmbeddingText(ModelInfo.EmbeddingTextInfo info) {
            text = info;
        }
    }

    private static TextClassifier fit(EmbeddingText extra, Seen seen) {
        return TextClassifier.fit(TRAIN.texts(), TRAIN.labels(), VALIDATION.labeled(), extra, recipe(), seen);
    }

    private static EmbeddingText extra() {
        return new EmbeddingText("embedding-text.txt", LINES);
    }

    @Test
    void aWordOnlyInTheExtraTextGetsAnEmbeddingVector() {
        Seen without = new Seen();
        fit(null, without);
        Seen with = new Seen();
        fit(extra(), with);
        assertThat(without.vectors.contains("zephyr")).isFalse();
        assertThat(with.vectors.contains("zephyr")).isTrue();
        assertThat(with.vectors.contains("quokka")).isTrue();
    }

    @Test
    void theMinimumCountHoldsOverTheTrainingTextsAndTheExtraTextTogether() {
        // "marmalade": once in the training texts, once in the extra text; Word2Vec's minimum count is 2
        Seen without = new Seen();
        TextClassifier plain = fit(null, without);
        Seen with = new Seen();
        fit(extra(), with);
        assertThat(plain.encoder().vocabulary().contains("marmalade")).isTrue();
        assertThat(without.vectors.contains("marmalade")).isFalse();
        assertThat(without.withoutVector).isEqualTo(1);
        assertThat(with.vectors.contains("marmalade")).isTrue();
        assertThat(with.withoutVector).isZero();
    }

    @Test
    void theNetworksVocabularyLabelsAndExamplesStayTheTrainingTexts() {
        TextClassifier plain = fit(null, new Seen());
        Seen seen = new Seen();
        TextClassifier extended = fit(extra(), seen);
        assertThat(extended.encoder().vocabulary().terms()).isEqualTo(plain.encoder().vocabulary().terms());
        assertThat(extended.encoder().vocabulary().contains("zephyr")).isFalse();
        assertThat(extended.labels()).isEqualTo(plain.labels());
        assertThat(extended.info().trainingExamples()).isEqualTo(plain.info().trainingExamples());
        assertThat(extended.info().validationExamples()).isEqualTo(plain.info().validationExamples());
    }

    @Test
    void theExtraTextChangesTheEmbeddingMatrixButNotItsRows() {
        Seen without = new Seen();
        fit(null, without);
        Seen with = new Seen();
        fit(extra(), with);
        // one row per network vocabulary id either way; the vectors differ (Word2Vec saw more text)
        assertThat(with.matrix.length).isEqualTo(without.matrix.length);
        int good = fit(null, new Seen()).encoder().vocabulary().indexOf("good");
        assertThat(with.matrix[good]).isNotEqualTo(without.matrix[good]);
    }

    @Test
    void theModelRecordsTheExtraTextAndKeepsItThroughSaveAndLoad() throws IOException {
        Seen seen = new Seen();
        TextClassifier model = fit(extra(), seen);
        // every element counts as a line (blank ones too, without tokens); the tokens are the recipe's preprocessing's
        ModelInfo.EmbeddingTextInfo expected = seen.text;
        assertThat(expected.name()).isEqualTo("embedding-text.txt");
        assertThat(expected.lines()).isEqualTo(LINES.size());
        TextPreprocessor preprocessor = TextPreprocessor.of(recipe().preprocess());
        assertThat(expected.tokens()).isEqualTo(LINES.stream().mapToLong(l -> preprocessor.tokens(l).size()).sum());
        assertThat(model.info().embeddingText()).contains(expected);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.info().embeddingText()).contains(expected);
        assertThat(fit(null, new Seen()).info().embeddingText()).isEmpty();
    }

    @Test
    void oneWorkerFitsWithExtraTextAreBitReproducible() {
        int before = RecurrentRuntime.threads();
        RecurrentRuntime.setThreads(1);
        try {
            List<String> texts = Fixtures.data(80, 5, false).texts();
            Seen a = new Seen();
            double[][] first = fit(extra(), a).predictProba(texts);
            Seen b = new Seen();
            double[][] second = fit(extra(), b).predictProba(texts);
            assertThat(second).isDeepEqualTo(first);
            assertThat(b.matrix).isDeepEqualTo(a.matrix);
        } finally {
            RecurrentRuntime.setThreads(before);
        }
    }

    @Test
    void extraTextNeedsATrainedEmbedding() {
        TextClassifierOptions random = recipe().withEmbedding(new Embedding(
                new TextClassifierOptions.RandomSource(8), true));
        assertThatThrownBy(() -> TextClassifier.fit(TRAIN.texts(), TRAIN.labels(), VALIDATION.labeled(), extra(),
                random, FitListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the embedding text embedding-text.txt trains a Word2Vec or fastText "
                        + "embedding, but the embedding source is RandomSource");
    }

    @Test
    void aNullLineIsNamedWithItsNumber() {
        EmbeddingText broken = new EmbeddingText("broken", Arrays.asList("a line", null));
        assertThatThrownBy(() -> fit(broken, new Seen())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the embedding text broken: line 2 is null");
    }

    @Test
    void theNameMustBeOneLine() {
        assertThatThrownBy(() -> new EmbeddingText("a\nb", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one non-blank line");
    }
}
