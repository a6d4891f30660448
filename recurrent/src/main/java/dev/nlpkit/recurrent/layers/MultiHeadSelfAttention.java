package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al. 2017; Keras' {@code MultiHeadAttention} called
 * with the same sequence as query, key and value; PyTorch's {@code nn.MultiheadAttention}). With {@code h} heads of
 * width {@code d} ({@code keyDim}, or {@code F / h}) and {@code D = h d}, for every example:
 * <pre>
 *   Q = X Wq + bq,  K = X Wk + bk,  V = X Wv + bv                [T, D], head i = columns i d .. (i+1) d - 1
 *   S_i = Q_i K_i^T / sqrt(d)                                    [T, T]
 *   A_i[t, j] = exp(S_i[t, j]) / sum_{j' allowed} exp(S_i[t, j'])  for allowed j, 0 otherwise
 *   O_i = A_i V_i,   O = [O_1 ... O_h]                            [T, D]
 *   Y = O Wo + bo                                                [T, F]
 * </pre>
 * Step {@code j} is allowed for query {@code t} when {@code j} is a real step (padding mask) and, with
 * {@code causal}, {@code j <= t}.
 *
 * <p>Shapes: {@code [batch, T, F] -> [batch, T, F]}; the mask passes through, outputs at padded steps are zero and
 * receive no gradient, so padded and unpadded sequences give the same outputs. Parameters, in order:
 * {@code query_kernel [F, D]}, {@code query_bias [D]}, {@code key_kernel [F, D]}, {@code key_bias [D]},
 * {@code value_kernel [F, D]}, {@code value_bias [D]}, {@code output_kernel [D, F]}, {@code output_bias [F]} (no
 * biases without {@code useBias}): {@code 4 F D + 3 D + F} scalars. Initialization: Glorot uniform kernels (fans of
 * their two dimensions), zero biases.
 *
 * <p><b>A query with no allowed step</b> (a row that is all padding) has all-zero attention weights, not NaN: its
 * {@code O} row is zero, and it receives and passes no gradient. Such a query is always a padded step here (a real
 * step may attend to itself, causal or not), so its output is zeroed as every padded output is.
 *
 * <p>Computation: the four projections are one product each over all {@code batch T} rows; the scores and the
 * weighted sums are one product per example and head ({@code [T, d] x [d, T]} and {@code [T, T] x [T, d]}, read in
 * place from the projections with leading dimension {@code D}), with the examples shared among the kernel threads.
 */
public final class MultiHeadSelfAttention extends Layer {

    private final MultiHeadSelfAttentionOptions options;
    private final Shape input;
    private final int headDim;
    private final Parameter[] kernels = new Parameter[4];
    private final Parameter[] biases = new Parameter[4];

    private static final String[] NAMES = {"query", "key", "value", "output"};

