package dev.nlpkit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The choice of the balanced threshold on small hand-made cases (expected values worked out by hand). */
class BalancedThresholdTest {

    @Test
    void separableScoresGetTheMidpointBetweenTheClasses() {
        // negatives at 0.6 and 0.7, positives at 0.8 and 0.9: only 0.75 separates them
        assertEquals(0.75, BalancedThreshold.choose(new int[] {0, 0, 1, 1}, new double[] {0.6, 0.7, 0.8, 0.9}),
                1e-15);
    }

    @Test
    void balancedAccuracyNotAccuracyDecides() {
        // 1 positive (0.3) and 4 negatives (0.1, 0.2, 0.4, 0.5): t = 0.25 gives recalls 1 and 2/4 (0.75);
        // t = 0.55 predicts all negative: accuracy 0.8 but balanced accuracy 0.5
        assertEquals(0.25, BalancedThreshold.choose(new int[] {0, 0, 1, 0, 0},
                new double[] {0.1, 0.2, 0.3, 0.4, 0.5}), 1e-15);
    }

    @Test
    void tiesGoToTheThresholdClosestToOneHalf() {
        // 0, 1, 0, 1 at 0.1, 0.2, 0.8, 0.9: t = 0.15 and t = 0.85 both give 0.75; t = 0.5 gives 0.5
        // (0.15 and 0.85 are equally close to 0.5 in exact arithmetic; in doubles 0.85 is the closer)
        double t = BalancedThreshold.choose(new int[] {0, 1, 0, 1}, new double[] {0.1, 0.2, 0.8, 0.9});
        double lower = 0.1 + (0.2 - 0.1) / 2;
        double upper = 0.8 + (0.9 - 0.8) / 2;
        assertEquals(Math.abs(lower - 0.5) <= Math.abs(upper - 0.5) ? lower : upper, t, 0.0);
    }

    @Test
    void allEqualProbabilitiesKeepOneHalf() {
        assertEquals(0.5, BalancedThreshold.choose(new int[] {0, 1}, new double[] {0.3, 0.3}), 0.0);
    }
}
