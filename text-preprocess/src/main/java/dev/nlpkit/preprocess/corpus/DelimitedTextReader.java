package dev.nlpkit.preprocess.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV or TSV file with a header row and named label and text columns (RFC 4180 quoting by default, via
 * commons-csv). Columns are named in the {@link DelimitedFormat} or detected ({@link HeaderColumns}).
 * Bad rows: a column count different from the header's, an empty label, a label outside a non-empty
 * label mapping, a blank text.
 */
public final class DelimitedTextReader extends CorpusReader {

    private final DelimitedFormat format;
    private final CsvRows rows;
    private List<String> header;
    private int labelIndex;
    private int textIndex;

    private DelimitedTextReader(TextSource source, DelimitedFormat format, ReadOptions options) {
        super(source, options);
        this.format = format;
        CSVFormat.Builder csv = CSVFormat.RFC4180.builder().setDelimiter(format.delimiter()).setIgnoreEmptyLines(false);
        if (format.quoting() == Quoting.NONE) {
            csv.setQuote(null);
        }
        this.rows = new CsvRows(source, csv.get());
    }

    /**
     * Opens {@code path} with {@link DelimitedFormat#forFile(Path)} and {@link ReadOptions#defaults()}.
     *
     * @param path the table (plain, .gz or .zip)
     * @return an open reader, past the header; the caller closes it
     */
    public static DelimitedTextReader open(Path path) {
        return open(path, DelimitedFormat.forFile(path), ReadOptions.defaults());
    }

    /**
     * Opens {@code path} (plain, .gz or .zip) and reads its header.
     *
     * @param path the table (plain, .gz or .zip)
     * @param format delimiter, quoting, columns and label mapping
     * @param options charset, invalid bytes, bad rows, compression and zip entry
     * @return an open reader, past the header; the caller closes it
     * @throws CorpusException when the file is empty or a named/detectable column is missing
     */
    public static DelimitedTextReader open(Path path, DelimitedFormat format, ReadOptions options) {
        Objects.requireNonNull(format, "format");
        DelimitedTextReader reader = new DelimitedTextReader(TextSource.open(path, options), format, options);
        try {
            reader.readHeader();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * The header row as written.
     *
     * @return the header's names, unmodifiable
     */
    public List<String> header() {
        return header;
    }

    /**
     * The name of the label column in use.
     *
     * @return the column name
     */
    public String labelColumn() {
        return header.get(labelIndex);
    }

    /**
     * The name of the text column in use.
     *
     * @return the column name
     */
    public String textColumn() {
        return header.get(textIndex);
    }

    private void readHeader() {
        CsvRows.Row row;
        while ((row = rows.next()) != null && row.isBlank()) {
            problems.blankLine();
        }
        if (row == null) {
            throw new CorpusException(source.name(), 1, "the file is empty: expected a header row naming the columns");
        }
        List<String> names = new ArrayList<>(row.record().size());
        row.record().forEach(names::add);
        header = List.copyOf(names);
        long line = row.line();
        if (format.labelColumn() == null && format.textColumn() == null) {
            try {
                HeaderColumns.Detected detected = HeaderColumns.detect(header);
                labelIndex = detected.labelIndex();
                textIndex = detected.textIndex();
            } catch (IllegalArgumentException e) {
                throw new CorpusException(source.name(), line, e.getMessage(), e);
            }
        } else if (format.labelColumn() == null) {
            textIndex = named(format.textColumn(), line);
            labelIndex = detectedOrFail(HeaderColumns.find(header, HeaderColumns.LABEL_NAMES, textIndex), "label",
                    HeaderColumns.LABEL_NAMES, line);
        } else if (format.textColumn() == null) {
            labelIndex = named(format.labelColumn(), line);
            textIndex = detectedOrFail(HeaderColumns.find(header, HeaderColumns.TEXT_NAMES, labelIndex), "text",
                    HeaderColumns.TEXT_NAMES, line);
        } else {
            labelIndex = named(format.labelColumn(), line);
            textIndex = named(format.textColumn(), line);
        }
        if (labelIndex == textIndex) {
            throw new CorpusException(source.name(), line, "label and text are the same column "
                    + Quoted.of(header.get(labelIndex)) + " in header " + Quoted.list(header));
        }
    }

    private int named(String name, long line) {
        OptionalInt index = HeaderColumns.indexOf(header, name);
        if (index.isEmpty()) {
            throw new CorpusException(source.name(), line, "no column named " + Quoted.of(name) + " in header " + Quoted.list(header));
        }
        return index.getAsInt();
    }

    private int detectedOrFail(OptionalInt index, String what, List<String> names, long line) {
        if (index.isEmpty()) {
            throw new CorpusException(source.name(), line, "no " + what + " column in header " + Quoted.list(header)
                    + "; expected one named " + names + " (or ending with one of them), or name it explicitly");
        }
        return index.getAsInt();
    }

    @Override
    LabelledText readNext() {
        CsvRows.Row row;
        while ((row = rows.next()) != null) {
            if (row.isBlank()) {
                problems.blankLine();
                continue;
            }
            problems.row();
            CSVRecord record = row.record();
            if (record.size() != header.size()) {
                problems.reject(row.line(), BadRowKind.COLUMN_COUNT, "expected " + header.size()
                        + " columns as in the header, found " + record.size());
                continue;
            }
            String raw = record.get(labelIndex).trim();
            if (raw.isEmpty()) {
                problems.reject(row.line(), BadRowKind.EMPTY_LABEL, "label column '" + labelColumn() + "' is empty");
                continue;
            }
            String label = raw;
            if (!format.labelMapping().isEmpty()) {
                label = format.labelMapping().get(raw);
                if (label == null) {
                    problems.reject(row.line(), BadRowKind.UNKNOWN_LABEL, "label " + Quoted.of(raw) + " in column "
                            + Quoted.of(labelColumn()) + " is not one of " + format.labelMapping().keySet());
                    continue;
                }
            }
            String text = record.get(textIndex);
            if (text.isBlank()) {
                problems.reject(row.line(), BadRowKind.EMPTY_TEXT, "text column '" + textColumn() + "' is empty");
                continue;
            }
            problems.record();
            return new LabelledText(label, text, row.line());
        }
        return null;
    }
}
