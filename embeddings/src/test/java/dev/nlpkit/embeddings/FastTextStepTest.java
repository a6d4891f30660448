package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The negative-sampling step against central finite differences of the exact loss (double precision, negatives
 * fixed). The step reads the sigmoid from word2vec.c's 1000-entry table, whose error is below 0.003; the
 * tolerance allows that and nothing more: a wrong sign, label or factor of m fails.
 */
class FastTextStepTest {

    private static final int D = 4;
    private static final int[] ROWS = {0, 2, 3, 5}; // a word's own row and three n-gram rows
    private static final int[] TARGETS = {1, 0, 3}; // the true word, then two fixed negatives
    private static final float ALPHA = 0.01f;

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** L = -log s(h.u_1) - log s(-h.u_0) - log s(-h.u_3), h = mean (or sum) of the input rows. */
    private static double loss(double[] input, double[] output, boolean mean) {
        double[] h = new double[D];
        for (int r : ROWS) {
            for (int j = 0; j < D; j++) {
                h[j] += input[r * D + j];
            }
        }
        for (int j = 0; j < D; j++) {
            h[j] /= mean ? ROWS.length : 1;
        }
        double l = 0;
        for (int k = 0; k < TARGETS.length; k++) {
            double f = 0;
            for (int j = 0; j < D; j++) {
                f += h[j] * output[TARGETS[k] * D + j];
            }
            l -= Math.log(sigmoid(k == 0 ? f : -f));
        }
        return l;
    }

    private static double derivative(double[] input, double[] output, boolean mean, double[] which, int at) {
        double eps = 1e-6;
        double saved = which[at];
        which[at] = saved + eps;
        double up = loss(input, output, mean);
        which[at] = saved - eps;
        double down = loss(input, output, mean);
        which[at] = saved;
        return (up - down) / (2 * eps);
    }

    private static void check(boolean mean) {
        SplittableRandom random = new SplittableRandom(42);
        float[] input = new float[6 * D];
        float[] output = new float[4 * D];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (random.nextDouble() - 0.5);
        }
        for (int i = 0; i < output.length; i++) {
            output[i] = (float) (random.nextDouble() - 0.5) * (mean ? 2f : 0.5f);
        }
        double[] in = new double[input.length];
        double[] out = new double[output.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = input[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = output[i];
        }
        float[] inputAfter = input.clone();
        float[] outputAfter = output.clone();
        FastTextStep.negativeSampling(PlainKernel.INSTANCE, inputAfter, outputAfter, D, ROWS, ROWS.length, TARGETS,
                TARGETS.length, ALPHA, mean, new float[D], new float[D]);
        double tolerance = 5e-3;
        for (int t : TARGETS) {
            for (int j = 0; j < D; j++) {
                int at = t * D + j;
                double step = (outputAfter[at] - output[at]) / ALPHA;
                assertThat(step).as("output row %d [%d]", t, j)
                        .isCloseTo(-derivative(in, out, mean, out, at), within(tolerance));
            }
        }
        for (int r : ROWS) {
            for (int j = 0; j < D; j++) {
                int at = r * D + j;
                double step = (inputAfter[at] - input[at]) / ALPHA;
                double gradient = derivative(in, out, mean, in, at);
                // fastText/gensim: each row gets the hidden gradient dL/dh; with the mean dL/dv = dL/dh / m,
                // with the sum (CBOW) the hidden gradient is divided by m.
                double expected = mean ? -gradient * ROWS.length : -gradient / ROWS.length;
                assertThat(step).as("input row %d [%d]", r, j).isCloseTo(expected, within(tolerance));
            }
        }
        for (int r : new int[] {1, 4}) {
            for (int j = 0; j < D; j++) {
                assertThat(inputAfter[r * D + j]).isEqualTo(input[r * D + j]); // rows not involved are untouched
            }
        }
        assertThat(outputAfter[2 * D]).isEqualTo(output[2 * D]);
    }

    @Test
    void meanOfRowsStepFollowsTheExactGradient() {
        check(true);
    }

    @Test
    void sumOfRowsStepFollowsTheExactGradient() {
        check(false);
    }
}
