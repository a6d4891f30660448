package dev.nlpkit.recurrent.layers;

/**
 * A built-in layer that can keep the tensors of its training step (outputs, traces, gradients and
 * temporaries) from one step to the next instead of allocating them afresh: a steady training step then
 * allocates nothing large. {@code Sequential.fit} turns it on for its full-BPTT steps and off when it returns.
 *
 * <p><b>Lifetime rule while on.</b> A training forward ({@code training = true}) writes its output and its cache
 * into buffers of the layer, which the layer's next training forward overwrites; its backward writes the input
 * gradient into buffers that its next backward overwrites. So the output handed to the next layer, and the
 * cache, stay valid until this layer's next training forward, which is what a step of one forward and one
 * backward per batch needs. Whoever keeps several training forwards of a layer alive at once (truncated BPTT
 * windows, two passes compared) must leave reuse off. Inference ({@code training = false}) never uses the
 * buffers, and with reuse off (the default) the layer allocates fresh tensors and stays read-only.
 */
public sealed interface TrainingBuffers permits RecurrentLayer, Embedding, Dropout, Dense, MultiHeadSelfAttention {

    /**
     * Turns reuse of the training-step buffers on, or off (which releases them).
     *
     * @param on true to reuse buffers across training steps
     */
    void reuseTrainingBuffers(boolean on);
}
