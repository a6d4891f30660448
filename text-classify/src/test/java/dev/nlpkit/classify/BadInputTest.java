package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private static TextClassifier model;

    @BeforeAll
    static void fit() {
        Fixtures.Data d = Fixtures.data(300, 21, false);
        model = TextClassifier.fit(d.texts(), d.labels(), null, Fixtures.tiny(), FitListener.NONE);
    }

    @Test
    void emptyTextIsPredictedFromTheAllPaddingSequence() {
        double[] empty = model.predictProba("");
        assertThat(Arrays.stream(empty).allMatch(Double::isFinite)).isTrue();
        assertThat(empty[0] + empty[1]).isEqualTo(1.0);
        // punctuation the tiny recipe keeps but never saw is <unk>; only tokens that vanish count as empty
        assertThat(model.predictProba("   ")).isEqualTo(empty);
        assertThat(model.predictProba(List.of("", "good"))[0]).isEqualTo(empty);
    }

    @Test
    void nullTextIsAClearException() {
        assertThatThrownBy(() -> model.predictProba((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("text is null");
        assertThatThrownBy(() -> model.predict(Arrays.asList("good", null))).isInstanceOf(NullPointerException.class)
                .hasMessage("text 1 is null");
    }

    @Test
    void aOneMegabyteTextIsTruncatedBySequenceOptions() {
        StringBuilder text = new StringBuilder(1 << 20);
        while (text.length() < (1 << 20)) {
            text.append("the day was so good today ");
        }
        double[] p = model.predictProba(text.toString());
        assertThat(Arrays.stream(p).allMatch(Double::isFinite)).isTrue();
        // truncation PRE keeps the last 12 tokens: the same as the text's tail alone
        assertThat(p[1]).isCloseTo(model.predictProba("so good today the day was so good today the day was so "
                + "good today")[1], org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void textsAndLabelsOfDifferentLengths() {
        assertThatThrownBy(() -> TextClassifier.fit(List.of("a", "b"), List.of("x"), null, Fixtures.tiny(),
                FitListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("texts and labels differ in length: 2 texts, 1 labels");
        assertThatThrownBy(() -> model.evaluate(List.of("good"), List.of("pos", "neg")))
                .hasMessage("texts and labels differ in length: 1 texts, 2 labels");
    }

    @Test
    void fewerThanTwoClasses() {
        assertThatThrownBy(() -> TextClassifier.fit(List.of("a", "b"), List.of("x", "x"), null, Fixtures.tiny(),
                FitListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a classifier needs at least two classes, but every one of the 2 labels is 'x'");
    }

    @Test
    void aLabelUnseenAtFitTimeInEvaluate() {
        assertThatThrownBy(() -> model.evaluate(List.of("good", "bad"), List.of("pos", "meh")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 1 is 'meh', which was not a class at fit time [neg, pos]");
    }

    @Test
    void earlyStoppingWithoutValidation() {
        TextClassifierOptions o = Fixtures.tiny().withTraining(Fixtures.tiny().training().withPatience(2));
        assertThatThrownBy(() -> TextClassifier.fit(List.of("a", "b"), List.of("x", "y"), null, o, FitListener.NONE))
                .hasMessageContaining("early stopping (patience 2) needs validation texts");
    }

    @Test
    void optionsAreValidatedWhenBuilt() {
        assertThatThrownBy(() -> TextClassifierOptions.Sequence.defaults().withMaxLength(0))
                .hasMessage("sequence maxLength must be >= 1, got 0");
        assertThatThrownBy(() -> TextClassifierOptions.Network.lesson().withDropouts(1.0, 0, 0))
                .hasMessage("network dropout must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> TextClassifierOptions.Training.defaults().withOptimizer(
                TextClassifierOptions.Optimizer.ADAM, 0)).hasMessage("training learningRate must be > 0, got 0.0");
    }

    @Test
    void evaluateReportsEveryMetric() {
        List<String> texts = new ArrayList<>(List.of("good great love", "awful bad hate", "lovely happy",
                "sad terrible"));
        Evaluation e = model.evaluate(texts, List.of("pos", "neg", "pos", "neg"));
        assertThat(e.classes()).containsExactly("neg", "pos");
        assertThat(e.total()).isEqualTo(4);
        assertThat(e.accuracy()).isEqualTo(1.0);
        assertThat(e.rocAuc()).isEqualTo(1.0);
        assertThat(e.f1()).isEqualTo(1.0);
        assertThat(e.confusion()).isDeepEqualTo(new long[][] {{2, 0}, {0, 2}});
    }
}
