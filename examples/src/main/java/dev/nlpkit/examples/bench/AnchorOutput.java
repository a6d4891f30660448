package dev.nlpkit.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the flat JSON lines that the anchor scripts (NLTK, scikit-learn, gensim) print, and the machine load
 * that every benchmark line records. Shared by the benchmarks so each parses the anchors the same way.
 */
final class AnchorOutput {

    private AnchorOutput() {
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or {@code "unknown"} where there is none. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** A number field of a flat JSON object ({@code NaN} accepted); fails naming the key when it is absent. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*(-?[0-9.eE+-]+|NaN)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no number '" + key + "' in the anchor's output: " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A string field of a flat JSON object, or {@code "unknown"} when it is absent. */
    static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "unknown";
    }
}
