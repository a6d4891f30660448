package dev.nlpkit.preprocess.normalize;

import java.text.Normalizer;

/**
 * The character-level normalization algorithm (HTML entities, NFKC, apostrophes, whitespace), kept apart
 * from its Lucene adapter {@link NormalizingCharFilter}. Each step maps the text and records, for every
 * output character, the index of the input character it came from, so that token offsets can be reported
 * in the original text.
 *
 * <p>Offset rule: a replaced span (an entity, an NFKC segment, a whitespace run) maps its k-th output
 * character to {@code spanStart + min(k, spanLength - 1)}; the position after the last output character maps
 * to the input length. The map is therefore non-decreasing.
 *
 * <p>NFKC is applied segment by segment: a segment is a maximal run of non-ASCII characters together with the
 * ASCII character before it (which a combining mark may attach to). The boundary before an ASCII character is
 * always a normalization boundary (no ASCII character composes with what precedes it), so this gives the same
 * text as normalizing the whole string, at ASCII speed for ASCII text.
 */
public final class TextNormalizer {

    /**
     * The result of {@link #normalize}: text and the origin of every output char.
     *
     * @param text the normalized chars; only the first {@code length} are meaningful
     * @param length the number of normalized chars
     * @param origin for each output index in [0, length], the index in the input it came from
     */
    public record Result(char[] text, int length, int[] origin) {
    }

    private final Normalization options;

    /**
     * A normalizer applying the character-level steps of {@code options} (the token-level ones are filters).
     *
     * @param options which steps to apply; not null
     */
    public TextNormalizer(Normalization options) {
        this.options = options;
    }

