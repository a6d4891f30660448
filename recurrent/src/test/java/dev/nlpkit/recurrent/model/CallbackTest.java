package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training loop's callbacks: stopping with the history kept, monitors in both directions, initialEpoch. */
class CallbackTest {

    static Sequential model() {
        return Sequential.builder(Shape.sequence(1)).add(RecurrentOptions.gru(4))
                .add(DenseOptions.of(1, Activation.SIGMOID)).build(5L);
    }

    static FitOptions fit(int epochs) {
        return FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.02)).withEpochs(epochs)
                .withBatchSize(16).withSeed(9L);
    }

    @Test
    void aCallbackStopsTrainingAfterTheEpochAndTheHistoryIsKept() {
        List<Integer> seen = new ArrayList<>();
        Callback stopAtTwo = new Callback() {
            @Override
            public void onEpochEnd(Run run, History.Epoch epoch) {
                seen.add(epoch.epoch());
                if (epoch.epoch() == 2) {
                    run.stop();
                }
            }
        };
        History h = model().fit(Tasks.firstBit(64, 5, 1L), null, fit(10), TrainingListener.none(), List.of(stopAtTwo));
        assertThat(h.epochs()).extracting(History.Epoch::epoch).containsExactly(0, 1, 2);
        assertThat(h.stoppedEarly()).isTrue();
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void earlyStoppingMonitorsTheValidationAccuracyUpward() {
        FitOptions options = fit(30).withValidationSplit(0.25).withEarlyStopping(FitOptions.EarlyStopping.patience(0)
                .withRestoreBestWeights(false).monitoring(History.Metric.VALIDATION_ACCURACY,
                        FitOptions.EarlyStopping.Mode.MAX));
        History h = model().fit(Tasks.firstBit(128, 5, 2L), null, options, TrainingListener.none());
        double[] acc = h.epochs().stream().mapToDouble(History.Epoch::validationAccuracy).toArray();
        for (int i = 1; i < acc.length - 1; i++) {
            assertThat(acc[i]).as("epoch %d improved, so training went on", i).isGreaterThan(acc[i - 1]);
        }
        if (h.stoppedEarly()) {
            assertThat(acc[acc.length - 1]).isLessThanOrEqualTo(acc[acc.length - 2]);
        }
        assertThat(h.bestEpoch()).isEqualTo(h.stoppedEarly() ? acc.length - 2 : acc.length - 1);
    }

    @Test
    void modeMinOnAnAccuracyStopsAsSoonAsItRises() {
        FitOptions options = fit(30).withEarlyStopping(FitOptions.EarlyStopping.patience(0)
                .withRestoreBestWeights(false).monitoring(History.Metric.ACCURACY, FitOptions.EarlyStopping.Mode.MIN));
        History h = model().fit(Tasks.firstBit(128, 5, 2L), null, options, TrainingListener.none());
        double[] acc = h.epochs().stream().mapToDouble(History.Epoch::accuracy).toArray();
        assertThat(h.stoppedEarly()).isTrue();
        assertThat(acc[acc.length - 1]).isGreaterThanOrEqualTo(acc[acc.length - 2]);
    }

    @Test
    void initialEpochNumbersTheEpochsOn() {
        Sequential m = model();
        m.fit(Tasks.firstBit(64, 5, 1L), null, fit(2), TrainingListener.none());
        List<Integer> events = new ArrayList<>();
        History h = m.fit(Tasks.firstBit(64, 5, 1L), null, fit(5).withInitialEpoch(2), new TrainingListener<>() {
            @Override
            public void onEpochEnd(History.Epoch epoch) {
                events.add(epoch.epoch());
            }
        });
        assertThat(h.epochs()).extracting(History.Epoch::epoch).containsExactly(2, 3, 4);
        assertThat(events).containsExactly(2, 3, 4);
        assertThat(h.bestEpoch()).isBetween(2, 4);
    }

    @Test
    void initialEpochMustBeBelowEpochs() {
        assertThatThrownBy(() -> fit(3).withInitialEpoch(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialEpoch must be in [0, epochs)");
    }

    @Test
    void seq2SeqRejectsTheOptionsItCannotHonourByName() {
        Seq2Seq s = Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6), 3L);
        int[][] src = {{1, 2}};
        int[][] tgt = {{4, 5}};
        FitOptions ok = FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(0.01));
        assertThatThrownBy(() -> s.fit(src, tgt, ok.withValidationSplit(0.5), TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationSplit");
        assertThatThrownBy(() -> s.fit(src, tgt, FitOptions.of(Loss.MEAN_SQUARED_ERROR,
                OptimizerOptions.adam(0.01)), TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FitOptions.loss is MEAN_SQUARED_ERROR");
        assertThatThrownBy(() -> s.fit(src, tgt, ok.withTruncation(new FitOptions.TruncatedBptt(1, 1)),
                TrainingListener.none())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncation");
        assertThatThrownBy(() -> s.fit(src, tgt, ok.withLengthBuckets(2), TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FitOptions.lengthBuckets");
    }

    @Test
    void seq2SeqHonoursEarlyStoppingThroughTheSameLoop() {
        Seq2Seq s = Seq2Seq.create(Seq2SeqOptions.lstm(8, 10, 4, 6), 3L);
        Callback stopAtOne = new Callback() {
            @Override
            public void onEpochEnd(Run run, History.Epoch epoch) {
                if (epoch.epoch() == 1) {
                    run.stop();
                }
            }
        };
        History h = s.fit(new int[][] {{1, 2}, {3, 4}}, new int[][] {{4, 5}, {6}},
                FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(0.01)).withEpochs(6),
                TrainingListener.none(), List.of(stopAtOne));
        assertThat(h.epochs()).hasSize(2);
        assertThat(h.stoppedEarly()).isTrue();
    }

    @Test
    void aLearningRateSchedulerSetsTheRateOfEachEpochAndClearsItAtTheEnd() {
        Sequential m = model();
        List<Double> rates = new ArrayList<>();
        Callback probe = new Callback() {
            @Override
            public void onEpochEnd(Run run, History.Epoch epoch) {
                rates.add(run.optimizer().currentLearningRate());
            }
        };
        m.fit(Tasks.firstBit(64, 5, 1L), null, fit(3), TrainingListener.none(),
                List.of(new LearningRateScheduler((epoch, lr) -> 0.02 / (1 << epoch)), probe));
        assertThat(rates).containsExactly(0.02, 0.01, 0.005);
        assertThat(m.optimizer().currentLearningRate()).isEqualTo(0.02);
    }

    @Test
    void aConstantScheduleEqualToTheOptionsTrainsBitIdentically() {
        Sequential plain = model();
        Sequential scheduled = model();
        plain.fit(Tasks.firstBit(64, 5, 1L), null, fit(2), TrainingListener.none());
        scheduled.fit(Tasks.firstBit(64, 5, 1L), null, fit(2), TrainingListener.none(),
                List.of(new LearningRateScheduler((epoch, lr) -> 0.02)));
        for (int i = 0; i < plain.parameters().size(); i++) {
            assertThat(scheduled.parameters().get(i).value().toFloatArray())
                    .containsExactly(plain.parameters().get(i).value().toFloatArray());
        }
    }
}
