package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One Transformer encoder block (Vaswani et al. 2017; Keras-nlp's {@code TransformerEncoder}, PyTorch's
 * {@code nn.TransformerEncoderLayer} with ReLU), composed of the built-in layers: {@link MultiHeadSelfAttention},
 * {@link Dropout}, {@link LayerNormalization} and two {@link Dense} layers. With {@code FFN(h) = relu(h W1 + b1) W2 +
 * b2} applied to every step, for the sequence {@code x [T, F]} of each example:
 * <pre>
 *   post-norm (default):  h = LN1(x + drop(MHSA(x)))          y = LN2(h + drop(FFN(h)))
 *   pre-norm:             h = x + drop(MHSA(LN1(x)))          y = h + drop(FFN(LN2(h)))
 * </pre>
 * Post-norm is the default because it is the original block and the default of both Keras-nlp and PyTorch, so a
 * model built here has the same architecture as one built there from the same settings; pre-norm
 * ({@link TransformerEncoderOptions.Norm#PRE}) is there for deeper stacks, which it trains without a learning-rate
 * warm-up (Xiong et al. 2020). Dropout is applied to the attention output and the feed-forward output, as both
 * libraries do.
 *
 * <p>Shapes: {@code [batch, T, F] -> [batch, T, F]} (the residual connections keep the width, so blocks stack in a
 * {@code Sequential}); the mask passes through, a step attends only to the real steps of its row, outputs at padded
 * steps are zero and receive no gradient, so padded and unpadded sequences give the same outputs. The block gives
 * no position information: put a {@link PositionEmbedding} before the first block.
 *
 * <p>Parameters, in order: the attention's eight ({@code 4 F D + 3 D + F}, {@code D} = heads x key dimension), then
 * post-norm {@code LN1 gamma, beta [F]}, {@code W1 [F, I]}, {@code b1 [I]}, {@code W2 [I, F]}, {@code b2 [F]},
 * {@code LN2 gamma, beta [F]} (pre-norm: the same tensors in the same order): {@code 4 F D + 3 D + F + 2 F I + I + 5 F}
 * in all, {@code I} = {@code intermediateDim}. Initialization: each sub-layer's own (Glorot uniform kernels, zero
 * biases, gamma 1, beta 0), seeded from the block's seed. A causal attention mask is refused by the options (an
 * encoder sees the whole sequence); heads that do not divide the width are refused at build, naming this layer.
 */
public final class TransformerEncoder extends Layer {

    private final TransformerEncoderOptions options;
    private final Shape input;
    private final MultiHeadSelfAttention attention;
    private final Dropout attentionDropout;
    private final LayerNormalization norm1;
    private final Dense hidden;
    private final Dense projection;
    private final Dropout feedForwardDropout;
    private final LayerNormalization norm2;

    TransformerEncoder(TransformerEncoderOptions options, Shape input, Precision precision, long seed) {
        input.require(Shape.Kind.SEQUENCE, "TransformerEncoder");
        this.options = options;
        this.input = input;
        SplittableRandom seeds = new SplittableRandom(seed);
        try {
            this.attention = new MultiHeadSelfAttention(options.attention(), input, precision, seeds.nextLong());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TransformerEncoder: " + e.getMessage(), e);
        }
        int f = input.features();
        DropoutOptions drop = new DropoutOptions(options.dropout());
        LayerNormalizationOptions ln = new LayerNormalizationOptions(options.epsilon());
        this.attentionDropout = new Dropout(drop, input);
        this.norm1 = new LayerNormalization(ln, input, precision);
        this.hidden = new Dense(DenseOptions.of(options.intermediateDim(), Activation.RELU), input, precision,
                seeds.nextLong());
        this.projection = new Dense(DenseOptions.of(f, Activation.LINEAR), hidden.outputShape(), precision,
                seeds.nextLong());
        this.feedForwardDropout = new Dropout(drop, input);
        this.norm2 = new LayerNormalization(ln, input, precision);
    }

    /** The forward results of the sub-layers, in the order they ran. */
    private record Cache(Forward attention, Forward attentionDropout, Forward norm1, Forward hidden,
                         Forward projection, Forward feedForwardDropout, Forward norm2, boolean[] mask) {
    }

