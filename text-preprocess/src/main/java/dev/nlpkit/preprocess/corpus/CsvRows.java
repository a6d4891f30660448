package dev.nlpkit.preprocess.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV records of a {@link TextSource} with the line each one starts on. */
final class CsvRows {

    /** A parsed record and its first line. */
    record Row(CSVRecord record, long line) {
        boolean isBlank() {
            return record.size() == 1 && record.get(0).isEmpty();
        }
    }

    private final TextSource source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesConsumed;

    CsvRows(TextSource source, CSVFormat format) {
        this.source = source;
        try {
            this.parser = CSVParser.builder().setReader(source.reader()).setFormat(format).get();
        } catch (IOException e) {
            throw new CorpusException(source.name(), 1, "cannot start CSV parsing: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
    }

    /** The next record, or null at the end. */
    Row next() {
        long start = linesConsumed + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesConsumed = parser.getCurrentLineNumber();
            return new Row(record, start);
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CorpusException corpus) {
                throw corpus; // a damaged or undecodable stream under the parser: already precise
            }
            String detail = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new CorpusException(source.name(), start, "malformed CSV (RFC 4180 quoting: a field that starts "
                    + "with a quote must end with one, inner quotes doubled): " + detail, e);
        }
    }
}
