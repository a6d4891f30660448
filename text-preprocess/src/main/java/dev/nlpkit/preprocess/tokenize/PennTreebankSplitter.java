package dev.nlpkit.preprocess.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Penn-Treebank word splitting as NLTK 3.8's {@code NLTKWordTokenizer} (what {@code nltk.word_tokenize}
 * applies to each sentence): the same ordered regular-expression substitutions (starting quotes,
 * punctuation, brackets, double dashes, ending quotes, clitics {@code 's 'll n't}, MacIntyre's contractions
 * {@code cannot gonna gimme ...}), then a split on whitespace. So {@code can't -> ca n't},
 * {@code "hi" -> `` hi ''}, and a period is split off only at the end of the text ({@code 20km. -> 20km .}).
 *
 * <p>Sentence splitting is not done: NLTK's {@code word_tokenize} first runs the Punkt sentence model, which
 * is not part of this toolkit; the result here equals {@code word_tokenize(text, preserve_line=True)}, i.e.
 * {@code word_tokenize} on one sentence. Python's {@code \w} does not include combining marks while Java's
 * Unicode {@code \w} does; that is the one known difference (text with combining marks after an apostrophe).
 *
 * <p>Offsets are found as NLTK's {@code span_tokenize} does: each token is searched in the original text
 * from the end of the previous one; the quote tokens {@code `` ''} are matched to the next {@code "},
 * {@code ``} or {@code ''} of the text.
 */
public final class PennTreebankSplitter {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
    private static final int FLAGS_I = FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** One substitution step. */
    private interface Step {
        String apply(String text);
    }

    private record Rule(Pattern pattern, String replacement) implements Step {
        static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex, FLAGS), replacement);
        }

        static Rule ofIgnoreCase(String regex, String replacement) {
            return new Rule(Pattern.compile(regex, FLAGS_I), replacement);
        }

        @Override
        public String apply(String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.replaceAll(replacement) : text;
        }
    }

    private static final List<Rule> STARTING_QUOTES = List.of(
            Rule.of("([«“‘„]|[`]+)", " $1 "),
            Rule.of("^\"", "``"),
            Rule.of("(``)", " $1 "),
            Rule.of("([ (\\[{<])(\"|'{2})", "$1 `` "),
            Rule.ofIgnoreCase("(')(?!re|ve|ll|m|t|s|d|n)(\\w)\\b", "$1 $2"));

    private static final List<Step> PUNCTUATION = List.of(
            new FinalPeriod("])}>\"'»”’ ", true),
            Rule.of("([:,])([^\\d])", " $1 $2"),
            Rule.of("([:,])$", " $1 "),
            Rule.of("\\.{2,}", " $0 "),
            Rule.of("[;@#$%&]", " $0 "),
            new FinalPeriod("])}>\"'", false),
            Rule.of("[?!]", " $0 "),
            Rule.of("([^'])' ", "$1 ' "),
            Rule.of("[*]", " $0 "));

    private static final Rule PARENS_BRACKETS = Rule.of("[\\]\\[(){}<>]", " $0 ");
    private static final Rule DOUBLE_DASHES = Rule.of("--", " -- ");

    private static final List<Rule> ENDING_QUOTES = List.of(
            Rule.of("([»”’])", " $1 "),
            Rule.of("''", " '' "),
            Rule.of("\"", " '' "),
            Rule.of("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
            Rule.of("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "));

    private static final List<Rule> CONTRACTIONS = List.of(
            Rule.ofIgnoreCase("\\b(can)(not)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(d)('ye)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(gim)(me)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(gon)(na)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(got)(ta)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(lem)(me)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(more)('n)\\b", " $1 $2 "),
            Rule.ofIgnoreCase("\\b(wan)(na)(?=\\s)", " $1 $2 "),
            Rule.ofIgnoreCase(" ('t)(is)\\b", " $1 $2 "),
            Rule.ofIgnoreCase(" ('t)(was)\\b", " $1 $2 "));

    /**
     * NLTK's final-period rules {@code ([^\.])(\.)([<closers>]*)\s*$} replaced by {@code \1 \2 \3 } (or
     * {@code \1 \2\3 }), written out by hand: as a backtracking regular expression they take quadratic time on
     * a period followed by a long run of spaces (NLTK itself hangs there). Exact: the suffix after the period
     * must be closers then whitespace, so at most one period qualifies and greedy matching has one candidate;
     * the whitespace the rule would drop or keep does not change the tokens.
     */
    private record FinalPeriod(String closers, boolean spaceAfterPeriod) implements Step {
        @Override
        public String apply(String text) {
            int end = text.length();
            int q = end;
            while (q > 0 && isPythonSpace(text.charAt(q - 1))) {
                q--;
            }
            int r = q;
            while (r > 0 && closers.indexOf(text.charAt(r - 1)) >= 0) {
                r--;
            }
            int dot = r - 1;
            if (dot < 1 || text.charAt(dot) != '.' || text.charAt(dot - 1) == '.') {
                return text;
            }
            return text.substring(0, dot) + " ." + (spaceAfterPeriod ? " " : "") + text.substring(r, q) + " ";
        }
    }

    private static final Pattern QUOTES = Pattern.compile("``|''|\"");

    /** A splitter; its rules are shared constants, so one instance may serve many threads. */
    public PennTreebankSplitter() {
        // Explicit only to carry the comment above: the default constructor cannot be documented.
    }

    /**
     * A token with its span in the original text.
     *
     * @param term the token as NLTK writes it (quotes become {@code ``} and {@code ''})
     * @param start offset of its first char in the original text
     * @param end offset after its last char (exclusive), >= {@code start}
     */
    public record Span(String term, int start, int end) {
    }

    /**
     * The tokens of {@code text}, exactly as NLTK's {@code NLTKWordTokenizer().tokenize(text)}.
     *
     * @param text any text; not null
     * @return the tokens in order, possibly empty
     */
    public List<String> split(String text) {
        String t = text;
        for (Rule r : STARTING_QUOTES) {
            t = r.apply(t);
        }
        for (Step r : PUNCTUATION) {
            t = r.apply(t);
        }
        t = PARENS_BRACKETS.apply(t);
        t = DOUBLE_DASHES.apply(t);
        t = " " + t + " ";
        for (Rule r : ENDING_QUOTES) {
            t = r.apply(t);
        }
        for (Rule r : CONTRACTIONS) {
            t = r.apply(t);
        }
        return splitOnWhitespace(t);
    }

    /**
     * The tokens of {@code text} with their spans in {@code text} (non-decreasing, never throwing).
     *
     * @param text any text; not null
     * @return the tokens in order with their offsets into {@code text}
     */
    public List<Span> spans(String text) {
        List<String> tokens = split(text);
        List<Span> spans = new ArrayList<>(tokens.size());
        Matcher quotes = null;
        if (text.indexOf('"') >= 0 || text.contains("''") || text.contains("``")) {
            quotes = QUOTES.matcher(text);
        }
        int point = 0;
        int quoteSearch = 0;
        for (String token : tokens) {
            String needle = token;
            if (quotes != null && (token.equals("\"") || token.equals("``") || token.equals("''"))) {
                if (quotes.find(quoteSearch)) {
                    needle = quotes.group();
                    quoteSearch = quotes.end();
                }
            }
            int start = text.indexOf(needle, point);
            if (start < 0) {
                spans.add(new Span(token, point, point));
                continue;
            }
            int end = start + needle.length();
            spans.add(new Span(token, start, end));
            point = end;
        }
        return spans;
    }

    /** Python's {@code str.split()}: runs of {@code str.isspace()} characters. */
    static List<String> splitOnWhitespace(String t) {
        List<String> out = new ArrayList<>();
        int n = t.length();
        int i = 0;
        while (i < n) {
            while (i < n && isPythonSpace(t.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !isPythonSpace(t.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(t.substring(s, i));
            }
        }
        return out;
    }

    static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }
}
