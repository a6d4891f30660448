package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Global max pooling over time (Keras' {@code GlobalMaxPooling1D}), over the real steps only:
 * {@code y[b, f] = max_{t real} x[b, t, f]}; a row without any real step gives {@code y[b, f] = 0}.
 *
 * <p>Shapes: {@code [batch, time, F] -> [batch, F]}. No parameters. Backward: the gradient of {@code y[b, f]}
 * goes to the step that held the maximum (the first one on ties); padded steps and all-padding rows receive none.
 * Built with {@link GlobalPoolingOptions#max()}.
 */
public final class GlobalMaxPooling1D extends GlobalPooling1D {

    GlobalMaxPooling1D(GlobalPoolingOptions options, Shape input) {
        super(options, input, "GlobalMaxPooling1D");
    }

    private record Cache(int[] argmax, int batch, int time, Tensor x) {
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int batch = in.batch();
        int time = in.time();
        int f = input.features();
        Tensor x = in.values();
        Tensor y = x.zerosLike(batch, f);
        int[] argmax = new int[batch * f];
        java.util.Arrays.fill(argmax, -1);                      // -1: no real step, output 0
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                if (!in.real(b, t)) {
                    continue;
                }
                int row = (b * time + t) * f;
                for (int j = 0; j < f; j++) {
                    double v = x.get(row + j);
                    int o = b * f + j;
                    if (argmax[o] < 0 || v > y.get(o)) {
                        argmax[o] = t;
                        y.set(o, v);
                    }
                }
            }
        }
        return new Forward(Signal.vector(y), new Cache(argmax, batch, time, x));
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int f = input.features();
        Tensor dx = c.x().zerosLike(c.batch(), c.time(), f);
        for (int b = 0; b < c.batch(); b++) {
            for (int j = 0; j < f; j++) {
                int t = c.argmax()[b * f + j];
                if (t >= 0) {
                    dx.set((b * c.time() + t) * f + j, dOutput.get(b * f + j));
                }
            }
        }
        return dx;
    }
}
