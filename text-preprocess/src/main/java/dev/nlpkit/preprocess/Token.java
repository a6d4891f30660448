package dev.nlpkit.preprocess;

import java.util.Objects;

/**
 * One output token: its final term (after every filter), its type and its offsets in the ORIGINAL text
 * (before normalization), so that {@code text.substring(start, end)} is the span the token came from.
 *
 * @param term  the term text, never empty
 * @param type  the token type
 * @param start start offset in the original text, inclusive
 * @param end   end offset in the original text, exclusive; {@code end >= start}
 */
public record Token(String term, TokenType type, int start, int end) {

    public Token {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("offsets must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }
}
