package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.math.SmallGemm;
import dev.nlpkit.recurrent.math.SoftmaxRows;
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
 * <p>Computation: Q, K and V are one product over all {@code batch T} rows ({@code [batch T, F] x [F, 3D]}, the
 * three kernels side by side), and so are their kernel gradients and the input gradient in the backward pass; the
 * output projection is one more (all through {@code Gemm}). The per-head work is cut into (example, head) pairs,
 * a few parts per kernel thread, each pair done whole on one thread with its own scratch and writing only its own
 * columns (so results do not depend on the thread count). In float, a pair's products go through
 * {@link SmallGemm} (operands read in place, no packing), its scores into a scratch of rows padded to whole
 * vectors ({@code K_i^T} copied into a zero-padded block first) where {@link SoftmaxRows} runs the masked softmax
 * forward and backward in one pass per row; in double (the gradient checks), through {@code Ops.gemm} per pair.
 *
 * <p>Memory: a float training step keeps its large arrays ({@code qkv}, the {@code [batch, heads, T, T]} weights,
 * {@code o}, the side-by-side kernels {@code wqkv} and the backward pass's {@code dO}, {@code dqkv} and kernel and
 * bias gradients) in a set the layer reuses for the next step: the set is taken by a training forward pass and
 * given back at the end of its backward pass. So a training forward pass's {@link #attentionWeights} are valid
 * until its backward pass ends, and {@code backward} runs once per forward pass; inference passes keep their own
 * arrays. The output and the input gradient follow {@link TrainingBuffers}: fresh tensors unless reuse is on
 * ({@code Sequential.fit}), then buffers the next training step overwrites. A steady training step then allocates
 * nothing large (fresh memory costs a page fault per 4 KB the first time it is written, which took a third of a
 * step on 2 threads).
 *
 * <p>On two threads the backward pass runs its pairs of equal products ({@code dWo} and {@code dO}, {@code dW} and
 * {@code dx}) one per thread; the bits do not depend on the thread count.
 */
public final class MultiHeadSelfAttention extends Layer implements TrainingBuffers {

    private final MultiHeadSelfAttentionOptions options;
    private final Shape input;
    private final int headDim;
    private final Parameter[] kernels = new Parameter[4];
    private final Parameter[] biases = new Parameter[4];

    private static final String[] NAMES = {"query", "key", "value", "output"};

    /** The training step's output and input gradient while {@link #reuseTrainingBuffers} is on. */
    private final Workspace workspace = new Workspace();

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

    /**
     * A forward pass: {@code qkv} is {@code [batch T, 3 D]} (Q | K | V), {@code wqkv} the kernels it used;
     * {@code buffers} (float training passes only) hold {@code qkv}, the weights and {@code o}, and go back to the
     * layer's pool when the backward pass ends.
     */
    private record Cache(Tensor x, Tensor qkv, Tensor wqkv, Tensor weights, Tensor o, boolean[] mask,
                         int batch, int time, Buffers buffers, boolean training) {
    }

    /**
     * The large arrays of one float training step, kept across steps so that a step allocates (and the JVM
     * zeroes) none of them: the projections {@code qkv [batch T, 3D]}, the weights {@code [batch, heads, T, T]},
     * the heads' outputs {@code o [batch T, D]} and, for the backward pass, {@code dO [batch T, D]} and
     * {@code dqkv [batch T, 3D]}. Lifetime rule: a training forward pass takes a set from the layer's pool (or makes
     * one), and its backward pass returns it when it ends, once. So a training forward pass's weights stay valid
     * until its backward pass; an inference pass (or a training pass never followed by its backward) keeps its
     * own arrays. Every array is fully overwritten before it is read, so stale contents never leak.
     */
    private record Buffers(int batch, int time, Tensor qkv, Tensor weights, Tensor o, Tensor dO, Tensor dqkv,
                           Tensor wqkv, Tensor dW, Tensor db, java.util.concurrent.atomic.AtomicBoolean released) {
    }

    /** Sets of {@link Buffers} free for the next training step; thread-safe (inference may run in parallel). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Buffers> pool =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Most sets kept in {@link #pool}: one per forward pass in flight before its backward pass. */
    private static final int POOL_SIZE = 2;

