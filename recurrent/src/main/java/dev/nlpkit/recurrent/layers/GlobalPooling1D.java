package dev.nlpkit.recurrent.layers;

import java.util.List;

/**
 * What the global poolings over time share: a sequence input {@code [batch, time, F]}, a vector output
 * {@code [batch, F]}, no parameters, and the options that chose the pooling. Subclasses give the forward and
 * backward passes.
 */
abstract class GlobalPooling1D extends Layer {

    private final GlobalPoolingOptions options;
    /** The input shape; its feature count is the output's. */
    final Shape input;
    private final String typeName;

    GlobalPooling1D(GlobalPoolingOptions options, Shape input, String typeName) {
        input.require(Shape.Kind.SEQUENCE, typeName);
        this.options = options;
        this.input = input;
        this.typeName = typeName;
    }

    @Override
    public GlobalPoolingOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(input.features());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String typeName() {
        return typeName;
    }
}
