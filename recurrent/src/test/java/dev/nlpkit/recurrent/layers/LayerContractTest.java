package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer contract, run for every layer and configuration: output shape as documented, parameter count by
 * the documented formula, save/load round trip, float32 agreeing with float64, and finite-difference gradient
 * checks in double precision (relative error below 1e-4) for every parameter and for the input, with padding
 * masks (lengths 5, 3, 2 in a batch of 3) and with dropout (its masks are fixed by the generator seed); and the
 * float32 path (vectorized kernels) giving the float64 gradients within float rounding.
 */
class LayerContractTest {

    static final int BATCH = 3;
    static final int TIME = 5;
    static final int[] LENGTHS = {5, 3, 2};
    static final int F = 4;
    static final int H = 3;
    static final int VOCAB = 7;

    /**
     * One configuration.
     *
     * @param name     display name
     * @param options  the layer
     * @param input    its input shape
     * @param params   documented parameter count
     * @param output   documented output shape
     * @param shortening steps a variable-length output loses against the input (Conv1D, valid padding)
     */
    record Case(String name, LayerOptions options, Shape input, long params, Shape output, int shortening) {
        Case(String name, LayerOptions options, Shape input, long params, Shape output) {
            this(name, options, input, params, output, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static long rnn(int gates, int f, int h) {
        return (long) gates * h * (f + h + 1);
    }

    static Stream<Case> cases() {
        Shape seq = Shape.sequence(F);
        Shape vec = Shape.vector(F);
        RecurrentOptions lstm = RecurrentOptions.lstm(H);
        RecurrentOptions gru = RecurrentOptions.gru(H);
        RecurrentOptions rnn = RecurrentOptions.simpleRnn(H);
        Stream.Builder<Case> b = Stream.builder();
        for (Activation a : Activation.values()) {
            b.add(new Case("Dense " + a + " on vectors", DenseOptions.of(H, a), vec, F * H + H, Shape.vector(H)));
        }
        b.add(new Case("Dense tanh on sequences", DenseOptions.of(H, Activation.TANH), seq, F * H + H,
                Shape.sequence(H)));
        b.add(new Case("Dense without bias", DenseOptions.of(H, Activation.LINEAR).withUseBias(false), vec, F * H,
                Shape.vector(H)));
        b.add(new Case("Dropout 0.3 on sequences", DropoutOptions.of(0.3), seq, 0, seq));
        b.add(new Case("Embedding maskZero", EmbeddingOptions.random(VOCAB, F), Shape.tokens(), VOCAB * F, seq));
        b.add(new Case("TimeDistributed(Dense softmax)", TimeDistributedOptions.of(DenseOptions.of(H,
                Activation.SOFTMAX)), seq, F * H + H, Shape.sequence(H)));
        b.add(new Case("RepeatVector 4", RepeatVectorOptions.of(4), vec, 0, Shape.sequence(4, F)));
        for (RecurrentOptions r : List.of(rnn, lstm, gru)) {
            String n = r.cell().toString();
            b.add(new Case(n + " last step", r, seq, rnn(r.gateCount(), F, H), Shape.vector(H)));
            b.add(new Case(n + " sequences", r.withReturnSequences(true), seq, rnn(r.gateCount(), F, H),
                    Shape.sequence(H)));
            b.add(new Case(n + " dropout 0.3 + recurrent dropout 0.4 (fixed masks)",
                    r.withReturnSequences(true).withDropout(0.3).withRecurrentDropout(0.4), seq,
                    rnn(r.gateCount(), F, H), Shape.sequence(H)));
            b.add(new Case(n + " goBackwards", r.withGoBackwards(true), seq, rnn(r.gateCount(), F, H),
                    Shape.vector(H)));
        }
        for (BidirectionalOptions.Merge m : BidirectionalOptions.Merge.values()) {
            int width = m == BidirectionalOptions.Merge.CONCAT ? 2 * H : H;
            b.add(new Case("Bidirectional LSTM " + m + " sequences",
                    new BidirectionalOptions(lstm.withReturnSequences(true), m), seq, 2 * rnn(4, F, H),
                    Shape.sequence(width)));
        }
        b.add(new Case("Bidirectional GRU CONCAT last", BidirectionalOptions.of(gru), seq, 2 * rnn(3, F, H),
                Shape.vector(2 * H)));
        Conv1DOptions conv = Conv1DOptions.of(H, 3).withActivation(Activation.TANH);
        b.add(new Case("Conv1D valid k3 tanh", conv, seq, 3 * F * H + H, Shape.sequence(H), 2));
        b.add(new Case("Conv1D same k3 dilation 2 tanh", conv.withPadding(Conv1DOptions.Padding.SAME).withDilation(2),
                seq, 3 * F * H + H, Shape.sequence(H)));
        b.add(new Case("Conv1D same k2 linear", Conv1DOptions.of(H, 2).withPadding(Conv1DOptions.Padding.SAME), seq,
                2 * F * H + H, Shape.sequence(H)));
        b.add(new Case("Conv1D valid k2 sigmoid without bias", Conv1DOptions.of(H, 2).withActivation(Activation.SIGMOID)
                .withUseBias(false), seq, 2 * F * H, Shape.sequence(H), 1));
        b.add(new Case("GlobalMaxPooling1D", GlobalPoolingOptions.max(), seq, 0, vec));
        b.add(new Case("GlobalAveragePooling1D", GlobalPoolingOptions.average(), seq, 0, vec));
        b.add(new Case("LayerNormalization on vectors", LayerNormalizationOptions.defaults(), vec, 2 * F, vec));
        b.add(new Case("LayerNormalization on sequences eps 1e-5", LayerNormalizationOptions.defaults()
                .withEpsilon(1e-5), seq, 2 * F, seq));
        b.add(new Case("MultiHeadSelfAttention 2 heads", MultiHeadSelfAttentionOptions.of(2), seq,
                4 * F * F + 3 * F + F, seq));
        b.add(new Case("MultiHeadSelfAttention 3 heads of 2 causal", MultiHeadSelfAttentionOptions.of(3).withKeyDim(2)
                .withCausal(true), seq, 4 * F * 6 + 3 * 6 + F, seq));
        b.add(new Case("MultiHeadSelfAttention 1 head without bias", MultiHeadSelfAttentionOptions.of(1)
                .withUseBias(false), seq, 4 * F * F, seq));
        b.add(new Case("PositionEmbedding learned 6", PositionEmbeddingOptions.learned(6), seq, 6 * F, seq));
        b.add(new Case("PositionEmbedding sinusoidal", PositionEmbeddingOptions.sinusoidal(), seq, 0, seq));
        b.add(new Case("AttentionPooling", AttentionPoolingOptions.defaults(), seq, F * F + 2 * F, vec));
        b.add(new Case("AttentionPooling 3 units", AttentionPoolingOptions.defaults().withUnits(H), seq,
                F * H + 2 * H, vec));
        // 4 F D + 3 D + F (attention, D = F here) + 2 F I + I + F (feed-forward) + 4 F (two normalizations)
        long encoder = 4 * F * F + 3 * F + F + 2 * F * 6 + 6 + F + 4 * F;
        b.add(new Case("TransformerEncoder post-norm 2 heads dropout 0.2", TransformerEncoderOptions.of(2, 6)
                .withDropout(0.2), seq, encoder, seq));
        b.add(new Case("TransformerEncoder pre-norm 1 head no dropout", TransformerEncoderOptions.of(1, 6)
                .withDropout(0).withNorm(TransformerEncoderOptions.Norm.PRE), seq, encoder, seq));
        b.add(new Case("TransformerEncoder post-norm 3 heads of 2 without attention bias", TransformerEncoderOptions
                .of(3, 6).withAttention(MultiHeadSelfAttentionOptions.of(3).withKeyDim(2).withUseBias(false)), seq,
                4 * F * 6 + 2 * F * 6 + 6 + F + 4 * F, seq));
        return b.build();
    }

    static Signal input(Shape shape, Precision p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (shape.kind()) {
            case TOKENS -> {
                int[] ids = new int[BATCH * TIME];
                for (int i = 0; i < BATCH; i++) {
                    for (int t = 0; t < LENGTHS[i]; t++) {
                        ids[i * TIME + t] = 1 + rng.nextInt(VOCAB - 1);
                    }
                }
                yield Signal.tokens(ids, BATCH, TIME, null);
            }
            case SEQUENCE -> {
                Tensor x = Tensor.zeros(p, BATCH, TIME, shape.features());
                for (int i = 0; i < x.size(); i++) {
                    x.set(i, rng.nextDouble() * 2 - 1);
                }
                yield Signal.sequence(x, Signal.maskFromLengths(LENGTHS, TIME));
            }
            case VECTOR -> {
                Tensor x = Tensor.zeros(p, BATCH, shape.features());
                for (int i = 0; i < x.size(); i++) {
                    x.set(i, rng.nextDouble() * 2 - 1);
                }
                yield Signal.vector(x);
            }
        };
    }

    static double objective(Layer layer, Signal in, Tensor weights) {
        Tensor y = layer.forward(in, true, new SplittableRandom(99)).output().values();
        double sum = 0;
        for (int i = 0; i < y.size(); i++) {
            sum += y.get(i) * weights.get(i);
        }
        return sum;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputShapeIsTheDocumentedOne(Case c) {
        Layer layer = c.options().build(c.input(), Precision.FLOAT32, 1L);
        assertThat(layer.outputShape()).isEqualTo(c.output());
        Signal out = layer.forward(input(c.input(), Precision.FLOAT32, 2L), false, null).output();
        int time = c.output().time() > 0 ? c.output().time() : TIME - c.shortening();
        int[] expected = c.output().kind() == Shape.Kind.VECTOR ? new int[] {BATCH, c.output().features()}
                : new int[] {BATCH, time, c.output().features()};
        assertThat(out.values().shape()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parameterCountFollowsTheDocumentedFormula(Case c) {
        Layer layer = c.options().build(c.input(), Precision.FLOAT32, 1L);
        assertThat(layer.parameterCount()).isEqualTo(c.params());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferencesInDouble(Case c) {
        Layer layer = c.options().build(c.input(), Precision.FLOAT64, 3L);
        Signal in = input(c.input(), Precision.FLOAT64, 4L);
        Layer.Forward f = layer.forward(in, true, new SplittableRandom(99));
        Tensor r = f.output().values().zerosLike(f.output().values().shape());
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < r.size(); i++) {
            r.set(i, rng.nextDouble() * 2 - 1);
        }
        Gradients grads = new Gradients();
        Tensor dx = layer.backward(f, r, grads);
        for (Parameter p : layer.parameters()) {
            double err = GradientCheck.check(p.value(), grads.of(p), () -> objective(layer, in, r), 40, 6L);
            assertThat(err).as("relative error of %s", p.name()).isLessThan(1e-4);
        }
        if (in.values() != null) {
            double err = GradientCheck.check(in.values(), dx, () -> objective(layer, in, r), 40, 7L);
            assertThat(err).as("relative error of the input gradient").isLessThan(1e-4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32AgreesWithFloat64(Case c) {
        Layer single = c.options().build(c.input(), Precision.FLOAT32, 8L);
        Layer twin = c.options().build(c.input(), Precision.FLOAT64, 8L);
        Tensor a = single.forward(input(c.input(), Precision.FLOAT32, 9L), true, new SplittableRandom(1))
                .output().values();
        Tensor b = twin.forward(input(c.input(), Precision.FLOAT64, 9L), true, new SplittableRandom(1))
                .output().values();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).isCloseTo(b.get(i), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32GradientsAgreeWithFloat64(Case c) {
        Layer single = c.options().build(c.input(), Precision.FLOAT32, 12L);
        Layer twin = c.options().build(c.input(), Precision.FLOAT64, 12L);
        Signal inF = input(c.input(), Precision.FLOAT32, 13L);
        Signal inD = input(c.input(), Precision.FLOAT64, 13L);
        Layer.Forward fF = single.forward(inF, true, new SplittableRandom(2));
        Layer.Forward fD = twin.forward(inD, true, new SplittableRandom(2));
        Tensor rF = fF.output().values().zerosLike(fF.output().values().shape());
        Tensor rD = fD.output().values().zerosLike(fD.output().values().shape());
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < rF.size(); i++) {
            double v = rng.nextDouble() * 2 - 1;
            rF.set(i, v);
            rD.set(i, v);
        }
        Gradients gF = new Gradients();
        Gradients gD = new Gradients();
        Tensor dxF = single.backward(fF, rF, gF);
        Tensor dxD = twin.backward(fD, rD, gD);
        for (int p = 0; p < single.parameters().size(); p++) {
            Tensor a = gF.of(single.parameters().get(p));
            Tensor b = gD.of(twin.parameters().get(p));
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i)).as("gradient %s[%d]", single.parameters().get(p).name(), i)
                        .isCloseTo(b.get(i), org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(b.get(i)))));
            }
        }
        if (dxF != null) {
            for (int i = 0; i < dxF.size(); i++) {
                assertThat(dxF.get(i)).isCloseTo(dxD.get(i), org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesSaveAndLoad(Case c, @TempDir Path dir) throws IOException {
        Sequential model = Sequential.builder(c.input()).add(c.options()).build(10L);
        Path file = dir.resolve("layer.nlpk");
        model.save(file, false);
        Sequential loaded = Sequential.load(file);
        assertThat(loaded.summary()).isEqualTo(model.summary());
        Signal in = input(c.input(), Precision.FLOAT32, 11L);
        Tensor a = model.forward(in, false, null).output().values();
        Tensor b = loaded.forward(in, false, null).output().values();
        assertThat(b.toFloatArray()).containsExactly(a.toFloatArray());
    }
}
