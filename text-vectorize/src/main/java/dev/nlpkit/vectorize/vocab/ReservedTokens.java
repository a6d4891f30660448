package dev.nlpkit.vectorize.vocab;

/**
 * Reserved entries at the start of a vocabulary, for index sequences. With {@link #PAD} id 0 is padding and real
 * terms start at 1 (Keras' {@code Tokenizer()} without {@code oov_token}); with {@link #PAD_AND_UNK} id 0 is
 * padding, id 1 stands for unknown tokens and real terms start at 2 (Keras with an {@code oov_token}).
 */
public enum ReservedTokens {
    /** No reserved entry: real terms start at 0 (bag-of-words and TF-IDF columns). */
    NONE(0),
    /** {@code <pad>} = 0. */
    PAD(1),
    /** {@code <pad>} = 0, {@code <unk>} = 1. */
    PAD_AND_UNK(2);

    private final int count;

    ReservedTokens(int count) {
        this.count = count;
    }

    /**
     * The number of reserved ids, which is also the id of the first real term.
     *
     * @return 0, 1 or 2
     */
    public int count() {
        return count;
    }
}
