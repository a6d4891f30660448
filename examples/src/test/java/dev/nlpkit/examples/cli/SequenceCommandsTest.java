package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;

/** tag (many-to-many aligned) and seq2seq (encoder-decoder) on small data, as CI runs them. */
class SequenceCommandsTest {

    @Test
    void numberWordsToDigitsAreLearnedForUnseenNumbers() {
        CommandRun run = CommandRun.of("seq2seq", "--epochs", "15");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = Pattern.compile("test exact-match accuracy: ([0-9.]+) \\((\\d+) of 200 unseen numbers\\)")
                .matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.9);
    }

    @Test
    void numberWordsFollowEnglishUsage() {
        assertThat(Seq2SeqCommand.words(0)).containsExactly("zero");
        assertThat(Seq2SeqCommand.words(307)).containsExactly("three", "hundred", "and", "seven");
        assertThat(Seq2SeqCommand.words(2040)).containsExactly("two", "thousand", "and", "forty");
        assertThat(Seq2SeqCommand.words(91)).isEqualTo(List.of("ninety", "one"));
    }

    @Test
    void brownTaggerReportsPerTokenAccuracyBesideTheBaseline() {
        SharedData.require("english-corpus/brown-tagged/ca01");
        CommandRun run = CommandRun.of("tag", "--corpus", SharedData.require("english-corpus/brown-tagged").toString(),
                "--files", "10", "--epochs", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = Pattern.compile("test per-token accuracy: bilstm ([0-9.]+), most-frequent-tag baseline ([0-9.]+)")
                .matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.6);
        assertThat(Double.parseDouble(m.group(2))).isGreaterThan(0.6);
    }

    @Test
    void characterModelLearnsAndWritesTheRequestedLength() throws java.io.IOException {
        // a tiny repetitive text: the loss must fall and the sample must use the text's alphabet
        java.nio.file.Path text = java.nio.file.Files.createTempFile("generate", ".txt");
        java.nio.file.Files.writeString(text, "the cat sat on the mat. ".repeat(200));
        CommandRun run = CommandRun.of("generate", text.toString(), "--epochs", "4", "--units", "32", "--window", "20",
                "--length", "50", "--temperature", "0.5");
        java.nio.file.Files.delete(text);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher losses = Pattern.compile("epoch \\d: loss ([0-9.]+)").matcher(run.out());
        double first = Double.NaN;
        double last = Double.NaN;
        while (losses.find()) {
            last = Double.parseDouble(losses.group(1));
            first = Double.isNaN(first) ? last : first;
        }
        assertThat(last).as(run.out()).isLessThan(first);
        String sample = run.out().substring(run.out().lastIndexOf("---") + 3).strip();
        assertThat(sample).hasSize(50).matches("[the casonm.]+");
    }

    @Test
    void brownTagsAreSimplifiedToTheirBase() {
        assertThat(TagCommand.simplify("np-tl")).isEqualTo("np");
        assertThat(TagCommand.simplify("nn$")).isEqualTo("nn$");
        assertThat(TagCommand.simplify("--")).isEqualTo("--");
    }
}
