package dev.nlpkit.preprocess.tokenize;

import java.util.Set;

import dev.nlpkit.preprocess.TokenType;

/**
 * The tweet tokenization rules, a hand-written single-pass scanner over a char buffer (no regular
 * expressions: this is the hot path). At each position, after skipping whitespace and control characters,
 * the first rule that matches wins:
 *
 * <ol>
 *   <li>URL: {@code http://}, {@code https://} or {@code www.} up to whitespace; trailing {@code .,;:!?'"}
 *       and an unbalanced {@code )} are left out;</li>
 *   <li>MENTION: {@code @} + ASCII letters, digits, {@code _};</li>
 *   <li>HASHTAG: {@code #} + letters, digits, marks, {@code _};</li>
 *   <li>EMOTICON: western ({@code :) :-( ;D :P :'( >:( =] 8-) xD :))) }), reversed ({@code (: D:} between
 *       spaces), hearts ({@code <3 </3}), eastern ({@code ^_^ ^^ -_- o_O T_T >_<}), {@code \o/}, and emoji
 *       (with skin tones, variation selectors, ZWJ sequences, flags). An emoticon whose last character is a
 *       letter or digit must not be followed by a letter or digit ({@code :Pizza} is not {@code :P});</li>
 *   <li>EMAIL: {@code local@domain.tld};</li>
 *   <li>NUMBER: digits with inner {@code . , : / -} between digits ({@code 15,000 3.5 10:30 9/11}), an optional
 *       sign at the start, {@code %}, and an optional unit or ordinal suffix from a fixed list ({@code 20km 1st
 *       10pm 90s 5k}); digits followed by other letters are a WORD ({@code 2day 4ever});</li>
 *   <li>WORD: letters, digits, marks and {@code _}, with inner apostrophes ({@code ' ’}) or hyphens followed by
 *       a letter or digit ({@code don't}, {@code rock'n'roll}, {@code well-known}); dotted abbreviations
 *       ({@code U.S.}, {@code e.g.}); a word followed by {@code .tld} of a common top-level domain is a URL
 *       ({@code bit.ly/abc}, {@code google.com});</li>
 *   <li>PUNCT: a run of one repeated character ({@code !!!}, {@code ...}), else a single code point.</li>
 * </ol>
 */
public final class TweetScanner {

    /** Top-level domains that make {@code word.tld} a URL without a scheme (lower case only). */
    private static final Set<String> TLDS = Set.of("com", "net", "org", "ly", "co", "io", "gl", "me", "us", "uk",
            "edu", "gov", "tv", "fm", "be", "de", "info", "biz", "ca", "au", "im", "gd");

    private static final Set<String> NUMBER_SUFFIXES = Set.of("st", "nd", "rd", "th", "am", "pm", "k", "m", "b",
            "km", "kg", "g", "mg", "lb", "lbs", "mb", "gb", "tb", "kb", "mph", "kph", "cm", "mm", "ml", "l", "h",
            "hr", "hrs", "min", "mins", "s", "sec", "secs", "ms", "x", "yr", "yrs", "ft", "mi", "in", "d", "w", "oz",
            "p", "px", "pts", "mil", "bn", "c", "f");

    /** Longest e-mail local part (RFC 5321) and domain considered; bounds the work per token start. */
    private static final int MAX_EMAIL_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    private char[] buf;
    private int length;
    private int pos;

    /** Start, end (exclusive) and type of the last token found by {@link #next()}. */
    private int start;
    private int end;
    private TokenType type;

    /** A scanner with no text yet; call {@link #reset(char[], int)} before {@link #next()}. One per thread. */
    public TweetScanner() {
        // Explicit only to carry the comment above: the default constructor cannot be documented.
    }

    /**
     * Points the scanner at {@code buf[0, length)} (not copied).
     *
     * @param buffer the text; read, not copied or modified
     * @param len the number of chars to scan, from index 0
     */
    public void reset(char[] buffer, int len) {
        this.buf = buffer;
        this.length = len;
        this.pos = 0;
    }

