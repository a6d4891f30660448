package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FastText's {@link Algorithm#HOGBATCH} training against {@link Algorithm#HOGWILD}, and the option's life. */
class FastTextHogBatchTest {

    /**
     * Twelve words of three characters, no character in two words: no character n-gram is shared, so with
     * 2,000,000 buckets the words share no input row (checked below, hash collisions included).
     */
    private static final List<String> WORDS = List.of("abc", "def", "ghi", "jkl", "mno", "pqr", "stu", "vwx", "yz0",
            "123", "456", "789");

    /** Sentences that are shuffles of the twelve words: no word twice in a window. */
    private static List<List<String>> shuffledSentences(int count, long seed) {
        Random random = new Random(seed);
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> s = new ArrayList<>(WORDS);
            Collections.shuffle(s, random);
            sentences.add(s);
        }
        return sentences;
    }

    private static FastTextOptions disjoint() {
        return FastTextOptions.defaults().withVectorSize(8).withWindow(3).withMinCount(1).withEpochs(3).withThreads(1)
                .withSample(0).withKernel(VectorKernel.PLAIN).withAlpha(0.05);
    }

    /**
     * With one worker and no row shared between words, HOGBATCH performs HOGWILD's predictions with the same draws
     * and only applies the input rows' updates later; the composed vectors it keeps up to date are then exactly
     * those HOGWILD recomposes, so both give the same weights up to float rounding (different order of additions;
     * here below 1e-6 in weights of about 1, where a composed vector left stale by one update differs by 1e-2).
     */
    @Test
    void withoutSharedRowsHogBatchIsHogwildUpToRounding() {
        // small, as the two orders of additions drift apart over many updates (200 sentences: 1e-4 in weights of 1)
        List<List<String>> corpus = shuffledSentences(20, 5);
        List<FastTextOptions> cases = List.of(disjoint(), disjoint().withCbowInput(CbowInput.SUM),
                disjoint().withArchitecture(Architecture.SKIP_GRAM));
        for (FastTextOptions o : cases) {
            FastText wild = FastText.fit(corpus, o.withAlgorithm(Algorithm.HOGWILD), 9);
            FastText batch = FastText.fit(corpus, o.withAlgorithm(Algorithm.HOGBATCH), 9);
            assertNoSharedRows(wild);
            assertThat(maxAbsDifference(wild.input(), batch.input())).as(o.architecture() + " " + o.cbowInput())
                    .isLessThan(1e-5);
            assertThat(maxAbsDifference(wild.output(), batch.output())).as(o.architecture() + " " + o.cbowInput())
                    .isLessThan(1e-5);
            // and training moved the weights far more than that
            FastText untrained = FastText.fit(corpus, o.withEpochs(1).withMinAlpha(0).withAlpha(1e-9), 9);
            assertThat(maxAbsDifference(untrained.input(), wild.input())).isGreaterThan(1e-2);
        }
    }

    /** Where rows are shared (common n-grams, a word twice in a window) the two algorithms part. */
    @Test
    void withSharedRowsTheAlgorithmsDiffer() {
        List<List<String>> corpus = SyntheticCorpus.generate(300, 8, 25, 11);
        FastTextOptions o = disjoint().withBucket(5000);
        FastText wild = FastText.fit(corpus, o.withAlgorithm(Algorithm.HOGWILD), 9);
        FastText batch = FastText.fit(corpus, o.withAlgorithm(Algorithm.HOGBATCH), 9);
        assertThat(maxAbsDifference(wild.input(), batch.input())).isGreaterThan(1e-5);
    }

    @Test
    void oneWorkerIsBitReproducibleWithHogBatch() {
        List<List<String>> corpus = SyntheticCorpus.generate(1000, 8, 25, 11);
        for (Architecture a : Architecture.values()) {
            for (VectorKernel k : List.of(VectorKernel.PLAIN, VectorKernel.AUTO)) {
                FastTextOptions o = disjoint().withBucket(5000).withSample(1e-2).withArchitecture(a).withKernel(k)
                        .withAlgorithm(Algorithm.HOGBATCH);
                FastText first = FastText.fit(corpus, o, 7);
                FastText second = FastText.fit(corpus, o, 7);
                assertArrayEquals(first.input(), second.input(), a + " " + k);
                assertArrayEquals(first.output(), second.output(), a + " " + k);
            }
        }
    }

    @Test
    void autoMeansHogBatchAndTheChoiceIsKept() {
        assertThat(FastTextOptions.defaults().algorithm()).isEqualTo(Algorithm.AUTO);
        assertThat(FastTextOptions.defaults().effectiveAlgorithm()).isEqualTo(Algorithm.HOGBATCH);
        assertThat(FastTextOptions.defaults().withAlgorithm(Algorithm.HOGWILD).effectiveAlgorithm())
                .isEqualTo(Algorithm.HOGWILD);
        assertThatThrownBy(() -> FastTextOptions.defaults().withAlgorithm(null))
                .hasMessage("FastTextOptions: algorithm must not be null");
    }

    @Test
    void theAlgorithmRoundTripsThroughTheModelFile(@TempDir Path dir) throws IOException {
        for (Algorithm a : Algorithm.values()) {
            FastText model = FastText.fit(shuffledSentences(5, 1), disjoint().withEpochs(1).withBucket(100)
                    .withAlgorithm(a), 3);
            Path file = dir.resolve(a + ".ftx");
            model.save(file);
            assertThat(FastText.load(file).options().algorithm()).isEqualTo(a);
        }
    }

    /**
     * A model written before the {@code algorithm} key existed (fixture made by main at b0bbe00; see
     * model/README.md) loads as HOGWILD, the only algorithm then, with its vectors unchanged.
     */
    @Test
    void aModelFileWithoutTheAlgorithmKeyLoadsAsHogwild() throws IOException {
        FastText model;
        try (InputStream in = getClass().getResourceAsStream("model/fasttext-v1-before-algorithm.ftx")) {
            model = FastText.read(in);
        }
        assertThat(model.options().algorithm()).isEqualTo(Algorithm.HOGWILD);
        assertThat(model.options().bucket()).isEqualTo(50);
        assertThat(model.vectors().vector("cat"))
                .containsExactly(-0.07406215f, -0.10491771f, -0.027469018f, 0.106146045f);
        assertThat(model.vectors().vector("kitten"))
                .containsExactly(-0.041069787f, -0.13558805f, 0.010480647f, 0.06903812f);
    }

    private static void assertNoSharedRows(FastText model) {
        FastText.SubwordTable table = FastText.SubwordTable.of(model.vocabulary(), model.options(), false);
        Set<Integer> seen = new HashSet<>();
        for (int row : table.rows()) {
            assertThat(seen.add(row)).as("row %d used twice", row).isTrue();
        }
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