    MultiHeadSelfAttention(MultiHeadSelfAttentionOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, "MultiHeadSelfAttention");
        int f = input.features();
        int h = options.heads();
        if (options.keyDim() == 0 && f % h != 0) {
            throw new IllegalArgumentException("MultiHeadSelfAttention: " + h + " heads do not divide the input width "
                    + f + " (input " + input.display() + "); choose heads dividing " + f
                    + " or give each head's keyDim");
        }
        this.options = options;
        this.input = input;
        this.headDim = options.keyDim() == 0 ? f / h : options.keyDim();
        if ((long) h * headDim > Integer.MAX_VALUE / Math.max(1, f)) {
            throw new IllegalArgumentException("MultiHeadSelfAttention: heads " + h + " x keyDim " + headDim
                    + " is too large for input " + input.display());
        }
        int d = h * headDim;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int p = 0; p < 4; p++) {
            int rows = p == 3 ? d : f;
            int cols = p == 3 ? f : d;
            kernels[p] = new Parameter(NAMES[p] + "_kernel", Tensor.zeros(precision, rows, cols), true, false);
            Initializers.glorotUniform(kernels[p].value(), rows, cols, rng);
            if (options.useBias()) {
                biases[p] = new Parameter(NAMES[p] + "_bias", Tensor.zeros(precision, cols), true, false);
            }
        }
    }

    private record Cache(Tensor x, Tensor q, Tensor k, Tensor v, Tensor weights, Tensor o, boolean[] mask,
                         int batch, int time) {
    }

    @Override
    public MultiHeadSelfAttentionOptions options() {
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

    /**
     * The width of each head.
     *
     * @return {@code keyDim}, or the input width divided by the heads
     */
    public int headDim() {
        return headDim;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            all.add(kernels[p]);
            if (biases[p] != null) {
                all.add(biases[p]);
            }
        }
        return List.copyOf(all);
    }

    @Override
    public String typeName() {
        return "MultiHeadSelfAttention";
    }

    /**
     * The attention weights of a forward pass of this layer, {@code [batch, heads, T, T]}: row {@code t} of head
     * {@code i} holds the weights query step {@code t} gives to every step (zero where not allowed), for
     * explanation.
     *
     * @param forward a forward result of this layer
     * @return the weights, shared with the cache (do not change)
     */
    public static Tensor attentionWeights(Forward forward) {
        return ((Cache) forward.cache()).weights();
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int batch = in.batch();
        int time = in.time();
        int f = input.features();
        int h = options.heads();
        int dk = headDim;
        int d = h * dk;
        int rows = batch * time;
        Tensor x = in.values();
        Tensor q = project(x, rows, f, d, 0);
        Tensor k = project(x, rows, f, d, 1);
        Tensor v = project(x, rows, f, d, 2);
        Tensor weights = x.zerosLike(batch, h, time, time);
        Tensor o = x.zerosLike(rows, d);
        boolean[] mask = in.mask();
        double scale = 1.0 / Math.sqrt(dk);
        forExamples(batch, b -> {
            for (int i = 0; i < h; i++) {
                int hOff = b * time * d + i * dk;
                int sOff = (b * h + i) * time * time;
                Ops.gemm(false, true, time, time, dk, scale, q, hOff, d, k, hOff, d, 0, weights, sOff, time);
                for (int t = 0; t < time; t++) {
                    maskedSoftmax(weights, sOff + t * time, time, mask, b * time, options.causal() ? t + 1 : time);
                }
                Ops.gemm(false, false, time, dk, time, 1, weights, sOff, time, v, hOff, d, 0, o, hOff, d);
            }
        });
        Tensor y = x.zerosLike(batch, time, f);
        if (biases[3] != null) {
            Ops.setRowsTo(y, rows, f, biases[3].value());
        }
        Ops.gemm(false, false, rows, f, d, 1, o, 0, d, kernels[3].value(), 0, f, 1, y, 0, f);
        PaddedRows.zero(y, mask, f);
        return new Forward(Signal.sequence(y, mask), new Cache(x, q, k, v, weights, o, mask, batch, time));
    }

    private Tensor project(Tensor x, int rows, int f, int d, int p) {
        Tensor out = x.zerosLike(rows, d);
        if (biases[p] != null) {
            Ops.setRowsTo(out, rows, d, biases[p].value());
        }
        Ops.gemm(false, false, rows, d, f, 1, x, 0, f, kernels[p].value(), 0, d, 1, out, 0, d);
        return out;
    }

    /**
     * Runs {@code work} for every example, the examples cut into contiguous parts shared among the threads (also
     * {@link EncoderDecoderAttention}'s).
     */
    static void forExamples(int batch, java.util.function.IntConsumer work) {
        int parts = Math.max(1, Math.min(Parallelism.threads(), batch));
        Parallelism.forEachPart(parts, part -> {
            int from = (int) ((long) batch * part / parts);
            int to = (int) ((long) batch * (part + 1) / parts);
            for (int b = from; b < to; b++) {
                work.accept(b);
            }
        });
    }

    /**
     * Softmax over the allowed entries of the row at {@code off} ({@code time} scores): step {@code j} is allowed
     * when {@code j < limit} and real ({@code mask[maskOff + j]}); the others get weight 0. A row with no allowed
     * entry becomes all zeros (no NaN).
     */
    static void maskedSoftmax(Tensor s, int off, int time, boolean[] mask, int maskOff, int limit) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < limit; j++) {
            if (mask == null || mask[maskOff + j]) {
                max = Math.max(max, s.get(off + j));
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            for (int j = 0; j < time; j++) {
                s.set(off + j, 0);
            }
            return;
        }
        if (s instanceof FloatTensor ft) {
            float[] a = ft.data();
            float m = (float) max;
            for (int j = 0; j < limit; j++) {
                a[off + j] -= m;
            }
            VectorOps.exp(a, off, limit);
            double sum = 0;
            for (int j = 0; j < limit; j++) {
                if (mask != null && !mask[maskOff + j]) {
                    a[off + j] = 0;
                }
                sum += a[off + j];
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < limit; j++) {
                a[off + j] *= inv;
            }
            java.util.Arrays.fill(a, off + limit, off + time, 0f);
            return;
        }
        double sum = 0;
        for (int j = 0; j < time; j++) {
            double e = j < limit && (mask == null || mask[maskOff + j]) ? StrictMath.exp(s.get(off + j) - max) : 0;
            s.set(off + j, e);
            sum += e;
        }
        for (int j = 0; j < limit; j++) {
            s.set(off + j, s.get(off + j) / sum);
        }
    }

    /**
     * {@code ds = a * (ds - sum_j ds_j a_j)} over the row at {@code off}, in place: the backward pass of
     * {@link #maskedSoftmax} (also {@link EncoderDecoderAttention}'s); a masked entry ({@code a = 0}) gets 0.
     */
    static void softmaxBackward(Tensor ds, Tensor a, int off, int len) {
        if (ds instanceof FloatTensor fd && a instanceof FloatTensor fa) {
            float[] g = fd.data();
            float[] w = fa.data();
            float dot = VectorOps.dot(g, off, w, off, len);
            for (int j = off; j < off + len; j++) {
                g[j] = w[j] * (g[j] - dot);
            }
            return;
        }
        double dot = 0;
        for (int j = off; j < off + len; j++) {
            dot += ds.get(j) * a.get(j);
        }
        for (int j = off; j < off + len; j++) {
            ds.set(j, a.get(j) * (ds.get(j) - dot));
        }
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int batch = c.batch();
        int time = c.time();
        int f = input.features();
        int h = options.heads();
        int dk = headDim;
        int d = h * dk;
        int rows = batch * time;
        Tensor dy = dOutput.copy();
        PaddedRows.zero(dy, c.mask(), f);
        Ops.gemm(true, false, d, f, rows, 1, c.o(), 0, d, dy, 0, f, 1, grads.of(kernels[3]), 0, f);
        if (biases[3] != null) {
            Ops.addColumnSums(dy, rows, f, grads.of(biases[3]), 0);
        }
        Tensor dO = c.o().zerosLike(rows, d);
        Ops.gemm(false, true, rows, d, f, 1, dy, 0, f, kernels[3].value(), 0, f, 0, dO, 0, d);
        Tensor dq = c.q().zerosLike(rows, d);
        Tensor dk2 = c.k().zerosLike(rows, d);
        Tensor dv = c.v().zerosLike(rows, d);
        Tensor dScores = c.weights().zerosLike(batch, h, time, time);
        double scale = 1.0 / Math.sqrt(dk);
        Tensor a = c.weights();
        forExamples(batch, b -> {
            for (int i = 0; i < h; i++) {
                int hOff = b * time * d + i * dk;
                int sOff = (b * h + i) * time * time;
                // dA = dO_i V_i^T, dV_i = A^T dO_i
                Ops.gemm(false, true, time, time, dk, 1, dO, hOff, d, c.v(), hOff, d, 0, dScores, sOff, time);
                Ops.gemm(true, false, time, dk, time, 1, a, sOff, time, dO, hOff, d, 0, dv, hOff, d);
                // softmax backward: dS = A * (dA - sum_j dA A), in place
                for (int t = 0; t < time; t++) {
                    softmaxBackward(dScores, a, sOff + t * time, time);
                }
                // dQ_i = dS K_i / sqrt(d), dK_i = dS^T Q_i / sqrt(d)
                Ops.gemm(false, false, time, dk, time, scale, dScores, sOff, time, c.k(), hOff, d, 0, dq, hOff, d);
                Ops.gemm(true, false, time, dk, time, scale, dScores, sOff, time, c.q(), hOff, d, 0, dk2, hOff, d);
            }
        });
        Tensor dx = c.x().zerosLike(batch, time, f);
        Tensor[] dProj = {dq, dk2, dv};
        for (int p = 0; p < 3; p++) {
            Ops.gemm(true, false, f, d, rows, 1, c.x(), 0, f, dProj[p], 0, d, 1, grads.of(kernels[p]), 0, d);
            if (biases[p] != null) {
                Ops.addColumnSums(dProj[p], rows, d, grads.of(biases[p]), 0);
            }
            Ops.gemm(false, true, rows, f, d, 1, dProj[p], 0, d, kernels[p].value(), 0, d, 1, dx, 0, f);
        }
        return dx;
    }
}
