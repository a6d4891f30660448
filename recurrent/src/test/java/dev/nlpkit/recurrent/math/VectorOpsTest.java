package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** VectorOps on both paths (the public entry point uses the active one; the plain one is called directly). */
class VectorOpsTest {

    private static float[] values(int n, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return x;
    }

    @Test
    void sigmoidMatchesDoublePrecisionOnBothPaths() {
        float[] x = values(1000 + 13, 1, 30);
        float[] active = x.clone();
        float[] plain = x.clone();
        VectorOps.sigmoid(active, 5, 1000);
        PlainOps.sigmoid(plain, 5, 1000);
        for (int i = 0; i < x.length; i++) {
            double expected = (i < 5 || i >= 1005) ? x[i] : 1 / (1 + Math.exp(-x[i]));
            assertThat((double) active[i]).as("active %d", i).isCloseTo(expected, within(2e-7 + 2e-6 * Math.abs(expected)));
            assertThat((double) plain[i]).as("plain %d", i).isCloseTo(expected, within(2e-7 + 2e-6 * Math.abs(expected)));
        }
    }

    @Test
    void sigmoidSaturatesWithoutNaNAndPropagatesNaN() {
        float[] x = {-1000f, -100f, 100f, 1000f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN,
                0f, -1000f, -100f, 100f, 1000f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};
        VectorOps.sigmoid(x, 0, x.length);
        assertThat(x[0]).isEqualTo(0f);
        assertThat(x[1]).isBetween(0f, 1e-40f);
        assertThat(x[2]).isEqualTo(1f);
        assertThat(x[3]).isEqualTo(1f);
        assertThat(x[4]).isEqualTo(0f);
        assertThat(x[5]).isEqualTo(1f);
        assertThat(x[6]).isNaN();
        assertThat(x[7]).isEqualTo(0.5f);
    }

    @Test
    void tanhMatchesMathTanhOnBothPaths() {
        float[] x = values(777, 2, 12);
        float[] active = x.clone();
        float[] plain = x.clone();
        VectorOps.tanh(active, 0, x.length);
        PlainOps.tanh(plain, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double expected = Math.tanh(x[i]);
            assertThat((double) active[i]).as("active %d", i).isCloseTo(expected, within(3e-7));
            assertThat((double) plain[i]).as("plain %d", i).isCloseTo(expected, within(3e-7));
        }
    }