    private Buffers takeBuffers(Tensor like, int batch, int time, int d) {
        for (Buffers b = pool.poll(); b != null; b = pool.poll()) {
            if (b.batch() == batch && b.time() == time) {
                return new Buffers(batch, time, b.qkv(), b.weights(), b.o(), b.dO(), b.dqkv(), b.wqkv(), b.dW(),
                        b.db(), new java.util.concurrent.atomic.AtomicBoolean());
            }
        }
        int rows = batch * time;
        int f = input.features();
        return new Buffers(batch, time, like.zerosLike(rows, 3 * d), like.zerosLike(batch, options.heads(), time,
                time), like.zerosLike(rows, d), like.zerosLike(rows, d), like.zerosLike(rows, 3 * d),
                like.zerosLike(f, 3 * d), like.zerosLike(f, 3 * d), like.zerosLike(3 * d),
                new java.util.concurrent.atomic.AtomicBoolean());
    }

    private void releaseBuffers(Buffers b) {
        if (b != null && b.released().compareAndSet(false, true) && pool.size() < POOL_SIZE) {
            pool.add(b);
        }
    }

    /**
     * Turns reuse of the training step's output and input gradient on or off ({@link TrainingBuffers}' lifetime
     * rule; {@code Sequential.fit} turns it on). The other large arrays of a float training step are reused
     * always, under the rule of the class documentation.
     */
    @Override
    public void reuseTrainingBuffers(boolean on) {
        workspace.reuse(on);
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
     * <p>For a training forward pass in float, read them before its backward pass ends: the array then serves the
     * next training step.
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
        int d3 = 3 * d;
        int rows = batch * time;
        Tensor x = in.values();
        boolean fast = x instanceof FloatTensor;
        Buffers buffers = fast && training ? takeBuffers(x, batch, time, d) : null;
        // One product for Q | K | V over all batch T rows: [rows, F] x [F, 3D].
        Tensor wqkv = buffers != null ? buffers.wqkv() : x.zerosLike(f, d3);
        for (int r = 0; r < f; r++) {
            for (int p = 0; p < 3; p++) {
                kernels[p].value().copyTo(r * d, wqkv, r * d3 + p * d, d);
            }
        }
        Tensor qkv = buffers != null ? buffers.qkv() : x.zerosLike(rows, d3);
        if (biases[0] != null) {
            Tensor bqkv = x.zerosLike(d3);
            for (int p = 0; p < 3; p++) {
                biases[p].value().copyTo(0, bqkv, p * d, d);
            }
            Ops.setRowsTo(qkv, rows, d3, bqkv);
        }
        Ops.gemm(false, false, rows, d3, f, 1, x, 0, f, wqkv, 0, d3, biases[0] != null ? 1 : 0, qkv, 0, d3);
        Tensor weights = buffers != null ? buffers.weights() : x.zerosLike(batch, h, time, time);
        Tensor o = buffers != null ? buffers.o() : x.zerosLike(rows, d);
        boolean[] mask = in.mask();
        double scale = 1.0 / Math.sqrt(dk);
        if (fast) {
            headsForward((FloatTensor) qkv, (FloatTensor) weights, (FloatTensor) o, mask, batch, time, (float) scale);
        } else {
            headsForward(qkv, weights, o, mask, batch, time, scale);
        }
        // Every element of y is written: the bias rows then beta = 1, or beta = 0 without a bias.
        Tensor y = workspace.scratch(training, "output", x, batch, time, f);
        if (biases[3] != null) {
            Ops.setRowsTo(y, rows, f, biases[3].value());
        }
        Ops.gemm(false, false, rows, f, d, 1, o, 0, d, kernels[3].value(), 0, f, biases[3] != null ? 1 : 0, y, 0,
                f);
        PaddedRows.zero(y, mask, f);
        return new Forward(Signal.sequence(y, mask), new Cache(x, qkv, wqkv, weights, o, mask, batch, time,
                buffers, training));
    }

