package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 1-D convolution over time, stride 1 (Keras' {@code Conv1D}):
 * {@code y[b, t, o] = act(bias[o] + sum_{j < K} sum_{f < F} x[b, t + j*d - left, f] * kernel[j, f, o])},
 * where {@code K} is the kernel size, {@code d} the dilation, {@code span = d (K - 1) + 1} the receptive field,
 * and {@code left = (span - 1) / 2} (rounded down, the rest on the right, as TensorFlow) for {@code SAME},
 * {@code 0} for {@code VALID}. Steps outside the sequence read zero.
 *
 * <p>Shapes: {@code [batch, T, F] -> [batch, T', filters]} with {@code T' = T} ({@code SAME}) or
 * {@code T' = T - span + 1} ({@code VALID}; a batch whose padded length is below {@code span} is refused, naming
 * the layer and the shapes). Parameters, in order: {@code kernel [K, F, filters]} (Keras' layout), {@code bias
 * [filters]}. Initialization: Glorot uniform with {@code fanIn = K F}, {@code fanOut = K filters} (Keras'
 * receptive-field rule), zero bias.
 *
 * <p><b>Masks.</b> A padded input step reads as zero wherever a window touches it, so padding never leaks into a
 * real output, whether rows are padded at the end or at the start. The output mask is: for {@code SAME}, the
 * input mask (output step {@code t} is real when input step {@code t} is); for {@code VALID}, output step
 * {@code t} is real when every input step of its window {@code t .. t + span - 1} is real, so a row padded at
 * either end keeps {@code L - span + 1} real outputs, the ones its unpadded convolution gives, and a row shorter
 * than the span has no real output (a following pooling layer then gives zeros for it). Outputs at padded steps
 * are zero and receive no gradient.
 *
 * <p>Computation: im2col, then ONE product {@code [batch T', K F] x [K F, filters]} per batch through the GEMM
 * kernels; the backward pass forms {@code dkernel = cols^T dz} and {@code dcols = dz kernel^T} as one product each
 * and scatters {@code dcols} back onto the input steps.
 */
public final class Conv1D extends Layer {

    private final Conv1DOptions options;
    private final Shape input;
    private final Parameter kernel;
    private final Parameter bias;

    Conv1D(Conv1DOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, "Conv1D");
        if (options.padding() == Conv1DOptions.Padding.VALID && input.time() > 0 && input.time() < options.span()) {
            throw new IllegalArgumentException("Conv1D with valid padding needs sequences of at least " + options.span()
                    + " steps (kernelSize " + options.kernelSize() + ", dilation " + options.dilation()
                    + "), got input " + input.display());
        }
        this.options = options;
        this.input = input;
        int k = options.kernelSize();
        int f = input.features();
        int u = options.filters();
        this.kernel = new Parameter("kernel", Tensor.zeros(precision, k, f, u), true, false);
        Initializers.glorotUniform(kernel.value(), k * f, k * u, new SplittableRandom(seed));
        this.bias = options.useBias() ? new Parameter("bias", Tensor.zeros(precision, u), true, false) : null;
    }

    private record Cache(Tensor cols, Tensor z, Tensor y, boolean[] inMask, boolean[] outMask, int batch, int time,
                         int outTime, Tensor x) {
    }

    @Override
    public Conv1DOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        int t = input.time() < 0 ? -1 : outTime(input.time());
        return new Shape(Shape.Kind.SEQUENCE, t, options.filters());
    }

    private int outTime(int time) {
        return options.padding() == Conv1DOptions.Padding.SAME ? time : time - options.span() + 1;
    }

    private int left() {
        return options.padding() == Conv1DOptions.Padding.SAME ? (options.span() - 1) / 2 : 0;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    public String typeName() {
        return "Conv1D";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int batch = in.batch();
        int time = in.time();
        int outTime = outTime(time);
        if (outTime < 1) {
            throw new IllegalArgumentException("Conv1D with valid padding needs sequences of at least "
                    + options.span() + " steps (kernelSize " + options.kernelSize() + ", dilation "
                    + options.dilation() + "), got a batch of shape " + in.values().shapeString());
        }
        int f = input.features();
        int k = options.kernelSize();
        int d = options.dilation();
        int u = options.filters();
        int left = left();
        int rows = batch * outTime;
        int width = k * f;
        Tensor x = in.values();
        Tensor cols = x.zerosLike(rows, width);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < outTime; t++) {
                for (int j = 0; j < k; j++) {
                    int src = t + j * d - left;
                    if (src >= 0 && src < time && in.real(b, src)) {
                        x.copyTo((b * time + src) * f, cols, ((b * outTime + t) * k + j) * f, f);
                    }
                }
            }
        }
        boolean[] outMask = outputMask(in, outTime);
        Tensor z = x.zerosLike(batch, outTime, u);
        if (bias != null) {
            Ops.setRowsTo(z, rows, u, bias.value());
        }
        Ops.gemm(false, false, rows, u, width, 1, cols, 0, width, kernel.value(), 0, u, 1, z, 0, u);
        Tensor y = z.copy();
        Dense.applyActivation(options.activation(), y, rows, u);
        PaddedRows.zero(y, outMask, u);
        Signal out = Signal.sequence(y, outMask);
        return new Forward(out, new Cache(cols, z, y, in.mask(), outMask, batch, time, outTime, x));
    }

    private boolean[] outputMask(Signal in, int outTime) {
        if (in.mask() == null) {
            return null;
        }
        if (options.padding() == Conv1DOptions.Padding.SAME) {
            return in.mask().clone();
        }
        int span = options.span();
        boolean[] mask = new boolean[in.batch() * outTime];
        for (int b = 0; b < in.batch(); b++) {
            int run = 0;                      // real steps in a row ending at the current input step
            for (int s = 0; s < in.time(); s++) {
                run = in.real(b, s) ? run + 1 : 0;
                if (s - span + 1 >= 0) {
                    mask[b * outTime + s - span + 1] = run >= span;
                }
            }
        }
        return mask;
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int f = input.features();
        int k = options.kernelSize();
        int d = options.dilation();
        int u = options.filters();
        int left = left();
        int rows = c.batch() * c.outTime();
        int width = k * f;
        Tensor dz = Dense.activationBackward(options.activation(), dOutput, c.z(), c.y(), rows, u);
        PaddedRows.zero(dz, c.outMask(), u);
        Ops.gemm(true, false, width, u, rows, 1, c.cols(), 0, width, dz, 0, u, 1, grads.of(kernel), 0, u);
        if (bias != null) {
            Ops.addColumnSums(dz, rows, u, grads.of(bias), 0);
        }
        Tensor dcols = c.cols().zerosLike(rows, width);
        Ops.gemm(false, true, rows, width, u, 1, dz, 0, u, kernel.value(), 0, u, 0, dcols, 0, width);
        Tensor dx = c.x().zerosLike(c.batch(), c.time(), f);
        boolean[] inMask = c.inMask();
        for (int b = 0; b < c.batch(); b++) {
            for (int t = 0; t < c.outTime(); t++) {
                for (int j = 0; j < k; j++) {
                    int src = t + j * d - left;
                    if (src >= 0 && src < c.time() && (inMask == null || inMask[b * c.time() + src])) {
                        Ops.axpy(1.0, dcols, ((b * c.outTime() + t) * k + j) * f, dx, (b * c.time() + src) * f, f);
                    }
                }
            }
        }
        return dx;
    }
}
