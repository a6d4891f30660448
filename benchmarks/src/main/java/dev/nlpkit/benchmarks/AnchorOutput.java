package dev.nlpkit.benchmarks;

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

    /**
     * CPU time used so far by all processes of the machine (the busy jiffies of {@code /proc/stat}: user, nice,
     * system, irq, softirq, steal), in seconds, or {@code NaN} where there is no such file. The difference over a
     * run minus the run's own process CPU time is what other processes took meanwhile: a scaling figure is only
     * meaningful when that is near zero.
     */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0; // USER_HZ, 100 on Linux
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
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
