package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code nlpkit seq2seq --task reverse}: with the same seed and budget, attention reverses sequences longer than
 * any seen in training where the plain encoder-decoder does not.
 */
class Seq2SeqAttentionLearningTest {

    private static final Pattern LONGER =
            Pattern.compile("test exact-match accuracy: ([0-9.]+) \\(\\d+ of 500 sequences longer than any in training\\)");
    private static final Pattern SAME =
            Pattern.compile("exact-match accuracy at training lengths: ([0-9.]+)");

    private static double[] run(String attention) {
        CommandRun run = CommandRun.of("seq2seq", "--task", "reverse", "--attention", attention, "--epochs", "10",
                "--clip-norm", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher longer = LONGER.matcher(run.out());
        Matcher same = SAME.matcher(run.out());
        assertThat(longer.find() && same.find()).as(run.out()).isTrue();
        return new double[] {Double.parseDouble(same.group(1)), Double.parseDouble(longer.group(1))};
    }

    /**
     * Measured (seed 42, 2,000 training sequences of 2..10 symbols, 10 epochs, LSTM(64), 500 test sequences of
     * 11..12): additive attention 1.000 at the training lengths and 0.154 on the longer ones, the plain
     * encoder-decoder 0.554 and 0.004. The bounds are those figures minus a safety margin for other JVMs and
     * kernels (float rounding may change the training path).
     */
    @Test
    void attentionReversesLongerSequencesThanThePlainEncoderDecoder() {
        double[] plain = run("none");
        double[] attention = run("additive");
        assertThat(attention[0]).as("attention at training lengths").isGreaterThan(0.95);
        assertThat(attention[0] - plain[0]).as("margin at training lengths").isGreaterThan(0.3);
        assertThat(attention[1] - plain[1]).as("margin on longer sequences").isGreaterThan(0.1);
    }

    @Test
    void aFlagOfTheOtherTaskIsRefusedByName() {
        CommandRun run = CommandRun.of("seq2seq", "--task", "numbers", "--train-length", "8");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--train-length applies to --task reverse only");
    }

    @Test
    void anUnknownAttentionIsRefusedWithTheChoices() {
        CommandRun run = CommandRun.of("seq2seq", "--attention", "luong");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--attention 'luong' is not one of [none, dot, additive]");
    }
}
