package dev.nlpkit.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress display for the command line: a terminal progress bar (me.tongfei:progressbar) when stderr is a
 * terminal, otherwise plain lines at most every 10% or every 10 seconds, so CI logs carry no carriage-return
 * noise. Library modules report progress through listeners; CLI commands adapt those listeners to this.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintStream plain;
    private final String task;
    private final String unit;
    private long total;
    private long current;
    private long lastPrintedAt;
    private int lastDecile = -1;
    private String extra = "";

    private Progress(String task, long total, String unit, boolean terminal, PrintStream plain) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.plain = plain;
        this.lastPrintedAt = System.nanoTime();
        if (terminal) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).setUpdateIntervalMillis(200)
                    .showSpeed().continuousUpdate().clearDisplayOnFinish().build();
        } else {
            this.bar = null;
        }
    }

    /** Whether progress should be drawn as a bar: a console, and not CI. */
    public static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /** Starts a progress display on stderr. {@code total} may be -1 when unknown. */
    public static Progress start(String task, long total, String unit) {
        return new Progress(task, total, unit, interactive(), System.err);
    }

    public void maxHint(long newTotal) {
        total = newTotal;
        if (bar != null) {
            bar.maxHint(newTotal);
        }
    }

    /** Sets the absolute progress. */
    public void stepTo(long value) {
        current = value;
        if (bar != null) {
            bar.stepTo(value);
            return;
        }
        long now = System.nanoTime();
        int decile = total > 0 ? (int) Math.min(10, current * 10 / total) : -1;
        if (decile > lastDecile || now - lastPrintedAt > Duration.ofSeconds(10).toNanos()) {
            lastDecile = Math.max(lastDecile, decile);
            lastPrintedAt = now;
            printLine();
        }
    }

    /** Extra text shown beside the bar (e.g. "loss 0.412 acc 0.81"). */
    public void message(String text) {
        extra = text;
        if (bar != null) {
            bar.setExtraMessage(" " + text);
        }
    }

    private void printLine() {
        String amount = total > 0
                ? String.format(Locale.ROOT, "%d/%d %s (%d%%)", current, total, unit, current * 100 / total)
                : String.format(Locale.ROOT, "%d %s", current, unit);
        plain.println(task + ": " + amount + (extra.isEmpty() ? "" : " " + extra));
        plain.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (lastDecile < 10) {
            printLine();
        }
    }
}
