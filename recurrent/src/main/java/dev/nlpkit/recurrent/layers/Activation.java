package dev.nlpkit.recurrent.layers;

/** Output non-linearities of {@link Dense}. */
public enum Activation {
    /** {@code y = z}. */
    LINEAR,
    /** {@code y = 1 / (1 + exp(-z))}. */
    SIGMOID,
    /** {@code y = tanh(z)}. */
    TANH,
    /** {@code y = max(0, z)}. */
    RELU,
    /** {@code y_j = exp(z_j) / sum_k exp(z_k)} over the features of each row (stabilized by the row maximum). */
    SOFTMAX
}
