package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The layout of a corpus file, guessed from its first line, for callers (the command line) that are
 * handed a file and no description; {@link #open(Path, ReadOptions)} then opens the matching reader.
 *
 * <p>Rules, in order, on the first non-blank line: six comma-separated fields whose first is {@code 0},
 * {@code 2} or {@code 4}, or whose first is {@code target}/{@code polarity} and last is {@code text}:
 * {@link #SENTIMENT140}. A comma- or tab-separated header in which {@link HeaderColumns} finds a label and
 * a text column: {@link #DELIMITED_CSV} / {@link #DELIMITED_TSV} (tab when the line has more tabs than
 * commas). Anything else: {@link #LINES}.
 */
public enum CorpusLayout {
    /** {@link Sentiment140Reader}. */
    SENTIMENT140,
    /** {@link DelimitedTextReader} with {@link DelimitedFormat#csv()}. */
    DELIMITED_CSV,
    /** {@link DelimitedTextReader} with {@link DelimitedFormat#tsv()}. */
    DELIMITED_TSV,
    /** {@link LineDocumentReader}. */
    LINES;

    /**
     * Guesses the layout of {@code path} from its first non-blank line (decoded with the options' charset,
     * invalid bytes replaced; compression and zip entry as in the options).
     *
     * @param path the corpus file (plain, .gz or .zip)
     * @param options charset, compression and zip entry to read it with
     * @return the layout its first line suggests
     */
    public static CorpusLayout detect(Path path, ReadOptions options) {
        String first = firstLine(path, options.withInvalidBytes(InvalidBytes.REPLACE));
        if (first == null) {
            return LINES;
        }
        List<String> commaFields = fields(first, ',');
        if (commaFields.size() == 6) {
            String target = commaFields.get(0).trim().toLowerCase(Locale.ROOT);
            String last = commaFields.get(5).trim().toLowerCase(Locale.ROOT);
            if (Sentiment140Reader.LABELS.containsKey(target)
                    || (target.equals("target") || target.equals("polarity")) && last.equals("text")) {
                return SENTIMENT140;
            }
        }
        boolean tabs = first.chars().filter(c -> c == '\t').count() > first.chars().filter(c -> c == ',').count();
        List<String> header = tabs ? fields(first, '\t') : commaFields;
        if (header.size() >= 2 && HeaderColumns.findLabel(header).isPresent() && HeaderColumns.findText(header).isPresent()) {
            try {
                HeaderColumns.detect(header);
                return tabs ? DELIMITED_TSV : DELIMITED_CSV;
            } catch (IllegalArgumentException e) {
                return LINES; // label and text would be the same column: not a labelled table
            }
        }
        return LINES;
    }

    /**
     * Opens {@code path} with the reader of its {@link #detect detected} layout. The options' charset is
     * used as given; pass {@link Sentiment140Reader#defaultOptions()} for the original latin-1
     * Sentiment140 file.
     *
     * @param path the corpus file (plain, .gz or .zip)
     * @param options how to read it
     * @return an open reader; the caller closes it
     */
    public static CorpusReader open(Path path, ReadOptions options) {
        return switch (detect(path, options)) {
            case SENTIMENT140 -> Sentiment140Reader.open(path, options);
            case DELIMITED_CSV -> DelimitedTextReader.open(path, DelimitedFormat.csv(), options);
            case DELIMITED_TSV -> DelimitedTextReader.open(path, DelimitedFormat.tsv(), options);
            case LINES -> LineDocumentReader.open(path, options);
        };
    }

    /**
     * The layout of {@code path} when it is a labelled table ({@link #SENTIMENT140}, {@link #DELIMITED_CSV} or
     * {@link #DELIMITED_TSV}).
     *
     * @param path the corpus file (plain, .gz or .zip)
     * @param options how to read it
     * @return the layout, one of the three labelled ones
     * @throws CorpusException saying precisely why not: the file is empty; its header has a label column but
     *                         no text column (or the reverse); or its first line is neither a header nor a
     *                         Sentiment140 row (the line is shown, shortened)
     */
    public static CorpusLayout requireLabelled(Path path, ReadOptions options) {
        CorpusLayout layout = detect(path, options);
        if (layout != LINES) {
            return layout;
        }
        String name = String.valueOf(path.getFileName());
        String first = firstLine(path, options.withInvalidBytes(InvalidBytes.REPLACE));
        if (first == null) {
            throw new CorpusException(name, 0, "the file is empty: expected a header naming a label and a text "
                    + "column, or Sentiment140's six columns");
        }
        boolean tabs = first.chars().filter(c -> c == '\t').count() > first.chars().filter(c -> c == ',').count();
        List<String> header = fields(first, tabs ? '\t' : ',');
        var label = HeaderColumns.findLabel(header);
        var text = HeaderColumns.findText(header);
        if (label.isPresent() && text.isEmpty()) {
            throw new CorpusException(name, 1, "the header has a label column " + Quoted.of(header.get(label.getAsInt()))
                    + " but no text column; expected one named " + HeaderColumns.TEXT_NAMES
                    + " (or ending with one of them)");
        }
        if (text.isPresent() && label.isEmpty()) {
            throw new CorpusException(name, 1, "the header has a text column " + Quoted.of(header.get(text.getAsInt()))
                    + " but no label column; expected one named " + HeaderColumns.LABEL_NAMES
                    + " (or ending with one of them)");
        }
        throw new CorpusException(name, 1, "no label column: the first line " + Quoted.of(first) + " is neither "
                + "a header naming a label column " + HeaderColumns.LABEL_NAMES.subList(0, 4) + "... and a text column "
                + HeaderColumns.TEXT_NAMES.subList(0, 3) + "..., nor a Sentiment140 row (six columns, target 0/2/4)");
    }

    private static String firstLine(Path path, ReadOptions options) {
        try (TextSource source = TextSource.open(path, options);
             BufferedReader lines = new BufferedReader(source.reader(), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new CorpusException(String.valueOf(path.getFileName()), 1, "cannot read: " + e.getMessage(), e);
        }
    }

    private static List<String> fields(String line, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(format).get()) {
            List<String> out = new ArrayList<>();
            for (CSVRecord record : parser) {
                record.forEach(out::add);
                break;
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of(line); // an unbalanced quote on the first line: not a table we recognise
        }
    }
}
