package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in training each element is kept with probability {@code 1 - rate} and scaled by
 * {@code 1 / (1 - rate)}, else zeroed, so inference (no dropout, identity) needs no rescaling. A fresh mask per
 * element and step (Keras' {@code Dropout} without {@code noise_shape}); the mask passes through. No parameters.
 * Shapes: output = input.
 */
public final class Dropout extends Layer {

    private final DropoutOptions options;
    private final Shape input;

    Dropout(DropoutOptions options, Shape input) {
        if (input.kind() == Shape.Kind.TOKENS) {
            throw new IllegalArgumentException("Dropout expects vectors or sequences, got token ids");
        }
        this.options = options;
        this.input = input;
    }

    @Override
    public DropoutOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return input;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String typeName() {
        return "Dropout";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        if (!training || options.rate() == 0) {
            return new Forward(in, null);
        }
        Tensor x = in.values();
        Tensor keep = x.zerosLike(x.shape());
        Tensor y = x.zerosLike(x.shape());
        double scale = 1 / (1 - options.rate());
        double rate = options.rate();
        if (x instanceof FloatTensor fx && keep instanceof FloatTensor fk && y instanceof FloatTensor fy) {
            float[] xs = fx.data();
            float[] ks = fk.data();
            float[] ys = fy.data();
            float s = (float) scale;
            for (int i = 0, n = x.size(); i < n; i++) {
                if (rng.nextDouble() >= rate) {
                    ks[i] = s;
                    ys[i] = xs[i] * s;
                }
            }
        } else {
            for (int i = 0; i < x.size(); i++) {
                if (rng.nextDouble() >= rate) {
                    keep.set(i, scale);
                    y.set(i, x.get(i) * scale);
                }
            }
        }
        return new Forward(new Signal(in.kind(), in.batch(), in.time(), y, null, in.mask()), keep);
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        if (forward.cache() == null) {
            return dOutput;
        }
        Tensor keep = (Tensor) forward.cache();
        Tensor dx = dOutput.zerosLike(dOutput.shape());
        if (dOutput instanceof FloatTensor fd && keep instanceof FloatTensor fk && dx instanceof FloatTensor fx) {
            float[] ds = fd.data();
            float[] ks = fk.data();
            float[] xs = fx.data();
            for (int i = 0, n = dx.size(); i < n; i++) {
                xs[i] = ds[i] * ks[i];
            }
            return dx;
        }
        for (int i = 0; i < dx.size(); i++) {
            dx.set(i, dOutput.get(i) * keep.get(i));
        }
        return dx;
    }
}