    /**
     * The heads of a forward pass, any precision: {@code weights} and {@code o} from {@code qkv}, one product per
     * example and head through {@link Ops#gemm} (the double-precision path the gradient checks run).
     */
    private void headsForward(Tensor qkv, Tensor weights, Tensor o, boolean[] mask, int batch, int time,
                              double scale) {
        int h = options.heads();
        int dk = headDim;
        int d = h * dk;
        int d3 = 3 * d;
        forExampleParts(batch, (from, to) -> {
            for (int b = from; b < to; b++) {
                for (int i = 0; i < h; i++) {
                    int qOff = b * time * d3 + i * dk;
                    int sOff = (b * h + i) * time * time;
                    Ops.gemm(false, true, time, time, dk, scale, qkv, qOff, d3, qkv, qOff + d, d3, 0, weights,
                            sOff, time);
                    for (int t = 0; t < time; t++) {
                        maskedSoftmax(weights, sOff + t * time, time, mask, b * time,
                                options.causal() ? t + 1 : time);
                    }
                    Ops.gemm(false, false, time, dk, time, 1, weights, sOff, time, qkv, qOff + 2 * d, d3, 0,
                            o, b * time * d + i * dk, d);
                }
            }
        });
    }

    /**
     * The heads of a float forward pass, one (example, head) pair at a time on each thread (see
     * {@link #forPairParts}): {@code K_i^T} copied into a zero-padded {@code [d, T']} scratch ({@code T'} the
     * sequence length padded to whole vectors, {@link SoftmaxRows#paddedLength}), the scores {@code Q_i K_i^T}
     * into a {@code [T, T']} scratch by {@link SmallGemm}, the masked softmax over each of its rows in place, the
     * rows copied out into {@code weights}, and {@code O_i = A_i V_i} from the scratch while it is in cache.
     */
    private void headsForward(FloatTensor qkvT, FloatTensor weightsT, FloatTensor oT, boolean[] mask, int batch,
                              int time, float scale) {
        int h = options.heads();
        int dk = headDim;
        int d = h * dk;
        int d3 = 3 * d;
        int padded = SoftmaxRows.paddedLength(time);
        boolean causal = options.causal();
        float[] qkv = qkvT.data();
        float[] weights = weightsT.data();
        float[] o = oT.data();
        // When the length is a whole number of vectors (128) the rows need no padding: the scores go straight into
        // the weights, with no scratch and no copy (at sequence 128 the copy moved 16 MB per step).
        boolean inPlace = padded == time;
        forPairParts(batch * h, (from, to) -> {
            float[] kt = PairScratch.transposed(dk, time, padded);
            float[] s = inPlace ? weights : PairScratch.scores(time * padded);
            for (int pair = from; pair < to; pair++) {
                int b = pair / h;
                int i = pair % h;
                int qOff = b * time * d3 + i * dk;
                int sOff = pair * time * time;
                int s0 = inPlace ? sOff : 0;
                transpose(qkv, qOff + d, d3, time, dk, kt, padded);
                SmallGemm.gemmNN(time, padded, dk, scale, qkv, qOff, d3, kt, 0, padded, s, s0, padded);
                for (int t = 0; t < time; t++) {
                    SoftmaxRows.softmax(s, s0 + t * padded, padded, causal ? t + 1 : time, mask, b * time);
                    if (!inPlace) {
                        System.arraycopy(s, t * padded, weights, sOff + t * time, time);
                    }
                }
                SmallGemm.gemmNN(time, dk, time, 1f, s, s0, padded, qkv, qOff + 2 * d, d3, o, b * time * d + i * dk,
                        d);
            }
        });
    }

    /**
     * The per-thread scratch of the float heads: a transposed {@code [d, T']} block and a {@code [T, T']} block of
     * scores, kept for the thread's next part instead of allocated per part (at sequence 128 a step's parts
     * allocated about 1.3 MB, and fresh memory costs first-touch page faults).
     */
    private static final class PairScratch {
        private static final ThreadLocal<PairScratch> OF_THREAD = ThreadLocal.withInitial(PairScratch::new);
        private float[] transposed = new float[0];
        private float[] scores = new float[0];

        /**
         * A {@code [rows, padded]} block whose columns {@code [used, padded)} are zero ({@link #transpose} fills
         * the others); left over from a longer sequence they may not be, so they are cleared here.
         */
        static float[] transposed(int rows, int used, int padded) {
            PairScratch scratch = OF_THREAD.get();
            if (scratch.transposed.length < rows * padded) {
                scratch.transposed = new float[rows * padded];
            } else if (used < padded) {
                for (int r = 0; r < rows; r++) {
                    java.util.Arrays.fill(scratch.transposed, r * padded + used, (r + 1) * padded, 0f);
                }
            }
            return scratch.transposed;
        }

