package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A recurrent backward pass without the input gradient (what Sequential asks for above layers that learn
 * nothing, e.g. a frozen embedding) adds the same parameter gradients, bit for bit.
 */
class InputGradientSkipTest {

    @Test
    void parameterGradientsAreTheSameWithAndWithoutTheInputGradient() {
        for (RecurrentOptions options : new RecurrentOptions[] {
                RecurrentOptions.lstm(6).withDropout(0.2).withRecurrentDropout(0.3),
                RecurrentOptions.gru(6).withRecurrentDropout(0.3), RecurrentOptions.simpleRnn(6)}) {
            RecurrentLayer layer = options.build(Shape.sequence(5), Precision.FLOAT32, 7L);
            SplittableRandom random = new SplittableRandom(3);
            int b = 4;
            int t = 6;
            float[] x = new float[b * t * 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextDouble() * 2 - 1);
            }
            Signal in = Signal.sequence(Tensor.wrap(x, b, t, 5), Signal.maskFromLengths(new int[] {6, 2, 4, 1}, t));
            Layer.Forward f = layer.forward(in, null, true, new SplittableRandom(9));
            float[] dy = new float[b * 6];
            for (int i = 0; i < dy.length; i++) {
                dy[i] = (float) (random.nextDouble() * 2 - 1);
            }
            Gradients with = new Gradients();
            Gradients without = new Gradients();
            RecurrentLayer.Backward full = layer.backward(f, Tensor.wrap(dy, b, 6), null, with, true);
            RecurrentLayer.Backward lean = layer.backward(f, Tensor.wrap(dy, b, 6), null, without, false);
            assertThat(full.dInput()).isNotNull();
            assertThat(lean.dInput()).as(options.cell().toString()).isNull();
            for (Parameter p : layer.parameters()) {
                for (int i = 0; i < p.value().size(); i++) {
                    assertThat(Float.floatToRawIntBits((float) without.of(p).get(i)))
                            .as("%s %s[%d]", options.cell(), p.name(), i)
                            .isEqualTo(Float.floatToRawIntBits((float) with.of(p).get(i)));
                }
            }
        }
    }
}
