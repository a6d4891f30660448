package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Repeats a vector {@code [batch, F]} as a sequence {@code [batch, n, F]} (one-to-many models: the repeated
 * vector is the input of every step of a following recurrent layer). No parameters; every step is real.
 */
public final class RepeatVector extends Layer {

    private final RepeatVectorOptions options;
    private final Shape input;

    RepeatVector(RepeatVectorOptions options, Shape input) {
        input.require(Shape.Kind.VECTOR, "RepeatVector");
        this.options = options;
        this.input = input;
    }

    @Override
    public RepeatVectorOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return Shape.sequence(options.times(), input.features());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String typeName() {
        return "RepeatVector";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int b = in.batch();
        int n = options.times();
        int f = input.features();
        Tensor y = in.values().zerosLike(b, n, f);
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < n; t++) {
                in.values().copyTo(i * f, y, (i * n + t) * f, f);
            }
        }
        return new Forward(Signal.sequence(y, null), null);
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        int b = dOutput.dim(0);
        int n = options.times();
        int f = input.features();
        Tensor dx = dOutput.zerosLike(b, f);
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < f; j++) {
                    dx.add(i * f + j, dOutput.get((i * n + t) * f + j));
                }
            }
        }
        return dx;
    }
}
