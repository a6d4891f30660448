package dev.nlpkit.vectorize.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text model file line by line, keeping the line number so that every error names the file, the line
 * and the field. Lines are split on tab characters; fields that may contain tabs or newlines are written with
 * {@link TextEscaper}.
 */
public final class LineReader {

    /**
     * Parses a file from its {@link LineReader}.
     *
     * @param <T> what the file holds
     */
    @FunctionalInterface
    public interface Parser<T> {

        /**
         * Parses the whole file.
         *
         * @param in the file's lines
         * @return what the file holds
         * @throws IOException when the file cannot be read or is malformed ({@link FileFormatException})
         */
        T parse(LineReader in) throws IOException;
    }

    private final BufferedReader reader;
    private final String source;
    private int lineNumber;

    /**
     * A reader over {@code reader}, naming {@code source} in its errors.
     *
     * @param reader the lines to read; not closed by this class
     * @param source the file name (or a description of the stream) for error messages
     */
    public LineReader(BufferedReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /**
     * Reads the UTF-8 text file {@code source} with {@code parser}; errors name the file.
     *
     * @param <T>    what the file holds
     * @param source the file
     * @param parser parses its lines
     * @return what the parser returns
     * @throws IOException when the file cannot be read or is malformed
     */
    public static <T> T readUtf8(Path source, Parser<T> parser) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            return parser.parse(new LineReader(in, source.toString()));
        }
    }

    /**
     * The 1-based number of the line most recently returned by {@link #next(String)}.
     *
     * @return the line number, 0 before the first line
     */
    public int lineNumber() {
        return lineNumber;
    }

    /**
     * The name used in error messages.
     *
     * @return the file name or stream description
     */
    public String source() {
        return source;
    }

    /**
     * The next line; a missing line is reported as a truncated file that expected {@code what}.
     *
     * @param what what the caller expected there, for the error message (for example "the vocabulary size")
     * @return the line, without its line terminator
     * @throws IOException when reading fails, or a {@link FileFormatException} at the end of the input
     */
    public String next(String what) throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new FileFormatException(source, lineNumber + 1,
                    "file is truncated: expected " + what + " but the file ends here");
        }
        lineNumber++;
        return line;
    }

    /**
     * Splits the next line into exactly {@code count} tab-separated fields.
     *
     * @param what what the caller expected there, for the error message
     * @param count the number of fields expected
     * @return the fields, unescaped as written
     * @throws IOException when reading fails, or a {@link FileFormatException} when the input ended or the count
     *                     differs
     */
    public String[] nextFields(String what, int count) throws IOException {
        String line = next(what);
        String[] fields = line.split("\t", -1);
        if (fields.length != count) {
            throw error("expected " + what + " with " + count + " tab-separated fields, found " + fields.length);
        }
        return fields;
    }

    /**
     * Reads and checks the header line {@code <kind>\t<version>}: another kind is an error, a version newer
     * than {@code supportedVersion} is an error saying so. Returns the file's version.
     *
     * @param kind the file kind expected, for example {@code nlpkit-vocabulary}
     * @param supportedVersion the newest version this code reads
     * @return the file's version, in [1, {@code supportedVersion}]
     * @throws IOException when reading fails, or a {@link FileFormatException} for another kind or a newer version
     */
    public int readHeader(String kind, int supportedVersion) throws IOException {
        String line = next("the header line '" + kind + "\t<version>'");
        String[] fields = line.split("\t", -1);
        if (fields.length != 2 || !fields[0].equals(kind)) {
            throw error("not a " + kind + " file: expected the header '" + kind + "<TAB><version>', found \""
                    + abbreviate(line) + "\"");
        }
        int version = (int) parseLong("version", fields[1], 1, Integer.MAX_VALUE);
        if (version > supportedVersion) {
            throw error("format version " + version + " is newer than this library supports (" + supportedVersion
                    + "); upgrade nlpkit to read this file");
        }
        return version;
    }

    /**
     * Reads a line {@code key=value} and returns the value.
     *
     * @param line the line, already read
     * @param key the expected key
     * @return the text after {@code key=}
     * @throws IOException a {@link FileFormatException} when the line does not start with {@code key=}
     */
    public String keyValue(String line, String key) throws IOException {
        if (!line.startsWith(key + "=")) {
            throw error("field '" + key + "': expected '" + key + "=...', found \"" + abbreviate(line) + "\"");
        }
        return line.substring(key.length() + 1);
    }

    /**
     * Reads the next line as {@code key=value}.
     *
     * @param key the expected key
     * @return the text after {@code key=}
     * @throws IOException when reading fails, or a {@link FileFormatException} for another key or a missing line
     */
    public String nextKeyValue(String key) throws IOException {
        return keyValue(next("the line '" + key + "=...'"), key);
    }

    /**
     * Checks that the next line is {@code expected} (an end marker).
     *
     * @param expected the exact line expected
     * @throws IOException when reading fails, or a {@link FileFormatException} when another line or none is found
     */
    public void expect(String expected) throws IOException {
        String line = next("the line '" + expected + "'");
        if (!line.equals(expected)) {
            throw error("expected the line '" + expected + "', found \"" + abbreviate(line) + "\"");
        }
    }

    /**
     * Parses an integer field.
     *
     * @param field the field's name, for the error message
     * @param text the field's text
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value, in [{@code min}, {@code max}]
     * @throws FileFormatException naming the field when the text is not an integer or is out of range
     */
    public long parseLong(String field, String text, long min, long max) throws FileFormatException {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("field '" + field + "': expected an integer, found \"" + abbreviate(text) + "\"");
        }
        if (value < min || value > max) {
            throw error("field '" + field + "': expected an integer in [" + min + ", " + max + "], found " + value);
        }
        return value;
    }

    /**
     * Parses a number field.
     *
     * @param field the field's name, for the error message
     * @param text the field's text
     * @return the value, finite
     * @throws FileFormatException naming the field when the text is not a finite number
     */
    public double parseDouble(String field, String text) throws FileFormatException {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw error("field '" + field + "': expected a finite number, found \"" + abbreviate(text) + "\"");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("field '" + field + "': expected a number, found \"" + abbreviate(text) + "\"");
        }
    }

    /**
     * Parses an enum field written by its constant name.
     *
     * @param field the field's name, for the error message
     * @param text the constant's name
     * @param type the enum class
     * @param <E> the enum type
     * @return the constant
     * @throws FileFormatException naming the field and listing the constants when the name is unknown
     */
    public <E extends Enum<E>> E parseEnum(String field, String text, Class<E> type) throws FileFormatException {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw error("field '" + field + "': expected one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", found \"" + abbreviate(text) + "\"");
        }
    }

    /**
     * An error at the current line.
     *
     * @param message what was expected and what was found
     * @return the exception (not thrown), naming the source and the current line
     */
    public FileFormatException error(String message) {
        return new FileFormatException(source, Math.max(1, lineNumber), message);
    }

    private static String abbreviate(String text) {
        String t = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return t.replace("\t", "<TAB>");
    }
}
