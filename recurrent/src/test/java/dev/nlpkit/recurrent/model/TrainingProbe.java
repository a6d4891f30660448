package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two small trainings with fixed seeds, for {@link DeterminismTest}: an LSTM with a sigmoid output and binary
 * cross-entropy, and a GRU into a SimpleRNN with a softmax output and sparse categorical cross-entropy, both
 * with dropout. Each gives a digest of the bits of its trained weights and of its predictions. As a program
 * (run in child JVMs): the argument is the number of warm-up trainings before the reported one.
 */
final class TrainingProbe {

    private TrainingProbe() {
    }

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        for (int i = 0; i < warmup; i++) {
            digests();
        }
        for (String line : digests()) {
            System.out.println(line);
        }
    }

    /** {@code lstm weights=.. predictions=..} and {@code gru weights=.. predictions=..}. */
    static List<String> digests() {
        int n = 48;
        SplittableRandom rng = new SplittableRandom(3);
        int[][] ids = new int[n][];
        float[] binary = new float[n];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[2 + rng.nextInt(7)];
            int threes = 0;
            for (int t = 0; t < ids[i].length; t++) {
                ids[i][t] = 1 + rng.nextInt(9);
                threes += ids[i][t] == 3 ? 1 : 0;
            }
            binary[i] = threes > 0 ? 1 : 0;
            classes[i] = Math.min(threes, 2);
        }
        List<String> lines = new ArrayList<>();
        Sequential lstm = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(10, 8))
                .add(RecurrentOptions.lstm(8).withDropout(0.1).withRecurrentDropout(0.1))
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(5L);
        lstm.fit(Dataset.of(Inputs.tokens(ids), Targets.binary(binary)), null,
                FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(0.01)).withEpochs(2)
                        .withBatchSize(16).withSeed(7L), TrainingListener.none());
        lines.add("lstm weights=" + digest(lstm) + " predictions=" + digest(lstm.predict(Inputs.tokens(ids), 16)));
        Sequential gru = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(10, 8))
                .add(RecurrentOptions.gru(8).withReturnSequences(true).withDropout(0.1))
                .add(RecurrentOptions.simpleRnn(6))
                .add(DenseOptions.of(3, Activation.SOFTMAX))
                .build(6L);
        gru.fit(Dataset.of(Inputs.tokens(ids), Targets.labels(classes)), null,
                FitOptions.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, OptimizerOptions.adam(0.01)).withEpochs(2)
                        .withBatchSize(16).withSeed(8L), TrainingListener.none());
        lines.add("gru weights=" + digest(gru) + " predictions=" + digest(gru.predict(Inputs.tokens(ids), 16)));
        return lines;
    }

    private static String digest(Sequential model) {
        long h = 17;
        for (Parameter p : model.parameters()) {
            h = mix(h, p.value().toFloatArray());
        }
        return Long.toHexString(h);
    }

    private static String digest(float[][] rows) {
        long h = 17;
        for (float[] row : rows) {
            h = mix(h, row);
        }
        return Long.toHexString(h);
    }

    private static long mix(long h, float[] values) {
        for (float v : values) {
            h = 31 * h + Float.floatToRawIntBits(v);
        }
        return h;
    }
}
