package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fully connected layer: {@code y = act(x W + b)}.
 *
 * <p>Shapes: input {@code [batch, F]} gives {@code [batch, U]}; a sequence {@code [batch, time, F]} gives
 * {@code [batch, time, U]} with the same weights at every step (what Keras' Dense does on 3-D input, and what
 * {@link TimeDistributed} makes explicit); the mask passes through. Parameters, in order: {@code kernel}
 * {@code W [F, U]} (Keras layout), {@code bias b [U]}. Initialization: Glorot uniform kernel, zero bias.
 * Softmax is taken over the U outputs of each row, minus the row maximum for stability.
 *
 * <p>Losses that know the activation (binary cross-entropy after sigmoid, softmax cross-entropy after softmax)
 * use {@link #preActivation} and {@link #backwardFromPreActivation} to work on logits, which is exact and
 * numerically stable where the probability has saturated to 0 or 1.
 */
public final class Dense extends Layer implements TrainingBuffers {

    private final DenseOptions options;
    private final Shape input;
    private final Parameter kernel;
    private final Parameter bias;
    /** The training step's tensors while {@link #reuseTrainingBuffers} is on. */
    private final Workspace workspace = new Workspace();

    Dense(DenseOptions options, Shape input, Precision precision, long seed) {
        if (input.kind() == Shape.Kind.TOKENS) {
            throw new IllegalArgumentException("Dense expects vectors or sequences of vectors, got token ids "
                    + "(add an Embedding first)");
        }
        this.options = options;
        this.input = input;
        int f = input.features();
        int u = options.units();
        this.kernel = new Parameter("kernel", Tensor.zeros(precision, f, u), true, false);
        Initializers.glorotUniform(kernel.value(), f, u, new SplittableRandom(seed));
        this.bias = options.useBias() ? new Parameter("bias", Tensor.zeros(precision, u), true, false) : null;
    }

    private record Cache(Tensor x, Tensor z, Tensor y, int rows, boolean training) {
    }

    @Override
    public void reuseTrainingBuffers(boolean on) {
        workspace.reuse(on);
    }

    @Override
    public DenseOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return new Shape(input.kind(), input.time(), options.units());
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        Tensor x = in.values();
        int f = input.features();
        int u = options.units();
        int rows = in.kind() == Shape.Kind.VECTOR ? in.batch() : in.batch() * in.time();
        int[] outShape = in.kind() == Shape.Kind.VECTOR ? new int[] {in.batch(), u}
                : new int[] {in.batch(), in.time(), u};
        Tensor z = bias != null ? workspace.scratch(training, "z", x, outShape) : workspace.zeros(training, "z", x,
                outShape);
        if (bias != null) {
            Ops.setRowsTo(z, rows, u, bias.value());
        }
        Ops.gemm(false, false, rows, u, f, 1, x, 0, f, kernel.value(), 0, u, 1, z, 0, u);
        Tensor y = workspace.scratch(training, "y", x, outShape);
        z.copyTo(0, y, 0, rows * u);
        activate(y, rows, u);
        Signal out = new Signal(in.kind(), in.batch(), in.time(), y, null, in.mask());
        return new Forward(out, new Cache(x, z, y, rows, training));
    }

    private void activate(Tensor y, int rows, int u) {
        applyActivation(options.activation(), y, rows, u);
    }

    /** {@code y = act(y)} in place over {@code rows} rows of {@code u} values (softmax per row). */
    static void applyActivation(Activation activation, Tensor y, int rows, int u) {
        switch (activation) {
            case LINEAR -> { }
            case SIGMOID -> Ops.sigmoid(y, 0, rows * u);
            case TANH -> Ops.tanh(y, 0, rows * u);
            case RELU -> {
                for (int i = 0; i < rows * u; i++) {
                    if (y.get(i) < 0) {
                        y.set(i, 0);
                    }
                }
            }
            case SOFTMAX -> Ops.softmaxRows(y, rows, u);
            default -> throw new IllegalStateException("unknown activation " + activation);
        }
    }

    /**
     * The pre-activation {@code z = x W + b} of a forward pass (the logits).
     *
     * @param forward a forward result of this layer
     * @return the logits, {@code [batch, units]} (or per step)
     */
    public static Tensor preActivation(Forward forward) {
        return ((Cache) forward.cache()).z();
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int u = options.units();
        Tensor dz = workspace.scratch(c.training(), "dz", dOutput, dOutput.shape());
        dOutput.copyTo(0, dz, 0, c.rows() * u);
        activationBackward(options.activation(), dOutput, c.z(), c.y(), c.rows(), u, dz);
        return backwardFromPreActivation(forward, dz, grads);
    }

    /**
     * The gradient with respect to the pre-activation {@code z} from the gradient {@code dOutput} with respect to
     * {@code y = act(z)}, over {@code rows} rows of {@code u} values; a fresh tensor.
     */
    static Tensor activationBackward(Activation activation, Tensor dOutput, Tensor z, Tensor y, int rows, int u) {
        Tensor dz = dOutput.copy();
        activationBackward(activation, dOutput, z, y, rows, u, dz);
        return dz;
    }

    /** {@link #activationBackward} into {@code dz}, which holds a copy of {@code dOutput} on entry. */
    private static void activationBackward(Activation activation, Tensor dOutput, Tensor z, Tensor y, int rows, int u,
                                           Tensor dz) {
        int n = rows * u;
        switch (activation) {
            case LINEAR -> { }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double v = y.get(i);
                    dz.set(i, dz.get(i) * v * (1 - v));
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    double v = y.get(i);
                    dz.set(i, dz.get(i) * (1 - v * v));
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    if (z.get(i) <= 0) {
                        dz.set(i, 0);
                    }
                }
            }
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * u;
                    double dot = 0;
                    for (int j = 0; j < u; j++) {
                        dot += dOutput.get(o + j) * y.get(o + j);
                    }
                    for (int j = 0; j < u; j++) {
                        dz.set(o + j, y.get(o + j) * (dOutput.get(o + j) - dot));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown activation " + activation);
        }
    }

    /**
     * Back-propagates a gradient with respect to the pre-activation (logits); returns the input gradient.
     *
     * @param forward a forward result of this layer
     * @param dz the gradient with respect to the pre-activation
     * @param grads where parameter gradients are added
     * @return the input gradient
     */
    public Tensor backwardFromPreActivation(Forward forward, Tensor dz, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int f = input.features();
        int u = options.units();
        Ops.gemm(true, false, f, u, c.rows(), 1, c.x(), 0, f, dz, 0, u, 1, grads.of(kernel), 0, u);
        if (bias != null) {
            Ops.addColumnSums(dz, c.rows(), u, grads.of(bias), 0);
        }
        Tensor dx = workspace.scratch(c.training(), "dInput", c.x(), c.x().shape());   // beta = 0 overwrites
        Ops.gemm(false, true, c.rows(), f, u, 1, dz, 0, u, kernel.value(), 0, u, 0, dx, 0, f);
        return dx;
    }
}
