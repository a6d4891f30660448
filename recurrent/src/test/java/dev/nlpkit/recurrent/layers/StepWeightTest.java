package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The recurrent layers' once-per-batch packed weight gives the bits of the unpacked product. */
class StepWeightTest {

    @Test
    void packedStepProductEqualsTheUnpackedOneBitForBit() {
        int b = 70;
        int t = 3;
        int hN = 20;
        int gh = 3 * hN;
        SplittableRandom random = new SplittableRandom(5);
        Tensor wh = Tensor.wrap(random(random, hN * gh), hN, gh);
        Tensor h = Tensor.wrap(random(random, b * t * hN), b, t, hN);
        Tensor dz = Tensor.wrap(random(random, b * t * gh), b, t, gh);
        int s = 1;
        // Forward: a column block of W_h, as GRU's candidate gate reads it; accumulate into z.
        RecurrentLayer.StepWeight block = RecurrentLayer.StepWeight.of(wh, false, 2 * hN, gh, hN, hN);
        Tensor z0 = Tensor.wrap(random(random, b * t * gh), b, t, gh);
        Tensor viaPacked = z0.copy();
        Tensor direct = z0.copy();
        block.multiply(b, h, s * hN, t * hN, 1, viaPacked, s * gh + 2 * hN, t * gh);
        Ops.gemm(false, false, b, hN, hN, 1, h, s * hN, t * hN, wh, 2 * hN, gh, 1, direct, s * gh + 2 * hN, t * gh);
        assertThat(floats(viaPacked)).containsExactly(floats(direct));
        // Backward: the transposed whole weight, as LSTM's dh = dz W_h^T; overwrite (beta 0).
        RecurrentLayer.StepWeight transposed = RecurrentLayer.StepWeight.of(wh, true, 0, gh, gh, hN);
        Tensor dhPacked = Tensor.wrap(random(random, b * hN), b, hN);
        Tensor dhDirect = dhPacked.copy();
        transposed.multiply(b, dz, s * gh, t * gh, 0, dhPacked, 0, hN);
        Ops.gemm(false, true, b, hN, gh, 1, dz, s * gh, t * gh, wh, 0, gh, 0, dhDirect, 0, hN);
        assertThat(floats(dhPacked)).containsExactly(floats(dhDirect));
    }

    private static float[] floats(Tensor x) {
        float[] out = new float[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) x.get(i);
        }
        return out;
    }

    private static float[] random(SplittableRandom random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
