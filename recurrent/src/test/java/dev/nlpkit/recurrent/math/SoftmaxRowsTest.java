package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SoftmaxRows against the softmax written out in double precision, masks, all-masked rows and the backward pass. */
class SoftmaxRowsTest {

    private static float[] random(long seed, int n, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }

    /** softmax over the allowed j (j < limit and mask), 0 elsewhere, in double. */
    private static double[] reference(float[] s, int off, int padded, int limit, boolean[] mask) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < limit; j++) {
            if (mask == null || mask[j]) {
                max = Math.max(max, s[off + j]);
            }
        }
        double[] w = new double[padded];
        double sum = 0;
        for (int j = 0; j < limit; j++) {
            if (mask == null || mask[j]) {
                w[j] = Math.exp(s[off + j] - max);
                sum += w[j];
            }
        }
        for (int j = 0; j < padded; j++) {
            w[j] = sum == 0 ? 0 : w[j] / sum;
        }
        return w;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 30, 31, 128})
    void matchesTheSoftmaxOverAllowedStepsWithAndWithoutMasks(int time) {
        int padded = SoftmaxRows.paddedLength(time);
        assertThat(padded).isGreaterThanOrEqualTo(time);
        boolean[] mask = new boolean[time];
        for (int j = 0; j < time; j++) {
            mask[j] = j % 3 != 1;
        }
        for (boolean[] m : new boolean[][] {null, mask}) {
            for (int limit : new int[] {time, (time + 1) / 2, 1}) {
                float[] s = random(time * 31L + limit, 3 + padded, 8);
                double[] expected = reference(s, 3, padded, limit, m);
                SoftmaxRows.softmax(s, 3, padded, limit, m, 0);
                for (int j = 0; j < padded; j++) {
                    assertThat((double) s[3 + j]).as("time %d limit %d entry %d", time, limit, j)
                            .isCloseTo(expected[j], within(1e-6));
                }
            }
        }
    }

    @Test
    void aRowWithNoAllowedStepBecomesZerosNotNaN() {
        int padded = SoftmaxRows.paddedLength(20);
        float[] s = random(1, padded, 3);
        boolean[] none = new boolean[20];
        SoftmaxRows.softmax(s, 0, padded, 20, none, 0);
        assertThat(s).containsOnly(0f);
        float[] t = random(2, padded, 3);
        SoftmaxRows.softmax(t, 0, padded, 0, null, 0);
        assertThat(t).containsOnly(0f);
    }

    @Test
    void theVectorKernelMatchesThePlainTwin() {
        int padded = SoftmaxRows.paddedLength(45);
        float[] a = random(3, padded, 10);
        float[] b = a.clone();
        SoftmaxRows.softmax(a, 0, padded, 45, null, 0);
        SoftmaxRows.plainSoftmax(b, 0, padded, 45, null, 0);
        for (int j = 0; j < padded; j++) {
            assertThat(a[j]).isCloseTo(b[j], within(1e-7f));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 33, 128})
    void backwardIsTheSoftmaxJacobianTimesTheGradient(int len) {
        float[] a = random(4, len + 2, 1);
        for (int j = 0; j < a.length; j++) {
            a[j] = Math.abs(a[j]);
        }
        float[] g = random(5, len + 1, 1);
        double dot = 0;
        for (int j = 0; j < len; j++) {
            dot += (double) g[1 + j] * a[2 + j];
        }
        double[] expected = new double[len];
        for (int j = 0; j < len; j++) {
            expected[j] = a[2 + j] * (g[1 + j] - dot);
        }
        SoftmaxRows.softmaxBackward(g, 1, a, 2, len);
        for (int j = 0; j < len; j++) {
            assertThat((double) g[1 + j]).isCloseTo(expected[j], within(1e-5));
        }
    }
}