        /** A block of at least {@code size} floats, overwritten before it is read. */
        static float[] scores(int size) {
            PairScratch scratch = OF_THREAD.get();
            if (scratch.scores.length < size) {
                scratch.scores = new float[size];
            }
            return scratch.scores;
        }
    }

    /**
     * Cuts {@code pairs} (example, head) pairs into contiguous parts, {@link #PARTS_PER_THREAD} per thread,
     * claimed by the threads as they come free; each part gets its own scratch and writes only its own pairs'
     * outputs, so the result does not depend on the thread count.
     */
    private static void forPairParts(int pairs, ExampleRange work) {
        forExampleParts(pairs, work);
    }

    /**
     * {@code dst[c * ldDst + r] = src[off + r * ld + c]}: the {@code [rows, cols]} block at {@code off} transposed
     * into {@code dst}, whose rows are {@code ldDst >= rows} long (the rest of each row is left as it is: zero in
     * the padded scratch).
     */
    static void transpose(float[] src, int off, int ld, int rows, int cols, float[] dst, int ldDst) {
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int r = r0; r < r1; r++) {
                    int row = off + r * ld;
                    for (int c = c0; c < c1; c++) {
                        dst[c * ldDst + r] = src[row + c];
                    }
                }
            }
        }
    }

    /** The work of one part of the examples, {@code [from, to)}. */
    private interface ExampleRange {
        void run(int from, int to);
    }

    /**
     * Cuts the examples into contiguous parts, one call per part (with its own scratch), claimed by the threads as
     * they come free: {@link #PARTS_PER_THREAD} parts per thread, so that a thread the OS deschedules on a busy
     * machine leaves only a small part for the others to wait on. Each part writes only its own examples' rows,
     * so the result does not depend on the thread count.
     */
    private static void forExampleParts(int batch, ExampleRange work) {
        int parts = Math.max(1, Math.min(Parallelism.threads() == 1 ? 1 : PARTS_PER_THREAD * Parallelism.threads(),
                batch));
        Parallelism.forEachPart(parts, part -> work.run((int) ((long) batch * part / parts),
                (int) ((long) batch * (part + 1) / parts)));
    }

    private static final int TILE = 16;

    private static final int PARTS_PER_THREAD = 4;

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
        if (s instanceof FloatTensor ft) {
            maskedSoftmax(ft.data(), off, time, mask, maskOff, limit);
            return;
        }
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
     * The float path of {@link #maskedSoftmax(Tensor, int, int, boolean[], int, int)}: without a padding mask the
     * row is plain array loops the compiler vectorizes, exp through {@link VectorOps#exp}.
     */
    private static void maskedSoftmax(float[] a, int off, int time, boolean[] mask, int maskOff, int limit) {
        float max = Float.NEGATIVE_INFINITY;
        if (mask == null) {
            for (int j = off; j < off + limit; j++) {
                max = Math.max(max, a[j]);
            }
        } else {
            for (int j = 0; j < limit; j++) {
                if (mask[maskOff + j]) {
                    max = Math.max(max, a[off + j]);
                }
            }
        }
        java.util.Arrays.fill(a, off + limit, off + time, 0f);
        if (max == Float.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(a, off, off + limit, 0f);
            return;
        }
        for (int j = off; j < off + limit; j++) {
            a[j] -= max;
        }
        VectorOps.exp(a, off, limit);
        if (mask != null) {
            for (int j = 0; j < limit; j++) {
                if (!mask[maskOff + j]) {
                    a[off + j] = 0;
                }
            }
        }
        // The sum in double, as before this path was split out: Seq2Seq's learning tests train through it and
        // their margins are sensitive to the rounding of the training path.
        double sum = 0;
        for (int j = off; j < off + limit; j++) {
            sum += a[j];
        }
        float inv = (float) (1.0 / sum);
        for (int j = off; j < off + limit; j++) {
            a[j] *= inv;
        }
    }

    /**
     * {@code ds = a * (ds - sum_j ds_j a_j)} over the row at {@code off}, in place: the backward pass of
     * {@link #maskedSoftmax} (also {@link EncoderDecoderAttention}'s); a masked entry ({@code a = 0}) gets 0.
     */
    static void softmaxBackward(Tensor ds, Tensor a, int off, int len) {
        softmaxBackward(ds, off, a, off, len);
    }

    /** {@link #softmaxBackward(Tensor, Tensor, int, int)} with the gradient row at {@code dsOff}, the weights at {@code aOff}. */
    static void softmaxBackward(Tensor ds, int dsOff, Tensor a, int aOff, int len) {
        if (ds instanceof FloatTensor fd && a instanceof FloatTensor fa) {
            float[] g = fd.data();
            float[] w = fa.data();
            float dot = VectorOps.dot(g, dsOff, w, aOff, len);
            for (int j = 0; j < len; j++) {
                g[dsOff + j] = w[aOff + j] * (g[dsOff + j] - dot);
            }
            return;
        }
        double dot = 0;
        for (int j = 0; j < len; j++) {
            dot += ds.get(dsOff + j) * a.get(aOff + j);
        }
        for (int j = 0; j < len; j++) {
            ds.set(dsOff + j, a.get(aOff + j) * (ds.get(dsOff + j) - dot));
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
        int d3 = 3 * d;
        int rows = batch * time;
        Tensor dy = dOutput;
        if (c.mask() != null) {
            dy = dOutput.copy();
            PaddedRows.zero(dy, c.mask(), f);
        }
        Buffers buffers = c.buffers();
        Tensor dO = buffers != null ? buffers.dO() : c.o().zerosLike(rows, d);
        Tensor dyRows = dy;
        Tensor dWo = grads.of(kernels[3]); // looked up (maybe created) here, not on a worker thread
        concurrently(() -> Ops.gemm(true, false, d, f, rows, 1, c.o(), 0, d, dyRows, 0, f, 1, dWo, 0, f),
                () -> Ops.gemm(false, true, rows, d, f, 1, dyRows, 0, f, kernels[3].value(), 0, f, 0, dO, 0, d));
        if (biases[3] != null) {
            Ops.addColumnSums(dy, rows, f, grads.of(biases[3]), 0);
        }
        Tensor qkv = c.qkv();
        Tensor dqkv = buffers != null ? buffers.dqkv() : qkv.zerosLike(rows, d3);
        double scale = 1.0 / Math.sqrt(dk);
        if (qkv instanceof FloatTensor && dO instanceof FloatTensor && dqkv instanceof FloatTensor) {
            headsBackward((FloatTensor) qkv, (FloatTensor) c.weights(), (FloatTensor) dO, (FloatTensor) dqkv, batch,
                    time, (float) scale);
        } else {
            headsBackward(qkv, c.weights(), dO, dqkv, batch, time, scale);
        }
        Tensor x = c.x();
        // The three kernels' gradients as one product [F, rows] x [rows, 3D], then split.
        Tensor dW = buffers != null ? buffers.dW() : x.zerosLike(f, d3);
        Tensor dx = workspace.scratch(c.training(), "inputGradient", x, batch, time, f); // beta = 0 overwrites
        concurrently(() -> Ops.gemm(true, false, f, d3, rows, 1, x, 0, f, dqkv, 0, d3, 0, dW, 0, d3),
                () -> Ops.gemm(false, true, rows, f, d3, 1, dqkv, 0, d3, c.wqkv(), 0, d3, 0, dx, 0, f));
        for (int p = 0; p < 3; p++) {
            Tensor g = grads.of(kernels[p]);
            for (int r = 0; r < f; r++) {
                Ops.axpy(1, dW, r * d3 + p * d, g, r * d, d);
            }
        }
        if (biases[0] != null) {
            Tensor db = buffers != null ? buffers.db() : x.zerosLike(d3);
            if (buffers != null) {
                db.fill(0);
            }
            Ops.addColumnSums(dqkv, rows, d3, db, 0);
            for (int p = 0; p < 3; p++) {
                Ops.axpy(1, db, p * d, grads.of(biases[p]), 0, d);
            }
        }
        releaseBuffers(buffers);
        return dx;
    }

    /**
     * Runs two independent products of the same size ({@code x^T dz} and {@code dz W^T}: the same multiply-adds),
     * one on each thread when there are two, each product then running whole on its thread; else one after the
     * other, each split over the threads as usual. A product's result does not depend on the threads that compute
     * it, so neither do the bits. On two threads this saves the split's hand-offs and lets each thread stream its
     * own operands.
     */
    private static void concurrently(Runnable first, Runnable second) {
        if (Parallelism.threads() != 2) {
            first.run();
            second.run();
            return;
        }
        Parallelism.forEachPart(2, part -> (part == 0 ? first : second).run());
    }

    /** The heads of a backward pass, any precision, through {@link Ops#gemm} (see the float one). */
    private void headsBackward(Tensor qkv, Tensor a, Tensor dO, Tensor dqkv, int batch, int time, double scale) {
        int h = options.heads();
        int dk = headDim;
        int d = h * dk;
        int d3 = 3 * d;
        forExampleParts(batch, (from, to) -> {
            Tensor dScores = qkv.zerosLike(time * time);
            for (int b = from; b < to; b++) {
                for (int i = 0; i < h; i++) {
                    int qOff = b * time * d3 + i * dk;
                    int kOff = qOff + d;
                    int vOff = qOff + 2 * d;
                    int oOff = b * time * d + i * dk;
                    int sOff = (b * h + i) * time * time;
                    // dA = dO_i V_i^T; dV_i = A^T dO_i
                    Ops.gemm(false, true, time, time, dk, 1, dO, oOff, d, qkv, vOff, d3, 0, dScores, 0, time);
                    Ops.gemm(true, false, time, dk, time, 1, a, sOff, time, dO, oOff, d, 0, dqkv, vOff, d3);
                    // softmax backward: dS = A * (dA - sum_j dA A), in place
                    for (int t = 0; t < time; t++) {
                        softmaxBackward(dScores, t * time, a, sOff + t * time, time);
                    }
                    // dQ_i = dS K_i / sqrt(d), dK_i = dS^T Q_i / sqrt(d)
                    Ops.gemm(false, false, time, dk, time, scale, dScores, 0, time, qkv, kOff, d3, 0, dqkv, qOff, d3);
                    Ops.gemm(true, false, time, dk, time, scale, dScores, 0, time, qkv, qOff, d3, 0, dqkv, kOff, d3);
                }
            }
        });
    }

    /**
     * The heads of a float backward pass, one (example, head) pair at a time on each thread, through
     * {@link SmallGemm} with {@code V_i^T} copied into a zero-padded scratch (as in the forward pass):
     * {@code dA = dO_i V_i^T} into a {@code [T, T']} scratch, {@code dV_i = A^T dO_i}, the softmax backward pass
     * {@code dS = A (dA - rowsum(dA A))} row by row in place, {@code dQ_i = dS K_i / sqrt(d)} and
     * {@code dK_i = dS^T Q_i / sqrt(d)}.
     */
    private void headsBackward(FloatTensor qkvT, FloatTensor aT, FloatTensor dOT, FloatTensor dqkvT, int batch,
                               int time, float scale) {
        int h = options.heads();
        int dk = headDim;
        int d = h * dk;
        int d3 = 3 * d;
        int padded = SoftmaxRows.paddedLength(time);
        float[] qkv = qkvT.data();
        float[] a = aT.data();
        float[] dO = dOT.data();
        float[] dqkv = dqkvT.data();
        forPairParts(batch * h, (from, to) -> {
            float[] vt = PairScratch.transposed(dk, time, padded);
            float[] ds = PairScratch.scores(time * padded);
            for (int pair = from; pair < to; pair++) {
                int b = pair / h;
                int i = pair % h;
                int qOff = b * time * d3 + i * dk;
                int kOff = qOff + d;
                int vOff = qOff + 2 * d;
                int oOff = b * time * d + i * dk;
                int sOff = pair * time * time;
                transpose(qkv, vOff, d3, time, dk, vt, padded);
                SmallGemm.gemmNN(time, padded, dk, 1f, dO, oOff, d, vt, 0, padded, ds, 0, padded);
                SmallGemm.gemmTN(time, dk, time, 1f, a, sOff, time, dO, oOff, d, dqkv, vOff, d3);
                for (int t = 0; t < time; t++) {
                    SoftmaxRows.softmaxBackward(ds, t * padded, a, sOff + t * time, time);
                }
                SmallGemm.gemmNN(time, dk, time, scale, ds, 0, padded, qkv, kOff, d3, dqkv, qOff, d3);
                SmallGemm.gemmTN(time, dk, time, scale, ds, 0, padded, qkv, qOff, d3, dqkv, kOff, d3);
            }
        });
    }
}
