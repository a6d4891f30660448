package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * A named weight tensor of a layer. Values are read by forward passes (concurrently, by {@code predict}) and
 * written only by optimizers during training. {@code rowSparse} marks an embedding table whose gradient touches
 * only the rows of the tokens in a batch: {@link Gradients} then tracks those rows so zeroing and (lazy)
 * optimizer updates cost O(rows in batch), not O(vocabulary).
 */
public final class Parameter {

    private final String name;
    private final Tensor value;
    private final boolean trainable;
    private final boolean rowSparse;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A parameter of a layer.
     *
     * @param name      e.g. {@code kernel}, {@code recurrent_kernel}, {@code bias}, {@code embeddings}
     * @param value     the storage
     * @param trainable whether optimizers update it
     * @param rowSparse whether gradients touch only some rows (embeddings)
     */
    public Parameter(String name, Tensor value, boolean trainable, boolean rowSparse) {
        this.name = name;
        this.value = value;
        this.trainable = trainable;
        this.rowSparse = rowSparse;
    }

    /**
     * The name within its layer.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The weights.
     *
     * @return the value tensor, shared (optimizers write into it)
     */
    public Tensor value() {
        return value;
    }

    /**
     * Whether optimizers update it.
     *
     * @return true when trainable
     */
    public boolean trainable() {
        return trainable;
    }

    /**
     * Whether gradients touch only some rows.
     *
     * @return true for row-sparse gradients
     */
    public boolean rowSparse() {
        return rowSparse;
    }

    /**
     * How many times the values were declared changed ({@link #markChanged()}): optimizer steps, restores and
     * loads do it. Caches derived from the weights (the fused embedding projection of {@code Sequential}'s
     * inference) are keyed by it, so code that writes into {@link #value()} directly must call
     * {@link #markChanged()} before predicting again.
     *
     * @return the version, counting up from 0
     */
    public long version() {
        return version.get();
    }

    /** Declares that the values changed (invalidates caches derived from them). */
    public void markChanged() {
        version.incrementAndGet();
    }

    /**
     * The number of scalars.
     *
     * @return the size of the value tensor
     */
    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return name + value.shapeString();
    }
}
