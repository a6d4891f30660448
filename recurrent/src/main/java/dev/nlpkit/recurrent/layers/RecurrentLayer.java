package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Gemm;
import dev.nlpkit.recurrent.math.PackedMatrix;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.math.RowProjection;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@link SimpleRnn}, {@link Lstm} and {@link Gru} share: packing, dropout, masking, direction, the
 * one-product input projection and the backward products.
 *
 * <p><b>Shapes.</b> Input {@code x [batch, time, F]}; output {@code [batch, time, H]} with
 * {@code returnSequences} (zero at masked steps), else {@code [batch, H]}: the state after the last
 * <em>real</em> step. States {@code h} (and {@code c}) are {@code [batch, H]}.
 *
 * <p><b>Parameters</b>, in order, for a cell with {@code G} gate blocks (1, 4 or 3):
 * {@code kernel W_x [F, G*H]}, {@code recurrent_kernel W_h [H, G*H]}, {@code bias b [G*H]}; column block
 * {@code k} of each belongs to gate {@code k} (Keras layout, so Keras weights load unchanged). A course's
 * {@code W [h_{t-1}, x_t]} is {@code h_{t-1} W_h + x_t W_x}: the two blocks of one matrix, stored apart.
 * Initialization: Glorot uniform {@code W_x}, orthogonal {@code W_h}, zero bias (LSTM forget block 1).
 *
 * <p><b>Computation.</b> {@code Z = x W_x + b} for all {@code batch * time} rows is ONE product before the
 * recurrence (as cuDNN does); each step then adds {@code h_{t-1} W_h} for its {@code batch} rows, and the
 * backward pass forms {@code dW_x}, {@code dW_h} and {@code dx} as single products over all steps.
 *
 * <p><b>Masks.</b> At a masked (padding) step the state is carried over unchanged and the output is zero, so
 * padded and unpadded sequences give identical results, whether padded at the end or at the start.
 *
 * <p><b>Dropout</b> (training only, inverted): {@code dropout} multiplies {@code x_t} by one mask per
 * sequence fixed over time; {@code recurrentDropout} multiplies {@code h_{t-1}} where it enters the products
 * by another fixed mask; the carried state itself is not dropped (Gal and Ghahramani 2016; Keras 3 uses one
 * mask for all gates, as here).
 *
 * <p><b>Threads.</b> Products use the kernel threads; the element-wise gate work of a step is split by rows
 * over them when the batch is large ({@link #forRows}), which gives the same results for any thread count.
 * Inference has its own lean path, {@link #infer} (and {@link #inferFromTable} after an Embedding), which keeps
 * no trace for a backward pass and which {@code Sequential.predict} runs on per-thread slices of a batch.
 *
 * <p><b>Buffers.</b> While {@link #reuseTrainingBuffers} is on ({@code Sequential.fit} with full BPTT), a training
 * forward's trace and output and the backward's gradients live in the layer's buffers, reused by its next step:
 * {@link TrainingBuffers} states how long they stay valid.
 *
 * <p>{@link #forward(Signal, Tensor[], boolean, SplittableRandom)} accepts initial states and
 * {@link #finalStates} exposes the final ones: that is how an encoder hands its state to a decoder.
 */
public abstract sealed class RecurrentLayer extends Layer implements TrainingBuffers permits SimpleRnn, Lstm, Gru {

    final RecurrentOptions options;
    final Shape input;
    final int features;
    final int units;
    final int gates;
    final Parameter kernel;
    final Parameter recurrentKernel;
    final Parameter bias;
    /** The training step's tensors while {@link #reuseTrainingBuffers} is on. */
    final Workspace workspace = new Workspace();

    RecurrentLayer(RecurrentOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, options.cell().toString());
        this.options = options;
        this.input = input;
        this.features = input.features();
        this.units = options.units();
        this.gates = options.gateCount();
        int gh = gates * units;
        SplittableRandom rng = new SplittableRandom(seed);
        this.kernel = new Parameter("kernel", Tensor.zeros(precision, features, gh), true, false);
        Initializers.glorotUniform(kernel.value(), features, gh, rng);
        this.recurrentKernel = new Parameter("recurrent_kernel", Tensor.zeros(precision, units, gh), true, false);
        Initializers.orthogonal(recurrentKernel.value(), 0, gh, units, gh, rng);
        this.bias = new Parameter("bias", Tensor.zeros(precision, gh), true, false);
        if (options.cell() == RecurrentOptions.Cell.LSTM && options.unitForgetBias()) {
            for (int j = 0; j < units; j++) {
                bias.value().set(units + j, 1.0);
            }
        }
    }

    @Override
    public void reuseTrainingBuffers(boolean on) {
        workspace.reuse(on);
    }

    /**
     * Per-batch intermediate values kept for the backward pass; with {@link #reuseTrainingBuffers} on, its
     * tensors are the layer's buffers (valid until the layer's next training forward).
     */
    static final class Trace {
        boolean training;
        int batch;
        int time;
        boolean[] mask;
        int[] order;
        Tensor xd;
        Tensor inMask;
        Tensor recMask;
        Tensor z;
        Tensor hd;
        Tensor hraw;
        Tensor cPrev;
        Tensor tanhC;
        Tensor rh;
        Tensor hs;
        Tensor[] finals;

        boolean real(int b, int t) {
            return mask == null || mask[b * time + t];
        }
    }

    /**
     * Gradients of a backward pass: input values and initial states.
     *
     * @param dInput the gradient with respect to the input values, {@code [batch, time, F]} (null for token inputs)
     * @param dInitialStates the gradients with respect to the initial states, {@code [batch, H]} each
     */
    public record Backward(Tensor dInput, Tensor[] dInitialStates) {
    }

    @Override
    public RecurrentOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return options.returnSequences() ? new Shape(Shape.Kind.SEQUENCE, input.time(), units)
                : Shape.vector(units);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, recurrentKernel, bias);
    }

    /**
     * The hidden width H.
     *
     * @return the number of units H
     */
    public int units() {
        return units;
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        return forward(in, null, training, rng);
    }

    /**
     * Runs the recurrence from the given initial states ({@code [batch, H]} each: h, and c for LSTM; null for
     * zeros).
     *
     * @param in the input batch
     * @param initialStates the initial states, or null for zeros
     * @param training true to apply dropout
     * @param rng the source of dropout masks (unused when not training)
     * @return the output and the cache for {@link #backward(Forward, Tensor, Tensor[], Gradients)}
     */
    public Forward forward(Signal in, Tensor[] initialStates, boolean training, SplittableRandom rng) {
        checkInput(in);
        int b = in.batch();
        int t = in.time();
        int gh = gates * units;
        Tensor x = in.values();
        Trace tr = new Trace();
        tr.training = training;
        tr.batch = b;
        tr.time = t;
        tr.mask = in.mask();
        tr.order = new int[t];
        for (int s = 0; s < t; s++) {
            tr.order[s] = options.goBackwards() ? t - 1 - s : s;
        }
        tr.xd = x;
        if (training && options.dropout() > 0) {
            tr.inMask = dropoutMask(workspace.zeros(true, "inMask", x, b, features), options.dropout(), rng);
            tr.xd = workspace.scratch(true, "xd", x, b, t, features);
            x.copyTo(0, tr.xd, 0, b * t * features);
            multiplyByStepMask(tr.xd, tr.inMask, b, t);
        }
        if (training && options.recurrentDropout() > 0) {
            tr.recMask = dropoutMask(workspace.zeros(true, "recMask", x, b, units), options.recurrentDropout(), rng);
        }
        tr.z = workspace.scratch(training, "z", x, b, t, gh);   // every element set below
        Ops.setRowsTo(tr.z, b * t, gh, bias.value());
        Ops.gemm(false, false, b * t, gh, features, 1, tr.xd, 0, features, kernel.value(), 0, gh, 1, tr.z, 0, gh);
        Tensor[] state = new Tensor[options.stateCount()];
        for (int k = 0; k < state.length; k++) {
            if (initialStates != null && initialStates[k] != null) {
                Tensor s0 = initialStates[k];
                if (s0.size() != b * units) {
                    throw new IllegalArgumentException(typeName() + " initial state " + k + " must have shape ["
                            + b + ", " + units + "], got " + s0.shapeString());
                }
                state[k] = workspace.scratch(training, "state" + k, x, b, units);
                s0.copyTo(0, state[k], 0, b * units);
            } else {
                state[k] = workspace.zeros(training, "state" + k, x, b, units);
            }
        }
        tr.hs = workspace.zeros(training, "hs", x, b, t, units);  // zero at masked steps
        tr.hd = workspace.scratch(training, "hd", x, b, t, units); // every step stores every row
        runCell(tr, state);
        tr.finals = state;
        Tensor last = null;
        if (!options.returnSequences()) {
            last = workspace.scratch(training, "last", x, b, units);
            state[0].copyTo(0, last, 0, b * units);
        }
        Signal out = options.returnSequences() ? Signal.sequence(tr.hs, in.mask()) : Signal.vector(last);
        return new Forward(out, tr);
    }

    // ------------------------------------------------------------------ inference

    /** Fills {@code zs [batch, G*H]} with the input projection {@code x_s W_x + b} of step {@code s}. */
    @FunctionalInterface
    interface StepProjection {
        void fill(int s, float[] zs);
    }

    /**
     * The output of {@link #forward forward(in, false, null)}, computed for inference only: no dropout and no
     * trace for a backward pass, so per step only {@code [batch, G*H]} pre-activations and the states are live
     * (the training path keeps {@code [batch, time, G*H]} and four {@code [batch, time, H]} traces). Each step
     * projects its own inputs ({@code [batch, F] x [F, G*H]}) and adds {@code h_{t-1} W_h}; results equal the
     * training path's within float rounding. Float32 only; a double-precision layer runs {@link #forward}.
     *
     * @param in the input batch
     * @return the output, as {@code forward(in, false, null)} gives it
     */
    public Signal infer(Signal in) {
        checkInput(in);
        if (!(in.values() instanceof FloatTensor fx)) {
            return forward(in, null, false, null).output();
        }
        int b = in.batch();
        int t = in.time();
        int gh = gates * units;
        float[] x = fx.data();
        float[] w = floats(kernel);
        float[] bs = floats(bias);
        return inferRecurrence(b, t, in.mask(), (s, zs) -> {
            for (int i = 0; i < b; i++) {
                System.arraycopy(bs, 0, zs, i * gh, gh);
            }
            Gemm.gemm(false, false, b, gh, features, 1f, x, s * features, t * features, w, 0, gh, 1f, zs, 0, gh);
        });
    }

    /**
     * {@link #infer} when this layer reads an Embedding through identity layers (inference Dropout): the input
     * projection of token {@code v} is always {@code E[v] W_x + b}, so a precomputed table
     * {@code [V, G*H]} of those rows ({@link #projectTable}) turns each step's product into a row gather.
     *
     * @param ids   token ids {@code [batch, time]}, already checked against the vocabulary
     * @param mask  the Embedding's output mask (null: every step real)
     * @param b the batch size
     * @param t the padded length (time steps)
     * @param table {@link #projectTable} of the Embedding's current weights and this layer's
     * @return the output, as {@link #infer} gives it
     */
    public Signal inferFromTable(int[] ids, boolean[] mask, int b, int t, float[] table) {
        int gh = gates * units;
        if (table.length % gh != 0) {
            throw new IllegalArgumentException("projection table of " + table.length + " floats is not [V, " + gh
                    + "]");
        }
        return inferRecurrence(b, t, mask, (s, zs) -> {
            for (int i = 0; i < b; i++) {
                System.arraycopy(table, ids[i * t + s] * gh, zs, i * gh, gh);
            }
        });
    }

    /**
     * The input projections of a whole embedding table, {@code P = E W_x + b}, {@code [V, G*H]} with
     * {@code E [V, F]}: {@link #projectRow} for every row ({@code 2 V F G H} flops, 12 GFLOP for 50,000 x 300 into
     * an LSTM(100)), so a table built whole and one built row by row hold the same bits.
     *
     * @param embeddings the embedding table {@code [V, F]}
     * @return a fresh array {@code [V * G*H]}, row-major
     */
    public float[] projectTable(Tensor embeddings) {
        int v = embeddings.dim(0);
        int gh = gates * units;
        float[] out = new float[Math.multiplyExact(v, gh)];
        projectRows(embeddings, 0, v, out, 0);
        return out;
    }

    /** Features per partial sum of {@link #projectRow}: the depth of a block of the plain-Java GEMM. */
    private static final int ROW_BLOCK = 256;

    /**
     * One row of {@link #projectTable}: {@code out[offset + j] = b[j] + sum_k E[row, k] W_x[k, j]}, in the order
     * of the plain-Java GEMM ({@code -Dnlpkit.vector=false}): per block of 256 features a sum from zero of
     * products in increasing {@code k}, each product and sum rounded on its own (Java never fuses them), then
     * added to the bias ({@link RowProjection}). Every step is one exactly rounded IEEE operation in a fixed order,
     * so a value does not depend on which other rows are computed, in which order, on which thread, or whether the
     * loop runs interpreted, compiled or vectorized.
     *
     * @param embeddings the embedding table {@code [V, F]} (float32)
     * @param row        the row (token id) to project
     * @param out        where to write the {@code G*H} floats
     * @param offset     the index in {@code out} of the row's first float
     */
    public void projectRow(Tensor embeddings, int row, float[] out, int offset) {
        projectRows(embeddings, row, 1, out, offset);
    }

    /**
     * Consecutive rows {@code [first, first + rows)} of {@link #projectTable}, each the same bits as
     * {@link #projectRow} gives it; several rows per call share the loads of {@code W_x}.
     *
     * @param embeddings the embedding table {@code [V, F]} (float32)
     * @param first      the first row (token id) to project
     * @param rows       the number of rows
     * @param out        where to write the {@code rows * G*H} floats, row after row
     * @param offset     the index in {@code out} of the first row's first float
     */
    public void projectRows(Tensor embeddings, int first, int rows, float[] out, int offset) {
        if (embeddings.rank() != 2 || embeddings.dim(1) != features) {
            throw new IllegalArgumentException(typeName() + " takes " + features + " features, the table is "
                    + embeddings.shapeString());
        }
        if (first < 0 || rows < 0 || first + rows > embeddings.dim(0)) {
            throw new IndexOutOfBoundsException("rows [" + first + ", " + (first + rows) + ") of a table of "
                    + embeddings.dim(0));
        }
        RowProjection.project(((FloatTensor) embeddings).data(), first * features, rows, features, floats(kernel),
                floats(bias), gates * units, ROW_BLOCK, out, offset);
    }

    /**
     * The number of floats per vocabulary row of {@link #projectTable}: {@code G*H}.
     *
     * @return the row width G*H
     */
    public int projectionWidth() {
        return gates * units;
    }

    private Signal inferRecurrence(int b, int t, boolean[] mask, StepProjection projection) {
        int gh = gates * units;
        float[] zs = new float[b * gh];
        float[][] state = new float[options.stateCount()][b * units];
        float[] scratch = new float[b * units];
        float[] seq = options.returnSequences() ? new float[b * t * units] : null;
        for (int step = 0; step < t; step++) {
            int s = options.goBackwards() ? t - 1 - step : step;
            projection.fill(s, zs);
            inferStep(zs, state, scratch, mask, s, b, t);
            if (seq != null) {
                for (int i = 0; i < b; i++) {
                    if (mask == null || mask[i * t + s]) {
                        System.arraycopy(state[0], i * units, seq, (i * t + s) * units, units);
                    }
                }
            }
        }
        return seq != null ? Signal.sequence(Tensor.wrap(seq, b, t, units), mask)
                : Signal.vector(Tensor.wrap(state[0], b, units));
    }

    /**
     * One inference step: {@code zs [batch, G*H]} holds the input projections of step {@code s}; adds the
     * recurrent products, applies the gates and updates {@code state} (h, and c for LSTM, {@code [batch, H]}
     * each) for the rows whose step is real; masked rows keep their state. {@code scratch} is {@code [batch, H]}.
     */
    abstract void inferStep(float[] zs, float[][] state, float[] scratch, boolean[] mask, int s, int b, int t);

    static float[] floats(Parameter p) {
        return ((FloatTensor) p.value()).data();
    }

    /**
     * The final states (h, and c for LSTM), {@code [batch, H]} each, of a forward pass of this layer.
     *
     * @param forward a forward result of a recurrent layer
     * @return the final states, {@code [batch, H]} each
     */
    public static Tensor[] finalStates(Forward forward) {
        return ((Trace) forward.cache()).finals.clone();
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        return backward(forward, dOutput, null, grads).dInput();
    }

    /**
     * Back-propagates the output gradient (may be null when only states are used) and the gradients of the
     * final states (null entries for none).
     *
     * @param forward the result of {@link #forward(Signal, Tensor[], boolean, SplittableRandom)} on the batch
     * @param dOutput the gradient of the loss with respect to the output, or null
     * @param dFinalStates the gradients with respect to the final states, null entries (or null) for none
     * @param grads where parameter gradients are added
     * @return the input and initial-state gradients
     */
    public Backward backward(Forward forward, Tensor dOutput, Tensor[] dFinalStates, Gradients grads) {
        return backward(forward, dOutput, dFinalStates, grads, true);
    }

    /**
     * {@link #backward(Forward, Tensor, Tensor[], Gradients)}, optionally without the input gradient: a model
     * whose layers below this one learn nothing (a frozen embedding) has no use for it, and its product
     * {@code dx = dz W_x^T} is a sixth of a training step's multiply-adds.
     *
     * @param forward the result of {@link #forward(Signal, Tensor[], boolean, SplittableRandom)} on the batch
     * @param dOutput the gradient of the loss with respect to the output, or null
     * @param dFinalStates the gradients with respect to the final states, null entries (or null) for none
     * @param grads where parameter gradients are added
     * @param inputGradient whether to compute the input gradient ({@link Backward#dInput()} is null when not)
     * @return the input (or null) and initial-state gradients
     */
    public Backward backward(Forward forward, Tensor dOutput, Tensor[] dFinalStates, Gradients grads,
                             boolean inputGradient) {
        Trace tr = (Trace) forward.cache();
        int b = tr.batch;
        int t = tr.time;
        int gh = gates * units;
        Tensor proto = tr.z;
        Tensor[] dState = new Tensor[options.stateCount()];
        for (int k = 0; k < dState.length; k++) {
            dState[k] = workspace.zeros(tr.training, "dState" + k, proto, b, units);
            if (dFinalStates != null && dFinalStates[k] != null) {
                Ops.axpy(1, dFinalStates[k], 0, dState[k], 0, b * units);
            }
        }
        Tensor dhs = null;
        if (dOutput != null) {
            if (options.returnSequences()) {
                dhs = dOutput;
            } else {
                Ops.axpy(1, dOutput, 0, dState[0], 0, b * units);
            }
        }
        Tensor dz = workspace.zeros(tr.training, "dz", proto, b, t, gh);  // zero at masked steps
        backCell(tr, dhs, dState, dz, grads);
        Ops.gemm(true, false, features, gh, b * t, 1, tr.xd, 0, features, dz, 0, gh, 1, grads.of(kernel), 0, gh);
        Ops.addColumnSums(dz, b * t, gh, grads.of(bias), 0);
        if (!inputGradient) {
            return new Backward(null, dState);
        }
        Tensor dx = workspace.scratch(tr.training, "dx", proto, b, t, features);
        // beta = 0: dx is overwritten (a reused buffer holds the last step's values; a fresh one is zero anyway).
        Ops.gemm(false, true, b * t, features, gh, 1, dz, 0, gh, kernel.value(), 0, gh, 0, dx, 0, features);
        if (tr.inMask != null) {
            multiplyByStepMask(dx, tr.inMask, b, t);
        }
        return new Backward(dx, dState);
    }

    /** Receives a range of batch rows. */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /**
     * Fewest rows per thread worth splitting a step's element-wise work over the kernel threads. 32 was tried
     * (issue 18): under heavy load training at batch 64 fell to 0.4-0.8x, as a hand-off to a descheduled worker
     * costs more than the gate work it saves.
     */
    private static final int MIN_ROWS_PER_THREAD = 128;

    /**
     * Runs {@code body} over rows {@code [0, b)}: on the kernel threads, in contiguous ranges, when the batch is
     * large enough (a step of batch 1,024 has 400k gate values), else on the caller. Rows are independent, so
     * the results are the same either way.
     */
    static void forRows(int b, RowRange body) {
        int parts = Math.min(Parallelism.threads(), b / MIN_ROWS_PER_THREAD);
        if (parts <= 1) {
            body.run(0, b);
            return;
        }
        Parallelism.forEachPart(parts, part -> body.run((int) ((long) b * part / parts),
                (int) ((long) b * (part + 1) / parts)));
    }

    /**
     * A block {@code op(W)} ({@code k x n}, stored from {@code off} with row stride {@code ld}) of a recurrent
     * weight as the time steps of one batch multiply it: in float32 packed once for the kernels
     * ({@link Gemm#pack}), so the 30 step products of a batch do not each pack it again; in float64 read from
     * the tensor. The packed copy does not follow later weight changes: make one per forward or backward pass.
     */
    record StepWeight(Tensor w, boolean trans, int off, int ld, int k, int n, PackedMatrix packed) {

        static StepWeight of(Tensor w, boolean trans, int off, int ld, int k, int n) {
            PackedMatrix packed = w instanceof FloatTensor fw ? Gemm.pack(trans, k, n, fw.data(), off, ld) : null;
            return new StepWeight(w, trans, off, ld, k, n, packed);
        }

        /** {@code C = A op(W) + beta C}, {@code A} of {@code m} rows: {@link Ops#gemm} on the block, same bits. */
        void multiply(int m, Tensor a, int aOff, int lda, double beta, Tensor c, int cOff, int ldc) {
            if (packed != null && a instanceof FloatTensor fa && c instanceof FloatTensor fc) {
                Gemm.gemm(false, m, 1f, fa.data(), aOff, lda, packed, (float) beta, fc.data(), cOff, ldc);
            } else {
                Ops.gemm(false, trans, m, n, k, 1, a, aOff, lda, w, off, ld, beta, c, cOff, ldc);
            }
        }
    }

    /** Runs the recurrence over {@code tr.z} (input projections, modified in place into activations). */
    abstract void runCell(Trace tr, Tensor[] state);

    /** Fills {@code dz} (gradient of the pre-activations), updates {@code dState} to the initial-state gradient. */
    abstract void backCell(Trace tr, Tensor dhs, Tensor[] dState, Tensor dz, Gradients grads);

    /**
     * {@code dh[i] = dhd[i] * recMask[i]} for the rows whose step {@code s} is real ({@code dhd}: the gradient
     * reaching {@code h_{t-1}} through the recurrent product); masked rows keep {@code dh}, as their state was
     * carried over.
     */
    final void carryStateGradient(Trace tr, Tensor dhd, Tensor dh, int s) {
        int hN = units;
        for (int i = 0; i < tr.batch; i++) {
            if (!tr.real(i, s)) {
                continue;
            }
            int sb = i * hN;
            if (dh instanceof FloatTensor fdh && dhd instanceof FloatTensor fdhd) {
                float[] out = fdh.data();
                float[] in = fdhd.data();
                float[] m = tr.recMask == null ? null : ((FloatTensor) tr.recMask).data();
                for (int j = 0; j < hN; j++) {
                    out[sb + j] = m == null ? in[sb + j] : in[sb + j] * m[sb + j];
                }
                continue;
            }
            for (int j = 0; j < hN; j++) {
                double m = tr.recMask == null ? 1 : tr.recMask.get(sb + j);
                dh.set(sb + j, dhd.get(sb + j) * m);
            }
        }
    }

    /** Copies {@code h} into step {@code t} of {@code dst} ({@code [batch, time, H]}), times the mask if any. */
    final void storeStep(Trace tr, Tensor h, Tensor dst, int t, Tensor mask) {
        if (mask instanceof FloatTensor fm && h instanceof FloatTensor fh && dst instanceof FloatTensor fd) {
            // Recurrent dropout's per-step product on the arrays: a float product of two floats is the correctly
            // rounded double product, so these are the bits of the generic loop below, without its calls.
            float[] ms = fm.data();
            float[] hs = fh.data();
            float[] ds = fd.data();
            for (int i = 0; i < tr.batch; i++) {
                int o = (i * tr.time + t) * units;
                int r = i * units;
                for (int j = 0; j < units; j++) {
                    ds[o + j] = hs[r + j] * ms[r + j];
                }
            }
            return;
        }
        for (int i = 0; i < tr.batch; i++) {
            int o = (i * tr.time + t) * units;
            if (mask == null) {
                h.copyTo(i * units, dst, o, units);
            } else {
                for (int j = 0; j < units; j++) {
                    dst.set(o + j, h.get(i * units + j) * mask.get(i * units + j));
                }
            }
        }
    }

    /** {@code x[i, s, :] *= mask[i, :]} for every step {@code s}: a dropout mask fixed across time. */
    private void multiplyByStepMask(Tensor x, Tensor mask, int b, int t) {
        if (x instanceof FloatTensor fx && mask instanceof FloatTensor fm) {
            float[] xs = fx.data();
            float[] ms = fm.data();
            for (int i = 0; i < b; i++) {
                for (int s = 0; s < t; s++) {
                    int o = (i * t + s) * features;
                    int m = i * features;
                    for (int f = 0; f < features; f++) {
                        xs[o + f] *= ms[m + f];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < b; i++) {
            for (int s = 0; s < t; s++) {
                int o = (i * t + s) * features;
                for (int f = 0; f < features; f++) {
                    x.set(o + f, x.get(o + f) * mask.get(i * features + f));
                }
            }
        }
    }

    /** Fills the zero tensor {@code m} with a dropout mask: {@code 1 / (1 - rate)} where kept. */
    private static Tensor dropoutMask(Tensor m, double rate, SplittableRandom rng) {
        double scale = 1 / (1 - rate);
        if (m instanceof FloatTensor fm) {
            // the same draws and values as the generic loop, written to the array directly
            float[] ms = fm.data();
            float s = (float) scale;
            for (int i = 0, n = m.size(); i < n; i++) {
                if (rng.nextDouble() >= rate) {
                    ms[i] = s;
                }
            }
            return m;
        }
        for (int i = 0; i < m.size(); i++) {
            if (rng.nextDouble() >= rate) {
                m.set(i, scale);
            }
        }
        return m;
    }
}
