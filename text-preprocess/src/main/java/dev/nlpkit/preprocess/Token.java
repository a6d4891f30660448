package dev.nlpkit.preprocess;

import java.util.Objects;

/**
 * One output token: its final term (after every filter), its type and its offsets in the ORIGINAL text
 * (before normalization), so that {@code text.substring(start, end)} is the span the token came from.
 *
 * <p>{@code luceneType} is the token's type string exactly as the last stage left it in Lucene's
 * {@code TypeAttribute}: one of the {@link TokenType} names for nlpkit's own tokenizers, or any custom type a
 * user stage set ({@code "ANIMAL"}); {@code type} is its {@link TokenType} ({@link TokenType#ofLuceneType},
 * so a custom type counts as {@link TokenType#WORD}).
 *
 * @param term       the term text, never empty
 * @param type       the token type, {@code TokenType.ofLuceneType(luceneType)}
 * @param start      start offset in the original text, inclusive
 * @param end        end offset in the original text, exclusive; {@code end >= start}
 * @param luceneType the type string of the token's {@code TypeAttribute}, never empty
 */
public record Token(String term, TokenType type, int start, int end, String luceneType) {

    /** Validates the offsets and that {@code type} is the {@link TokenType} of {@code luceneType}. */
    public Token {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(luceneType, "luceneType");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
        if (luceneType.isEmpty()) {
            throw new IllegalArgumentException("luceneType must not be empty");
        }
        if (TokenType.ofLuceneType(luceneType) != type) {
            throw new IllegalArgumentException("type " + type + " does not match luceneType '" + luceneType
                    + "' (which is " + TokenType.ofLuceneType(luceneType) + ")");
        }
    }

    /**
     * A token of one of nlpkit's own types ({@code luceneType} is {@code type.name()}).
     *
     * @param term  the term text
     * @param type  the token type
     * @param start start offset in the original text, inclusive
     * @param end   end offset in the original text, exclusive
     */
    public Token(String term, TokenType type, int start, int end) {
        this(term, type, start, end, Objects.requireNonNull(type, "type").name());
    }

    /** A token read from a Lucene stream: {@code type} derived from {@code luceneType}. */
    static Token ofLucene(String term, String luceneType, int start, int end) {
        return new Token(term, TokenType.ofLuceneType(luceneType), start, end, luceneType);
    }

    /** {@code Token[term=goood, type=WORD, start=3, end=9]}, with {@code luceneType=...} only when it is custom. */
    @Override
    public String toString() {
        return "Token[term=" + term + ", type=" + type + ", start=" + start + ", end=" + end
                + (luceneType.equals(type.name()) ? "" : ", luceneType=" + luceneType) + "]";
    }
}
