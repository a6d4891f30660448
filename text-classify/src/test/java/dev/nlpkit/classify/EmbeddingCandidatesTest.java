package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nlpkit.classify.TextClassifierOptions.Embedding;
import dev.nlpkit.classify.TextClassifierOptions.FastTextSource;
import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.FastTextOptions;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding options the sentiment recipe search compares: fastText vectors and a slower fine-tuning rate. */
class EmbeddingCandidatesTest {

    private static final Fixtures.Data TRAIN = Fixtures.data(600, 1, false);

    /** The fixture's tiny recipe with one-worker fastText vectors of the same size in place of Word2Vec's. */
    private static TextClassifierOptions fastText() {
        FastTextOptions options = FastTextOptions.defaults().withArchitecture(Architecture.SKIP_GRAM)
                .withVectorSize(8).withWindow(3).withMinCount(1).withEpochs(3).withThreads(1).withBucket(5_000);
        return Fixtures.tiny().withEmbedding(new Embedding(new FastTextSource(options, 3), true));
    }

    private static TextClassifier fit(TextClassifierOptions options, FitListener listener) {
        return TextClassifier.fit(TRAIN.texts(), TRAIN.labels(), Fixtures.data(100, 3, false).labeled(), options,
                listener);
    }

    /**
     * Held-out accuracy: the bound of NetworkArchitectureTest's Word2Vec recipes (which measured 0.91-0.92), far
     * above the 0.5 of a constant answer.
     */
    @Test
    void fastTextVectorsLearnTheSyntheticWordsAndEveryWordHasOne() {
        int[] withoutVector = {-1};
        TextClassifier model = fit(fastText(), new FitListener() {
            @Override
            public void onEmbeddingMatrix(float[][] matrix, int missing) {
                withoutVector[0] = missing;
            }
        });
        assertThat(withoutVector[0]).isZero();
        Fixtures.Data test = Fixtures.data(200, 2, false);
        assertThat(model.evaluate(test.texts(), test.labels()).accuracy()).isGreaterThan(0.85);
    }

    @Test
    void aFastTextModelSavesAndLoadsWithItsOptionsAndProbabilities() throws Exception {
        TextClassifier model = fit(fastText(), FitListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.options()).isEqualTo(model.options());
        List<String> texts = Fixtures.data(50, 4, false).texts();
        assertThat(loaded.predictProba(texts)).isDeepEqualTo(model.predictProba(texts));
    }

    @Test
    void aSmallRateFactorMovesTheFineTunedEmbeddingLess() {
        float[][][] start = new float[1][][];
        FitListener capture = new FitListener() {
            @Override
            public void onEmbeddingMatrix(float[][] matrix, int missing) {
                start[0] = java.util.Arrays.stream(matrix).map(float[]::clone).toArray(float[][]::new);
            }
        };
        TextClassifierOptions tiny = Fixtures.tiny();
        double full = drift(fit(tiny, capture), start[0]);
        double slow = drift(fit(tiny.withEmbedding(tiny.embedding().withLearningRateFactor(0.1)), capture), start[0]);
        // Adam's step is about the rate, so a tenth of the rate moves the vectors about a tenth as far
        assertThat(full).isPositive();
        assertThat(slow).isLessThan(0.3 * full).isPositive();
    }

    @Test
    void theRateFactorIsSavedWithTheModel() throws Exception {
        TextClassifierOptions tiny = Fixtures.tiny();
        TextClassifier model = fit(tiny.withEmbedding(tiny.embedding().withLearningRateFactor(0.1)), FitListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        assertThat(TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray())).options().embedding()
                .learningRateFactor()).isEqualTo(0.1);
    }

    @Test
    void aRateFactorMustBePositive() {
        assertThatThrownBy(() -> Embedding.defaults().withLearningRateFactor(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRateFactor");
    }

    /** Largest absolute change of an embedding weight since the start. */
    private static double drift(TextClassifier model, float[][] start) {
        Tensor weights = model.network().layers().get(0).parameters().get(0).value();
        int width = start[0].length;
        double largest = 0;
        for (int r = 0; r < start.length; r++) {
            for (int c = 0; c < width; c++) {
                largest = Math.max(largest, Math.abs(weights.get(r * width + c) - start[r][c]));
            }
        }
        return largest;
    }
}