    /**
     * Start of the last token found by {@link #next()}.
     *
     * @return its first char's index in the buffer
     */
    public int start() {
        return start;
    }

    /**
     * End of the last token found by {@link #next()}.
     *
     * @return the index after its last char
     */
    public int end() {
        return end;
    }

    /**
     * Type of the last token found by {@link #next()}.
     *
     * @return its type
     */
    public TokenType type() {
        return type;
    }

    /**
     * Finds the next token; false at the end of the text.
     *
     * @return true when a token was found
     */
    public boolean next() {
        while (pos < length && isSkippable(buf[pos])) {
            pos++;
        }
        if (pos >= length) {
            return false;
        }
        int s = pos;
        int e;
        TokenType t;
        if ((e = url(s)) > s) {
            t = TokenType.URL;
        } else if ((e = mention(s)) > s) {
            t = TokenType.MENTION;
        } else if ((e = hashtag(s)) > s) {
            t = TokenType.HASHTAG;
        } else if ((e = emoticon(s)) > s) {
            t = TokenType.EMOTICON;
        } else if ((e = email(s)) > s) {
            t = TokenType.EMAIL;
        } else if ((e = number(s)) > s) {
            t = TokenType.NUMBER;
        } else if ((e = word(s)) > s) {
            int u = bareDomain(s, e);
            if (u > e) {
                e = u;
                t = TokenType.URL;
            } else {
                t = TokenType.WORD;
            }
        } else {
            e = punct(s);
            t = TokenType.PUNCT;
        }
        start = s;
        end = e;
        type = t;
        pos = e;
        return true;
    }

    // ---- character classes

