package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forward values against PyTorch 1.13 with the same weights and a padded batch (lengths 4 and 2): LSTM and
 * Elman RNN against {@code nn.LSTM}/{@code nn.RNN} over packed sequences, the classic GRU against the formula
 * evaluated with torch ops, and the losses against {@code binary_cross_entropy_with_logits} and
 * {@code cross_entropy}. Values made by {@code golden/make_golden.py} (see its docstring).
 */
class TorchReferenceTest {

    private static final int F = 3;
    private static final int H = 4;
    private static final int B = 2;
    private static final int T = 4;

    static Map<String, double[]> golden() throws IOException {
        Map<String, double[]> out = new HashMap<>();
        try (InputStream in = TorchReferenceTest.class.getResourceAsStream(
                "/dev/nlpkit/recurrent/golden/torch_reference.txt")) {
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

    private static void load(Tensor t, double[] v) {
        assertThat(t.size()).isEqualTo(v.length);
        for (int i = 0; i < v.length; i++) {
            t.set(i, v[i]);
        }
    }

    private static void checkAgainstTorch(String name, RecurrentOptions options) throws IOException {
        Map<String, double[]> g = golden();
        RecurrentLayer seqLayer = options.withReturnSequences(true).build(Shape.sequence(F), Precision.FLOAT32, 1L);
        RecurrentLayer lastLayer = options.build(Shape.sequence(F), Precision.FLOAT32, 1L);
        for (RecurrentLayer l : new RecurrentLayer[] {seqLayer, lastLayer}) {
            load(l.kernel.value(), g.get(name + ".kernel"));
            load(l.recurrentKernel.value(), g.get(name + ".recurrent_kernel"));
            load(l.bias.value(), g.get(name + ".bias"));
        }
        Tensor x = Tensor.zeros(Precision.FLOAT32, B, T, F);
        load(x, g.get("input"));
        Signal in = Signal.sequence(x, Signal.maskFromLengths(new int[] {4, 2}, T));
        Tensor seq = seqLayer.forward(in, false, null).output().values();
        Tensor last = lastLayer.forward(in, false, null).output().values();
        double[] expectedSeq = g.get(name + ".sequence");
        double[] expectedLast = g.get(name + ".last");
        for (int i = 0; i < expectedSeq.length; i++) {
            assertThat(seq.get(i)).as("%s sequence[%d]", name, i).isCloseTo(expectedSeq[i], within(1e-5));
        }
        for (int i = 0; i < expectedLast.length; i++) {
            assertThat(last.get(i)).as("%s last[%d]", name, i).isCloseTo(expectedLast[i], within(1e-5));
        }
    }

    @Test
    void lstmMatchesPytorchOnAPaddedBatch() throws IOException {
        checkAgainstTorch("lstm", RecurrentOptions.lstm(H));
    }

    @Test
    void simpleRnnMatchesPytorchOnAPaddedBatch() throws IOException {
        checkAgainstTorch("rnn", RecurrentOptions.simpleRnn(H));
    }

    @Test
    void classicGruMatchesTheReferenceFormula() throws IOException {
        checkAgainstTorch("gru", RecurrentOptions.gru(H));
    }

    @Test
    void binaryCrossEntropyFromLogitsMatchesPytorchIncludingSaturatedLogits() throws IOException {
        Map<String, double[]> g = golden();
        Tensor z = Tensor.zeros(Precision.FLOAT64, 5, 1);
        Tensor y = Tensor.zeros(Precision.FLOAT64, 5, 1);
        load(z, g.get("bce.logits"));
        load(y, g.get("bce.targets"));
        Loss.Evaluation e = Loss.BINARY_CROSSENTROPY_FROM_LOGITS.evaluate(z, null, y, null, false);
        assertThat(e.loss()).isCloseTo(g.get("bce.loss")[0], within(1e-6));
    }

    @Test
    void softmaxCrossEntropyMatchesPytorchIncludingExtremeLogits() throws IOException {
        Map<String, double[]> g = golden();
        Tensor z = Tensor.zeros(Precision.FLOAT64, 3, 3);
        Tensor y = Tensor.zeros(Precision.FLOAT64, 3);
        load(z, g.get("ce.logits"));
        load(y, g.get("ce.labels"));
        Loss.Evaluation e = Loss.SPARSE_CATEGORICAL_CROSSENTROPY_FROM_LOGITS.evaluate(z, null, y, null, false);
        assertThat(e.loss()).isCloseTo(g.get("ce.loss")[0], within(1e-6));
    }
}
