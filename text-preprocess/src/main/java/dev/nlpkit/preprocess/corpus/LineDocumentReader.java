package dev.nlpkit.preprocess.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One document per line, unlabelled ({@link LabelledText#label()} is null). Blank lines separate nothing
 * and are passed over (counted in {@link ReadReport#blankLines()}); lines end with LF or CRLF.
 */
public final class LineDocumentReader extends CorpusReader {

    private final BufferedReader lines;
    private long lineNumber;

    private LineDocumentReader(TextSource source, ReadOptions options) {
        super(source, options);
        this.lines = new BufferedReader(source.reader(), 1 << 16);
    }

    /**
     * Opens {@code path} with {@link ReadOptions#defaults()}.
     *
     * @param path the text file, one document per line (plain, .gz or .zip)
     * @return an open reader; the caller closes it
     */
    public static LineDocumentReader open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    /**
     * Opens {@code path} (plain, .gz or .zip).
     *
     * @param path the text file, one document per line
     * @param options charset, invalid bytes, compression and zip entry
     * @return an open reader; the caller closes it
     */
    public static LineDocumentReader open(Path path, ReadOptions options) {
        return new LineDocumentReader(TextSource.open(path, options), options);
    }

    @Override
    LabelledText readNext() {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    problems.blankLine();
                    continue;
                }
                problems.row();
                problems.record();
                return new LabelledText(null, line, lineNumber);
            }
            return null;
        } catch (IOException e) {
            throw new CorpusException(source.name(), lineNumber + 1, "cannot read: " + e.getMessage(), e);
        }
    }
}
