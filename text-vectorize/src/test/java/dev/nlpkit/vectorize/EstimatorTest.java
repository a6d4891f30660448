package dev.nlpkit.vectorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.sequence.PaddedSequences;
import dev.nlpkit.vectorize.sequence.SequenceEncoder;
import dev.nlpkit.vectorize.sequence.SequenceOptions;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

class EstimatorTest {

    private final Estimator<PaddedSequences, SequenceEncoder> estimator = Estimator.of("SequenceEncoder",
            docs -> SequenceEncoder.fit(docs, VocabularyOptions.defaults(), SequenceOptions.defaults()));

    @Test
    void transformBeforeFitThrowsIllegalStateSayingSo() {
        assertThat(estimator.isFitted()).isFalse();
        assertThatThrownBy(() -> estimator.transform(List.of(List.of("a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SequenceEncoder is not fitted: call fit(documents) before transform");
        assertThatThrownBy(estimator::fitted).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fitThenTransformWorks() {
        PaddedSequences p = estimator.fitTransform(List.of(List.of("a", "b", "a")));
        assertThat(p.ids()).isEqualTo(new int[][] {{2, 3, 2}});
        assertThat(estimator.isFitted()).isTrue();
    }
}
