package dev.nlpkit.examples.cli;

import java.util.Locale;

/**
 * Option checks in the command line's own words: every failure names the flag and the value given
 * ({@code --vector-size must be >= 1, got 0}). Commands call these before they read any data, so a typo costs
 * nothing; the library's own checks (which speak of record components) are then never reached by the CLI.
 */
final class FlagChecks {

    /** The largest recurrent layer the commands accept: its 4 x units x (units + inputs) weights fit a Java array. */
    static final int MAX_UNITS = 16_384;

    /** The largest vector or embedding size the commands accept. */
    static final int MAX_DIMENSION = 10_000;

    private FlagChecks() {
    }

    static void atLeast(String flag, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(flag + " must be >= " + min + ", got " + value);
        }
    }

    static void inRange(String flag, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(flag + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /** A finite number > 0. */
    static void positive(String flag, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(flag + " must be a finite number > 0, got " + show(value));
        }
    }

    /** A finite number >= 0. */
    static void nonNegative(String flag, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(flag + " must be a finite number >= 0, got " + show(value));
        }
    }

    /** A fraction in [0, 1) (a dropout rate). */
    static void fractionBelowOne(String flag, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(flag + " must be in [0, 1), got " + show(value));
        }
    }

    /** A fraction in (0, 1) (a share of the data). */
    static void openFraction(String flag, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(flag + " must be in (0, 1), got " + show(value));
        }
    }

    /** One of the given lower-case words. */
    static String oneOf(String flag, String value, String... allowed) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException(flag + " " + Messages.quote(value) + " is not one of "
                + String.join(", ", allowed));
    }

    private static String show(double value) {
        return Double.isNaN(value) ? "NaN" : Double.toString(value);
    }
}
