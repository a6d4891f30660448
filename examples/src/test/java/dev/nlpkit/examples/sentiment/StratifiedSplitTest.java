package dev.nlpkit.examples.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    /** {@code negatives} zeros then {@code positives} ones. */
    private static int[] labels(int negatives, int positives) {
        int[] labels = new int[negatives + positives];
        Arrays.fill(labels, negatives, labels.length, 1);
        return labels;
    }

    private static long count(int[] labels, int[] indices, int label) {
        return Arrays.stream(indices).filter(i -> labels[i] == label).count();
    }

    @Test
    void eachPartKeepsTheClassBalance() {
        int[] labels = labels(700, 300);
        StratifiedSplit split = StratifiedSplit.of(labels, StratifiedSplit.Fractions.defaults(), 42);
        assertThat(split.test()).hasSize(100);
        assertThat(split.validation()).hasSize(100);
        assertThat(split.train()).hasSize(800);
        assertThat(count(labels, split.test(), 1)).isEqualTo(30);
        assertThat(count(labels, split.validation(), 1)).isEqualTo(30);
        assertThat(count(labels, split.train(), 1)).isEqualTo(240);
    }

    @Test
    void partsAreDisjointAndCoverEveryExample() {
        int[] labels = labels(123, 77);
        StratifiedSplit split = StratifiedSplit.of(labels, new StratifiedSplit.Fractions(0.15, 0.2), 7);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 200).toArray());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        int[] labels = labels(500, 500);
        var fractions = StratifiedSplit.Fractions.defaults();
        assertThat(StratifiedSplit.of(labels, fractions, 42)).isEqualTo(StratifiedSplit.of(labels, fractions, 42));
        assertThat(StratifiedSplit.of(labels, fractions, 43).test())
                .isNotEqualTo(StratifiedSplit.of(labels, fractions, 42).test());
    }

    @Test
    void oneClassOnlyIsAClearError() {
        assertThatThrownBy(() -> StratifiedSplit.of(new int[] {1, 1, 1, 1}, StratifiedSplit.Fractions.defaults(), 1))
                .hasMessage("the training split has 1 class (class counts [0, 4]); a classifier needs examples of both classes");
    }

    @Test
    void fractionsMustLeaveRoomForTraining() {
        assertThatThrownBy(() -> new StratifiedSplit.Fractions(0.5, 0.5))
                .hasMessageContaining("sum to less than 1");
    }
}