    @Test
    void dotMatchesDoubleSumOnBothPaths() {
        float[] a = values(1031, 3, 1);
        float[] b = values(1040, 4, 1);
        double expected = 0;
        for (int i = 0; i < 1029; i++) {
            expected += (double) a[2 + i] * b[9 + i];
        }
        assertThat((double) VectorOps.dot(a, 2, b, 9, 1029)).isCloseTo(expected, within(1e-4));
        assertThat((double) PlainOps.dot(a, 2, b, 9, 1029)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void axpyAddsScaledRangeOnBothPaths() {
        float[] x = values(203, 5, 1);
        float[] y = values(210, 6, 1);
        float[] active = y.clone();
        float[] plain = y.clone();
        VectorOps.axpy(-1.5f, x, 3, active, 7, 200);
        PlainOps.axpy(-1.5f, x, 3, plain, 7, 200);
        for (int i = 0; i < y.length; i++) {
            double expected = (i >= 7 && i < 207) ? y[i] - 1.5 * x[i - 4] : y[i];
            assertThat((double) active[i]).isCloseTo(expected, within(1e-6));
            assertThat((double) plain[i]).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void adamStepMatchesTheFormulaWhenSplitOverThreads() {
        int n = 3 * (1 << 16) + 37;  // large enough to be split over the worker pool
        float[] w = values(n, 7, 1);
        float[] g = values(n, 8, 0.1);
        float[] m = values(n, 9, 0.01);
        float[] v = values(n, 10, 0.001);
        for (int i = 0; i < n; i++) {
            v[i] = Math.abs(v[i]);
        }
        float[] w2 = w.clone();
        float[] m2 = m.clone();
        float[] v2 = v.clone();
        float lr = 1e-3f;
        int t = 3;
        float stepSize = (float) (lr / (1 - Math.pow(0.9, t)));
        float rootScale = (float) (1 / Math.sqrt(1 - Math.pow(0.999, t)));
        VectorOps.adamStep(w, g, m, v, 0, n, 0.9f, 0.999f, stepSize, rootScale, 1e-7f, 1f);
        PlainOps.adam(w2, g, m2, v2, 0, n, 0.9f, 0.999f, stepSize, rootScale, 1e-7f, 1f);
        assertThat(w).isEqualTo(w2);
        assertThat(m).isEqualTo(m2);
        assertThat(v).isEqualTo(v2);
        // PyTorch's formula in double for a few elements, from the original values.
        float[] w0 = values(n, 7, 1);
        float[] m0 = values(n, 9, 0.01);
        float[] v0 = values(n, 10, 0.001);
        for (int i : new int[] {0, 1, 12345, n - 1}) {
            double mi = 0.9 * m0[i] + 0.1 * g[i];
            double vi = 0.999 * Math.abs(v0[i]) + 0.001 * g[i] * (double) g[i];
            double mHat = mi / (1 - Math.pow(0.9, t));
            double vHat = vi / (1 - Math.pow(0.999, t));
            double expected = w0[i] - lr * mHat / (Math.sqrt(vHat) + 1e-7);
            assertThat((double) w[i]).as("w[%d]", i).isCloseTo(expected, within(1e-6));
        }
    }

    /**
     * The fused row against what the layer did before it: sigmoid/tanh over the gate blocks, then the state
     * lines in float. Widths below, at and around the vector length (4, 8 or 16 floats) and the sentiment
     * model's 100; rows at an offset, with the saturated, zero and NaN arguments among the gates.
     */
    @Test
    void lstmRowGivesTheBitsOfTheSeparateKernelsOnBothPaths() {
        for (int units : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 128}) {
            int zOff = 5;
            int sOff = 3;
            float[] z = values(zOff + 4 * units + 2, 20 + units, 12);
            float[] c = values(sOff + units + 1, 40 + units, 4);
            z[zOff] = Float.NaN;
            z[zOff + units - 1] = -200f;
            z[zOff + 2 * units] = 0f;
            z[zOff + 4 * units - 1] = 90f;
            float[] gates = z.clone();
            VectorOps.sigmoid(gates, zOff, 2 * units);
            VectorOps.tanh(gates, zOff + 2 * units, units);
            VectorOps.sigmoid(gates, zOff + 3 * units, units);
            float[] expectedC = c.clone();
            float[] expectedH = new float[c.length];
            for (int j = 0; j < units; j++) {
                float cn = gates[zOff + units + j] * c[sOff + j] + gates[zOff + j] * gates[zOff + 2 * units + j];
                expectedC[sOff + j] = cn;
                expectedH[sOff + j] = cn;
            }
            VectorOps.tanh(expectedH, sOff, units);
            for (int j = 0; j < units; j++) {
                expectedH[sOff + j] *= gates[zOff + 3 * units + j];
            }
            float[] activeZ = z.clone();
            float[] activeC = c.clone();
            float[] activeH = new float[c.length];
            VectorOps.lstmRow(activeZ, zOff, activeC, activeH, sOff, units);
            float[] plainC = c.clone();
            float[] plainH = new float[c.length];
            PlainOps.lstmRow(z, zOff, plainC, plainH, sOff, units);
            assertThat(activeZ).as("z is read only, %d units", units).isEqualTo(z);
            assertThat(bits(activeC)).as("active c, %d units", units).isEqualTo(bits(expectedC));
            assertThat(bits(activeH)).as("active h, %d units", units).isEqualTo(bits(expectedH));
            assertThat(bits(plainC)).as("plain c, %d units", units).isEqualTo(bits(expectedC));
            assertThat(bits(plainH)).as("plain h, %d units", units).isEqualTo(bits(expectedH));
        }
    }

    /**
     * The fused training row against the layer's previous training forward: sigmoid/tanh over the gate blocks
     * (kept in z), then the state lines in float, the old cell, tanh of the new cell and h kept in the traces.
     */
    @Test
    void lstmTrainRowGivesTheBitsOfTheSeparateKernelsOnBothPaths() {
        for (int units : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 128}) {
            int zOff = 5;
            int sOff = 3;
            int tOff = 2;
            float[] z = values(zOff + 4 * units + 2, 60 + units, 12);
            float[] c = values(sOff + units + 1, 80 + units, 4);
            z[zOff] = Float.NaN;
            z[zOff + units - 1] = -200f;
            z[zOff + 2 * units] = 0f;
            z[zOff + 4 * units - 1] = 90f;
            float[] expectedZ = z.clone();
            VectorOps.sigmoid(expectedZ, zOff, 2 * units);
            VectorOps.tanh(expectedZ, zOff + 2 * units, units);
            VectorOps.sigmoid(expectedZ, zOff + 3 * units, units);
            float[] expectedC = c.clone();
            float[] expectedPrev = new float[tOff + units];
            float[] expectedTanh = new float[tOff + units];
            float[] expectedH = new float[c.length];
            for (int j = 0; j < units; j++) {
                expectedPrev[tOff + j] = c[sOff + j];
                float cn = expectedZ[zOff + units + j] * c[sOff + j]
                        + expectedZ[zOff + j] * expectedZ[zOff + 2 * units + j];
                expectedC[sOff + j] = cn;
                expectedTanh[tOff + j] = cn;
            }
            VectorOps.tanh(expectedTanh, tOff, units);
            for (int j = 0; j < units; j++) {
                expectedH[sOff + j] = expectedZ[zOff + 3 * units + j] * expectedTanh[tOff + j];
            }
            for (boolean plain : new boolean[] {false, true}) {
                float[] gotZ = z.clone();
                float[] gotC = c.clone();
                float[] gotH = new float[c.length];
                float[] gotPrev = new float[tOff + units];
                float[] gotTanh = new float[tOff + units];
                float[] gotOut = new float[tOff + units];
                if (plain) {
                    PlainOps.lstmTrainRow(gotZ, zOff, gotC, gotH, sOff, gotPrev, gotTanh, gotOut, tOff, units);
                } else {
                    VectorOps.lstmTrainRow(gotZ, zOff, gotC, gotH, sOff, gotPrev, gotTanh, gotOut, tOff, units);
                }
                String path = (plain ? "plain" : "active") + ", " + units + " units";
                assertThat(bits(gotZ)).as("activations, %s", path).isEqualTo(bits(expectedZ));
                assertThat(bits(gotC)).as("c, %s", path).isEqualTo(bits(expectedC));
                assertThat(bits(gotH)).as("h, %s", path).isEqualTo(bits(expectedH));
                assertThat(bits(gotPrev)).as("old c, %s", path).isEqualTo(bits(expectedPrev));
                assertThat(bits(gotTanh)).as("tanh c, %s", path).isEqualTo(bits(expectedTanh));
                assertThat(Arrays.copyOfRange(bits(gotOut), tOff, tOff + units)).as("h trace, %s", path)
                        .isEqualTo(Arrays.copyOfRange(bits(expectedH), sOff, sOff + units));
            }
        }
    }

    /** The fused GRU training rows against the separate kernels and float loops, bit for bit, on both paths. */
    @Test
    void gruRowsGiveTheBitsOfTheSeparateKernelsOnBothPaths() {
        for (int units : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 128}) {
            int zOff = 4;
            int sOff = 3;
            int tOff = 2;
            float[] z = values(zOff + 3 * units + 2, 70 + units, 12);
            float[] hd = values(tOff + units + 1, 71 + units, 2);
            float[] h = values(sOff + units + 1, 72 + units, 1);
            z[zOff] = Float.NaN;
            z[zOff + units] = -200f;
            z[zOff + 2 * units - 1] = 90f;
            z[zOff + 3 * units - 1] = -0f;
            float[] expectedZ = z.clone();
            VectorOps.sigmoid(expectedZ, zOff, 2 * units);
            float[] expectedRh = new float[tOff + units + 1];
            for (int j = 0; j < units; j++) {
                expectedRh[tOff + j] = expectedZ[zOff + units + j] * hd[tOff + j];
            }
            VectorOps.tanh(expectedZ, zOff + 2 * units, units);
            float[] expectedH = h.clone();
            float[] expectedOut = new float[tOff + units + 1];
            for (int j = 0; j < units; j++) {
                float u = expectedZ[zOff + j];
                float hn = (1 - u) * h[sOff + j] + u * expectedZ[zOff + 2 * units + j];
                expectedH[sOff + j] = hn;
                expectedOut[tOff + j] = hn;
            }
            for (boolean plain : new boolean[] {false, true}) {
                float[] gotZ = z.clone();
                float[] gotRh = new float[expectedRh.length];
                float[] gotH = h.clone();
                float[] gotOut = new float[expectedOut.length];
                if (plain) {
                    PlainOps.gruGateRow(gotZ, zOff, hd, gotRh, tOff, units);
                    PlainOps.gruStateRow(gotZ, zOff, gotH, sOff, gotOut, tOff, units);
                } else {
                    VectorOps.gruGateRow(gotZ, zOff, hd, gotRh, tOff, units);
                    VectorOps.gruStateRow(gotZ, zOff, gotH, sOff, gotOut, tOff, units);
                }
                String path = (plain ? "plain" : "active") + ", " + units + " units";
                assertThat(bits(gotZ)).as("activations, %s", path).isEqualTo(bits(expectedZ));
                assertThat(bits(gotRh)).as("reset product, %s", path).isEqualTo(bits(expectedRh));
                assertThat(bits(gotH)).as("h, %s", path).isEqualTo(bits(expectedH));
                assertThat(bits(gotOut)).as("h trace, %s", path).isEqualTo(bits(expectedOut));
            }
        }
    }

    /**
     * The fused LSTM backward row against the layer's former scalar loop (written out here), bit for bit, with and
     * without an output gradient, for widths around the vector lengths; zeros of both signs are included.
     */
    @Test
    void lstmBackRowGivesTheBitsOfTheScalarLoopOnBothPaths() {
        for (int units : new int[] {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 128}) {
            int zOff = 5;
            int sOff = 3;
            int tOff = 2;
            float[] z = values(zOff + 4 * units + 2, 90 + units, 1);
            float[] dh = values(sOff + units + 1, 91 + units, 2);
            float[] dc = values(sOff + units + 1, 92 + units, 2);
            float[] tanhC = values(tOff + units, 93 + units, 1);
            float[] cPrev = values(tOff + units, 94 + units, 3);
            float[] dhs = values(tOff + units, 95 + units, 2);
            dh[sOff] = -0f;
            dhs[tOff + units - 1] = -0f;
            dh[sOff + units - 1] = -0f;
            for (float[] output : new float[][] {null, dhs}) {
                float[] expectedDz = new float[z.length];
                float[] expectedDc = dc.clone();
                for (int j = 0; j < units; j++) {
                    float dhv = dh[sOff + j] + (output == null ? 0f : output[tOff + j]);
                    float gi = z[zOff + j];
                    float gf = z[zOff + units + j];
                    float gg = z[zOff + 2 * units + j];
                    float go = z[zOff + 3 * units + j];
                    float tc = tanhC[tOff + j];
                    float dcv = expectedDc[sOff + j] + dhv * go * (1 - tc * tc);
                    expectedDz[zOff + j] = dcv * gg * gi * (1 - gi);
                    expectedDz[zOff + units + j] = dcv * cPrev[tOff + j] * gf * (1 - gf);
                    expectedDz[zOff + 2 * units + j] = dcv * gi * (1 - gg * gg);
                    expectedDz[zOff + 3 * units + j] = dhv * tc * go * (1 - go);
                    expectedDc[sOff + j] = dcv * gf;
                }
                for (boolean plain : new boolean[] {false, true}) {
                    float[] gotDz = new float[z.length];
                    float[] gotDc = dc.clone();
                    if (plain) {
                        PlainOps.lstmBackRow(z, zOff, gotDz, dh, gotDc, sOff, output, tanhC, cPrev, tOff, units, 0);
                    } else {
                        VectorOps.lstmBackRow(z, zOff, gotDz, dh, gotDc, sOff, output, tanhC, cPrev, tOff, units);
                    }
                    String path = (plain ? "plain" : "active") + ", " + units + " units"
                            + (output == null ? ", no output gradient" : "");
                    assertThat(bits(gotDz)).as("dz, %s", path).isEqualTo(bits(expectedDz));
                    assertThat(bits(gotDc)).as("dc, %s", path).isEqualTo(bits(expectedDc));
                }
            }
        }
    }

    /** The hashed dropout mask: the active path against the plain one, bit for bit, at odd ranges and edges. */
    @Test
    void dropoutMaskGivesTheBitsOfThePlainLoop() {
        long[] thresholds = {0, 1, 429_496_730L, 1L << 31, 0xFFFF_FFFFL, 1L << 32};
        for (long threshold : thresholds) {
            for (int[] range : new int[][] {{0, 0}, {0, 1}, {2, 33}, {4, 100}, {0, 1000}, {6, 517}}) {
                float[] x = values(range[1] + 3, 7 + range[1], 3);
                x[range[0]] = -0f;
                float[] active = new float[x.length];
                float[] plain = new float[x.length];
                VectorOps.dropoutMask(x, active, range[0], range[1], 99 + threshold, threshold, 1.25f);
                PlainOps.dropoutMask(x, plain, range[0], range[1], 99 + threshold, threshold, 1.25f);
                assertThat(bits(active)).as("threshold %d, range [%d, %d)", threshold, range[0], range[1])
                        .isEqualTo(bits(plain));
            }
        }
    }

    @Test
    void lstmRowRejectsAGateRangeOutsideTheArray() {
        assertThatThrownBy(() -> VectorOps.lstmRow(new float[399], 0, new float[100], new float[100], 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range [0, 400) of z is outside its 399 elements");
    }

    private static int[] bits(float[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Float.floatToIntBits(x[i]);
        }
        return out;
    }

    @Test
    void rejectsRangeOutsideArray() {
        assertThatThrownBy(() -> VectorOps.axpy(1f, new float[4], 0, new float[4], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range [2, 5) of y is outside its 4 elements");
    }
}
