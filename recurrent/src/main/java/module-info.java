/**
 * Recurrent networks in pure Java: RNN, LSTM, GRU, bidirectional and stacked layers, 1-D convolution, attention,
 * BPTT, optimizers and a Keras-like model API.
 *
 * <p>{@code dev.nlpkit.recurrent.math} (GEMM and element-wise kernels, worker pool) is not exported: it is the
 * layers' machinery, with no compatibility promise; {@code dev.nlpkit.recurrent.runtime.RecurrentRuntime} reports and
 * sets what it runs on. The Vector API is optional ({@code requires static}): the
 * kernels use it when the JVM runs with {@code --add-modules jdk.incubator.vector}, plain Java otherwise.
 */
module dev.nlpkit.recurrent {
    requires transitive dev.nlpkit.core;
    requires static jdk.incubator.vector;

    exports dev.nlpkit.recurrent.check;
    exports dev.nlpkit.recurrent.layers;
    exports dev.nlpkit.recurrent.loss;
    exports dev.nlpkit.recurrent.model;
    exports dev.nlpkit.recurrent.optim;
    exports dev.nlpkit.recurrent.runtime;
    exports dev.nlpkit.recurrent.tensor;
}