    /**
     * Normalizes {@code text[0, length)}.
     *
     * @param text the input chars; not modified
     * @param length how many of them to normalize, from index 0
     * @return null when nothing changes (the caller uses the input as is), otherwise the new text and, for
     *         every output index {@code i} in {@code [0, result.length]}, {@code origin[i]} = input index
     */
    public Result normalize(char[] text, int length) {
        if (!needsWork(text, length)) {
            return null;
        }
        char[] cur = text;
        int n = length;
        int[] origin = null;
        boolean changed = false;
        if (options.htmlEntities()) {
            Pass p = entities(cur, n);
            if (p != null) {
                origin = compose(origin, p.origin, p.length);
                cur = p.text;
                n = p.length;
                changed = true;
            }
        }
        if (options.nfkc() || options.unifyApostrophes()) {
            Pass p = unicode(cur, n, options.nfkc(), options.unifyApostrophes());
            if (p != null) {
                origin = compose(origin, p.origin, p.length);
                cur = p.text;
                n = p.length;
                changed = true;
            }
        }
        if (options.cleanWhitespace()) {
            Pass p = whitespace(cur, n);
            if (p != null) {
                origin = compose(origin, p.origin, p.length);
                cur = p.text;
                n = p.length;
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        return new Result(cur, n, origin);
    }

    /** One cheap scan: is there any character that some enabled step would change? */
    private boolean needsWork(char[] text, int length) {
        boolean entities = options.htmlEntities();
        boolean ws = options.cleanWhitespace();
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c >= 0x7F) {
                return true;
            }
            if (c == '&' ? entities : (c < ' ' && ws && c != '\t' && c != '\n' && c != '\r')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Convenience for tests and callers outside Lucene.
     *
     * @param text any text; not null
     * @return the normalized text ({@code text} itself when nothing changes)
     */
    public String normalize(String text) {
        char[] chars = text.toCharArray();
        Result r = normalize(chars, chars.length);
        return r == null ? text : new String(r.text, 0, r.length);
    }

    private record Pass(char[] text, int length, int[] origin) {
    }

    private static int[] compose(int[] outer, int[] inner, int innerLength) {
        if (outer == null) {
            return inner;
        }
        int[] result = new int[innerLength + 1];
        for (int i = 0; i <= innerLength; i++) {
            result[i] = outer[inner[i]];
        }
        return result;
    }

    /** Output buffer with per-char origins. */
    private static final class Out {
        char[] text;
        int[] origin;
        int length;

        Out(int capacity) {
            text = new char[capacity + 16];
            origin = new int[capacity + 17];
        }

        void add(char c, int from) {
            if (length + 1 >= text.length) {
                grow();
            }
            text[length] = c;
            origin[length] = from;
            length++;
        }

        void grow() {
            text = java.util.Arrays.copyOf(text, text.length * 2);
            origin = java.util.Arrays.copyOf(origin, text.length + 1);
        }

        Pass finish(int inputLength) {
            if (length + 1 > origin.length) {
                grow();
            }
            origin[length] = inputLength;
            return new Pass(text, length, origin);
        }
    }

    private static Pass entities(char[] in, int n) {
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (in[i] == '&' && HtmlEntities.decode(in, i, n) >= 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        Out out = new Out(n);
        for (int i = 0; i < first; i++) {
            out.add(in[i], i);
        }
        int i = first;
        while (i < n) {
            char c = in[i];
            long decoded = c == '&' ? HtmlEntities.decode(in, i, n) : -1;
            if (decoded < 0) {
                out.add(c, i);
                i++;
                continue;
            }
            int cp = (int) (decoded >>> 32);
            int len = (int) decoded;
            if (Character.isBmpCodePoint(cp)) {
                out.add((char) cp, i);
            } else {
                out.add(Character.highSurrogate(cp), i);
                out.add(Character.lowSurrogate(cp), i + 1);
            }
            i += len;
        }
        return out.finish(n);
    }

    private static boolean isApostrophe(char c) {
        return c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }

    private static Pass unicode(char[] in, int n, boolean nfkc, boolean apostrophes) {
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (in[i] >= 0x80) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        Out out = new Out(n + 8);
        boolean changed = false;
        int copyUpTo = first > 0 ? first - 1 : 0;
        for (int i = 0; i < copyUpTo; i++) {
            out.add(in[i], i);
        }
        int i = copyUpTo;
        while (i < n) {
            char c = in[i];
            boolean nextNonAscii = i + 1 < n && in[i + 1] >= 0x80;
            if (c < 0x80 && !nextNonAscii) {
                out.add(c, i);
                i++;
                continue;
            }
            // segment: [i, end) = optional ASCII base + maximal non-ASCII run
            int end = c < 0x80 ? i + 1 : i;
            while (end < n && in[end] >= 0x80) {
                end++;
            }
            String segment = new String(in, i, end - i);
            String normalized = nfkc ? Normalizer.normalize(segment, Normalizer.Form.NFKC) : segment;
            if (!normalized.equals(segment)) {
                changed = true;
            }
            int segLen = end - i;
            boolean sameLength = normalized.length() == segLen;
            for (int k = 0; k < normalized.length(); k++) {
                char d = normalized.charAt(k);
                if (apostrophes && isApostrophe(d)) {
                    d = '\'';
                    changed = true;
                }
                out.add(d, sameLength ? i + k : i + Math.min(k, segLen - 1));
            }
            i = end;
        }
        return changed ? out.finish(n) : null;
    }

    private enum Ws { KEEP, SPACE, DELETE }

    private static Ws classify(char c) {
        if (c > ' ' && c < 0x7F) {
            return Ws.KEEP;
        }
        if (c == ' ' || c < ' ' || (c >= 0x7F && c <= 0xA0)) {
            return Ws.SPACE;
        }
        if (c == '\u00AD') {
            return Ws.DELETE;
        }
        if (c == '\u200B' || c == '\uFEFF' || c == '\u2060' || c == '\u180E' || Character.isWhitespace(c)
                || Character.isSpaceChar(c)) {
            return Ws.SPACE;
        }
        if (c != '\u200C' && c != '\u200D' && Character.getType(c) == Character.FORMAT) {
            return Ws.DELETE;
        }
        return Ws.KEEP;
    }

    private static Pass whitespace(char[] in, int n) {
        int first = -1;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (!(c > ' ' && c < 0x7F) && c != ' ' && c != '\t' && c != '\n' && c != '\r'
                    && classify(c) != Ws.KEEP) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        Out out = new Out(n);
        for (int i = 0; i < first; i++) {
            out.add(in[i], i);
        }
        for (int i = first; i < n; i++) {
            char c = in[i];
            switch (c == '\t' || c == '\n' || c == '\r' ? Ws.KEEP : classify(c)) {
                case KEEP -> out.add(c, i);
                case SPACE -> out.add(' ', i);
                case DELETE -> {
                }
            }
        }
        return out.finish(n);
    }
}
