package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Token embedding: {@code y[b, t] = E[id[b, t]]}; token ids {@code [batch, time]} give
 * {@code [batch, time, D]}.
 *
 * <p>Parameter: {@code embeddings E [V, D]}, row {@code i} the vector of id {@code i}; initialized from the
 * pretrained rows when given, else uniform(-0.05, 0.05) (Keras). Frozen tables ({@code trainable = false}) get
 * no gradient. The gradient is row-sparse: only the rows of ids in the batch are touched and recorded (see
 * {@link Gradients}). With {@code maskZero}, id 0 is padding: its steps are masked for every later layer (a
 * mask arriving with the ids is combined with it). Ids outside {@code [0, V)} are rejected with their position.
 */
public final class Embedding extends Layer implements TrainingBuffers {

    private final EmbeddingOptions options;
    private final Shape input;
    private final Parameter table;
    /** The training output while {@link #reuseTrainingBuffers} is on. */
    private final Workspace workspace = new Workspace();

    Embedding(EmbeddingOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.TOKENS, "Embedding");
        this.options = options;
        this.input = input;
        int v = options.vocabularySize();
        int d = options.dimension();
        Tensor e = Tensor.zeros(precision, v, d);
        if (options.pretrained() != null) {
            for (int r = 0; r < v; r++) {
                float[] row = options.pretrained()[r];
                for (int j = 0; j < d; j++) {
                    e.set(r * d + j, row[j]);
                }
            }
        } else {
            Initializers.uniform(e, 0.05, new SplittableRandom(seed));
        }
        this.table = new Parameter("embeddings", e, options.trainable(), true);
    }

    @Override
    public EmbeddingOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return new Shape(Shape.Kind.SEQUENCE, input.time(), options.dimension());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(table);
    }

    @Override
    public String typeName() {
        return "Embedding";
    }

    /**
     * The table parameter.
     *
     * @return the {@code [V, dimension]} table
     */
    public Parameter table() {
        return table;
    }

    @Override
    public void reuseTrainingBuffers(boolean on) {
        workspace.reuse(on);
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        boolean[] mask = maskOf(in);
        int b = in.batch();
        int t = in.time();
        int d = options.dimension();
        int[] ids = in.tokens();
        Tensor y = workspace.scratch(training, "output", table.value(), b, t, d);   // every row copied below
        int n = b * t;
        int parts = parts((long) n * d, n);
        Parallelism.forEachPart(parts, part -> {
            for (int i = (int) ((long) n * part / parts), end = (int) ((long) n * (part + 1) / parts); i < end; i++) {
                table.value().copyTo(ids[i] * d, y, i * d, d);
            }
        });
        return new Forward(Signal.sequence(y, mask), ids);
    }

    /** Fewest values per thread worth a hand-off to the kernel threads (a gather of 64 x 30 x 300 has 576k). */
    private static final int VALUES_PER_THREAD = 1 << 16;

    /** How many parts to split {@code values} values of at most {@code slices} independent slices into. */
    private static int parts(long values, int slices) {
        return (int) Math.max(1, Math.min(Math.min(Parallelism.threads(), slices), values / VALUES_PER_THREAD));
    }

    /**
     * Checks the ids of a token batch and returns the mask of its output: a step is real when the incoming mask
     * (if any) says so and, with {@code maskZero}, its id is not 0; null when every step is real.
     *
     * @param in a token batch
     * @return the output mask, {@code [batch * time]}, or null
     * @throws IllegalArgumentException naming the example and step of an id outside {@code [0, V)}
     */
    public boolean[] maskOf(Signal in) {
        checkInput(in);
        int t = in.time();
        int v = options.vocabularySize();
        int[] ids = in.tokens();
        boolean[] mask = options.maskZero() || in.mask() != null ? new boolean[in.batch() * t] : null;
        for (int i = 0; i < in.batch() * t; i++) {
            int id = ids[i];
            if (id < 0 || id >= v) {
                throw new IllegalArgumentException("token id " + id + " at example " + (i / t) + ", step "
                        + (i % t) + " is outside the vocabulary [0, " + v + ")");
            }
            if (mask != null) {
                mask[i] = (in.mask() == null || in.mask()[i]) && !(options.maskZero() && id == 0);
            }
        }
        return mask;
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        if (!table.trainable()) {
            return null;
        }
        int[] ids = (int[]) forward.cache();
        int d = options.dimension();
        Tensor g = grads.of(table);
        for (int id : ids) {
            grads.touchRow(table, id);
        }
        if (g instanceof FloatTensor fg && dOutput instanceof FloatTensor fd) {
            // Split by columns, so that rows repeated in the batch get their additions in batch order on one
            // thread: the same bits for any thread count (an axpy of 1 is rounds each element once on either path).
            float[] gs = fg.data();
            float[] ds = fd.data();
            int parts = parts((long) ids.length * d, d);
            Parallelism.forEachPart(parts, part -> {
                int from = (int) ((long) d * part / parts);
                int len = (int) ((long) d * (part + 1) / parts) - from;
                for (int i = 0; i < ids.length; i++) {
                    VectorOps.axpy(1f, ds, i * d + from, gs, ids[i] * d + from, len);
                }
            });
            return null;
        }
        for (int i = 0; i < ids.length; i++) {
            dev.nlpkit.recurrent.tensor.Ops.axpy(1, dOutput, i * d, g, ids[i] * d, d);
        }
        return null;
    }
}
