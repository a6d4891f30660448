package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** EncoderDecoderAttention: gradients with masks, padding, the all-padding source row, shapes. */
class EncoderDecoderAttentionTest {

    private static final int H = 4;

    private static Tensor random(Precision p, long seed, int... shape) {
        Tensor x = Tensor.zeros(p, shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** sum(Y * W) for a fixed W. */
    private static double objective(EncoderDecoderAttention att, Tensor enc, boolean[] srcMask, Tensor dec,
                                    boolean[] decMask, Tensor w) {
        Tensor y = att.forward(enc, srcMask, dec, decMask).output();
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += y.get(i) * w.get(i);
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(EncoderDecoderAttention.Score.class)
    void gradientsMatchFiniteDifferencesWithMasks(EncoderDecoderAttention.Score score) {
        EncoderDecoderAttention att = EncoderDecoderAttention.create(score, H, Precision.FLOAT64, 1L);
        // source lengths 5, 2 and 0 (an all-padding row), decoder lengths 3, 4 and 1
        boolean[] srcMask = Signal.maskFromLengths(new int[] {5, 2, 0}, 5);
        boolean[] decMask = Signal.maskFromLengths(new int[] {3, 4, 1}, 4);
        Tensor enc = random(Precision.FLOAT64, 2L, 3, 5, H);
        Tensor dec = random(Precision.FLOAT64, 3L, 3, 4, H);
        Tensor w = random(Precision.FLOAT64, 4L, 3, 4, H);
        EncoderDecoderAttention.Forward f = att.forward(enc, srcMask, dec, decMask);
        Gradients grads = new Gradients();
        EncoderDecoderAttention.Backward b = att.backward(f, w, grads);
        double worst = GradientCheck.check(enc, b.dEncoder(),
                () -> objective(att, enc, srcMask, dec, decMask, w), enc.size(), 5L);
        worst = Math.max(worst, GradientCheck.check(dec, b.dDecoder(),
                () -> objective(att, enc, srcMask, dec, decMask, w), dec.size(), 6L));
        for (Parameter p : att.parameters()) {
            worst = Math.max(worst, GradientCheck.check(p.value(), grads.of(p),
                    () -> objective(att, enc, srcMask, dec, decMask, w), p.size(), 7L));
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(EncoderDecoderAttention.Score.class)
    void paddedSourcesAndTargetsGiveTheOutputsOfUnpaddedOnes(EncoderDecoderAttention.Score score) {
        EncoderDecoderAttention att = EncoderDecoderAttention.create(score, H, Precision.FLOAT32, 8L);
        Tensor enc = random(Precision.FLOAT32, 9L, 2, 6, H);
        Tensor dec = random(Precision.FLOAT32, 10L, 2, 3, H);
        int[] srcLengths = {6, 3};
        int[] decLengths = {2, 3};
        Tensor padded = att.forward(enc, Signal.maskFromLengths(srcLengths, 6), dec,
                Signal.maskFromLengths(decLengths, 3)).output();
        for (int b = 0; b < 2; b++) {
            int s = srcLengths[b];
            int t = decLengths[b];
            Tensor e1 = Tensor.zeros(Precision.FLOAT32, 1, s, H);
            enc.copyTo(b * 6 * H, e1, 0, s * H);
            Tensor d1 = Tensor.zeros(Precision.FLOAT32, 1, t, H);
            dec.copyTo(b * 3 * H, d1, 0, t * H);
            Tensor alone = att.forward(e1, null, d1, null).output();
            for (int i = 0; i < t * H; i++) {
                assertThat(padded.get(b * 3 * H + i)).isCloseTo(alone.get(i), within(1e-5));
            }
            for (int i = t * H; i < 3 * H; i++) {
                assertThat(padded.get(b * 3 * H + i)).as("padded decoder step").isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EncoderDecoderAttention.Score.class)
    void anAllPaddingSourceRowGivesZeroWeightsAndTheDecoderWithoutContext(EncoderDecoderAttention.Score score) {
        EncoderDecoderAttention att = EncoderDecoderAttention.create(score, H, Precision.FLOAT64, 11L);
        Tensor enc = random(Precision.FLOAT64, 12L, 1, 3, H);
        Tensor dec = random(Precision.FLOAT64, 13L, 1, 2, H);
        EncoderDecoderAttention.Forward f = att.forward(enc, new boolean[3], dec, null);
        for (int i = 0; i < f.weights().size(); i++) {
            assertThat(f.weights().get(i)).isZero();
        }
        Tensor wc = att.parameters().get(0).value();
        for (int t = 0; t < 2; t++) {
            for (int j = 0; j < H; j++) {
                double z = 0;
                for (int k = 0; k < H; k++) {
                    z += dec.get(t * H + k) * wc.get((H + k) * H + j);
                }
                assertThat(f.output().get(t * H + j)).isCloseTo(Math.tanh(z), within(1e-12));
            }
        }
        Gradients grads = new Gradients();
        EncoderDecoderAttention.Backward b = att.backward(f, random(Precision.FLOAT64, 14L, 1, 2, H), grads);
        assertThat(b.dDecoder().allFinite()).isTrue();
        for (int i = 0; i < b.dEncoder().size(); i++) {
            assertThat(b.dEncoder().get(i)).isZero();
        }
    }

    @Test
    void theWeightsOfARealRowSumToOneOverItsRealSteps() {
        EncoderDecoderAttention att = EncoderDecoderAttention.create(EncoderDecoderAttention.Score.DOT, H,
                Precision.FLOAT32, 15L);
        EncoderDecoderAttention.Forward f = att.forward(random(Precision.FLOAT32, 16L, 1, 4, H),
                Signal.maskFromLengths(new int[] {3}, 4), random(Precision.FLOAT32, 17L, 1, 2, H), null);
        for (int t = 0; t < 2; t++) {
            double sum = 0;
            for (int s = 0; s < 3; s++) {
                sum += f.weights().get(t * 4 + s);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-6));
            assertThat(f.weights().get(t * 4 + 3)).isZero();
        }
    }

    @Test
    void mismatchedWidthsAreRefusedWithTheShapes() {
        EncoderDecoderAttention att = EncoderDecoderAttention.create(EncoderDecoderAttention.Score.ADDITIVE, H,
                Precision.FLOAT32, 18L);
        assertThatThrownBy(() -> att.forward(Tensor.zeros(Precision.FLOAT32, 2, 3, H), null,
                Tensor.zeros(Precision.FLOAT32, 2, 3, H + 1), null))
                .hasMessageContaining("EncoderDecoderAttention (units 4)").hasMessageContaining("[2, 3, 5]");
    }

    @Test
    void theParametersAreThoseDocumented() {
        assertThat(EncoderDecoderAttention.create(EncoderDecoderAttention.Score.DOT, H, Precision.FLOAT32, 1L)
                .parameters()).extracting(Parameter::name).containsExactly("combine_kernel");
        assertThat(EncoderDecoderAttention.create(EncoderDecoderAttention.Score.ADDITIVE, H, Precision.FLOAT32, 1L)
                .parameters()).extracting(Parameter::name)
                .containsExactly("combine_kernel", "key_kernel", "query_kernel", "score_vector");
    }
}
