package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Adds a position vector to every real step of a sequence, so that the layers after it (self-attention, which
 * by itself sees a bag of vectors) know where each step is: {@code y[b, t] = x[b, t] + P[p(b, t)]}, where
 * {@code p(b, t)} is the position of step {@code t} among the <em>real</em> steps of row {@code b} (0 for its first
 * real step). Counting real steps, not array slots, gives a row padded at the start (Keras' {@code pad_sequences}
 * default) the same positions as the same row padded at the end or not padded, so all three give the same outputs.
 *
 * <p>{@code P} is either a learned table {@code [maxLength, F]} (the default, Keras-nlp's
 * {@code PositionEmbedding}; parameter {@code embeddings}, Glorot uniform over fans {@code maxLength} and
 * {@code F}, as Keras-nlp) or the fixed sinusoids of Vaswani et al. (2017),
 * {@code P[p, 2i] = sin(p / 10000^(2i/F))}, {@code P[p, 2i+1] = cos(p / 10000^(2i/F))}, computed in double (no
 * parameters); see {@link PositionEmbeddingOptions} for why learned is the default.
 *
 * <p>Shapes: {@code [batch, T, F] -> [batch, T, F]}; the mask passes through; outputs at padded steps are zero and
 * pass no gradient. Backward: {@code dx = dy} at real steps, {@code dP[p(b, t)] += dy[b, t]}. A row with more real
 * steps than a learned table's {@code maxLength} is refused, naming the layer, the row and the shapes (a learned
 * table has nothing for those positions; cut the sequences, raise {@code maxLength}, or use sinusoids).
 */
public final class PositionEmbedding extends Layer {

    private final PositionEmbeddingOptions options;
    private final Shape input;
    private final Parameter table;

    PositionEmbedding(PositionEmbeddingOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, "PositionEmbedding");
        if (options.mode() == PositionEmbeddingOptions.Mode.LEARNED && input.time() > options.maxLength()) {
            throw new IllegalArgumentException("PositionEmbedding: input " + input.display() + " has " + input.time()
                    + " steps, more than maxLength " + options.maxLength());
        }
        this.options = options;
        this.input = input;
        int f = input.features();
        if (options.mode() == PositionEmbeddingOptions.Mode.LEARNED) {
            int n = options.maxLength();
            this.table = new Parameter("embeddings", Tensor.zeros(precision, n, f), true, false);
            Initializers.glorotUniform(table.value(), n, f, new SplittableRandom(seed));
        } else {
            this.table = null;
        }
    }

    @Override
    public PositionEmbeddingOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return input;
    }

    @Override
    public List<Parameter> parameters() {
        return table == null ? List.of() : List.of(table);
    }

    @Override
    public String typeName() {
        return "PositionEmbedding";
    }

    /**
     * The sinusoidal position vector entry {@code P[p, j]} for width {@code f}.
     *
     * @param p the position, >= 0
     * @param j the feature, in [0, f)
     * @param f the width
     * @return {@code sin(p / 10000^(2i/f))} for {@code j = 2i}, {@code cos(...)} for {@code j = 2i + 1}
     */
    public static double sinusoid(int p, int j, int f) {
        double angle = p / Math.pow(10000.0, (double) (j - (j & 1)) / f);
        return (j & 1) == 0 ? Math.sin(angle) : Math.cos(angle);
    }

    /** The sinusoids of positions {@code 0 .. n-1}, {@code [n, f]}, in double (a few thousand sines per batch). */
    private static Tensor sinusoids(int n, int f) {
        Tensor w = Tensor.zeros(Precision.FLOAT64, n, f);
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < f; j++) {
                w.set(p * f + j, sinusoid(p, j, f));
            }
        }
        return w;
    }

    /** {@code pos[b * time + t]}: the position among the row's real steps, -1 at padded steps. */
    private int[] positions(Signal in) {
        int batch = in.batch();
        int time = in.time();
        int[] pos = new int[batch * time];
        for (int b = 0; b < batch; b++) {
            int p = 0;
            for (int t = 0; t < time; t++) {
                pos[b * time + t] = in.real(b, t) ? p++ : -1;
            }
            if (table != null && p > options.maxLength()) {
                throw new IllegalArgumentException("PositionEmbedding: example " + b + " of input [batch " + batch
                        + ", time " + time + ", " + input.features() + "] has " + p + " real steps, more than the "
                        + options.maxLength() + " learned positions (maxLength); cut the sequences or raise maxLength");
            }
        }
        return pos;
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int f = input.features();
        int[] pos = positions(in);
        Tensor x = in.values();
        Tensor y = x.zerosLike(x.shape());
        Tensor w = table != null ? table.value() : sinusoids(in.time(), f);
        for (int r = 0; r < pos.length; r++) {
            int p = pos[r];
            if (p < 0) {
                continue;
            }
            int o = r * f;
            for (int j = 0; j < f; j++) {
                y.set(o + j, x.get(o + j) + w.get(p * f + j));
            }
        }
        return new Forward(Signal.sequence(y, in.mask()), pos);
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        int[] pos = (int[]) forward.cache();
        int f = input.features();
        Tensor dx = dOutput.zerosLike(dOutput.shape());
        Tensor dP = table == null ? null : grads.of(table);
        for (int r = 0; r < pos.length; r++) {
            int p = pos[r];
            if (p < 0) {
                continue;
            }
            int o = r * f;
            for (int j = 0; j < f; j++) {
                double g = dOutput.get(o + j);
                dx.set(o + j, g);
                if (dP != null) {
                    dP.add(p * f + j, g);
                }
            }
        }
        return dx;
    }
}
