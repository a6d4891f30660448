package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A loaded classifier computes the rows of the network's fused embedding table the first time a text holds their
 * token: its probabilities do not depend on which texts came first, on how many threads filled the rows, or on
 * whether the whole table was built up front ({@code Sequential.fillFusedTable}).
 *
 * <p>The recurrent step's Vector API {@code tanh} may give the last bit of a float differently once C2 compiles
 * it (see {@link GoldenBundleTest}), and a compilation can land between two classifiers' predictions. The rows
 * persist once computed, so the classifiers are compared again in a few consecutive rounds and must agree bit for
 * bit in one of them: a row that differs would differ in every round.
 */
class LazyFusedTableTest {

    private static final String BUNDLE = "golden/classifier-format2.nlpkit";
    private static final List<String> A = List.of("I love this so much, best day ever!", "happy happy joy",
            "what a lovely morning with friends", "great game tonight #win");
    private static final List<String> B = List.of("this is the worst, I hate it", "sooooo tired of waiting #fail",
            "terrible traffic and a sad rainy day", "@bob not bad at all :) http://example.com");
    private static final List<String> BOTH = Stream.concat(A.stream(), B.stream()).toList();

    @Test
    void theOrderOfTheTextsAndAWholeBuildGiveBitIdenticalProbabilities() throws Exception {
        TextClassifier whole = GoldenBundleTest.load(BUNDLE);
        assertThat(whole.network().fillFusedTable()).isTrue();
        TextClassifier aThenB = GoldenBundleTest.load(BUNDLE);
        A.forEach(aThenB::predictProba);
        B.forEach(aThenB::predictProba);
        TextClassifier bThenA = GoldenBundleTest.load(BUNDLE);
        bThenA.predictProba(B);
        bThenA.predictProba(A);
        assertAgreeInOneRound(whole, List.of(aThenB, bThenA));
    }

    @Test
    void eightThreadsFillingTheRowsAtOnceGiveTheWholeBuildsProbabilities() throws Exception {
        TextClassifier whole = GoldenBundleTest.load(BUNDLE);
        whole.network().fillFusedTable();
        TextClassifier shared = GoldenBundleTest.load(BUNDLE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[]>> singles = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String text = BOTH.get(t);
                singles.add(pool.submit(() -> {
                    start.await();
                    return shared.predictProba(text);
                }));
            }
            start.countDown();
            for (Future<double[]> f : singles) {
                assertThat(f.get()).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertAgreeInOneRound(whole, List.of(shared));
    }

    private static void assertAgreeInOneRound(TextClassifier reference, List<TextClassifier> others) {
        double[][] want = null;
        List<double[][]> got = List.of();
        for (int round = 0; round < 4; round++) {
            want = reference.predictProba(BOTH);
            List<double[][]> now = new ArrayList<>();
            for (TextClassifier c : others) {
                now.add(c.predictProba(BOTH));
            }
            got = now;
            double[][] w = want;
            if (now.stream().allMatch(g -> Arrays.deepEquals(g, w))) {
                return;
            }
        }
        for (double[][] g : got) {
            assertThat(g).isDeepEqualTo(want);
        }
    }
}
