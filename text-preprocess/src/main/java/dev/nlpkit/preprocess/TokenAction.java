package dev.nlpkit.preprocess;

/** What the pipeline does with the tokens of one {@link TokenType}. */
public enum TokenAction {
    /** Keep the token as it is. */
    KEEP,
    /** Remove the token. */
    DROP,
    /** Replace the term by the type's placeholder ({@code <url>}, {@code <user>}, {@code <number>}, ...). */
    REPLACE,
    /**
     * Strip the sigil and keep the rest as a {@link TokenType#WORD} ({@code #happy -> happy},
     * {@code @bob -> bob}); only for {@link TokenType#HASHTAG} and {@link TokenType#MENTION}.
     */
    UNWRAP
}
