package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Global average pooling over time (Keras' {@code GlobalAveragePooling1D} with a mask), over the real steps only:
 * {@code y[b, f] = (1 / n_b) sum_{t real} x[b, t, f]} with {@code n_b} the number of real steps of row {@code b};
 * a row without any real step ({@code n_b = 0}) gives {@code y[b, f] = 0}, never NaN.
 *
 * <p>Shapes: {@code [batch, time, F] -> [batch, F]}. No parameters. Backward: {@code dx[b, t] = dy[b] / n_b} at
 * the real steps, zero at padded steps and in all-padding rows. Built with {@link GlobalPoolingOptions#average()}.
 */
public final class GlobalAveragePooling1D extends GlobalPooling1D {

    GlobalAveragePooling1D(GlobalPoolingOptions options, Shape input) {
        super(options, input, "GlobalAveragePooling1D");
    }

    private record Cache(boolean[] mask, int[] counts, int batch, int time, Tensor x) {
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int batch = in.batch();
        int time = in.time();
        int f = input.features();
        Tensor x = in.values();
        Tensor y = x.zerosLike(batch, f);
        int[] counts = new int[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                if (in.real(b, t)) {
                    counts[b]++;
                }
            }
            if (counts[b] == 0) {
                continue;
            }
            double scale = 1.0 / counts[b];
            for (int t = 0; t < time; t++) {
                if (in.real(b, t)) {
                    Ops.axpy(scale, x, (b * time + t) * f, y, b * f, f);
                }
            }
        }
        return new Forward(Signal.vector(y), new Cache(in.mask(), counts, batch, time, x));
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int f = input.features();
        Tensor dx = c.x().zerosLike(c.batch(), c.time(), f);
        for (int b = 0; b < c.batch(); b++) {
            if (c.counts()[b] == 0) {
                continue;
            }
            double scale = 1.0 / c.counts()[b];
            for (int t = 0; t < c.time(); t++) {
                if (c.mask() == null || c.mask()[b * c.time() + t]) {
                    Ops.axpy(scale, dOutput, b * f, dx, (b * c.time() + t) * f, f);
                }
            }
        }
        return dx;
    }
}
