package dev.nlpkit.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.nlpkit.preprocess.corpus.CorpusException;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.LineDocumentReader;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.ReadReport;
import picocli.CommandLine.Option;

/**
 * {@code --charset} and {@code --zip-entry}, on every command that reads text files, and the flag-speaking form
 * of the corpus readers' messages ({@link #describe(CorpusException)}).
 */
final class ReadFlags {

    @Option(names = "--charset", paramLabel = "NAME",
            description = "Charset of the input text (default: detected: UTF-8 when valid, else ISO-8859-1 with a "
                    + "warning), e.g. UTF-8, ISO-8859-1, windows-1252, UTF-16.")
    String charset;

    @Option(names = "--zip-entry", paramLabel = "NAME",
            description = "The file to read inside a zip archive with several (full name or file name).")
    String zipEntry;

    /** {@code base} with the chosen charset and zip entry (detection and the only entry when not given). */
    ReadOptions apply(ReadOptions base) {
        ReadOptions options = base.withCharset(charsetOrNull());
        if (zipEntry != null) {
            if (zipEntry.isBlank()) {
                throw new IllegalArgumentException("--zip-entry must name an entry, got an empty name");
            }
            options = options.withZipEntry(zipEntry);
        }
        return options;
    }

    /** The charset asked for, or null to detect. */
    Charset charsetOrNull() {
        if (charset == null) {
            return null;
        }
        try {
            return Charset.forName(charset.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--charset '" + shorten(charset) + "' is not a charset this Java "
                    + "knows; use e.g. UTF-8, ISO-8859-1, windows-1252 or UTF-16");
        }
    }

    /**
     * The non-blank lines of {@code file} (plain, gzip or zip), decoded with these flags; a detected ISO-8859-1
     * is reported on {@code err}.
     */
    List<String> lines(Path file, PrintWriter err) {
        return records(file, err).stream().map(LabelledText::text).toList();
    }

    /** As {@link #lines}, with each line's number. */
    List<LabelledText> records(Path file, PrintWriter err) {
        List<LabelledText> lines = new ArrayList<>();
        try (LineDocumentReader reader = LineDocumentReader.open(file, apply(ReadOptions.defaults()))) {
            for (LabelledText line : reader) {
                lines.add(line);
            }
            warn(reader.report(), err);
        }
        return lines;
    }

    /** The exception's message with the flag that addresses it. */
    static String describe(CorpusException e) {
        return e.getMessage() + switch (e.remedy()) {
            case CHARSET -> " (--charset NAME, e.g. --charset ISO-8859-1)";
            case ZIP_ENTRY -> " (--zip-entry NAME)";
            case NONE -> "";
        };
    }

    /** A corpus problem as an exception whose message names the flags. */
    static IllegalArgumentException flagged(CorpusException e) {
        return new IllegalArgumentException(describe(e), e);
    }

    /** Prints the report's warnings (a detected ISO-8859-1) with the flag that overrides them. */
    static void warn(ReadReport report, PrintWriter err) {
        warn(report.warnings(), err);
    }

    static void warn(List<String> warnings, PrintWriter err) {
        for (String w : warnings) {
            err.println("warning: " + w + " (--charset NAME to choose)");
        }
        err.flush();
    }

    /** ", N invalid bytes replaced" when there were any, for the {@code data:} lines. */
    static String replaced(ReadReport report) {
        return report.replacedBytes() == 0 ? ""
                : String.format(Locale.ROOT, ", %d invalid %s replaced", report.replacedBytes(),
                        report.replacedBytes() == 1 ? "byte" : "bytes");
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
