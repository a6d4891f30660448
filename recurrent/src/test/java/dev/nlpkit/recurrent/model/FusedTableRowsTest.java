package dev.nlpkit.recurrent.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.math.Parallelism;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fused embedding table's rows, computed on first use: each row has the same bits whichever order, thread
 * or batch computed it, and equals the row of a whole build ({@code RecurrentLayer#projectTable}).
 */
class FusedTableRowsTest {

    private static final int VOCABULARY = 3000;
    private static final InferenceOptions FUSE_NOW = InferenceOptions.defaults().withFuseAfterTokens(0);
    private final int threadsBefore = Parallelism.threads();

    @AfterEach
    void restoreThreads() {
        Parallelism.setThreads(threadsBefore);
    }

    private static Sequential model(long seed) {
        return Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(VOCABULARY, 24))
                .add(RecurrentOptions.lstm(10))
                .add(DenseOptions.of(1, Activation.SIGMOID)).build(seed);
    }

    /** {@code n} ids in [0, V), drawn with {@code seed}. */
    private static int[] ids(int n, long seed) {
        return new SplittableRandom(seed).ints(n, 0, VOCABULARY).toArray();
    }

    private static float[] row(float[] table, int id, int width) {
        return Arrays.copyOfRange(table, id * width, (id + 1) * width);
    }

    @Test
    void rowsAreComputedOnlyForTheIdsSeen() {
        FusedEmbedding fused = FusedEmbedding.of(model(1L).layers(), dev.nlpkit.recurrent.tensor.Precision.FLOAT32);
        FusedEmbedding.Table table = fused.table(0, FUSE_NOW);
        assertThat(table.rowsDone()).isZero();
        table.fill(new int[] {5, 7, 5, 0, 7});
        assertThat(table.rowsDone()).isEqualTo(3);
    }

    @Test
    void aRowHasTheSameBitsInAnyOrderAndAsInTheWholeBuild() {
        Sequential m = model(2L);
        int width = 40;
        int[] a = ids(400, 3L);
        int[] b = ids(400, 4L);
        FusedEmbedding.Table aThenB = FusedEmbedding.of(m.layers(), m.precision()).table(0, FUSE_NOW);
        aThenB.fill(a);
        aThenB.fill(b);
        FusedEmbedding.Table bThenA = FusedEmbedding.of(m.layers(), m.precision()).table(0, FUSE_NOW);
        bThenA.fill(b);
        bThenA.fill(a);
        FusedEmbedding all = FusedEmbedding.of(m.layers(), m.precision());
        FusedEmbedding.Table whole = all.table(0, FUSE_NOW);
        whole.fillAll(2);
        float[] projected = all.recurrent().projectTable(all.embedding().table().value());
        assertThat(whole.values()).isEqualTo(projected);
        for (int id : IntStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray()) {
            assertThat(row(aThenB.values(), id, width)).as("row %d, A then B", id)
                    .isEqualTo(row(projected, id, width));
            assertThat(row(bThenA.values(), id, width)).as("row %d, B then A", id)
                    .isEqualTo(row(projected, id, width));
        }
    }

    @Test
    void eightThreadsFillingOneTableLeaveTheRowsOfTheWholeBuild() throws Exception {
        // wide rows (256 x 256 multiply-adds each), the same ids in the same order on every thread: threads often
        // compute the same row at once, and read rows another thread is still writing
        Sequential m = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(VOCABULARY, 256))
                .add(RecurrentOptions.lstm(64))
                .add(DenseOptions.of(1, Activation.SIGMOID)).build(5L);
        FusedEmbedding fused = FusedEmbedding.of(m.layers(), m.precision());
        int width = 256;
        float[] projected = fused.recurrent().projectTable(fused.embedding().table().value());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FusedEmbedding.Table>> tables = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int[] mine = ids(2000, 10L);
                tables.add(pool.submit(() -> {
                    start.await();
                    FusedEmbedding.Table table = fused.table(mine.length, FUSE_NOW);
                    table.fill(mine);
                    return table;
                }));
            }
            start.countDown();
            FusedEmbedding.Table first = tables.get(0).get();
            for (Future<FusedEmbedding.Table> f : tables) {
                assertThat(f.get()).as("one table for all threads").isSameAs(first);
            }
            for (int id : ids(2000, 10L)) {
                assertThat(row(first.values(), id, width)).as("row %d", id).isEqualTo(row(projected, id, width));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictionsAreBitIdenticalWhicheverOrderTheRowsWereFilled() {
        int[][] a = rows(40, 20L);
        int[][] b = rows(40, 21L);
        Sequential whole = model(6L);
        whole.setInferenceOptions(FUSE_NOW);
        assertThat(whole.fillFusedTable()).isTrue();
        Sequential aThenB = model(6L);
        aThenB.setInferenceOptions(FUSE_NOW);
        aThenB.predict(Inputs.tokens(a), 16);
        aThenB.predict(Inputs.tokens(b), 16);
        Sequential bThenA = model(6L);
        bThenA.setInferenceOptions(FUSE_NOW);
        bThenA.predict(Inputs.tokens(b), 16);
        bThenA.predict(Inputs.tokens(a), 16);
        int[][] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        // The rows persist, so the fill orders stay compared in every round. The recurrent step's Vector API tanh
        // may give the last bit differently once C2 compiles it, and a compilation can
        // land between two models' predictions: so all three must agree bit for bit in one of a few consecutive
        // rounds, which a real difference in a row never does.
        boolean agreed = false;
        float[][] reference = null;
        float[][] other = null;
        for (int round = 0; round < 4 && !agreed; round++) {
            reference = whole.predict(Inputs.tokens(both), 16);
            other = aThenB.predict(Inputs.tokens(both), 16);
            float[][] third = bThenA.predict(Inputs.tokens(both), 16);
            agreed = Arrays.deepEquals(reference, other) && Arrays.deepEquals(reference, third);
        }
        assertThat(other).as("A then B against the whole table").isDeepEqualTo(reference);
        assertThat(agreed).as("all three orders agree bit for bit").isTrue();
    }

    /** Ragged rows of 1-12 ids. */
    private static int[][] rows(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = rng.ints(1 + rng.nextInt(12), 0, VOCABULARY).toArray();
        }
        return rows;
    }
}
