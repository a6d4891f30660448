package dev.nlpkit.vectorize.sequence;

/**
 * Options of a {@link SequenceEncoder} (Keras {@code Tokenizer.texts_to_sequences} + {@code pad_sequences}).
 *
 * @param maxLength  the padded length; 0 pads to the longest sequence of each batch (Keras {@code maxlen=None})
 * @param padding    where padding goes
 * @param truncation which end is cut
 * @param unknown    unknown tokens to {@code <unk>} or dropped
 * @param numWords   keep only ids {@code < numWords} (reserved ids included, as Keras' {@code num_words});
 *                   0 for no limit. Other known tokens are treated as unknown.
 */
public record SequenceOptions(int maxLength, Padding padding, Truncation truncation, UnknownTokens unknown,
                              int numWords) {

    public SequenceOptions {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0 (0 = longest in batch), got " + maxLength);
        }
        if (numWords < 0) {
            throw new IllegalArgumentException("numWords must be >= 0 (0 = no limit), got " + numWords);
        }
        if (padding == null || truncation == null || unknown == null) {
            throw new IllegalArgumentException("padding, truncation and unknown must not be null");
        }
    }

    /** Keras' defaults: pad and truncate PRE to the longest sequence, unknown to {@code <unk>}, no word limit. */
    public static SequenceOptions defaults() {
        return new SequenceOptions(0, Padding.PRE, Truncation.PRE, UnknownTokens.MAP_TO_UNK, 0);
    }

    public SequenceOptions withMaxLength(int value) {
        return new SequenceOptions(value, padding, truncation, unknown, numWords);
    }

    public SequenceOptions withPadding(Padding value) {
        return new SequenceOptions(maxLength, value, truncation, unknown, numWords);
    }

    public SequenceOptions withTruncation(Truncation value) {
        return new SequenceOptions(maxLength, padding, value, unknown, numWords);
    }

    public SequenceOptions withUnknown(UnknownTokens value) {
        return new SequenceOptions(maxLength, padding, truncation, value, numWords);
    }

    public SequenceOptions withNumWords(int value) {
        return new SequenceOptions(maxLength, padding, truncation, unknown, value);
    }
}
