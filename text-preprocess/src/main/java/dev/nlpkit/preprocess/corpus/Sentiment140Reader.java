package dev.nlpkit.preprocess.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;

/**
 * The Sentiment140 CSV ({@code training.1600000.processed.noemoticon.csv} and its samples): six columns
 * {@code target, id, date, query, user, text}, RFC 4180 quoting, no header (a first row whose target
 * field is a column name such as {@code target} or {@code polarity} is passed over), charset detected
 * (the original file is ISO-8859-1, UTF-8 exports are common). Targets map {@code 0 -> negative}, {@code 2 -> neutral}, {@code 4 -> positive}. A row with
 * another number of columns, another target or a blank text is a bad row (see {@link BadRowPolicy}).
 */
public final class Sentiment140Reader extends CorpusReader {

    /** Target value to label. */
    public static final Map<String, String> LABELS = Map.of("0", "negative", "2", "neutral", "4", "positive");

    private static final int COLUMNS = 6;
    private static final int TARGET = 0;
    private static final int TEXT = 5;
    private static final Set<String> HEADER_NAMES = Set.of("target", "polarity", "sentiment", "label");

    private final CsvRows rows;
    private boolean firstRow = true;

    private Sentiment140Reader(TextSource source, ReadOptions options) {
        super(source, options);
        this.rows = new CsvRows(source, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get());
    }

    /**
     * {@link ReadOptions#defaults()}: the charset is detected, because the original file is ISO-8859-1 and
     * UTF-8 exports of it are common (read as ISO-8859-1 they would turn every accent and emoji into mojibake).
     *
     * @return the default options for Sentiment140
     */
    public static ReadOptions defaultOptions() {
        return ReadOptions.defaults();
    }

    /**
     * Opens {@code path} with {@link #defaultOptions()}.
     *
     * @param path the Sentiment140 file (plain, .gz or .zip)
     * @return an open reader; the caller closes it
     */
    public static Sentiment140Reader open(Path path) {
        return open(path, defaultOptions());
    }

    /**
     * Opens {@code path} (plain, .gz or .zip).
     *
     * @param path the Sentiment140 file
     * @param options charset, invalid bytes, bad rows, compression and zip entry
     * @return an open reader; the caller closes it
     */
    public static Sentiment140Reader open(Path path, ReadOptions options) {
        return new Sentiment140Reader(TextSource.open(path, options), options);
    }

    @Override
    LabelledText readNext() {
        CsvRows.Row row;
        while ((row = rows.next()) != null) {
            if (row.isBlank()) {
                problems.blankLine();
                continue;
            }
            boolean header = firstRow && HEADER_NAMES.contains(row.record().get(TARGET).trim().toLowerCase(Locale.ROOT));
            firstRow = false;
            if (header) {
                continue;
            }
            problems.row();
            if (row.record().size() != COLUMNS) {
                problems.reject(row.line(), BadRowKind.COLUMN_COUNT, "expected " + COLUMNS
                        + " columns (target, id, date, query, user, text), found " + row.record().size());
                continue;
            }
            String target = row.record().get(TARGET).trim();
            String label = LABELS.get(target);
            if (label == null) {
                problems.reject(row.line(), BadRowKind.UNKNOWN_LABEL,
                        "target " + Quoted.of(target) + " is not 0 (negative), 2 (neutral) or 4 (positive)");
                continue;
            }
            String text = row.record().get(TEXT);
            if (text.isBlank()) {
                problems.reject(row.line(), BadRowKind.EMPTY_TEXT, "text (column 6) is empty");
                continue;
            }
            problems.record();
            return new LabelledText(label, text, row.line());
        }
        return null;
    }
}
