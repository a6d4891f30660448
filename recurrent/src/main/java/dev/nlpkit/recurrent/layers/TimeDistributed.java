package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies a {@link Dense} layer to every step of a sequence with shared weights:
 * {@code y[b, t] = act(x[b, t] W + b)}; {@code [batch, time, F] -> [batch, time, U]}, mask passed through.
 * Parameters are the Dense ones ({@code kernel [F, U]}, {@code bias [U]}). As one product over all
 * {@code batch * time} rows, not a loop over steps.
 */
public final class TimeDistributed extends Layer {

    private final TimeDistributedOptions options;
    private final Dense dense;

    TimeDistributed(TimeDistributedOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, "TimeDistributed");
        this.options = options;
        this.dense = new Dense(options.dense(), input, precision, seed);
    }

    /**
     * The wrapped layer.
     *
     * @return the dense layer applied to every step
     */
    public Dense dense() {
        return dense;
    }

    @Override
    public TimeDistributedOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return dense.inputShape();
    }

    @Override
    public Shape outputShape() {
        return dense.outputShape();
    }

    @Override
    public List<Parameter> parameters() {
        return dense.parameters();
    }

    @Override
    public String typeName() {
        return "TimeDistributed(Dense)";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        return dense.forward(in, training, rng);
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        return dense.backward(forward, dOutput, grads);
    }
}