    @Override
    public TransformerEncoderOptions options() {
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
        List<Parameter> all = new ArrayList<>(attention.parameters());
        all.addAll(norm1.parameters());
        all.addAll(hidden.parameters());
        all.addAll(projection.parameters());
        all.addAll(norm2.parameters());
        return List.copyOf(all);
    }

    @Override
    public String typeName() {
        return "TransformerEncoder";
    }

    /**
     * The attention weights of a forward pass of this block, {@code [batch, heads, T, T]}, as
     * {@link MultiHeadSelfAttention#attentionWeights}.
     *
     * @param forward a forward result of a TransformerEncoder
     * @return the weights, shared with the cache (do not change)
     */
    public static Tensor attentionWeights(Forward forward) {
        return MultiHeadSelfAttention.attentionWeights(((Cache) forward.cache()).attention());
    }

    /** {@code a + b}, a new tensor. */
    private static Tensor sum(Tensor a, Tensor b) {
        Tensor s = a.copy();
        Ops.axpy(1, b, 0, s, 0, s.size());
        return s;
    }

    /** The position-wise feed-forward network, zero at padded steps (its biases would otherwise leak there). */
    private Forward[] feedForward(Signal h, boolean training, SplittableRandom rng) {
        Forward f1 = hidden.forward(h, training, rng);
        Forward f2 = projection.forward(f1.output(), training, rng);
        Tensor out = f2.output().values().copy();
        PaddedRows.zero(out, h.mask(), input.features());
        Forward drop = feedForwardDropout.forward(Signal.sequence(out, h.mask()), training, rng);
        return new Forward[] {f1, f2, drop};
    }

    /** Back through the feed-forward network: the gradient with respect to its input {@code h}. */
    private Tensor feedForwardBackward(Cache c, Tensor dOut, Gradients grads) {
        Tensor d = feedForwardDropout.backward(c.feedForwardDropout(), dOut, grads).copy();
        PaddedRows.zero(d, c.mask(), input.features());
        return hidden.backward(c.hidden(), projection.backward(c.projection(), d, grads), grads);
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        boolean[] mask = in.mask();
        Tensor x = in.values();
        if (options.norm() == TransformerEncoderOptions.Norm.POST) {
            Forward a = attention.forward(in, training, rng);
            Forward ad = attentionDropout.forward(a.output(), training, rng);
            Forward n1 = norm1.forward(Signal.sequence(sum(x, ad.output().values()), mask), training, rng);
            Forward[] ff = feedForward(n1.output(), training, rng);
            Forward n2 = norm2.forward(Signal.sequence(sum(n1.output().values(), ff[2].output().values()), mask),
                    training, rng);
            return new Forward(n2.output(), new Cache(a, ad, n1, ff[0], ff[1], ff[2], n2, mask));
        }
        Forward n1 = norm1.forward(in, training, rng);
        Forward a = attention.forward(n1.output(), training, rng);
        Forward ad = attentionDropout.forward(a.output(), training, rng);
        Signal h = Signal.sequence(sum(x, ad.output().values()), mask);
        PaddedRows.zero(h.values(), mask, input.features());
        Forward n2 = norm2.forward(h, training, rng);
        Forward[] ff = feedForward(n2.output(), training, rng);
        Tensor y = sum(h.values(), ff[2].output().values());
        return new Forward(Signal.sequence(y, mask), new Cache(a, ad, n1, ff[0], ff[1], ff[2], n2, mask));
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int f = input.features();
        if (options.norm() == TransformerEncoderOptions.Norm.POST) {
            Tensor ds2 = norm2.backward(c.norm2(), dOutput, grads);
            Tensor dh = sum(ds2, feedForwardBackward(c, ds2, grads));
            Tensor ds1 = norm1.backward(c.norm1(), dh, grads);
            Tensor da = attentionDropout.backward(c.attentionDropout(), ds1, grads);
            return sum(ds1, attention.backward(c.attention(), da, grads));
        }
        Tensor dy = dOutput.copy();
        PaddedRows.zero(dy, c.mask(), f);
        Tensor dh = sum(dy, norm2.backward(c.norm2(), feedForwardBackward(c, dy, grads), grads));
        Tensor da = attentionDropout.backward(c.attentionDropout(), dh, grads);
        Tensor dn1 = attention.backward(c.attention(), da, grads);
        return sum(dh, norm1.backward(c.norm1(), dn1, grads));
    }
}
