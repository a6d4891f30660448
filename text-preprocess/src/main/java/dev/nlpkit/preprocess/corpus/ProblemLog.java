package dev.nlpkit.preprocess.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Applies the bad-row policy and keeps the counts for {@link ReadReport}. Not thread-safe (one per reader). */
final class ProblemLog {

    private final String source;
    private final DecodingReader decoding;
    private final BadRowPolicy policy;
    private final int keep;
    private final Map<BadRowKind, Long> byKind = new EnumMap<>(BadRowKind.class);
    private final List<ReadReport.Problem> first = new ArrayList<>();
    private long rows;
    private long records;
    private long skipped;
    private long blankLines;

    ProblemLog(TextSource text, ReadOptions options) {
        this.source = text.name();
        this.decoding = text.reader();
        this.policy = options.badRows();
        this.keep = options.reportedProblems();
    }

    void row() {
        rows++;
    }

    void record() {
        records++;
    }

    void blankLine() {
        blankLines++;
    }

    /** Rejects a row: throws under FAIL, counts under SKIP. */
    void reject(long line, BadRowKind kind, String reason) {
        if (policy == BadRowPolicy.FAIL) {
            throw new CorpusException(source, line, reason + " (the skip policy for bad rows would skip and count such rows)");
        }
        skipped++;
        byKind.merge(kind, 1L, Long::sum);
        if (first.size() < keep) {
            first.add(new ReadReport.Problem(line, kind, reason));
        }
    }

    ReadReport report() {
        return new ReadReport(source, rows, records, skipped, byKind, first, blankLines, decoding.charset(),
                decoding.replacedBytes(), decoding.warnings());
    }
}
