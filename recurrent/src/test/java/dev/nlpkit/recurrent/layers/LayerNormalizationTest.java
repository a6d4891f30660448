package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LayerNormalization: the normalization, a learned gain and bias, masks, and its errors. */
class LayerNormalizationTest {

    @Test
    void normalizesEachRowOverItsFeatures() {
        Layer layer = LayerNormalizationOptions.defaults().build(Shape.vector(4), Precision.FLOAT64, 1L);
        Tensor x = Tensor.zeros(Precision.FLOAT64, 1, 4);
        for (int i = 0; i < 4; i++) {
            x.set(i, i + 1);
        }
        Tensor y = layer.forward(Signal.vector(x), false, null).output().values();
        // by hand: mean 2.5, biased variance 1.25, so y = (x - 2.5) / sqrt(1.25 + 0.001)
        double s = Math.sqrt(1.251);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s},
                within(1e-12));
    }

    @Test
    void gradientsOfARandomGainAndBiasMatchFiniteDifferences() {
        LayerNormalization layer = (LayerNormalization) LayerNormalizationOptions.defaults()
                .build(Shape.sequence(5), Precision.FLOAT64, 1L);
        SplittableRandom rng = new SplittableRandom(2);
        for (Parameter p : layer.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.value().set(i, rng.nextDouble() * 2 - 1);
            }
        }
        Tensor x = Tensor.zeros(Precision.FLOAT64, 3, 4, 5);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() * 4 - 2);
        }
        Signal in = Signal.sequence(x, Signal.maskFromLengths(new int[] {4, 1, 0}, 4));
        Layer.Forward f = layer.forward(in, true, null);
        Tensor w = f.output().values().zerosLike(f.output().values().shape());
        for (int i = 0; i < w.size(); i++) {
            w.set(i, rng.nextDouble() * 2 - 1);
        }
        Gradients grads = new Gradients();
        Tensor dx = layer.backward(f, w, grads);
        java.util.function.DoubleSupplier objective = () -> {
            Tensor y = layer.forward(in, true, null).output().values();
            double sum = 0;
            for (int i = 0; i < y.size(); i++) {
                sum += y.get(i) * w.get(i);
            }
            return sum;
        };
        for (Parameter p : layer.parameters()) {
            assertThat(GradientCheck.check(p.value(), grads.of(p), objective, 40, 3L)).as(p.name()).isLessThan(1e-6);
        }
        assertThat(GradientCheck.check(x, dx, objective, 60, 4L)).isLessThan(1e-6);
    }

    @Test
    void paddedStepsGiveZerosAndTheMaskPassesThrough() {
        Layer layer = LayerNormalizationOptions.defaults().build(Shape.sequence(3), Precision.FLOAT32, 1L);
        Tensor x = Tensor.wrap(new float[] {1, 2, 4, 9, 9, 1}, 1, 2, 3);
        boolean[] mask = {true, false};
        Signal out = layer.forward(Signal.sequence(x, mask), false, null).output();
        assertThat(out.mask()).containsExactly(mask);
        assertThat(out.values().toFloatArray()).endsWith(0f, 0f, 0f);
        Signal alone = layer.forward(Signal.sequence(Tensor.wrap(new float[] {1, 2, 4}, 1, 1, 3), null), false, null)
                .output();
        assertThat(out.values().toFloatArray()).startsWith(alone.values().toFloatArray());
    }

    @Test
    void aConstantRowGivesTheBiasNotNaN() {
        Layer layer = LayerNormalizationOptions.defaults().build(Shape.vector(3), Precision.FLOAT32, 1L);
        Tensor y = layer.forward(Signal.vector(Tensor.wrap(new float[] {5, 5, 5}, 1, 3)), false, null).output()
                .values();
        assertThat(y.toFloatArray()).containsExactly(0, 0, 0);
    }

    @Test
    void trainedGainAndBiasSurviveSaveAndLoad(@TempDir Path dir) throws Exception {
        Sequential model = Sequential.builder(Shape.vector(3)).add(LayerNormalizationOptions.defaults().withEpsilon(1e-5))
                .build(1L);
        SplittableRandom rng = new SplittableRandom(5);
        for (Parameter p : model.layers().get(0).parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.value().set(i, rng.nextDouble());
            }
            p.markChanged();
        }
        Path file = dir.resolve("ln.nlpk");
        model.save(file, false);
        Sequential loaded = Sequential.load(file);
        float[][] x = {{1, -2, 0.5f}, {3, 3, 4}};
        float[][] a = model.predict(dev.nlpkit.recurrent.model.Inputs.vectors(x), 2);
        float[][] b = loaded.predict(dev.nlpkit.recurrent.model.Inputs.vectors(x), 2);
        assertThat(b).isDeepEqualTo(a);
        assertThat(((LayerNormalizationOptions) loaded.layers().get(0).options()).epsilon()).isEqualTo(1e-5);
    }

    @Test
    void refusesTokenInputAndABadEpsilonNamingThem() {
        assertThatThrownBy(() -> LayerNormalizationOptions.defaults().build(Shape.tokens(), Precision.FLOAT32, 1L))
                .hasMessageContaining("LayerNormalization").hasMessageContaining("token ids");
        assertThatThrownBy(() -> new LayerNormalizationOptions(0)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new LayerNormalizationOptions(Double.NaN)).hasMessageContaining("epsilon");
    }
}
