package dev.nlpkit.preprocess.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The layout of a delimited file with a header row.
 *
 * @param delimiter    the field separator ({@code ,} or TAB)
 * @param quoting      the quoting convention
 * @param labelColumn  the name of the label column (matched ignoring case and surrounding space), or null
 *                     to detect it with {@link HeaderColumns#detect(java.util.List)}
 * @param textColumn   the name of the text column, or null to detect it
 * @param labelMapping raw label to label (for example {@link Sentiment140Reader#LABELS}); when not empty,
 *                     a label outside its keys is a bad row; when empty, labels are kept as they are
 */
public record DelimitedFormat(char delimiter, Quoting quoting, String labelColumn, String textColumn,
                              Map<String, String> labelMapping) {

    /** Validates and copies the mapping. */
    public DelimitedFormat {
        Objects.requireNonNull(quoting, "quoting");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("labelColumn must be null (detect) or a name, got a blank string");
        }
        if (textColumn != null && textColumn.isBlank()) {
            throw new IllegalArgumentException("textColumn must be null (detect) or a name, got a blank string");
        }
        labelMapping = Map.copyOf(labelMapping);
    }

    /**
     * Comma-separated, RFC 4180 quoting, columns detected from the header, labels kept.
     *
     * @return the CSV format
     */
    public static DelimitedFormat csv() {
        return new DelimitedFormat(',', Quoting.RFC4180, null, null, Map.of());
    }

    /**
     * Tab-separated, RFC 4180 quoting, columns detected, labels kept.
     *
     * @return the TSV format
     */
    public static DelimitedFormat tsv() {
        return new DelimitedFormat('\t', Quoting.RFC4180, null, null, Map.of());
    }

    /**
     * {@link #tsv()} when the file name contains {@code .tsv} or {@code .tab}, else {@link #csv()}.
     *
     * @param path the file; only its name is looked at
     * @return the format its name suggests
     */
    public static DelimitedFormat forFile(Path path) {
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        return name.contains(".tsv") || name.contains(".tab") ? tsv() : csv();
    }

    /**
     * A copy with another delimiter.
     *
     * @param value the field separator, for example {@code ';'}
     * @return a copy with {@code delimiter} replaced
     */
    public DelimitedFormat withDelimiter(char value) {
        return new DelimitedFormat(value, quoting, labelColumn, textColumn, labelMapping);
    }

    /**
     * A copy with another quoting convention.
     *
     * @param value how fields are quoted
     * @return a copy with {@code quoting} replaced
     */
    public DelimitedFormat withQuoting(Quoting value) {
        return new DelimitedFormat(delimiter, value, labelColumn, textColumn, labelMapping);
    }

    /**
     * A copy reading the label from the named column (null: detect).
     *
     * @param value the header name of the label column, or null to detect it
     * @return a copy with {@code labelColumn} replaced
     */
    public DelimitedFormat withLabelColumn(String value) {
        return new DelimitedFormat(delimiter, quoting, value, textColumn, labelMapping);
    }

    /**
     * A copy reading the text from the named column (null: detect).
     *
     * @param value the header name of the text column, or null to detect it
     * @return a copy with {@code textColumn} replaced
     */
    public DelimitedFormat withTextColumn(String value) {
        return new DelimitedFormat(delimiter, quoting, labelColumn, value, labelMapping);
    }

    /**
     * A copy mapping raw labels (others become bad rows; empty: keep labels as they are).
     *
     * @param value raw label to label, for example {@code 0 -> negative}; empty to keep labels as written
     * @return a copy with {@code labelMapping} replaced
     */
    public DelimitedFormat withLabelMapping(Map<String, String> value) {
        return new DelimitedFormat(delimiter, quoting, labelColumn, textColumn, value);
    }
}
