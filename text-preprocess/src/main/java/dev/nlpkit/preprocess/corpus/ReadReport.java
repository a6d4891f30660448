package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reader has done so far: rows seen, records returned, rows skipped by reason and the first few
 * skipped rows described. A snapshot; {@link CorpusReader#report()} makes a new one on each call.
 *
 * @param source        the file ({@code archive.zip!entry} inside a zip)
 * @param rows          data rows read (not counting a header and blank lines)
 * @param records       records returned
 * @param skipped       rows skipped under {@link BadRowPolicy#SKIP}
 * @param skippedByKind skipped rows per reason (only reasons that occurred)
 * @param firstProblems the first {@link ReadOptions#reportedProblems()} skipped rows
 * @param blankLines    blank lines passed over (not documents, not errors)
 * @param charset       the charset the text was decoded with (detected, or the one asked for)
 * @param replacedBytes bytes of invalid sequences replaced by U+FFFD under {@link InvalidBytes#REPLACE}
 *                      (or dropped under {@link InvalidBytes#IGNORE})
 * @param warnings      what a user should know though nothing failed: a charset detected as ISO-8859-1
 *                      because the file is not valid UTF-8, naming the line and bytes
 */
public record ReadReport(String source, long rows, long records, long skipped, Map<BadRowKind, Long> skippedByKind,
                         List<Problem> firstProblems, long blankLines, Charset charset, long replacedBytes,
                         List<String> warnings) {

    /** Defensive copies. */
    public ReadReport {
        skippedByKind = Map.copyOf(skippedByKind);
        firstProblems = List.copyOf(firstProblems);
        Objects.requireNonNull(charset, "charset");
        warnings = List.copyOf(warnings);
    }

    /**
     * One skipped row.
     *
     * @param line   the 1-based line where the row starts
     * @param kind   why it was skipped
     * @param reason the details (expected and found)
     */
    public record Problem(long line, BadRowKind kind, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }
}
