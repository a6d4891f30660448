package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conv1D, LayerNormalization and MultiHeadSelfAttention against PyTorch 1.13's {@code nn.Conv1d},
 * {@code nn.LayerNorm} and {@code nn.MultiheadAttention} with the same weights, in float32 (the shipped path).
 * Values made by {@code golden/make_attention_golden.py} (see its docstring for the weight layouts).
 */
class TorchAttentionReferenceTest {

    private static Map<String, double[]> golden() throws IOException {
        Map<String, double[]> out = new HashMap<>();
        try (InputStream in = TorchAttentionReferenceTest.class.getResourceAsStream(
                "/dev/nlpkit/recurrent/golden/torch_attention_reference.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] parts = line.trim().split(" ");
                double[] v = new double[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    v[i - 1] = Double.parseDouble(parts[i]);
                }
                out.put(parts[0], v);
            }
        }
        return out;
    }

    private static Tensor tensor(double[] v, int... shape) {
        Tensor t = Tensor.zeros(Precision.FLOAT32, shape);
        assertThat(t.size()).isEqualTo(v.length);
        for (int i = 0; i < v.length; i++) {
            t.set(i, v[i]);
        }
        return t;
    }

    private static void load(Layer layer, Map<String, double[]> g, String prefix) {
        for (Parameter p : layer.parameters()) {
            double[] v = g.get(prefix + "." + p.name());
            assertThat(v).as(prefix + "." + p.name()).isNotNull().hasSize(p.size());
            for (int i = 0; i < v.length; i++) {
                p.value().set(i, v[i]);
            }
        }
    }

    private static void assertClose(Tensor actual, double[] expected, double tolerance) {
        assertThat(actual.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i)).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }

    @Test
    void conv1dSameWithDilationMatchesTorch() throws IOException {
        Map<String, double[]> g = golden();
        Layer layer = Conv1DOptions.of(4, 3).withDilation(2).withPadding(Conv1DOptions.Padding.SAME)
                .build(Shape.sequence(3), Precision.FLOAT32, 1L);
        load(layer, g, "conv.same");
        Tensor y = layer.forward(Signal.sequence(tensor(g.get("conv.input"), 2, 7, 3), null), false, null).output()
                .values();
        assertClose(y, g.get("conv.same.output"), 1e-5);
    }

    @Test
    void conv1dValidMatchesTorch() throws IOException {
        Map<String, double[]> g = golden();
        Layer layer = Conv1DOptions.of(4, 2).build(Shape.sequence(3), Precision.FLOAT32, 1L);
        load(layer, g, "conv.valid");
        Tensor y = layer.forward(Signal.sequence(tensor(g.get("conv.input"), 2, 7, 3), null), false, null).output()
                .values();
        assertClose(y, g.get("conv.valid.output"), 1e-5);
    }

    @Test
    void layerNormalizationMatchesTorch() throws IOException {
        Map<String, double[]> g = golden();
        Layer layer = LayerNormalizationOptions.defaults().build(Shape.sequence(5), Precision.FLOAT32, 1L);
        load(layer, g, "ln");
        Tensor y = layer.forward(Signal.sequence(tensor(g.get("ln.input"), 2, 3, 5), null), false, null).output()
                .values();
        assertClose(y, g.get("ln.output"), 1e-5);
    }

    private static void checkAttention(String prefix, boolean causal) throws IOException {
        Map<String, double[]> g = golden();
        Layer layer = MultiHeadSelfAttentionOptions.of(2).withCausal(causal).build(Shape.sequence(8),
                Precision.FLOAT32, 1L);
        load(layer, g, prefix);
        Signal in = Signal.sequence(tensor(g.get("mha.input"), 2, 5, 8), Signal.maskFromLengths(new int[] {5, 3}, 5));
        Layer.Forward f = layer.forward(in, true, null);
        assertClose(f.output().values(), g.get(prefix + ".output"), 1e-5);
        Tensor dx = layer.backward(f, tensor(g.get("mha.r"), 2, 5, 8), new Gradients());
        assertClose(dx, g.get(prefix + ".dx"), 1e-5);
    }

    @Test
    void multiHeadSelfAttentionWithPaddingMatchesTorchOutputsAndInputGradient() throws IOException {
        checkAttention("mha", false);
    }

    @Test
    void causalMultiHeadSelfAttentionWithPaddingMatchesTorchOutputsAndInputGradient() throws IOException {
        checkAttention("mha.causal", true);
    }
}
