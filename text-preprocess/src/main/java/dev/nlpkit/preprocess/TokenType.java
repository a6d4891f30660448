package dev.nlpkit.preprocess;

/**
 * The kind of a token, recorded by every tokenizer of the pipeline in Lucene's {@code TypeAttribute}
 * (as {@link #name()}), so that per-type policies, filters and typed output work the same whatever the
 * tokenizer.
 *
 * <p>The tweet tokenizer produces all of them; the Penn-Treebank tokenizer produces {@link #WORD},
 * {@link #NUMBER} and {@link #PUNCT}; Lucene's StandardTokenizer types are mapped to {@link #WORD},
 * {@link #NUMBER} and {@link #EMOTICON} (its {@code <EMOJI>}).
 */
public enum TokenType {
    /** Letters and digits, with inner apostrophes or hyphens ({@code don't}, {@code well-known}, {@code b4}). */
    WORD,
    /** {@code http(s)://...}, {@code www....} or a bare domain with a common top-level domain ({@code bit.ly/x}). */
    URL,
    /** An e-mail address. */
    EMAIL,
    /** {@code @user}. */
    MENTION,
    /** {@code #tag}. */
    HASHTAG,
    /** An emoticon ({@code :)}, {@code :-(}, {@code ;D}, {@code <3}, {@code xD}, {@code ^_^}) or an emoji. */
    EMOTICON,
    /** A number, with separators and an optional unit or ordinal suffix ({@code 15,000}, {@code 3.5}, {@code 20km}). */
    NUMBER,
    /** Punctuation and other symbols; a run of one repeated character is one token ({@code !!!}, {@code ...}). */
    PUNCT;

    /**
     * The type of a Lucene type string; strings that are not one of ours (a foreign tokenizer) are WORD.
     *
     * @param luceneType the value of a {@code TypeAttribute}
     * @return the token type
     */
    public static TokenType ofLuceneType(String luceneType) {
        return switch (luceneType) {
            case "WORD" -> WORD;
            case "URL" -> URL;
            case "EMAIL" -> EMAIL;
            case "MENTION" -> MENTION;
            case "HASHTAG" -> HASHTAG;
            case "EMOTICON" -> EMOTICON;
            case "NUMBER" -> NUMBER;
            case "PUNCT" -> PUNCT;
            default -> WORD;
        };
    }
}
