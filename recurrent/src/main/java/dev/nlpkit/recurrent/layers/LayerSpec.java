package dev.nlpkit.recurrent.layers;

import java.util.Map;

/**
 * The description of a user layer: the open extension point of {@link LayerOptions} (the built-in options are a
 * closed set of records; this interface is where Keras users would subclass {@code Layer}). An implementation is
 * an immutable value (a record is ideal) that {@link #build builds} a {@link Layer} subclass for a known input
 * shape, and that can describe itself as a type name plus {@code key=value} settings so that a model holding it
 * can be saved: on load, the type name is looked up in {@link LayerRegistry} and the settings handed to the
 * registered factory, which must return equal options. Weights are saved by the model, not by the spec.
 *
 * <pre>{@code
 * record GlobalMaxPoolOptions() implements LayerSpec {
 *     public String type() { return "my.GlobalMaxPool"; }
 *     public Map<String, String> config() { return Map.of(); }
 *     public Layer build(Shape input, Precision precision, long seed) { return new GlobalMaxPool(this, input); }
 * }
 * LayerRegistry.register("my.GlobalMaxPool", config -> new GlobalMaxPoolOptions());
 * Sequential model = Sequential.builder(Shape.tokens()).add(EmbeddingOptions.random(1000, 16))
 *         .add(RecurrentOptions.lstm(8).withReturnSequences(true)).add(new GlobalMaxPoolOptions())
 *         .add(DenseOptions.of(1, Activation.SIGMOID)).build(42L);
 * }</pre>
 *
 * <p>The full worked example (global max pooling over the real steps, with its backward pass and a gradient
 * check) is in the module README.
 */
public non-sealed interface LayerSpec extends LayerOptions {

    /**
     * The registry key of this layer type, such as {@code my.GlobalMaxPool}: letters, digits, {@code . _ - $};
     * saved with the model.
     *
     * @return the type name
     */
    String type();

    /**
     * The settings that rebuild these options through the factory registered for {@link #type()}; keys are
     * letters, digits, {@code . _ -}; values are any text (escaped in the file).
     *
     * @return the settings, possibly empty
     */
    Map<String, String> config();
}
