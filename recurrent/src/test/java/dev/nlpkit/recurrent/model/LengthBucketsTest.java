package dev.nlpkit.recurrent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batches of similar lengths ({@link FitOptions#lengthBuckets()}) and the length-ordered validation batches. */
class LengthBucketsTest {

    /** Token rows of lengths 1..maxLength (seeded), labels from the first token's parity. */
    static Dataset tokens(int n, int maxLength, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] ids = new int[n][];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[1 + rng.nextInt(maxLength)];
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = 1 + rng.nextInt(9);
            }
            labels[i] = ids[i][0] % 2;
        }
        return Dataset.of(Inputs.tokens(ids), Targets.binary(labels));
    }

    static Sequential model() {
        return Sequential.builder(Shape.tokens()).add(EmbeddingOptions.random(10, 4).withMaskZero(true))
                .add(RecurrentOptions.lstm(5).withDropout(0.1).withRecurrentDropout(0.2)).add(DenseOptions.of(1, Activation.SIGMOID))
                .build(3L);
    }

    static FitOptions options() {
        return FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01)).withEpochs(2).withBatchSize(8)
                .withSeed(11L);
    }

    /** The rows of every batch {@link Trainer#fit} hands to its step. */
    static List<int[]> batchesOf(int[] lengths, FitOptions options) {
        List<int[]> seen = new ArrayList<>();
        Trainer.Model none = new Trainer.Model() {
            @Override
            public List<Tensor> snapshot() {
                return List.of();
            }

            @Override
            public void restore(List<Tensor> weights) {
            }

            @Override
            public void save(Path file) throws IOException {
            }

            @Override
            public dev.nlpkit.recurrent.optim.Optimizer optimizer() {
                return null;
            }
        };
        Trainer.Monitor monitor = new Trainer.Monitor(options, false);
        Trainer.Run run = new Trainer.Run(none, Trainer.callbacks(options, monitor, List.of()));
        Trainer.fit(lengths.length, lengths, options, true, null, run, (rows, rng, epoch, batch) -> {
            seen.add(rows);
            return new Loss.Evaluation(0.5, 0.5, rows.length, null, false);
        }, TrainingListener.none(), monitor);
        return seen;
    }

    @Test
    void bucketSortsEachPoolByLengthKeepingTheOrderOfTies() {
        int[] order = {5, 0, 3, 1, 4, 2, 6};
        int[] lengths = {2, 1, 2, 3, 1, 3, 1};
        int[] out = new int[order.length];
        Trainer.bucket(order, lengths, 4, out);
        // pool [5, 0, 3, 1] by length: 0 (1), 5 (3)... lengths 3, 2, 3, 1 -> 1, 0, 5, 3; pool [4, 2, 6] -> 4, 6, 2
        assertThat(out).containsExactly(1, 0, 5, 3, 4, 6, 2);
    }

    @Test
    void everyExampleIsSeenOncePerEpochInBatchesOfSimilarLength() {
        SplittableRandom rng = new SplittableRandom(4);
        int[] lengths = new int[203];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 1 + rng.nextInt(40);
        }
        FitOptions options = options().withEpochs(1).withLengthBuckets(5);
        List<int[]> batches = batchesOf(lengths, options);
        assertThat(batches).hasSize(26);
        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(Dataset.range(0, lengths.length));
        int spreadSum = 0;
        for (int[] rows : batches) {
            int lo = Arrays.stream(rows).map(r -> lengths[r]).min().orElseThrow();
            int hi = Arrays.stream(rows).map(r -> lengths[r]).max().orElseThrow();
            spreadSum += hi - lo;
        }
        // random batches of 8 from 1..40 spread over ~30 lengths; sorted pools of 40 over about 5
        assertThat(spreadSum / (double) batches.size()).isLessThan(10);
        List<int[]> plain = batchesOf(lengths, options().withEpochs(1));
        int plainSpread = 0;
        for (int[] rows : plain) {
            plainSpread += Arrays.stream(rows).map(r -> lengths[r]).max().orElseThrow()
                    - Arrays.stream(rows).map(r -> lengths[r]).min().orElseThrow();
        }
        assertThat(plainSpread / (double) plain.size()).isGreaterThan(20);
    }

    @Test
    void theBatchOrderChangesFromEpochToEpoch() {
        int[] lengths = new int[64];
        Arrays.fill(lengths, 3);
        List<int[]> batches = batchesOf(lengths, options().withLengthBuckets(2));
        assertThat(batches).hasSize(16);
        List<int[]> first = batches.subList(0, 8);
        List<int[]> second = batches.subList(8, 16);
        boolean differ = false;
        for (int b = 0; b < 8; b++) {
            differ |= !Arrays.equals(first.get(b), second.get(b));
        }
        assertThat(differ).isTrue();
    }

    @Test
    void theSameSeedTrainsTheSameWeightsBitForBit() {
        Dataset data = tokens(96, 12, 5L);
        Sequential a = model();
        Sequential b = model();
        a.fit(data, null, options().withLengthBuckets(3), TrainingListener.none());
        b.fit(data, null, options().withLengthBuckets(3), TrainingListener.none());
        List<Tensor> wa = a.snapshot();
        List<Tensor> wb = b.snapshot();
        for (int p = 0; p < wa.size(); p++) {
            for (int i = 0; i < wa.get(p).size(); i++) {
                assertThat(Float.floatToRawIntBits((float) wa.get(p).get(i)))
                        .as("parameter %d element %d", p, i)
                        .isEqualTo(Float.floatToRawIntBits((float) wb.get(p).get(i)));
            }
        }
    }

    @Test
    void evaluateDoesNotDependOnTheBatchingBeyondRounding() {
        Dataset data = tokens(50, 15, 6L);
        Sequential m = model();
        m.fit(data, null, options(), TrainingListener.none());
        Sequential.Metrics byOne = m.evaluate(data, Loss.BINARY_CROSSENTROPY, 1);
        Sequential.Metrics byEight = m.evaluate(data, Loss.BINARY_CROSSENTROPY, 8);
        assertThat(byEight.loss()).isCloseTo(byOne.loss(), within(1e-6));
        assertThat(byEight.accuracy()).isEqualTo(byOne.accuracy());
    }

    @Test
    void badSettingsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> options().withLengthBuckets(-1)).hasMessageContaining("lengthBuckets");
        assertThatThrownBy(() -> options().withShuffle(false).withLengthBuckets(4))
                .hasMessageContaining("lengthBuckets 4 needs shuffle");
        assertThatThrownBy(() -> options().withLengthBuckets(4).withTruncation(new FitOptions.TruncatedBptt(2, 2)))
                .hasMessageContaining("truncated BPTT");
    }
}