    private static boolean isSkippable(char c) {
        if (c > ' ' && c < 0x7F) {
            return false;
        }
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x7F && c <= 0x9F)
                || c == '\u200B' || c == '\uFEFF' || c == '\u00AD' || c == '\u200E' || c == '\u200F'
                || c == '\u2060';
    }

    private int cp(int i) {
        return Character.codePointAt(buf, i, length);
    }

    private boolean isWordCp(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == '\u200C';
    }

    private boolean isWordAt(int i) {
        return i < length && i >= 0 && isWordCp(cp(i));
    }

    private boolean isLetterOrDigitAt(int i) {
        return i < length && Character.isLetterOrDigit(cp(i));
    }

    private boolean isBoundaryBefore(int i) {
        return i == 0 || isSkippable(buf[i - 1]);
    }

    private boolean isSpaceOrEnd(int i) {
        return i >= length || isSkippable(buf[i]);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean startsWithIgnoreCase(int i, String prefix) {
        if (i + prefix.length() > length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Character.toLowerCase(buf[i + k]) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    // ---- rules; each returns the end of its match, or the start when it does not match

    private int url(int s) {
        int p;
        if (startsWithIgnoreCase(s, "http://")) {
            p = s + 7;
        } else if (startsWithIgnoreCase(s, "https://")) {
            p = s + 8;
        } else if (startsWithIgnoreCase(s, "www.")) {
            p = s + 4;
        } else {
            return s;
        }
        int bodyStart = p;
        p = urlBody(p);
        return p > bodyStart ? p : s;
    }

    /** Consumes URL characters from p, then trims trailing punctuation; returns the end. */
    private int urlBody(int p) {
        int depth = 0;
        while (p < length && isUrlChar(buf[p])) {
            if (buf[p] == '(') {
                depth++;
            } else if (buf[p] == ')') {
                depth--;
            }
            p++;
        }
        while (p > 0) {
            char last = buf[p - 1];
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?'
                    || last == '\'' || last == '"' || last == '\u2019') {
                p--;
            } else if (last == ')' && depth < 0) {
                p--;
                depth++;
            } else {
                break;
            }
        }
        return p;
    }

    private static boolean isUrlChar(char c) {
        if (c > ' ' && c < 0x7F) {
            return c != '"' && c != '<' && c != '>' && c != '`' && c != '{' && c != '}' && c != '|' && c != '\\'
                    && c != '^';
        }
        return c >= 0xA0 && Character.isLetterOrDigit(c);
    }

    private int mention(int s) {
        if (buf[s] != '@' || s + 1 >= length || !isAsciiWord(buf[s + 1])) {
            return s;
        }
        if (s > 0 && isWordAt(s - 1)) {
            return s;
        }
        int p = s + 1;
        while (p < length && isAsciiWord(buf[p])) {
            p++;
        }
        return p;
    }

    private static boolean isAsciiWord(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    private int hashtag(int s) {
        if (buf[s] != '#' || !isWordAt(s + 1)) {
            return s;
        }
        int p = s + 1;
        while (p < length && isWordCp(cp(p))) {
            p += Character.charCount(cp(p));
        }
        return p;
    }

    private int email(int s) {
        int p = s;
        int localLimit = Math.min(length, s + MAX_EMAIL_LOCAL);
        while (p < localLimit && (isAsciiWord(buf[p]) || buf[p] == '.' || buf[p] == '+' || buf[p] == '-'
                || buf[p] == '%')) {
            p++;
        }
        if (p == s || p >= length || buf[p] != '@' || !isAsciiWord(buf[s])) {
            return s;
        }
        p++;
        int domainStart = p;
        int lastDot = -1;
        int domainLimit = Math.min(length, p + MAX_DOMAIN);
        while (p < domainLimit && (isAsciiLetter(buf[p]) || isDigit(buf[p]) || buf[p] == '-'
                || (buf[p] == '.' && p + 1 < length && (isAsciiLetter(buf[p + 1]) || isDigit(buf[p + 1]))))) {
            if (buf[p] == '.') {
                lastDot = p;
            }
            p++;
        }
        if (lastDot <= domainStart || p - lastDot - 1 < 2) {
            return s;
        }
        for (int i = lastDot + 1; i < p; i++) {
            if (!isAsciiLetter(buf[i])) {
                return s;
            }
        }
        return p;
    }

    private int number(int s) {
        int p = s;
        char c = buf[p];
        if ((c == '-' || c == '+') && p + 1 < length && isDigit(buf[p + 1]) && isBoundaryBefore(p)) {
            p++;
        } else if (!isDigit(c)) {
            return s;
        }
        while (p < length && isDigit(buf[p])) {
            p++;
        }
        while (p + 1 < length && (buf[p] == '.' || buf[p] == ',' || buf[p] == ':' || buf[p] == '/' || buf[p] == '-')
                && isDigit(buf[p + 1])) {
            p++;
            while (p < length && isDigit(buf[p])) {
                p++;
            }
        }
        if (p < length && buf[p] == '%') {
            return p + 1;
        }
        if (p < length && isWordCp(cp(p))) {
            int q = p;
            while (q < length && isAsciiLetter(buf[q])) {
                q++;
            }
            boolean suffixEnds = q >= length || !isWordCp(cp(q));
            if (q > p && suffixEnds && q - p <= 3
                    && NUMBER_SUFFIXES.contains(new String(buf, p, q - p).toLowerCase(java.util.Locale.ROOT))) {
                return q;
            }
            return s; // digits glued to other letters: a WORD ("2day", "b4" starts with a letter anyway)
        }
        if (p < length - 1 && buf[p] == '\'' && buf[p + 1] == 's' && !isWordAt(p + 2)) {
            return p + 2; // 90's
        }
        return p;
    }

    private int word(int s) {
        if (!isWordAt(s)) {
            return s;
        }
        // dotted abbreviation: U.S. / e.g. / a.m.
        if (s + 3 < length && Character.isLetter(buf[s]) && buf[s + 1] == '.' && Character.isLetter(buf[s + 2])
                && buf[s + 3] == '.') {
            int p = s;
            while (p + 1 < length && Character.isLetter(buf[p]) && buf[p + 1] == '.') {
                p += 2;
            }
            if (!isWordAt(p)) {
                return p;
            }
        }
        int p = s;
        while (true) {
            while (p < length && isWordCp(cp(p))) {
                p += Character.charCount(cp(p));
            }
            if (p + 1 < length && (buf[p] == '\'' || buf[p] == '\u2019' || buf[p] == '-') && isWordAt(p + 1)) {
                p++;
                continue;
            }
            return p;
        }
    }

    private int bareDomain(int s, int wordEnd) {
        int p = wordEnd;
        int lastLabelStart = -1;
        int limit = Math.min(length, wordEnd + MAX_DOMAIN);
        while (p + 1 < limit && buf[p] == '.' && (isAsciiLetter(buf[p + 1]) || isDigit(buf[p + 1]))) {
            lastLabelStart = p + 1;
            p++;
            while (p < limit && (isAsciiLetter(buf[p]) || isDigit(buf[p]) || buf[p] == '-')) {
                p++;
            }
        }
        if (lastLabelStart < 0 || p >= limit && limit < length || isWordAt(p)) {
            return wordEnd;
        }
        for (int i = s; i < wordEnd; i++) {
            if (buf[i] >= 0x80) {
                return wordEnd;
            }
        }
        String tld = new String(buf, lastLabelStart, p - lastLabelStart);
        if (!TLDS.contains(tld)) {
            return wordEnd;
        }
        if (p < length && buf[p] == '/') {
            return urlBody(p);
        }
        return p;
    }

    private int punct(int s) {
        int c = cp(s);
        int n = Character.charCount(c);
        int p = s + n;
        while (p < length && cp(p) == c) {
            p += n;
        }
        return p;
    }

    // ---- emoticons

    private static boolean isEyes(char c) {
        return c == ':' || c == ';' || c == '=' || c == '8' || c == 'x' || c == 'X';
    }

    private static boolean isNose(char c) {
        return c == '-' || c == 'o' || c == '^' || c == '\'' || c == '*' || c == '\u2019';
    }

    private static boolean isMouth(char c) {
        return switch (c) {
            case ')', '(', ']', '[', 'D', 'P', 'p', '/', '\\', '|', '*', 'O', 'o', '3', '@', '$', 'S', 's', 'b',
                 'X', 'x', '}', '{', '<', '>', '0', 'c', 'C' -> true;
            default -> false;
        };
    }

    private int emoticon(int s) {
        char c = buf[s];
        int e;
        if (c >= 0x80 || Character.isSurrogate(c)) {
            return emoji(s);
        }
        if ((e = heart(s)) > s) {
            return e;
        }
        if ((e = western(s)) > s) {
            return e;
        }
        if ((e = eastern(s)) > s) {
            return e;
        }
        if ((e = reversed(s)) > s) {
            return e;
        }
        if (c == '\\' && s + 2 < length && (buf[s + 1] == 'o' || buf[s + 1] == 'O') && buf[s + 2] == '/') {
            return s + 3;
        }
        return s;
    }

    private int heart(int s) {
        if (buf[s] != '<') {
            return s;
        }
        int p = s + 1;
        if (p < length && buf[p] == '/') {
            p++;
        }
        if (p >= length || buf[p] != '3') {
            return s;
        }
        while (p < length && buf[p] == '3') {
            p++;
        }
        return isLetterOrDigitAt(p) ? s : p;
    }

    private int western(int s) {
        int p = s;
        if (buf[p] == '>' || buf[p] == '}' || buf[p] == ']') {
            if (p + 1 < length && (buf[p + 1] == ':' || buf[p + 1] == ';' || buf[p + 1] == '=')) {
                p++;
            } else {
                return s;
            }
        }
        char eyes = buf[p];
        if (!isEyes(eyes)) {
            return s;
        }
        boolean letterEyes = eyes == 'x' || eyes == 'X' || eyes == '8';
        p++;
        boolean nose = false;
        if (p + 1 < length && isNose(buf[p]) && isMouth(buf[p + 1])) {
            nose = true;
            p++;
        }
        if (p >= length || !isMouth(buf[p])) {
            return s;
        }
        char mouth = buf[p];
        if (letterEyes) {
            // xD, XD, x), X(, 8-) ; never "xo", "x3", "8)" without nose (numbers, words)
            boolean ok = eyes == '8' ? nose && !Character.isLetterOrDigit(mouth)
                    : (mouth == 'D' || mouth == ')' || mouth == '(' || mouth == 'p' || (mouth == 'P' && eyes == 'x'));
            if (!ok || !isBoundaryBefore(s)) {
                return s;
            }
        }
        if (mouth == '/' && p + 1 < length && buf[p + 1] == '/') {
            return s; // "://"
        }
        if (!nose && (mouth == '<' || mouth == '>' || mouth == '0')) {
            return s; // ":<" and ":0" are too ambiguous without a nose
        }
        p++;
        while (p < length && buf[p] == mouth) {
            p++;
        }
        if (Character.isLetterOrDigit(mouth) && isLetterOrDigitAt(p)) {
            return s;
        }
        return p;
    }

    private int reversed(int s) {
        char mouth = buf[s];
        if (!(mouth == '(' || mouth == ')' || mouth == '[' || mouth == ']' || mouth == 'D')) {
            return s;
        }
        if (!isBoundaryBefore(s)) {
            return s;
        }
        int p = s + 1;
        if (p + 1 < length && (buf[p] == '-' || buf[p] == '\'') && (buf[p + 1] == ':' || buf[p + 1] == ';'
                || buf[p + 1] == '=')) {
            p++;
        }
        if (p >= length || !(buf[p] == ':' || buf[p] == ';' || buf[p] == '=')) {
            return s;
        }
        p++;
        return isSpaceOrEnd(p) ? p : s;
    }

    private int eastern(int s) {
        char a = buf[s];
        if (a == '^') {
            if (s + 1 < length && buf[s + 1] == '^') {
                return isLetterOrDigitAt(s + 2) ? s : s + 2;
            }
            if (s + 2 < length && (buf[s + 1] == '_' || buf[s + 1] == '.' || buf[s + 1] == '-') && buf[s + 2] == '^') {
                return s + 3;
            }
            return s;
        }
        if (!(a == '-' || a == 'o' || a == 'O' || a == 'T' || a == ';' || a == '>' || a == '=' || a == 'x'
                || a == 'X' || a == '*' || a == 'u' || a == 'U' || a == '0')) {
            return s;
        }
        int p = s + 1;
        if (p >= length || buf[p] != '_') {
            return s;
        }
        while (p < length && buf[p] == '_') {
            p++;
        }
        if (p >= length) {
            return s;
        }
        char b = buf[p];
        boolean pair = (a == '>' && b == '<') || (a == b && a != '>') || ((a == 'o' || a == 'O' || a == '0')
                && (b == 'o' || b == 'O' || b == '0'));
        if (!pair) {
            return s;
        }
        p++;
        if (isLetterOrDigitAt(p) || !isBoundaryBefore(s) && Character.isLetterOrDigit(a)) {
            return s;
        }
        return p;
    }

    private static boolean isEmojiBase(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x3030 || cp == 0x303D;
    }

    private int emoji(int s) {
        int c = cp(s);
        if (!isEmojiBase(c)) {
            return s;
        }
        int p = s + Character.charCount(c);
        boolean regional = c >= 0x1F1E6 && c <= 0x1F1FF;
        if (regional && p < length) {
            int d = cp(p);
            if (d >= 0x1F1E6 && d <= 0x1F1FF) {
                return p + Character.charCount(d);
            }
        }
        while (p < length) {
            int d = cp(p);
            if (d == 0xFE0F || d == 0xFE0E || d == 0x20E3 || (d >= 0x1F3FB && d <= 0x1F3FF)
                    || (d >= 0xE0020 && d <= 0xE007F)) {
                p += Character.charCount(d);
            } else if (d == 0x200D && p + 1 < length && isEmojiBase(cp(p + 1))) {
                p += 1;
                p += Character.charCount(cp(p));
            } else {
                break;
            }
        }
        return p;
    }
}
