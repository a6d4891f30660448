package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartOfSpeechTest {

    @Test
    void wordNetTagLettersMapToTheFourPartsOfSpeech() {
        assertThat(PartOfSpeech.fromTag('n')).isEqualTo(PartOfSpeech.NOUN);
        assertThat(PartOfSpeech.fromTag('v')).isEqualTo(PartOfSpeech.VERB);
        assertThat(PartOfSpeech.fromTag('a')).isEqualTo(PartOfSpeech.ADJECTIVE);
        assertThat(PartOfSpeech.fromTag('s')).isEqualTo(PartOfSpeech.ADJECTIVE);
        assertThat(PartOfSpeech.fromTag('r')).isEqualTo(PartOfSpeech.ADVERB);
    }

    @Test
    void unknownTagLetterIsRejectedWithTheValidChoices() {
        assertThatThrownBy(() -> PartOfSpeech.fromTag('x'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n, v, a, s, r");
    }

    @Test
    void pennTagsMapByFamily() {
        for (String tag : new String[] {"NN", "NNS", "NNP", "NNPS"}) {
            assertThat(PartOfSpeech.fromPennTag(tag)).as(tag).contains(PartOfSpeech.NOUN);
        }
        for (String tag : new String[] {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}) {
            assertThat(PartOfSpeech.fromPennTag(tag)).as(tag).contains(PartOfSpeech.VERB);
        }
        for (String tag : new String[] {"JJ", "JJR", "JJS"}) {
            assertThat(PartOfSpeech.fromPennTag(tag)).as(tag).contains(PartOfSpeech.ADJECTIVE);
        }
        for (String tag : new String[] {"RB", "RBR", "RBS"}) {
            assertThat(PartOfSpeech.fromPennTag(tag)).as(tag).contains(PartOfSpeech.ADVERB);
        }
    }

    @Test
    void closedClassPennTagsAndNonTagsHaveNoPartOfSpeech() {
        assertThat(PartOfSpeech.fromPennTag("DT")).isEmpty();
        assertThat(PartOfSpeech.fromPennTag("WRB")).isEmpty();
        assertThat(PartOfSpeech.fromPennTag("<ALPHANUM>")).isEmpty();
        assertThat(PartOfSpeech.fromPennTag("NNX")).isEmpty();
        assertThat(PartOfSpeech.isPennTag("DT")).isTrue();
        assertThat(PartOfSpeech.isPennTag("WORD")).isFalse();
    }
}
