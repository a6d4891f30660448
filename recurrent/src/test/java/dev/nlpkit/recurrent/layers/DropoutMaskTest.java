package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The branch-free mask of {@link Dropout} keeps exactly the elements its definition keeps: element {@code i}
 * is {@code x * (1 / (1 - rate))} when its 32-bit uniform (the high half of {@code Dropout.bits(seed, i / 2)}
 * for even {@code i}, the low half for odd) is at least {@code ceil(rate * 2^32)}, else {@code x * 0f}; compared
 * bit for bit (signed zeros included) with that definition written as a conditional, in forward and backward.
 */
class DropoutMaskTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.1, 0.9, 1e-9})
    void forwardAndBackwardKeepExactlyTheElementsOfTheDefinition(double rate) {
        int b = 3;
        int t = 7;
        int f = 5; // 105 elements: an odd count, so the last element takes the tail path
        Dropout dropout = new Dropout(DropoutOptions.of(rate), Shape.sequence(t, f));
        float[] x = new float[b * t * f];
        SplittableRandom values = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (values.nextDouble() * 4 - 2);
        }
        long callerSeed = 42;
        Layer.Forward fwd = dropout.forward(Signal.sequence(Tensor.wrap(x.clone(), b, t, f), null), true,
                new SplittableRandom(callerSeed));
        long seed = new SplittableRandom(callerSeed).nextLong();
        float[] expected = reference(x, seed, rate);
        assertThat(bits(((FloatTensor) fwd.output().values()).data())).isEqualTo(bits(expected));
        Tensor dx = dropout.backward(fwd, Tensor.wrap(x.clone(), b, t, f), new Gradients());
        assertThat(bits(((FloatTensor) dx).data())).isEqualTo(bits(expected));
    }

    private static float[] reference(float[] x, long seed, double rate) {
        float scale = (float) (1 / (1 - rate));
        long threshold = (long) Math.ceil(rate * 4294967296.0);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            long bits = Dropout.bits(seed, i >>> 1);
            long u = (i & 1) == 0 ? bits >>> 32 : bits & 0xFFFFFFFFL;
            y[i] = x[i] * (u >= threshold ? scale : 0f);
        }
        return y;
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
