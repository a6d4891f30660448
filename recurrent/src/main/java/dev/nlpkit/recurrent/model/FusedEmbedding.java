package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.Dropout;
import dev.nlpkit.recurrent.layers.Embedding;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.RecurrentLayer;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.tensor.Precision;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cache behind {@link InferenceOptions}' fused embedding projection of a {@link Sequential}: the table
 * {@code P = E W_x + b} ({@code [V, G*H]}) of its Embedding and first recurrent layer, keyed by the versions of
 * the three parameters it is computed from ({@code Parameter#version()}), so any training step, restore or load
 * invalidates it.
 *
 * <p><b>Rows on first use.</b> The table's memory is taken when it is first due; each row is computed the first
 * time a batch holds its token id ({@link Table#fill}), by {@link RecurrentLayer#projectRow}, whose arithmetic
 * is a fixed chain of exactly rounded operations per value: a row is the same bits whenever, on whichever thread
 * and in whichever order it is computed, and {@link Table#fillAll} gives the table a whole build would.
 *
 * <p>Thread-safe: predicting threads read the {@link Table} through a volatile field. A row is published by a
 * release write of its state after its values are written, and read only after an acquire read of that state saw
 * it done; each row is accumulated in a private scratch array and copied in whole, so two threads that fill the
 * same row at once write the same final values, which is harmless.
 */
final class FusedEmbedding {

    /** A row's state once it is computed and published (0, the array's initial value, before). */
    private static final byte DONE = 1;
    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(byte[].class);
    /** Most consecutive rows {@link Table#fillAll} computes in one call. */
    private static final int RUN = 32;

    /**
     * A table for the weights' version key {@code key}: {@code values} is {@code [V, G*H]}, row {@code v} valid
     * once {@code state[v]} is {@link #DONE}.
     */
    final class Table {
        private final long key;
        private final float[] values;
        private final byte[] state;

        private Table(long key, int rows, int width) {
            this.key = key;
            this.values = new float[Math.multiplyExact(rows, width)];
            this.state = new byte[rows];
        }

        /** The table's floats, row-major; only rows a {@link #fill} or {@link #fillAll} covered are valid. */
        float[] values() {
            return values;
        }

        /**
         * Computes the rows of {@code ids} not computed yet; on return every one of them is valid for the calling
         * thread. Ids are those of a checked batch (the Embedding refuses ids outside the vocabulary).
         */
        void fill(int[] ids) {
            float[] scratch = null;
            for (int id : ids) {
                if ((byte) STATE.getAcquire(state, id) != DONE) {
                    scratch = scratch == null ? new float[recurrent.projectionWidth()] : scratch;
                    compute(id, scratch);
                }
            }
        }

        /**
         * Computes every row not computed yet, in {@code parts} ranges of rows on the kernel threads; runs of
         * {@value #RUN} rows none of which is done are computed together (the same bits, fewer loads).
         */
        void fillAll(int parts) {
            int rows = state.length;
            int width = recurrent.projectionWidth();
            Parallelism.forEachPart(parts, part -> {
                float[] scratch = new float[RUN * width];
                int end = (int) ((long) rows * (part + 1) / parts);
                int id = (int) ((long) rows * part / parts);
                while (id < end) {
                    int run = 0;
                    while (run < RUN && id + run < end && (byte) STATE.getAcquire(state, id + run) != DONE) {
                        run++;
                    }
                    if (run == 0) {
                        id++;
                        continue;
                    }
                    recurrent.projectRows(embedding.table().value(), id, run, scratch, 0);
                    System.arraycopy(scratch, 0, values, id * width, run * width);
                    for (int r = 0; r < run; r++) {
                        STATE.setRelease(state, id + r, DONE);
                    }
                    id += run;
                }
            });
        }

        /** Rows computed so far (for tests). */
        int rowsDone() {
            int n = 0;
            for (int id = 0; id < state.length; id++) {
                if ((byte) STATE.getAcquire(state, id) == DONE) {
                    n++;
                }
            }
            return n;
        }

        /**
         * Computes row {@code id} in {@code scratch}, then copies it in and publishes it. The row is accumulated
         * apart because another thread may be computing the same row at once, or reading it once published: the
         * table only ever receives a row's final values, identical whichever thread writes them.
         */
        private void compute(int id, float[] scratch) {
            recurrent.projectRow(embedding.table().value(), id, scratch, 0);
            System.arraycopy(scratch, 0, values, id * scratch.length, scratch.length);
            STATE.setRelease(state, id, DONE);
        }
    }

    /** Tokens predicted since the weights took the version key {@code key}. */
    private record Count(long key, AtomicLong tokens) {
    }

    private final Embedding embedding;
    private final RecurrentLayer recurrent;
    private final int recurrentIndex;
    private final Object allocating = new Object();
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
     * The table for the current weights, allocating it first (all rows still to compute) when {@code options}
     * say it is due (counting {@code tokens}, the tokens about to be predicted); null when the unfused path must
     * be used. The caller fills the rows its batch needs ({@link Table#fill}) before reading them.
     */
    Table table(long tokens, InferenceOptions options) {
        long key = versionKey();
        Table current = table;
        if (current != null && current.key == key) {
            return current;
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
        if (before < due) {
            return null;
        }
        // Allocating is quick (no row is computed here), so threads wait for it rather than take the unfused path:
        // once the table is due, every prediction goes through it.
        synchronized (allocating) {
            current = table;
            if (current == null || current.key != key) {
                current = new Table(key, embedding.options().vocabularySize(), recurrent.projectionWidth());
                table = current;
            }
            return current;
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
