package dev.nlpkit.vectorize.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.Vocabulary;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * Keras semantics. Keras is not installed here, so the expected values were written by hand from the documented
 * behaviour of Keras 2.x {@code Tokenizer} (word_index by count descending, index 0 reserved, {@code oov_token}
 * at index 1, {@code num_words} keeps indices below it) and {@code pad_sequences} (defaults padding='pre',
 * truncating='pre', value=0, maxlen=None pads to the longest). The corpus has no count ties, where Keras (first
 * occurrence) and this module (term order) differ.
 */
class SequenceEncoderTest {

    // counts: the 4, cat 3, sat 2, mat 1
    private static final List<List<String>> TRAIN = List.of(
            List.of("the", "cat", "sat", "the", "mat"),
            List.of("the", "cat", "the", "cat", "sat"));
    private static final List<String> TEXT = List.of("the", "dog", "sat", "on", "the", "mat");

    private static SequenceEncoder fit(SequenceOptions options) {
        return SequenceEncoder.fit(TRAIN, VocabularyOptions.defaults(), options);
    }

    @Test
    void withOovTokenUnknownWordsBecomeOne() {
        // Tokenizer(oov_token="<unk>"): word_index {<unk>: 1, the: 2, cat: 3, sat: 4, mat: 5}
        SequenceEncoder encoder = fit(SequenceOptions.defaults());
        assertThat(encoder.vocabulary().terms()).containsExactly("<pad>", "<unk>", "the", "cat", "sat", "mat");
        assertThat(encoder.encode(TEXT)).containsExactly(2, 1, 4, 1, 2, 5);
        assertThat(encoder.unknownCount(TEXT)).isEqualTo(2);
    }

    @Test
    void withOovTokenNumWordsMapsRareWordsToOne() {
        // Tokenizer(num_words=4, oov_token="<unk>"): indices >= 4 (sat, mat) become 1
        SequenceEncoder encoder = fit(SequenceOptions.defaults().withNumWords(4));
        assertThat(encoder.encode(TEXT)).containsExactly(2, 1, 1, 1, 2, 1);
    }

    @Test
    void withoutOovTokenUnknownWordsAreDropped() {
        // Tokenizer(): word_index {the: 1, cat: 2, sat: 3, mat: 4}
        SequenceEncoder encoder = fit(SequenceOptions.defaults().withUnknown(UnknownTokens.DROP));
        assertThat(encoder.vocabulary().terms()).containsExactly("<pad>", "the", "cat", "sat", "mat");
        assertThat(encoder.encode(TEXT)).containsExactly(1, 3, 1, 4);
    }

    @Test
    void withoutOovTokenNumWordsDropsRareWords() {
        // Tokenizer(num_words=3): only indices 1 and 2 survive
        SequenceEncoder encoder = fit(SequenceOptions.defaults().withUnknown(UnknownTokens.DROP).withNumWords(3));
        assertThat(encoder.encode(TEXT)).containsExactly(1, 1);
    }

    private static final List<int[]> SEQUENCES = List.of(new int[] {1, 2, 3, 4, 5}, new int[] {6, 7});

    @Test
    void padPreTruncatePre() {
        // pad_sequences(s, maxlen=3)
        PaddedSequences p = SequenceEncoder.pad(SEQUENCES, 3, Padding.PRE, Truncation.PRE);
        assertThat(p.ids()).isEqualTo(new int[][] {{3, 4, 5}, {0, 6, 7}});
        assertThat(p.lengths()).containsExactly(3, 2);
    }

    @Test
    void padPostTruncatePre() {
        // pad_sequences(s, maxlen=3, padding='post')
        PaddedSequences p = SequenceEncoder.pad(SEQUENCES, 3, Padding.POST, Truncation.PRE);
        assertThat(p.ids()).isEqualTo(new int[][] {{3, 4, 5}, {6, 7, 0}});
        assertThat(p.lengths()).containsExactly(3, 2);
    }

    @Test
    void padPreTruncatePost() {
        // pad_sequences(s, maxlen=3, truncating='post')
        PaddedSequences p = SequenceEncoder.pad(SEQUENCES, 3, Padding.PRE, Truncation.POST);
        assertThat(p.ids()).isEqualTo(new int[][] {{1, 2, 3}, {0, 6, 7}});
    }

    @Test
    void padPostTruncatePost() {
        // pad_sequences(s, maxlen=3, padding='post', truncating='post')
        PaddedSequences p = SequenceEncoder.pad(SEQUENCES, 3, Padding.POST, Truncation.POST);
        assertThat(p.ids()).isEqualTo(new int[][] {{1, 2, 3}, {6, 7, 0}});
    }

    @Test
    void maxLengthZeroPadsToTheLongest() {
        // pad_sequences(s)
        PaddedSequences p = SequenceEncoder.pad(SEQUENCES, 0, Padding.PRE, Truncation.PRE);
        assertThat(p.ids()).isEqualTo(new int[][] {{1, 2, 3, 4, 5}, {0, 0, 0, 6, 7}});
        assertThat(p.lengths()).containsExactly(5, 2);
    }

    @Test
    void transformEncodesAndPadsWithRealLengths() {
        SequenceEncoder encoder = fit(SequenceOptions.defaults().withMaxLength(4).withPadding(Padding.POST));
        PaddedSequences p = encoder.transform(List.of(TEXT, List.of(), List.of("cat")));
        assertThat(p.ids()).isEqualTo(new int[][] {{4, 1, 2, 5}, {0, 0, 0, 0}, {3, 0, 0, 0}});
        assertThat(p.lengths()).containsExactly(4, 0, 1);
        assertThat(p.batchSize()).isEqualTo(3);
        assertThat(p.maxLength()).isEqualTo(4);
    }

    @Test
    void vocabularyWithoutPadIsRefused() {
        assertThatThrownBy(() -> SequenceEncoder.of(Vocabulary.of("a", "b"), SequenceOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<pad>");
        assertThatThrownBy(() -> SequenceEncoder.of(Vocabulary.of(List.of("a"), ReservedTokens.PAD),
                SequenceOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<unk>");
    }
}
