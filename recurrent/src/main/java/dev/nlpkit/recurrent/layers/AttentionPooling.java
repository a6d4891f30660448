package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Attention pooling for classification: a learned query scores every step and the output is the weighted mean
 * of the steps (additive attention with a learned context vector, Bahdanau et al. 2015 and Yang et al. 2016's
 * word attention; Keras has no built-in layer of this name). For each example, over its steps {@code x_t}:
 * <pre>
 *   u_t = tanh(x_t W + b)                                        [U]
 *   s_t = u_t . v                                                scalar
 *   a_t = exp(s_t) / sum_{j real} exp(s_j)  for real t, 0 at padded t
 *   y   = sum_t a_t x_t                                          [F]
 * </pre>
 * Shapes: {@code [batch, T, F] -> [batch, F]}. Parameters, in order: {@code kernel W [F, U]}, {@code bias b [U]},
 * {@code context v [U]}: {@code F U + 2 U} scalars ({@code U} = {@code units}, or {@code F}). Initialization: Glorot
 * uniform kernel (fans {@code F}, {@code U}) and context (fans {@code U}, 1), zero bias.
 *
 * <p><b>A row with no real step</b> has all-zero weights, not NaN from the softmax: its output is the zero vector
 * and it passes no gradient (what the global poolings give such a row). The weights {@code a} of each example can be
 * read back for explanation with {@link #attentionWeights(Forward)}.
 *
 * <p>Backward: {@code da_t = dy . x_t}, {@code ds_t = a_t (da_t - sum_j a_j da_j)}, {@code dv = sum_t ds_t u_t},
 * {@code dz_t = ds_t v (1 - u_t^2)}, {@code dW = sum_t x_t^T dz_t}, {@code db = sum_t dz_t},
 * {@code dx_t = a_t dy + dz_t W^T}. The projections are one product over all {@code batch T} rows.
 */
public final class AttentionPooling extends Layer {

    private final AttentionPoolingOptions options;
    private final Shape input;
    private final int units;
    private final Parameter kernel;
    private final Parameter bias;
    private final Parameter context;

    AttentionPooling(AttentionPoolingOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, "AttentionPooling");
        this.options = options;
        this.input = input;
        int f = input.features();
        this.units = options.units() == 0 ? f : options.units();
        SplittableRandom rng = new SplittableRandom(seed);
        this.kernel = new Parameter("kernel", Tensor.zeros(precision, f, units), true, false);
        Initializers.glorotUniform(kernel.value(), f, units, rng);
        this.bias = new Parameter("bias", Tensor.zeros(precision, units), true, false);
        this.context = new Parameter("context", Tensor.zeros(precision, units), true, false);
        Initializers.glorotUniform(context.value(), units, 1, rng);
    }

    private record Cache(Tensor x, Tensor u, Tensor weights, int batch, int time) {
    }

    @Override
    public AttentionPoolingOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(input.features());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(kernel, bias, context);
    }

    @Override
    public String typeName() {
        return "AttentionPooling";
    }

    /**
     * The attention weights of a forward pass of this layer, {@code [batch, T]}: entry {@code [b, t]} is the weight
     * of step {@code t} in example {@code b}'s output (they sum to 1 over the real steps; 0 at padded steps and in
     * a row without real steps). For explanation: run the model with {@code Sequential.forward} and pass the
     * forward result of this layer.
     *
     * @param forward a forward result of an AttentionPooling layer
     * @return the weights, shared with the cache (do not change)
     * @throws IllegalArgumentException when {@code forward} comes from another layer type
     */
    public static Tensor attentionWeights(Forward forward) {
        if (!(forward.cache() instanceof Cache c)) {
            throw new IllegalArgumentException("not the forward result of an AttentionPooling layer");
        }
        return c.weights();
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int batch = in.batch();
        int time = in.time();
        int f = input.features();
        int rows = batch * time;
        Tensor x = in.values();
        Tensor u = x.zerosLike(rows, units);
        Ops.setRowsTo(u, rows, units, bias.value());
        Ops.gemm(false, false, rows, units, f, 1, x, 0, f, kernel.value(), 0, units, 1, u, 0, units);
        Ops.tanh(u, 0, rows * units);
        Tensor weights = x.zerosLike(batch, time);
        Ops.gemm(false, false, rows, 1, units, 1, u, 0, units, context.value(), 0, 1, 0, weights, 0, 1);
        Tensor y = x.zerosLike(batch, f);
        for (int b = 0; b < batch; b++) {
            MultiHeadSelfAttention.maskedSoftmax(weights, b * time, time, in.mask(), b * time, time);
            Ops.gemm(false, false, 1, f, time, 1, weights, b * time, time, x, b * time * f, f, 0, y, b * f, f);
        }
        return new Forward(Signal.vector(y), new Cache(x, u, weights, batch, time));
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int batch = c.batch();
        int time = c.time();
        int f = input.features();
        int rows = batch * time;
        Tensor a = c.weights();
        Tensor dx = c.x().zerosLike(batch, time, f);
        Tensor ds = a.zerosLike(batch, time);
        for (int b = 0; b < batch; b++) {
            // dx_t = a_t dy (outer product), da_t = x_t . dy
            Ops.gemm(false, false, time, f, 1, 1, a, b * time, 1, dOutput, b * f, f, 0, dx, b * time * f, f);
            Ops.gemm(false, true, time, 1, f, 1, c.x(), b * time * f, f, dOutput, b * f, f, 0, ds, b * time, 1);
            double dot = 0;
            for (int t = 0; t < time; t++) {
                dot += a.get(b * time + t) * ds.get(b * time + t);
            }
            for (int t = 0; t < time; t++) {
                int i = b * time + t;
                ds.set(i, a.get(i) * (ds.get(i) - dot));
            }
        }
        Tensor u = c.u();
        Ops.gemm(true, false, units, 1, rows, 1, u, 0, units, ds, 0, 1, 1, grads.of(context), 0, 1);
        Tensor dz = u.zerosLike(rows, units);
        Ops.gemm(false, false, rows, units, 1, 1, ds, 0, 1, context.value(), 0, units, 0, dz, 0, units);
        for (int i = 0; i < dz.size(); i++) {
            double ui = u.get(i);
            dz.set(i, dz.get(i) * (1 - ui * ui));
        }
        Ops.gemm(true, false, f, units, rows, 1, c.x(), 0, f, dz, 0, units, 1, grads.of(kernel), 0, units);
        Ops.addColumnSums(dz, rows, units, grads.of(bias), 0);
        Ops.gemm(false, true, rows, f, units, 1, dz, 0, units, kernel.value(), 0, units, 1, dx, 0, f);
        return dx;
    }
}
