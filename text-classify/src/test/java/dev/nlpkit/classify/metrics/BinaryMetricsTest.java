package dev.nlpkit.classify.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    static List<GoldenMetrics> golden() {
        return GoldenMetrics.load();
    }

    @ParameterizedTest
    @MethodSource("golden")
    void thresholdMetricsMatchScikitLearn(GoldenMetrics g) {
        BinaryMetrics m = BinaryMetrics.of(g.labels(), g.scores());
        assertThat(m.accuracy()).isCloseTo(g.accuracy(), within(1e-15));
        assertThat(m.precision()).isCloseTo(g.precision(), within(1e-15));
        assertThat(m.recall()).isCloseTo(g.recall(), within(1e-15));
        assertThat(m.f1()).isCloseTo(g.f1(), within(1e-15));
    }

    @ParameterizedTest
    @MethodSource("golden")
    void confusionMatrixMatchesScikitLearn(GoldenMetrics g) {
        ConfusionMatrix c = BinaryMetrics.of(g.labels(), g.scores()).confusion();
        assertThat(new long[] {c.trueNegatives(), c.falsePositives(), c.falseNegatives(), c.truePositives()})
                .containsExactly(g.confusion());
    }

    @ParameterizedTest
    @MethodSource("golden")
    void rocAucIsExactAndTieAwareLikeScikitLearn(GoldenMetrics g) {
        assertThat(RocCurve.of(g.labels(), g.scores()).auc()).isCloseTo(g.rocAuc(), within(1e-15));
    }

    @ParameterizedTest
    @MethodSource("golden")
    void rocPointsMatchScikitLearnWithoutDroppedPoints(GoldenMetrics g) {
        RocCurve roc = RocCurve.of(g.labels(), g.scores());
        assertThat(roc.falsePositiveRates()).containsExactly(g.rocFpr(), within(1e-15));
        assertThat(roc.truePositiveRates()).containsExactly(g.rocTpr(), within(1e-15));
    }

    @Test
    void oneClassOnlyIsAClearError() {
        assertThatThrownBy(() -> BinaryMetrics.of(new int[] {1, 1, 1}, new double[] {0.2, 0.7, 0.9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC-AUC needs both classes in the labels, but all 3 examples are class 1");
    }

    @Test
    void nonFiniteScoreNamesItsIndex() {
        assertThatThrownBy(() -> BinaryMetrics.of(new int[] {0, 1}, new double[] {0.2, Double.NaN}))
                .hasMessage("score[1] is NaN, expected a finite number");
    }

    @Test
    void labelOtherThanZeroOrOneIsRejected() {
        assertThatThrownBy(() -> BinaryMetrics.of(new int[] {0, 4}, new double[] {0.2, 0.3}))
                .hasMessage("labels[1] is 4, expected 0 or 1");
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> BinaryMetrics.of(new int[0], new double[0]))
                .hasMessageContaining("empty");
    }

    @Test
    void perfectRankingHasAucOneAndReversedZero() {
        int[] labels = {0, 0, 1, 1};
        assertThat(RocCurve.of(labels, new double[] {0.1, 0.2, 0.8, 0.9}).auc()).isEqualTo(1.0);
        assertThat(RocCurve.of(labels, new double[] {0.9, 0.8, 0.2, 0.1}).auc()).isEqualTo(0.0);
    }
}
