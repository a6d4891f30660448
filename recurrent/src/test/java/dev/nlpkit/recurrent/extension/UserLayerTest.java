package dev.nlpkit.recurrent.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nlpkit.recurrent.check.GradientCheck;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.LayerRegistry;
import dev.nlpkit.recurrent.layers.LayerSpec;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.model.Dataset;
import dev.nlpkit.recurrent.model.FitOptions;
import dev.nlpkit.recurrent.model.History;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.ModelFormatException;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.model.Targets;
import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked user layer of the README trains, saves, loads, passes the published gradient check. */
class UserLayerTest {

    @BeforeAll
    static void register() {
        GlobalMaxPool.register();
    }

    /** Token rows of length 3..8 over ids 1..9; the label says whether id 3 occurs. */
    static Dataset containsThree(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] ids = new int[n][];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[3 + rng.nextInt(6)];
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = 1 + rng.nextInt(9);
                labels[i] = ids[i][t] == 3 ? 1 : labels[i];
            }
        }
        return Dataset.of(Inputs.tokens(ids), Targets.binary(labels));
    }

    static Sequential model(LayerSpec pool) {
        return Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(10, 8))
                .add(RecurrentOptions.gru(8).withReturnSequences(true))
                .add(pool)
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(42L);
    }

    @Test
    void theWorkedLayerTrainsInsideFitSavesLoadsAndPredictsIdentically(@TempDir Path dir) throws Exception {
        Sequential model = model(new GlobalMaxPool.Options());
        Dataset data = containsThree(200, 1L);
        History h = model.fit(data, null, FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01))
                .withEpochs(8).withBatchSize(16).withSeed(3L), TrainingListener.none());
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss() * 0.8);
        assertThat(h.last().accuracy()).isGreaterThan(0.8);
        Path file = dir.resolve("pool.nlpk");
        model.save(file, true);
        Sequential loaded = Sequential.load(file);
        assertThat(loaded.summary()).contains("GlobalMaxPool").isEqualTo(model.summary());
        Inputs probe = containsThree(30, 9L).inputs();
        assertThat(loaded.predict(probe, 8)).isDeepEqualTo(model.predict(probe, 8));
    }

    @Test
    void anUnregisteredTypeOnLoadNamesTheTypeAndHowToRegister(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pool.nlpk");
        model(new GlobalMaxPool.Options()).save(file, false);
        LayerRegistry.unregister(GlobalMaxPool.TYPE);
        try {
            assertThatThrownBy(() -> Sequential.load(file))
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("unknown user layer type 'my.GlobalMaxPool'")
                    .hasMessageContaining("LayerRegistry.register(\"my.GlobalMaxPool\"");
        } finally {
            GlobalMaxPool.register();
        }
    }

    @Test
    void thePublishedGradientCheckPassesOnTheWorkedLayer() {
        GradientCheck.Report report = GradientCheck.of(new GlobalMaxPool.Options(), Shape.sequence(4)).run();
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.errors()).containsKey("input[3, 5, 4]");
    }

    @Test
    void thePublishedGradientCheckFailsOnADeliberatelyWrongBackward() {
        GradientCheck.Report report = GradientCheck.of(new HalvedBackward(), Shape.sequence(4)).run();
        assertThat(report.passed()).isFalse();
        assertThat(report.worstError()).isGreaterThan(0.1);
        assertThatThrownBy(report::requirePassed).isInstanceOf(GradientCheck.Failure.class)
                .hasMessageContaining("FAILED").hasMessageContaining("input[3, 5, 4]");
    }

    @Test
    void aUserLayerReturningAWrongShapeIsNamedWithTheShape() {
        Sequential model = model(new WrongShape());
        assertThatThrownBy(() -> model.predict(containsThree(4, 2L).inputs(), 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user layer test.WrongShape")
                .hasMessageContaining("[4, 7]")
                .hasMessageContaining("[batch, 8]");
    }

    @Test
    void aUserLayerReturningANonFiniteGradientIsNamedWithTheShape() {
        Sequential model = model(new NanBackward());
        assertThatThrownBy(() -> model.fit(containsThree(8, 2L), null,
                FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01)).withEpochs(1),
                TrainingListener.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user layer test.NanBackward")
                .hasMessageContaining("non-finite input gradient [8, 8, 8]");
    }

    /** The worked layer with its gradient halved: the check must catch it. */
    record HalvedBackward() implements LayerSpec {
        @Override
        public String type() {
            return "test.HalvedBackward";
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }

        @Override
        public Layer build(Shape input, Precision precision, long seed) {
            return new GlobalMaxPool(new GlobalMaxPool.Options(), input) {
                @Override
                public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
                    Tensor dx = super.backward(forward, dOutput, grads);
                    for (int i = 0; i < dx.size(); i++) {
                        dx.set(i, dx.get(i) * 0.5);
                    }
                    return dx;
                }
            };
        }
    }

    /** Declares [batch, F] but returns [batch, F - 1]. */
    record WrongShape() implements LayerSpec {
        @Override
        public String type() {
            return "test.WrongShape";
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }

        @Override
        public Layer build(Shape input, Precision precision, long seed) {
            return new GlobalMaxPool(new GlobalMaxPool.Options(), input) {
                @Override
                public Forward forward(dev.nlpkit.recurrent.layers.Signal in, boolean training,
                                       SplittableRandom rng) {
                    Tensor y = in.values().zerosLike(in.batch(), in.features() - 1);
                    return new Forward(dev.nlpkit.recurrent.layers.Signal.vector(y), null);
                }

                @Override
                public dev.nlpkit.recurrent.layers.LayerOptions options() {
                    return WrongShape.this;
                }
            };
        }
    }

    /** Returns NaN input gradients. */
    record NanBackward() implements LayerSpec {
        @Override
        public String type() {
            return "test.NanBackward";
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }

        @Override
        public Layer build(Shape input, Precision precision, long seed) {
            return new GlobalMaxPool(new GlobalMaxPool.Options(), input) {
                @Override
                public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
                    Tensor dx = super.backward(forward, dOutput, grads);
                    dx.set(0, Double.NaN);
                    return dx;
                }

                @Override
                public dev.nlpkit.recurrent.layers.LayerOptions options() {
                    return NanBackward.this;
                }
            };
        }
    }
}
