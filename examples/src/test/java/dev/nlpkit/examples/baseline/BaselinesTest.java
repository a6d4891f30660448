package dev.nlpkit.examples.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import dev.nlpkit.classify.metrics.BinaryMetrics;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    /** Generated documents: class 1 uses terms 0..19, class 0 terms 20..39, both share noise terms 40..49. */
    private record Data(SparseRows rows, int[] labels) {
    }

    private static Data separable(int documents, long seed) {
        return separable(documents, seed, false);
    }

    private static Data separable(int documents, long seed, boolean counts) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] dense = new float[documents][50];
        int[] labels = new int[documents];
        for (int i = 0; i < documents; i++) {
            labels[i] = random.nextInt(2);
            int offset = labels[i] == 1 ? 0 : 20;
            for (int k = 0; k < 4; k++) {
                dense[i][offset + random.nextInt(20)] += counts ? 1 : 0.2f + (float) random.nextDouble();
            }
            for (int k = 0; k < 3; k++) {
                dense[i][40 + random.nextInt(10)] += counts ? 1 : 0.2f + (float) random.nextDouble();
            }
        }
        return new Data(SparseRows.fromDense(dense), labels);
    }

    @Test
    void logisticRegressionSeparatesSeparableData() {
        Data train = separable(400, 1);
        Data test = separable(200, 2);
        BaselineModel model = LogisticRegressionBaseline.fit(train.rows(), train.labels(),
                LogisticRegressionBaseline.Options.defaults());
        BinaryMetrics metrics = BinaryMetrics.of(test.labels(), model.probabilities(test.rows()));
        assertThat(metrics.accuracy()).isGreaterThan(0.97);
        assertThat(metrics.rocAuc()).isGreaterThan(0.99);
    }

    @Test
    void naiveBayesSeparatesSeparableData() {
        Data train = separable(400, 3, true);
        Data test = separable(200, 4, true);
        BaselineModel model = NaiveBayesBaseline.fit(train.rows(), train.labels(), NaiveBayesBaseline.Options.defaults());
        BinaryMetrics metrics = BinaryMetrics.of(test.labels(), model.probabilities(test.rows()));
        assertThat(metrics.accuracy()).isGreaterThan(0.97);
        assertThat(metrics.rocAuc()).isGreaterThan(0.99);
    }

    @Test
    void naiveBayesPosteriorFollowsTheDocumentedFormula() {
        // 2 documents per class over 3 terms, alpha = 0.5; the query may be weighted.
        float[][] dense = {{2, 0, 1}, {1, 0, 0}, {0, 2, 1}, {1, 3, 0}};
        int[] labels = {1, 1, 0, 0};
        double alpha = 0.5;
        NaiveBayesBaseline model = NaiveBayesBaseline.fit(SparseRows.fromDense(dense), labels,
                new NaiveBayesBaseline.Options(alpha));
        double[] class1 = {3, 0, 1};
        double[] class0 = {1, 5, 1};
        float[] query = {1, 0.5f, 0.5f};
        double log1 = Math.log(0.5);
        double log0 = Math.log(0.5);
        for (int t = 0; t < 3; t++) {
            log1 += query[t] * Math.log((class1[t] + alpha) / (4.0 + 3 * alpha));
            log0 += query[t] * Math.log((class0[t] + alpha) / (7.0 + 3 * alpha));
        }
        double expected = 1 / (1 + Math.exp(log0 - log1));
        double actual = model.probabilities(SparseRows.fromDense(new float[][] {query}))[0];
        assertThat(actual).isCloseTo(expected, within(1e-9));
    }

    @Test
    void logisticRegressionProbabilitiesAreProbabilitiesAndDeterministic() {
        Data train = separable(100, 5);
        var options = LogisticRegressionBaseline.Options.defaults().withLambda(1.0);
        double[] first = LogisticRegressionBaseline.fit(train.rows(), train.labels(), options).probabilities(train.rows());
        double[] second = LogisticRegressionBaseline.fit(train.rows(), train.labels(), options).probabilities(train.rows());
        assertThat(first).containsExactly(second);
        assertThat(java.util.Arrays.stream(first).boxed().toList()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
    }

    @Test
    void naiveBayesRejectsFractionalTrainingWeightsThatSmileWouldTruncate() {
        SparseRows rows = SparseRows.fromDense(new float[][] {{1, 0.5f}, {0, 1}});
        assertThatThrownBy(() -> NaiveBayesBaseline.fit(rows, new int[] {1, 0}, NaiveBayesBaseline.Options.defaults()))
                .hasMessageStartingWith("naive Bayes trains on whole term counts, but row 0 column 1 has 0.5");
    }

    @Test
    void oneClassOnlyIsAClearError() {
        SparseRows rows = SparseRows.fromDense(new float[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> NaiveBayesBaseline.fit(rows, new int[] {1, 1}, NaiveBayesBaseline.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the training set has one class only (2 examples of class 1); a classifier needs both");
    }

    @Test
    void predictionInputOfAnotherWidthIsRejected() {
        Data train = separable(50, 6, true);
        BaselineModel model = NaiveBayesBaseline.fit(train.rows(), train.labels(), NaiveBayesBaseline.Options.defaults());
        assertThatThrownBy(() -> model.probabilities(SparseRows.fromDense(new float[][] {{1, 2}})))
                .hasMessage("expected rows with 50 columns (the training vocabulary), got 2");
    }

    @Test
    void sparseRowsRejectOutOfRangeColumnsAndNegativeWeights() {
        assertThatThrownBy(() -> new SparseRows(3, new int[][] {{0, 3}}, new float[][] {{1, 1}}))
                .hasMessage("row 0 entry 1 has column 3, expected 0..2");
        assertThatThrownBy(() -> new SparseRows(3, new int[][] {{1}}, new float[][] {{-1}}))
                .hasMessage("row 0 column 1 has value -1.0, expected a finite weight >= 0");
    }
}
