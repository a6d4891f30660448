package dev.nlpkit.vectorize.sequence;

/** What happens to a token that is not in the vocabulary, or whose id is not below {@code numWords}. */
public enum UnknownTokens {
    /** It becomes the {@code <unk>} id 1 (Keras {@code Tokenizer(oov_token=...)}); needs reserved PAD and UNK. */
    MAP_TO_UNK,
    /** It is left out of the sequence (Keras {@code Tokenizer()} without {@code oov_token}). */
    DROP
}
