package dev.nlpkit.recurrent.layers;

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
 * <p>{@link #forward(Signal, Tensor[], boolean, SplittableRandom)} accepts initial states and
 * {@link #finalStates} exposes the final ones: that is how an encoder hands its state to a decoder.
 */
public abstract sealed class RecurrentLayer extends Layer permits SimpleRnn, Lstm, Gru {

    final RecurrentOptions options;
    final Shape input;
    final int features;
    final int units;
    final int gates;
    final Parameter kernel;
    final Parameter recurrentKernel;
    final Parameter bias;

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

    /** Per-batch intermediate values kept for the backward pass. */
    static final class Trace {
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

    /** Gradients of a backward pass: input values and initial states. */
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

    /** The hidden width H. */
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
     */
    public Forward forward(Signal in, Tensor[] initialStates, boolean training, SplittableRandom rng) {
        checkInput(in);
        int b = in.batch();
        int t = in.time();
        int gh = gates * units;
        Tensor x = in.values();
        Trace tr = new Trace();
        tr.batch = b;
        tr.time = t;
        tr.mask = in.mask();
        tr.order = new int[t];
        for (int s = 0; s < t; s++) {
            tr.order[s] = options.goBackwards() ? t - 1 - s : s;
        }
        tr.xd = x;
        if (training && options.dropout() > 0) {
            tr.inMask = dropoutMask(x, b, features, options.dropout(), rng);
            tr.xd = x.copy();
            multiplyByStepMask(tr.xd, tr.inMask, b, t);
        }
        if (training && options.recurrentDropout() > 0) {
            tr.recMask = dropoutMask(x, b, units, options.recurrentDropout(), rng);
        }
        tr.z = x.zerosLike(b, t, gh);
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
                state[k] = s0.copy().reshape(b, units);
            } else {
                state[k] = x.zerosLike(b, units);
            }
        }
        tr.hs = x.zerosLike(b, t, units);
        tr.hd = x.zerosLike(b, t, units);
        runCell(tr, state);
        tr.finals = state;
        Signal out = options.returnSequences() ? Signal.sequence(tr.hs, in.mask())
                : Signal.vector(state[0].copy());
        return new Forward(out, tr);
    }

    /** The final states (h, and c for LSTM), {@code [batch, H]} each, of a forward pass of this layer. */
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
     */
    public Backward backward(Forward forward, Tensor dOutput, Tensor[] dFinalStates, Gradients grads) {
        Trace tr = (Trace) forward.cache();
        int b = tr.batch;
        int t = tr.time;
        int gh = gates * units;
        Tensor proto = tr.z;
        Tensor[] dState = new Tensor[options.stateCount()];
        for (int k = 0; k < dState.length; k++) {
            dState[k] = proto.zerosLike(b, units);
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
        Tensor dz = proto.zerosLike(b, t, gh);
        backCell(tr, dhs, dState, dz, grads);
        Ops.gemm(true, false, features, gh, b * t, 1, tr.xd, 0, features, dz, 0, gh, 1, grads.of(kernel), 0, gh);
        Ops.addColumnSums(dz, b * t, gh, grads.of(bias), 0);
        Tensor dx = proto.zerosLike(b, t, features);
        Ops.gemm(false, true, b * t, features, gh, 1, dz, 0, gh, kernel.value(), 0, gh, 0, dx, 0, features);
        if (tr.inMask != null) {
            multiplyByStepMask(dx, tr.inMask, b, t);
        }
        return new Backward(dx, dState);
    }

    /** Runs the recurrence over {@code tr.z} (input projections, modified in place into activations). */
    abstract void runCell(Trace tr, Tensor[] state);

    /** Fills {@code dz} (gradient of the pre-activations), updates {@code dState} to the initial-state gradient. */
    abstract void backCell(Trace tr, Tensor dhs, Tensor[] dState, Tensor dz, Gradients grads);

    /** Copies {@code h} into step {@code t} of {@code dst} ({@code [batch, time, H]}), times the mask if any. */
    final void storeStep(Trace tr, Tensor h, Tensor dst, int t, Tensor mask) {
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

    private static Tensor dropoutMask(Tensor proto, int rows, int cols, double rate, SplittableRandom rng) {
        Tensor m = proto.zerosLike(rows, cols);
        double scale = 1 / (1 - rate);
        for (int i = 0; i < m.size(); i++) {
            if (rng.nextDouble() >= rate) {
                m.set(i, scale);
            }
        }
        return m;
    }
}
