package dev.nlpkit.vectorize.onehot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.DenseMatrix;
import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.Vocabulary;

class OneHotEncoderTest {

    static final List<String> COURSE_WORDS =
            List.of("man", "woman", "boy", "girl", "prince", "princess", "queen", "king", "monarch");

    private final OneHotEncoder encoder = OneHotEncoder.of(Vocabulary.of(COURSE_WORDS, ReservedTokens.NONE));

    @Test
    void courseTableIsTheNineByNineIdentityInTheCoursesOrder() {
        DenseMatrix table = encoder.table();
        assertThat(table.rows()).isEqualTo(9);
        assertThat(table.columns()).isEqualTo(9);
        for (int i = 0; i < 9; i++) {
            float[] expected = new float[9];
            expected[i] = 1f;
            assertThat(table.row(i)).as(COURSE_WORDS.get(i)).containsExactly(expected);
            assertThat(encoder.dense(COURSE_WORDS.get(i))).containsExactly(expected);
        }
    }

    @Test
    void queenIsOneAtIndexSix() {
        assertThat(encoder.dense("queen")).containsExactly(0, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(encoder.encode("queen").columns()).containsExactly(6);
    }

    @Test
    void differentWordsAreOrthogonal() {
        assertThat(encoder.encode("king").dot(encoder.encode("queen"))).isZero();
        assertThat(encoder.encode("king").dot(encoder.encode("monarch"))).isZero();
        assertThat(encoder.encode("king").dot(encoder.encode("king"))).isEqualTo(1.0);
    }

    @Test
    void documentIsATimeByVocabularySparseMatrix() {
        CsrMatrix steps = encoder.encode(List.of("the", "king", "and", "queen"));
        assertThat(steps.rows()).isEqualTo(4);
        assertThat(steps.columns()).isEqualTo(9);
        assertThat(steps.row(0).size()).isZero();
        assertThat(steps.get(1, 7)).isEqualTo(1f);
        assertThat(steps.get(3, 6)).isEqualTo(1f);
        assertThat(encoder.unknownCount(List.of("the", "king", "and", "queen"))).isEqualTo(2);
    }

    @Test
    void denseTableIsRefusedForLargeVocabularies() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            words.add("w" + i);
        }
        OneHotEncoder large = OneHotEncoder.of(Vocabulary.of(words, ReservedTokens.NONE));
        assertThatThrownBy(large::table).isInstanceOf(IllegalStateException.class).hasMessageContaining("sparse");
        assertThat(large.encode("w4999").columns()).containsExactly(4999);
    }
}
