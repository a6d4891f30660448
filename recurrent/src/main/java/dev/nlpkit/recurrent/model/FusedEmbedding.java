package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.Dropout;
import dev.nlpkit.recurrent.layers.Embedding;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.RecurrentLayer;
import dev.nlpkit.recurrent.tensor.Precision;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cache behind {@link InferenceOptions}' fused embedding projection of a {@link Sequential}: the table
 * {@code P = E W_x + b} ({@code [V, G*H]}) of its Embedding and first recurrent layer, keyed by the versions of
 * the three parameters it is computed from ({@code Parameter#version()}), so any training step, restore or load
 * invalidates it.
 *
 * <p>Thread-safe: predicting threads read an immutable {@link Table} through a volatile field; one thread at a
 * time builds, and the others keep using the unfused path meanwhile instead of waiting.
 */
final class FusedEmbedding {

    /** A table and the weights' version key it was computed for. */
    private record Table(long key, float[] values) {
    }

    /** Tokens predicted since the weights took the version key {@code key}. */
    private record Count(long key, AtomicLong tokens) {
    }

    private final Embedding embedding;
    private final RecurrentLayer recurrent;
    private final int recurrentIndex;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Table table;
    private volatile Count count = new Count(-1, new AtomicLong());

    private FusedEmbedding(Embedding embedding, RecurrentLayer recurrent, int recurrentIndex) {
        this.embedding = embedding;
        this.recurrent = recurrent;
        this.recurrentIndex = recurrentIndex;
    }

    /** The cache for {@code layers} when they start Embedding -> Dropout* -> recurrent layer in float32, else null. */
    static FusedEmbedding of(List<Layer> layers, Precision precision) {
        if (precision != Precision.FLOAT32 || layers.isEmpty() || !(layers.get(0) instanceof Embedding e)) {
            return null;
        }
        for (int i = 1; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof RecurrentLayer r) {
                return new FusedEmbedding(e, r, i);
            }
            if (!(l instanceof Dropout)) {
                return null;
            }
        }
        return null;
    }

    Embedding embedding() {
        return embedding;
    }

    RecurrentLayer recurrent() {
        return recurrent;
    }

    /** The index of the recurrent layer the table feeds. */
    int recurrentIndex() {
        return recurrentIndex;
    }

    /** The table's size in bytes. */
    long tableBytes() {
        return 4L * embedding.options().vocabularySize() * recurrent.projectionWidth();
    }

    /**
     * The table for the current weights, building it first when {@code options} say it is due (counting
     * {@code tokens}, the tokens about to be predicted); null when the unfused path must be used.
     */
    float[] table(long tokens, InferenceOptions options) {
        long key = versionKey();
        Table current = table;
        if (current != null && current.key == key) {
            return current.values;
        }
        if (current != null) {
            table = null; // stale: free it now rather than at the rebuild
        }
        if (options.maxTableBytes() == 0 || tableBytes() > options.maxTableBytes()) {
            return null;
        }
        Count c = count;
        if (c.key != key) {
            c = new Count(key, new AtomicLong());
            count = c;
        }
        long before = c.tokens.getAndAdd(tokens);
        long due = options.fuseAfterTokens() == InferenceOptions.AFTER_VOCABULARY
                ? embedding.options().vocabularySize() : options.fuseAfterTokens();
        if (before < due || !building.tryLock()) {
            return null;
        }
        try {
            current = table;
            if (current == null || current.key != key) {
                current = new Table(key, recurrent.projectTable(embedding.table().value()));
                table = current;
            }
            return current.values;
        } finally {
            building.unlock();
        }
    }

    /** Versions only grow, so their sum changes whenever one of the three parameters does. */
    private long versionKey() {
        long key = embedding.table().version();
        for (var p : recurrent.parameters()) {
            key += p.version();
        }
        return key;
    }
}
