package dev.nlpkit.embeddings;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    /** Window 2 without shrinking and one batch for the whole test sentence, so nothing random is drawn. */
    private static Word2VecOptions batchOptions(Architecture architecture, int batchTargets) {
        return Word2VecOptions.defaults().withArchitecture(architecture).withAlgorithm(Algorithm.HOGBATCH)
                .withVectorSize(D).withWindow(2).withShrinkWindows(false).withNegative(3)
                .withBatchTargets(batchTargets).withThreads(1);
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
     * The sentence repeats word 2 (twice in some windows), and the negative 1 is the centre word of the last
     * position, which that position skips and the others use. One batch holds the whole sentence.
     */
    private static void assertBatchedUpdateIsTheSumOfPerPairUpdates(Architecture architecture, Kernel kernel) {
        int[] sentence = {0, 2, 3, 2, 4, 1};
        assertBatchesAreSumsOfPerPairUpdates(architecture, kernel, sentence, 6, List.of(new int[] {0, 1, 2, 3, 4, 5}));
    }

    /**
     * Trains {@code sentence} with {@code batchTargets} and fixed negatives, and checks the result against a
     * double-precision reference that applies {@code batches} (lists of centre positions) one after the other,
     * each as the sum of its per-pair updates at the weights left by the batches before it.
     */
    private static void assertBatchesAreSumsOfPerPairUpdates(Architecture architecture, Kernel kernel, int[] sentence,
            int batchTargets, List<int[]> batches) {
        float[] syn0 = randomMatrix(1);
        float[] syn1neg = randomMatrix(2);
        float[] syn0Before = syn0.clone();
        float[] syn1negBefore = syn1neg.clone();
        int[] negatives = {5, 1, 6};
        int window = 2;
        float alpha = 0.05f;
        SamplingTables.UnigramTable table = SamplingTables.UnigramTable.of(new long[] {7, 6, 5, 4, 3, 2, 1}, 0.75);
        HogBatchTrainer trainer = new HogBatchTrainer(batchOptions(architecture, batchTargets), kernel, syn0, syn1neg,
                table);
        trainer.newWorker(0).trainWithNegatives(sentence, negatives, alpha);

        double[] in = new double[V * D];
        double[] out = new double[V * D];
        for (int i = 0; i < in.length; i++) {
            in[i] = syn0Before[i];
            out[i] = syn1negBefore[i];
        }
        double maxUpdate = 0;
        for (int[] batch : batches) {
            double[] dIn = new double[V * D];
            double[] dOut = new double[V * D];
            addPerPairUpdates(architecture, sentence, batch, negatives, window, alpha, in, out, dIn, dOut);
            for (int i = 0; i < V * D; i++) {
                in[i] += dIn[i];
                out[i] += dOut[i];
                maxUpdate = Math.max(maxUpdate, Math.max(Math.abs(dIn[i]), Math.abs(dOut[i])));
            }
        }
        for (int i = 0; i < V * D; i++) {
            assertThat((double) syn0[i]).as("syn0[%d], %s, %s", i, architecture, kernel.name())
                    .isCloseTo(in[i], within(2e-6));
            assertThat((double) syn1neg[i]).as("syn1neg[%d], %s, %s", i, architecture, kernel.name())
                    .isCloseTo(out[i], within(2e-6));
        }
        assertThat(maxUpdate).as("the example must move the weights well beyond the tolerance").isGreaterThan(1e-2);
    }

    /** Adds to dIn and dOut word2vec.c's per-pair updates of the centre words at {@code positions}, at in/out. */
    private static void addPerPairUpdates(Architecture architecture, int[] sentence, int[] positions, int[] negatives,
            int window, float alpha, double[] in, double[] out, double[] dIn, double[] dOut) {
        for (int pos : positions) {
            int target = sentence[pos];
            List<Integer> context = new ArrayList<>();
            for (int c = Math.max(0, pos - window); c <= Math.min(sentence.length - 1, pos + window); c++) {
                if (c != pos) {
                    context.add(sentence[c]);
                }
            }
            // The input rows of this centre word: each context vector (skip-gram) or their mean (CBOW).
            List<double[]> rows = new ArrayList<>();
            if (architecture == Architecture.SKIP_GRAM) {
                for (int word : context) {
                    double[] row = new double[D];
                    for (int i = 0; i < D; i++) {
                        row[i] = in[word * D + i];
                    }
                    rows.add(row);
                }
            } else {
                double[] mean = new double[D];
                for (int word : context) {
                    for (int i = 0; i < D; i++) {
                        mean[i] += in[word * D + i] / context.size();
                    }
                }
                rows.add(mean);
            }
            for (int r = 0; r < rows.size(); r++) {
                double[] row = rows.get(r);
                double[] error = new double[D];
                for (int j = 0; j <= negatives.length; j++) {
                    int output = j == 0 ? target : negatives[j - 1];
                    if (j > 0 && output == target) {
                        continue;
                    }
                    double f = 0;
                    for (int i = 0; i < D; i++) {
                        f += row[i] * out[output * D + i];
                    }
                    double g = HogBatchTrainer.gradient((float) f, j == 0 ? 1f : 0f, alpha);
                    for (int i = 0; i < D; i++) {
                        error[i] += g * out[output * D + i];
                        dOut[output * D + i] += g * row[i];
                    }
                }
                // Skip-gram: the error goes to the row's own word; CBOW: to every context word (word2vec.c).
                List<Integer> receivers = architecture == Architecture.SKIP_GRAM ? List.of(context.get(r)) : context;
                for (int word : receivers) {
                    for (int i = 0; i < D; i++) {
                        dIn[word * D + i] += error[i];
                    }
                }
            }
        }
    }

    @Test
    void skipGramBatchedUpdateIsTheSumOfThePerPairUpdates() {
        assertBatchedUpdateIsTheSumOfPerPairUpdates(Architecture.SKIP_GRAM, Kernel.select(VectorKernel.PLAIN));
        assertBatchedUpdateIsTheSumOfPerPairUpdates(Architecture.SKIP_GRAM, Kernel.select(VectorKernel.AUTO));
    }

    @Test
    void cbowBatchedUpdateIsTheSumOfThePerPairUpdates() {
        assertBatchedUpdateIsTheSumOfPerPairUpdates(Architecture.CBOW, Kernel.select(VectorKernel.PLAIN));
        assertBatchedUpdateIsTheSumOfPerPairUpdates(Architecture.CBOW, Kernel.select(VectorKernel.AUTO));
    }

    /**
     * CBOW with 2 targets per batch on 12 buffered words: two lanes of 6, batch j = the centre words at j and j + 6,
     * whose windows (radius 2) never share a position; the batches run one after the other.
     */
    @Test
    void cbowBatchesTakeOneCentreWordPerLaneOneBatchAfterTheOther() {
        int[] sentence = {0, 2, 3, 2, 4, 1, 6, 5, 2, 0, 3, 4};
        List<int[]> lanes = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            lanes.add(new int[] {j, j + 6});
        }
        for (Kernel kernel : List.of(Kernel.select(VectorKernel.PLAIN), Kernel.select(VectorKernel.AUTO))) {
            assertBatchesAreSumsOfPerPairUpdates(Architecture.CBOW, kernel, sentence, 2, lanes);
        }
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

    /**
     * CBOW with several workers trains the rows of the most frequent words in per-worker copies, merged into the
     * shared matrices after every buffer. With one worker the merge hands the shared rows exactly what training
     * them in place would have given: the same weights bit for bit (both kernels; words 0-2 private, 3-6 shared,
     * several buffers, random windows and negatives).
     */
    @Test
    void privateHotRowsTrainTheSameWeightsBitForBitWithOneWorker() {
        for (Kernel kernel : List.of(Kernel.select(VectorKernel.PLAIN), Kernel.select(VectorKernel.AUTO))) {
            Word2VecOptions o = Word2VecOptions.defaults().withAlgorithm(Algorithm.HOGBATCH).withVectorSize(D)
                    .withWindow(2).withNegative(3).withBatchTargets(2).withBatchWords(12).withThreads(1);
            SamplingTables.UnigramTable table = SamplingTables.UnigramTable.of(new long[] {7, 6, 5, 4, 3, 2, 1}, 0.75);
            float[] syn0Shared = randomMatrix(1);
            float[] syn1Shared = randomMatrix(2);
            float[] syn0Private = syn0Shared.clone();
            float[] syn1Private = syn1Shared.clone();
            HogBatchTrainer.Worker shared = new HogBatchTrainer(o, kernel, syn0Shared, syn1Shared, table, 0)
                    .newWorker(0);
            HogBatchTrainer.Worker hot = new HogBatchTrainer(o, kernel, syn0Private, syn1Private, table, 3)
                    .newWorker(0);
            SplittableRandom words = new SplittableRandom(3);
            for (int s = 0; s < 20; s++) {
                int[] sentence = words.ints(3 + words.nextInt(6), 0, V).toArray();
                float alpha = 0.05f - s * 0.002f;
                shared.train(sentence, sentence.length, alpha);
                hot.train(sentence, sentence.length, alpha);
            }
            shared.drain(0.01f);
            hot.drain(0.01f);
            assertThat(syn0Private).as("syn0, %s", kernel.name()).containsExactly(syn0Shared);
            assertThat(syn1Private).as("syn1neg, %s", kernel.name()).containsExactly(syn1Shared);
            assertThat(syn0Private).as("trained").isNotEqualTo(randomMatrix(1));
        }
    }

    private static Word2VecOptions synonymOptions() {
        return Word2VecOptions.defaults().withVectorSize(32).withMinCount(3).withEpochs(5).withThreads(1)
                .withSeed(11).withSample(1e-2);
    }

    @Test
    void plantedSynonymsAreLearnedByBothAlgorithmsAndArchitectures() {
        for (Algorithm algorithm : List.of(Algorithm.HOGWILD, Algorithm.HOGBATCH)) {
            for (Architecture architecture : Architecture.values()) {
                Word2VecOptions o = synonymOptions().withAlgorithm(algorithm).withArchitecture(architecture);
                assertThat(synonymsInTopThree(o)).as("%s %s", algorithm, architecture).isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void hogBatchWithTwoWorkersLearnsTheSynonyms() {
        Word2VecOptions o = synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withThreads(2);
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
                .withEpochs(3), new TrainingListener<>() {
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
        assertThat(Word2VecOptions.defaults().algorithm()).isEqualTo(Algorithm.AUTO);
    }

    @Test
    void batchPrivateWordsIsValidatedAndAutomaticOnlyForCbowHogBatchWithSeveralThreads() {
        assertThatThrownBy(() -> Word2VecOptions.defaults().withBatchPrivateWords(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchPrivateWords must be >= -1").hasMessageContaining("-1 = automatic")
                .hasMessageContaining("0 = none").hasMessageContaining("got -2");
        Word2VecOptions cbow = Word2VecOptions.defaults().withThreads(2);
        assertThat(cbow.batchPrivateWords()).isEqualTo(Word2VecOptions.AUTOMATIC_BATCH_PRIVATE_WORDS);
        assertThat(cbow.effectiveBatchPrivateWords()).isEqualTo(Word2VecOptions.CBOW_BATCH_PRIVATE_WORDS);
        assertThat(cbow.withBatchPrivateWords(0).effectiveBatchPrivateWords()).isZero();
        assertThat(cbow.withBatchPrivateWords(100).effectiveBatchPrivateWords()).isEqualTo(100);
        // Ignored where there are no copies: skip-gram, HOGWILD (also via hierarchical softmax), one thread.
        assertThat(cbow.withBatchPrivateWords(100).withArchitecture(Architecture.SKIP_GRAM)
                .effectiveBatchPrivateWords()).isZero();
        assertThat(cbow.withBatchPrivateWords(100).withAlgorithm(Algorithm.HOGWILD).effectiveBatchPrivateWords())
                .isZero();
        assertThat(cbow.withHierarchicalSoftmax(true).effectiveBatchPrivateWords()).isZero();
        assertThat(cbow.withBatchPrivateWords(100).withThreads(1).effectiveBatchPrivateWords()).isZero();
    }

    /** The trainer takes its private words from the options, capped at the vocabulary; 0 keeps every row shared. */
    @Test
    void theTrainerTrainsTheOptionsPrivateWords() {
        Kernel kernel = Kernel.select(VectorKernel.PLAIN);
        SamplingTables.UnigramTable table = SamplingTables.UnigramTable.of(new long[] {7, 6, 5, 4, 3, 2, 1}, 0.75);
        Word2VecOptions o = batchOptions(Architecture.CBOW, 2).withThreads(2);
        for (int[] asked : new int[][] {{-1, V}, {0, 0}, {3, 3}, {600, V}}) {
            HogBatchTrainer trainer = new HogBatchTrainer(o.withBatchPrivateWords(asked[0]), kernel, randomMatrix(1),
                    randomMatrix(2), table);
            assertThat(trainer.privateWords()).as("batchPrivateWords %d", asked[0]).isEqualTo(asked[1]);
        }
        assertThat(new HogBatchTrainer(o.withThreads(1).withBatchPrivateWords(3), kernel, randomMatrix(1),
                randomMatrix(2), table).privateWords()).as("one thread").isZero();
        assertThat(new HogBatchTrainer(o.withBatchPrivateWords(3).withArchitecture(Architecture.SKIP_GRAM), kernel,
                randomMatrix(1), randomMatrix(2), table).privateWords()).as("skip-gram").isZero();
    }

    @Test
    void twoCbowWorkersLearnTheSynonymsWithAndWithoutPrivateRows() {
        // The corpus has 65 words: 8 private words are the function words and a few synonyms; -1 (512) is all.
        for (int privateWords : new int[] {0, 8, -1}) {
            Word2VecOptions o = synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withThreads(2)
                    .withBatchPrivateWords(privateWords);
            assertThat(synonymsInTopThree(o)).as("batchPrivateWords %d", privateWords).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void autoTrainsHogBatchForNegativeSamplingAndHogwildWithHierarchicalSoftmax() {
        Word2VecOptions ns = synonymOptions().withEpochs(1);
        assertThat(ns.algorithm()).isEqualTo(Algorithm.AUTO);
        assertThat(ns.effectiveAlgorithm()).isEqualTo(Algorithm.HOGBATCH);
        assertThat(Word2Vec.fit(plantedSynonyms(), ns).syn0())
                .containsExactly(Word2Vec.fit(plantedSynonyms(), ns.withAlgorithm(Algorithm.HOGBATCH)).syn0());
        Word2VecOptions hs = ns.withHierarchicalSoftmax(true).withNegative(0);
        assertThat(hs.effectiveAlgorithm()).isEqualTo(Algorithm.HOGWILD);
        assertThat(ns.withHierarchicalSoftmax(true).effectiveAlgorithm()).isEqualTo(Algorithm.HOGWILD);
        assertThat(Word2Vec.fit(plantedSynonyms(), hs).syn0())
                .containsExactly(Word2Vec.fit(plantedSynonyms(), hs.withAlgorithm(Algorithm.HOGWILD)).syn0());
    }

    @Test
    void algorithmAndBatchOptionsRoundTripThroughTheModelFile(@TempDir Path dir) throws IOException {
        Word2VecOptions o = synonymOptions().withAlgorithm(Algorithm.HOGBATCH).withBatchTargets(3)
                .withBatchNegatives(4).withBatchPrivateWords(20).withEpochs(1);
        Word2Vec model = Word2Vec.fit(plantedSynonyms(), o);
        Path file = dir.resolve("hogbatch.w2v");
        model.save(file);
        Word2Vec back = Word2Vec.load(file);
        assertThat(back.options()).isEqualTo(o);
        assertThat(back.options().algorithm()).isEqualTo(Algorithm.HOGBATCH);
        assertThat(back.options().batchPrivateWords()).isEqualTo(20);
        assertThat(back.syn0()).containsExactly(model.syn0());
        // Continued training uses the stored algorithm: from the loaded and the original model alike.
        Word2Vec a = model.continueTraining(Corpus.of(plantedSynonyms()), 1);
        Word2Vec b = back.continueTraining(Corpus.of(plantedSynonyms()), 1);
        assertThat(b.syn0()).containsExactly(a.syn0());
    }
}
