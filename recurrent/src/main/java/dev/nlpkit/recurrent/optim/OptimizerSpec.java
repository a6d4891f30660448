package dev.nlpkit.recurrent.optim;

import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.Map;

/**
 * A user optimizer: the open extension point of {@link OptimizerOptions} (the built-ins, SGD, Adam and RMSProp,
 * are its closed records). An implementation is an immutable value (a record is ideal) holding the settings; the
 * mutable state is kept by {@link Optimizer} in {@link #slotCount slot tensors} shaped like each parameter, so it
 * is saved with the model and restored on load like the built-ins' moments. To be loaded from a file, the type is
 * registered in {@link OptimizerRegistry}.
 *
 * <pre>{@code
 * record Lion(LearningRate learningRate, double beta1, double beta2) implements OptimizerSpec {
 *     public String type() { return "my.Lion"; }
 *     public Map<String, String> config() { return Map.of("beta1", "" + beta1, "beta2", "" + beta2); }
 *     public int slotCount(Parameter p) { return 1; }
 *     public void update(Parameter p, Tensor w, Tensor g, Tensor[] slots, double lr, long step) { ... }
 * }
 * OptimizerRegistry.register("my.Lion", (lr, c) -> new Lion(lr, Double.parseDouble(c.get("beta1")), ...));
 * }</pre>
 */
public non-sealed interface OptimizerSpec extends OptimizerOptions {

    /**
     * The registry key, such as {@code my.Lion}: letters, digits, {@code . _ - $}; saved with the model.
     *
     * @return the type name
     */
    String type();

    /**
     * The settings other than the learning rate (saved separately) that rebuild these options through the
     * factory registered for {@link #type()}; keys are letters, digits, {@code . _ -}.
     *
     * @return the settings, possibly empty
     */
    Map<String, String> config();

    /**
     * How many state tensors (each shaped like the parameter, initially zero) the optimizer keeps for a
     * trainable parameter.
     *
     * @param parameter the parameter
     * @return the count, &gt;= 0
     */
    int slotCount(Parameter parameter);

    /**
     * Applies one update to one trainable parameter that received gradient. Called once per parameter per
     * step, in parameter order, on the training thread.
     *
     * @param parameter    the parameter (its name and flags)
     * @param weights      its values, updated in place
     * @param gradient     its (clipped) gradient, same shape
     * @param slots        its state tensors ({@link #slotCount}), updated in place
     * @param learningRate the scheduled rate of this step
     * @param step         the 1-based step number
     */
    void update(Parameter parameter, Tensor weights, Tensor gradient, Tensor[] slots, double learningRate, long step);
}
