package dev.nlpkit.recurrent.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
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
import dev.nlpkit.recurrent.optim.LearningRate;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.optim.OptimizerRegistry;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked user optimizer (Lion) and loss (Huber) train inside {@code Sequential.fit}, save and load. */
class UserOptimizerAndLossTest {

    @BeforeAll
    static void register() {
        Lion.register();
    }

    /** y = 2 x0 - x1 + 0.5 with a few outliers (y + 20), Huber's use case. */
    static Dataset linear(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][2];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) rng.nextDouble(-1, 1);
            x[i][1] = (float) rng.nextDouble(-1, 1);
            y[i][0] = 2 * x[i][0] - x[i][1] + 0.5f + (i % 25 == 0 ? 20 : 0);
        }
        return Dataset.of(Inputs.vectors(x), Targets.values(y));
    }

    static Sequential regression() {
        return Sequential.builder(Shape.vector(2)).add(DenseOptions.of(1, Activation.LINEAR)).build(7L);
    }

    @Test
    void lionWithAHuberLossTrainsSavesAndLoadsWithItsState(@TempDir Path dir) throws Exception {
        Sequential model = regression();
        FitOptions fit = FitOptions.of(new Huber(1.0), new Lion(LearningRate.constant(0.01), 0.9, 0.99, 0))
                .withEpochs(40).withBatchSize(20).withSeed(1L);
        History h = model.fit(linear(200, 3L), null, fit, TrainingListener.none());
        assertThat(h.last().loss()).isLessThan(h.epochs().get(0).loss());
        assertThat(h.last().accuracy()).isNaN();
        float[] w = model.parameters().get(0).value().toFloatArray();
        assertThat(w[0]).isCloseTo(2f, org.assertj.core.data.Offset.offset(0.2f));
        assertThat(w[1]).isCloseTo(-1f, org.assertj.core.data.Offset.offset(0.2f));

        Path file = dir.resolve("lion.nlpk");
        model.save(file, true);
        Sequential loaded = Sequential.load(file);
        Inputs probe = linear(10, 5L).inputs();
        assertThat(loaded.predict(probe, 4)).isDeepEqualTo(model.predict(probe, 4));
        assertThat(loaded.optimizer().options()).isEqualTo(fit.optimizer());
        assertThat(loaded.optimizer().steps()).isEqualTo(model.optimizer().steps());
        assertThat(loaded.optimizer().slots().get(0).toFloatArray())
                .containsExactly(model.optimizer().slots().get(0).toFloatArray());

        // one more epoch from the loaded state equals one more epoch of the original
        FitOptions more = fit.withEpochs(1).withSeed(2L);
        model.fit(linear(200, 3L), null, more, TrainingListener.none());
        loaded.fit(linear(200, 3L), null, more, TrainingListener.none());
        assertThat(loaded.predict(probe, 4)).isDeepEqualTo(model.predict(probe, 4));
    }

    @Test
    void anUnregisteredOptimizerTypeOnLoadNamesTheTypeAndHowToRegister(@TempDir Path dir) throws Exception {
        Sequential model = regression();
        model.fit(linear(20, 3L), null, FitOptions.of(Loss.MEAN_SQUARED_ERROR,
                new Lion(LearningRate.constant(0.01), 0.9, 0.99, 0)).withEpochs(1), TrainingListener.none());
        Path file = dir.resolve("lion.nlpk");
        model.save(file, true);
        OptimizerRegistry.unregister(Lion.TYPE);
        try {
            assertThatThrownBy(() -> Sequential.load(file)).isInstanceOf(ModelFormatException.class)
                    .hasMessageContaining("unknown user optimizer type 'my.Lion'")
                    .hasMessageContaining("OptimizerRegistry.register(\"my.Lion\"");
        } finally {
            Lion.register();
        }
    }

    @Test
    void builtInFactoriesStillGiveTheBuiltIns() {
        assertThat(OptimizerOptions.adam(1e-3)).isInstanceOf(OptimizerOptions.Adam.class);
        assertThat(FitOptions.of(Loss.MEAN_SQUARED_ERROR, OptimizerOptions.sgd(0.1)).loss())
                .isSameAs(Loss.MEAN_SQUARED_ERROR);
    }
}
