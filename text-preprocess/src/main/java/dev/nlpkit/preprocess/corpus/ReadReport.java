package dev.nlpkit.preprocess.corpus;

import java.util.List;
import java.util.Map;

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
 */
public record ReadReport(String source, long rows, long records, long skipped, Map<BadRowKind, Long> skippedByKind,
                         List<Problem> firstProblems, long blankLines) {

    /** Defensive copies. */
    public ReadReport {
        skippedByKind = Map.copyOf(skippedByKind);
        firstProblems = List.copyOf(firstProblems);
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
