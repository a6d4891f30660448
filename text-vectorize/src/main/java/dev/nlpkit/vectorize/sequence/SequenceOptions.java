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

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code maxLength} or {@code numWords} is negative or an option is null
     */
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

    /**
     * Keras' defaults: pad and truncate PRE to the longest sequence, unknown to {@code <unk>}, no word limit.
     *
     * @return the default options
     */
    public static SequenceOptions defaults() {
        return new SequenceOptions(0, Padding.PRE, Truncation.PRE, UnknownTokens.MAP_TO_UNK, 0);
    }

    /**
     * With another padded length.
     *
     * @param value the padded length, >= 0 (0: the longest sequence of each batch)
     * @return a copy with {@code maxLength} replaced
     */
    public SequenceOptions withMaxLength(int value) {
        return new SequenceOptions(value, padding, truncation, unknown, numWords);
    }

    /**
     * With other padding.
     *
     * @param value where padding goes
     * @return a copy with {@code padding} replaced
     */
    public SequenceOptions withPadding(Padding value) {
        return new SequenceOptions(maxLength, value, truncation, unknown, numWords);
    }

    /**
     * With other truncation.
     *
     * @param value which end of a longer sequence is cut
     * @return a copy with {@code truncation} replaced
     */
    public SequenceOptions withTruncation(Truncation value) {
        return new SequenceOptions(maxLength, padding, value, unknown, numWords);
    }

    /**
     * With another unknown-token policy.
     *
     * @param value unknown tokens to {@code <unk>} or dropped
     * @return a copy with {@code unknown} replaced
     */
    public SequenceOptions withUnknown(UnknownTokens value) {
        return new SequenceOptions(maxLength, padding, truncation, value, numWords);
    }

    /**
     * With another word limit.
     *
     * @param value keep only ids below this, >= 0 (0: no limit)
     * @return a copy with {@code numWords} replaced
     */
    public SequenceOptions withNumWords(int value) {
        return new SequenceOptions(maxLength, padding, truncation, unknown, value);
    }
}
