package dev.nlpkit.preprocess.corpus;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Finds the label and text columns of a header row, for files whose layout the user did not spell out
 * (the command line's default).
 *
 * <p>Names are compared after trimming, dropping a byte-order mark and lower-casing. First an exact
 * match against {@link #LABEL_NAMES} / {@link #TEXT_NAMES}, in that list's order; failing that, the
 * first column (in header order) whose name ends with one of those names of four or more letters
 * ({@code airline_sentiment}, {@code SentimentText}, {@code TweetText}, {@code tweet_text}). The text
 * column is never the label column.
 */
public final class HeaderColumns {

    /** Label column names, most specific first. */
    public static final List<String> LABEL_NAMES = List.of(
            "label", "target", "sentiment", "polarity", "class", "category", "labels", "y");
    /** Text column names, most specific first. */
    public static final List<String> TEXT_NAMES = List.of(
            "text", "tweet", "tweet_text", "content", "sentence", "review", "document", "message", "body");

    private HeaderColumns() {
    }

    /**
     * The detected columns.
     *
     * @param labelIndex 0-based index of the label column
     * @param labelName  its name as written in the header
     * @param textIndex  0-based index of the text column
     * @param textName   its name as written in the header
     */
    public record Detected(int labelIndex, String labelName, int textIndex, String textName) {
    }

    /**
     * The label and text columns of {@code header}.
     *
     * @param header the header row's names, as written
     * @return the indexes of the two columns
     * @throws IllegalArgumentException naming the header and the names looked for, when either is missing
     */
    public static Detected detect(List<String> header) {
        OptionalInt label = find(header, LABEL_NAMES, -1);
        if (label.isEmpty()) {
            throw new IllegalArgumentException("no label column in header " + Quoted.list(header) + "; expected one named "
                    + LABEL_NAMES + " (or ending with one of them), or name it explicitly");
        }
        OptionalInt text = find(header, TEXT_NAMES, label.getAsInt());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no text column in header " + Quoted.list(header) + "; expected one named "
                    + TEXT_NAMES + " (or ending with one of them), or name it explicitly");
        }
        return new Detected(label.getAsInt(), header.get(label.getAsInt()), text.getAsInt(),
                header.get(text.getAsInt()));
    }

    /**
     * The index of the label column, if one is recognised.
     *
     * @param header the header row's names, as written
     * @return its index, or empty
     */
    public static OptionalInt findLabel(List<String> header) {
        return find(header, LABEL_NAMES, -1);
    }

    /**
     * The index of the text column, if one is recognised.
     *
     * @param header the header row's names, as written
     * @return its index, or empty
     */
    public static OptionalInt findText(List<String> header) {
        return find(header, TEXT_NAMES, -1);
    }

    /** The index of the column named {@code name} (ignoring case, space and a byte-order mark). */
    static OptionalInt indexOf(List<String> header, String name) {
        String wanted = normalise(name);
        for (int i = 0; i < header.size(); i++) {
            if (normalise(header.get(i)).equals(wanted)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The first column matching {@code names} (exact, then suffix) other than {@code exclude}. */
    static OptionalInt find(List<String> header, List<String> names, int exclude) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (i != exclude && normalise(header.get(i)).equals(name)) {
                    return OptionalInt.of(i);
                }
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String column = normalise(header.get(i));
            if (i == exclude) {
                continue;
            }
            for (String name : names) {
                if (name.length() >= 4 && column.endsWith(name)) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static String normalise(String name) {
        String s = name.startsWith("\uFEFF") ? name.substring(1) : name;
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
