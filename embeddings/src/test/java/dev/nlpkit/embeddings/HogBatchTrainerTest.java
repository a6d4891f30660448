package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.vectors.ScoredWord;
import dev.nlpkit.embeddings.vectors.WordVectors;

class HogBatchTrainerTest {

    private static final int V = 7;
    /** Not a multiple of any lane count: the vector body and the scalar tail both run. */
    private static final int D = 37;

    private static Word2VecOptions batchOptions() {
        return Word2VecOptions.defaults().withArchitecture(Architecture.SKIP_GRAM).withAlgorithm(Algorithm.HOGBATCH)
                .withVectorSize(D).withNegative(3).withBatchTargets(2).withWorkers(1);
    }

    private static float[] randomMatrix(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] m = new float[V * D];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (r.nextGaussian() * 0.5);
        }
        return m;
    }

    /**
     * The batched update (C = A B^T, G, dA = G B, dB = G^T A) equals the sum over every (input row, output row)
     * pair of word2vec.c's per-pair update evaluated at the batch's starting weights, computed here in double.
     * The batch has a repeated context word (2), a context word that is also a centre word (0), and a negative
     * (1) equal to the second group's centre word, which that group skips and the first group uses.
     */
    private static void assertBatchedUpdateIsTheSumOfPerPairUpdates(Kernel kernel) {
        float[] syn0 = randomMatrix(1);
        float[] syn1neg = randomMatrix(2);
        float[] syn0Before = syn0.clone();
        float[] syn1negBefore = syn1neg.clone();
        int[] targets = {0, 1};
        int[][] contexts = {{2, 3, 2}, {4, 0}};
        int[] negatives = {5, 1, 6};
        float alpha = 0.05f;
        SamplingTables.UnigramTable table = SamplingTables.UnigramTable.of(new long[] {7, 6, 5, 4, 3, 2, 1}, 0.75);
        HogBatchTrainer trainer = new HogBatchTrainer(batchOptions(), kernel, syn0, syn1neg, table);
        trainer.newWorker(0).skipGramBatch(targets, contexts, negatives, alpha);

        double[] in = new double[V * D];
        double[] out = new double[V * D];
        for (int i = 0; i < in.length; i++) {
            in[i] = syn0Before[i];
            out[i] = syn1negBefore[i];
        }
        double[] dIn = new double[V * D];
        double[] dOut = new double[V * D];
        for (int t = 0; t < targets.length; t++) {
            for (int word : contexts[t]) {
                for (int j = 0; j <= negatives.length; j++) {
                    int output = j == 0 ? targets[t] : negatives[j - 1];
                    if (j > 0 && output == targets[t]) {
                        continue;
                    }
                    double f = 0;
                    for (int i = 0; i < D; i++) {
                        f += in[word * D + i] * out[output * D + i];
                    }
                    double g = HogBatchTrainer.gradient((float) f, j == 0 ? 1f : 0f, alpha);
                    for (int i = 0; i < D; i++) {
                        dIn[word * D + i] += g * out[output * D + i];
                        dOut[output * D + i] += g * in[word * D + i];
                    }
                }
            }
        }
        double maxUpdate = 0;
        for (int i = 0; i < V * D; i++) {
            assertThat((double) syn0[i]).as("syn0[%d] with %s", i, kernel.name())
                    .isCloseTo(in[i] + dIn[i], org.assertj.core.api.Assertions.within(2e-6));
            assertThat((double) syn1neg[i]).as("syn1neg[%d] with %s", i, kernel.name())
                    .isCloseTo(out[i] + dOut[i], org.assertj.core.api.Assertions.within(2e-6));
            maxUpdate = Math.max(maxUpdate, Math.max(Math.abs(dIn[i]), Math.abs(dOut[i])));
        }
        assertThat(maxUpdate).as("the example must move the weights well beyond the tolerance").isGreaterThan(1e-2);
    }

    @Test
    void batchedUpdateIsTheSumOfThePerPairUpdatesWithPlainLoops() {
        assertBatchedUpdateIsTheSumOfPerPairUpdates(Kernel.select(VectorKernel.PLAIN));
    }

    @Test
    void batchedUpdateIsTheSumOfThePerPairUpdatesWithTheDefaultKernel() {
        assertBatchedUpdateIsTheSumOfPerPairUpdates(Kernel.select(VectorKernel.AUTO));
    }

    /**
     * Six planted synonym pairs: pair p has four left words "l{p}x{k}" and four right words "r{p}x{k}"; each
     * sentence is one left word, either synonym "sA{p}" or "sB{p}" at random, one right word, around two function
     * words. So the two synonyms have the same contexts and never meet, while a left or right word has other
     * contexts. A model that learned the corpus puts each synonym among the other's three nearest neighbours.
     */
    private static List<List<String>> plantedSynonyms() {
        SplittableRandom r = new SplittableRandom(5);
        String[] function = {"the", "of", "and", "a", "to"};
        List<List<String>> corpus = new ArrayList<>();
        for (int s = 0; s < 4000; s++) {
            int pair = r.nextInt(6);
            corpus.add(List.of(function[r.nextInt(function.length)], "l" + pair + "x" + r.nextInt(4),
                    (r.nextBoolean() ? "sA" : "sB") + pair, "r" + pair + "x" + r.nextInt(4),
                    function[r.nextInt(function.length)]));
        }
        return corpus;
    }

    private static int synonymsInTopThree(Word2VecOptions options) {
        WordVectors wv = Word2Vec.fit(plantedSynonyms(), options).vectors();
        int found = 0;
        for (int pair = 0; pair < 6; pair++) {
            for (ScoredWord s : wv.mostSimilar("sA" + pair, 3)) {
                if (s.word().equals("sB" + pair)) {
                    found++;
                }
            }
        }
        return found;
    }

    private static Word2VecOptions synonymOptions() {
        return Word2VecOptions.defaults().withVectorSize(32).withMinCount(3).withEpochs(5).withWorkers(1)
                .withSeed(11).withSample(1e-2);
    }

    @Test
    void plantedSynonymsAreLearnedByBothAlgorithmsAndArchitectures() {
        for (Algorithm algorithm : Algorithm.values()) {
            for (Architecture architecture : Architecture.values()) {
                Word2VecOptions o = synonymOptions().withAlgorithm(algorithm).withArchitecture(architecture);
                assertThat(synonymsInTopThree(o)).as("%s %s", algorithm, architecture).isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void hogBatchWithTwoWorkersLearnsTheSynonyms() {
        Word2VecOptions o = synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withWorkers(2);
        assertThat(synonymsInTopThree(o)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void oneWorkerHogBatchIsBitReproducibleForASeed() {
        for (Architecture architecture : Architecture.values()) {
            Word2VecOptions o = synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withArchitecture(architecture)
                    .withEpochs(2);
            Word2Vec a = Word2Vec.fit(plantedSynonyms(), o);
            Word2Vec b = Word2Vec.fit(plantedSynonyms(), o);
            assertThat(a.syn0()).as("%s", architecture).containsExactly(b.syn0());
            assertThat(a.syn1neg()).as("%s", architecture).containsExactly(b.syn1neg());
            Word2Vec c = Word2Vec.fit(plantedSynonyms(), o.withSeed(12));
            assertThat(c.syn0()).as("another seed").isNotEqualTo(a.syn0());
        }
    }

    @Test
    void hogBatchReportsAFallingLossPerEpoch() {
        List<Double> losses = new ArrayList<>();
        Word2Vec.fit(plantedSynonyms(), synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withComputeLoss(true)
                .withEpochs(3), new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainingProgress p) {
                        losses.add(p.epochLoss().orElseThrow());
                    }
                });
        assertThat(losses).hasSize(3);
        assertThat(losses.get(2)).isLessThan(losses.get(0)).isPositive();
    }

    @Test
    void hierarchicalSoftmaxWithHogBatchIsRejectedNamingBothOptions() {
        assertThatThrownBy(() -> Word2VecOptions.defaults().withHierarchicalSoftmax(true)
                .withAlgorithm(Algorithm.HOGBATCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOGBATCH").hasMessageContaining("hierarchicalSoftmax")
                .hasMessageContaining("HOGWILD");
    }

    @Test
    void batchOptionsAreValidatedAndDefaultPerArchitecture() {
        assertThatThrownBy(() -> Word2VecOptions.defaults().withBatchTargets(-1)).hasMessageContaining("batchTargets");
        assertThatThrownBy(() -> Word2VecOptions.defaults().withBatchNegatives(-1))
                .hasMessageContaining("batchNegatives");
        Word2VecOptions o = Word2VecOptions.defaults().withAlgorithm(Algorithm.HOGBATCH).withNegative(7);
        assertThat(o.effectiveBatchNegatives()).isEqualTo(7);
        assertThat(o.withBatchNegatives(3).effectiveBatchNegatives()).isEqualTo(3);
        assertThat(o.effectiveBatchTargets()).isEqualTo(Word2VecOptions.CBOW_BATCH_TARGETS);
        assertThat(o.withArchitecture(Architecture.SKIP_GRAM).effectiveBatchTargets())
                .isEqualTo(Word2VecOptions.SKIP_GRAM_BATCH_TARGETS);
        assertThat(Word2VecOptions.defaults().algorithm()).isEqualTo(Algorithm.HOGWILD);
    }

    @Test
    void algorithmAndBatchOptionsRoundTripThroughTheModelFile(@TempDir Path dir) throws IOException {
        Word2VecOptions o = synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withBatchTargets(3)
                .withBatchNegatives(4).withEpochs(1);
        Word2Vec model = Word2Vec.fit(plantedSynonyms(), o);
        Path file = dir.resolve("hogbatch.w2v");
        model.save(file);
        Word2Vec back = Word2Vec.load(file);
        assertThat(back.options()).isEqualTo(o);
        assertThat(back.options().algorithm()).isEqualTo(Algorithm.HOGBATCH);
        assertThat(back.syn0()).containsExactly(model.syn0());
        // Continued training uses the stored algorithm: from the loaded and the original model alike.
        Word2Vec a = model.continueTraining(Corpus.of(plantedSynonyms()), 1);
        Word2Vec b = back.continueTraining(Corpus.of(plantedSynonyms()), 1);
        assertThat(b.syn0()).containsExactly(a.syn0());
    }
}
