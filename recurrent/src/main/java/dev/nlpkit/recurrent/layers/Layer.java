package dev.nlpkit.recurrent.layers;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A layer built for a known input shape. Forward passes never mutate the layer: everything backward needs is
 * returned in a {@link Forward} record, and gradients are added into a caller-owned {@link Gradients}, so a
 * trained layer may serve several predicting threads at once. Randomness (dropout masks) comes from the
 * {@link SplittableRandom} passed to each call; the same generator state gives the same masks.
 *
 * <p>All batches are batch-major: {@code [batch, time, features]} for sequences, {@code [batch, features]}
 * for vectors, {@code [batch, time]} for token ids.
 */
public abstract class Layer {

    /** For subclasses: a layer holds no state here; its parameters and options are the subclass's. */
    public Layer() {
        // Explicit only to carry the comment above: the default constructor cannot be documented.
    }

    /**
     * The result of a forward pass: the output and whatever the backward pass of this layer needs.
     *
     * @param output the layer's output batch
     * @param cache what this layer's backward pass needs (its own type; null when nothing)
     */
    public record Forward(Signal output, Object cache) {
    }

    /**
     * The options this layer was built from.
     *
     * @return the options
     */
    public abstract LayerOptions options();

    /**
     * The per-example input shape.
     *
     * @return the input shape
     */
    public abstract Shape inputShape();

    /**
     * The per-example output shape.
     *
     * @return the output shape
     */
    public abstract Shape outputShape();

    /**
     * The parameters, in the documented packing order.
     *
     * @return the parameters, in packing order
     */
    public abstract List<Parameter> parameters();

    /**
     * Runs the layer on a batch.
     *
     * @param in       the input batch (validated against {@link #inputShape()})
     * @param training whether dropout is active
     * @param rng      source of dropout masks (unused when not training)
     * @return the output and the cache for {@link #backward}
     */
    public abstract Forward forward(Signal in, boolean training, SplittableRandom rng);

    /**
     * Back-propagates {@code dOutput} (same shape as the forward output's values), adding parameter gradients
     * into {@code grads}, and returns the gradient with respect to the input values (null for token inputs).
     *
     * @param forward the result of this layer's {@link #forward} on the batch
     * @param dOutput the gradient of the loss with respect to the output values
     * @param grads where parameter gradients are added
     * @return the input gradient, or null when the input is token ids
     */
    public abstract dev.nlpkit.recurrent.tensor.Tensor backward(Forward forward,
                                                                dev.nlpkit.recurrent.tensor.Tensor dOutput,
                                                                Gradients grads);

    /**
     * The number of scalars in all parameters.
     *
     * @return the parameter count
     */
    public final long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /**
     * The number of scalars in trainable parameters.
     *
     * @return the trainable parameter count
     */
    public final long trainableParameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            if (p.trainable()) {
                n += p.size();
            }
        }
        return n;
    }

    /**
     * A short type name for summaries: {@code LSTM}, {@code Dense}.
     *
     * @return the type name
     */
    public abstract String typeName();

    /**
     * Checks a batch against the input shape, naming the layer and both shapes on mismatch.
     *
     * @param in the batch to check
     */
    protected final void checkInput(Signal in) {
        Shape s = inputShape();
        if (in.kind() != s.kind()) {
            throw new IllegalArgumentException(typeName() + " expects " + s.kind() + " input " + s.display()
                    + ", got " + in.kind());
        }
        if (in.kind() != Shape.Kind.TOKENS && in.features() != s.features()) {
            throw new IllegalArgumentException(typeName() + " expects input of shape " + describe(s)
                    + ", got " + in.values().shapeString());
        }
    }

    private static String describe(Shape s) {
        return s.kind() == Shape.Kind.VECTOR ? "[batch, " + s.features() + "]"
                : "[batch, time, " + s.features() + "]";
    }
}
