package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A diverging run of the other training commands stops with the same message as {@code sentiment train}. */
class TrainingDivergenceTest {

    @Test
    void seq2seqWithAHugeLearningRateStopsAtTheFirstExplodingBatch() {
        CommandRun run = CommandRun.of("seq2seq", "--max", "50", "--epochs", "3", "--units", "8", "--learning-rate",
                "1e9");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).matches("nlpkit: training diverged: loss grew from \\S+ to \\S+ \\(more than "
                + "100x\\) at epoch 1, batch \\d+ \\(1-based\\); nothing was saved\\. Lower --learning-rate or pass "
                + "--clip-norm \\(e\\.g\\. --clip-norm 1\\)\\.");
        assertThat(run.out()).doesNotContain("test exact-match accuracy");
    }
}
