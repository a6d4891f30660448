package dev.nlpkit.embeddings.io;

import dev.nlpkit.core.InvalidBytes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.core.IOConsumer;
import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * The word2vec C formats (as written by word2vec.c and gensim's {@code save_word2vec_format}).
 *
 * <ul>
 *   <li>{@link Format#TEXT}: a header line {@code "<count> <dimension>"}, then one line per word:
 *       the word and its d values separated by single spaces.</li>
 *   <li>{@link Format#BINARY}: the same header line, then per word: the word's bytes, one space, d
 *       little-endian float32 values; we write a newline after each vector (word2vec.c does, gensim does not;
 *       readers skip white space before a word, so both load everywhere).</li>
 * </ul>
 * GloVe files (and gensim's {@code no_header=True}) are the text format without the header line: read them with
 * {@link VectorFileOptions#withHeader VectorFileOptions.withHeader(TextHeader.NONE)} (or {@link TextHeader#AUTO}), write them with
 * {@link #write(WordVectors, Path, Format, java.nio.charset.Charset, TextHeader)}.
 * Names ending in {@code .gz} are (de)compressed. Reading streams the file ({@link #stream}): vectors go one at
 * a time to a {@link VectorSink}, so files larger than memory can be filtered. Errors name the file and the
 * line (text) or word index (binary): a bad header, a short or non-numeric line, a truncated vector, a
 * non-finite value, invalid bytes under {@link InvalidBytes#FAIL}. Writing is atomic.
 *
 * <pre>{@code
 * WordVectors wv = Word2VecFormat.read(Path.of("vectors.bin"), Format.BINARY, VectorFileOptions.defaults().withLimit(50_000));
 * Word2VecFormat.write(wv, Path.of("vectors.txt"), Format.TEXT);
 * }</pre>
 */
public final class Word2VecFormat {

    /** Text or binary. */
    public enum Format {
        /** One line per word: the word and its values as decimal text. */
        TEXT,
        /** Per word: the word's bytes, a space and d little-endian float32 values. */
        BINARY
    }

    /** Receives the vectors of a file as they are read. */
    public interface VectorSink {
        /**
         * The header: the number of vectors that will follow (after the limit) and the dimension.
         *
         * @param count     the number of vectors that will follow
         * @param dimension the number of values per vector
         */
        default void header(int count, int dimension) {
        }

        /**
         * Vector number {@code index}; {@code vector} is reused for the next call: copy it to keep it.
         *
         * @param index  the vector number, from 0
         * @param word   the word
         * @param vector its values (reused by the next call)
         */
        void accept(int index, String word, float[] vector);
    }

    private Word2VecFormat() {
    }

    /**
     * Reads a whole file into {@link WordVectors} (rows in file order).
     *
     * @param file    the file (gzip-compressed when its name ends in {@code .gz})
     * @param format  text or binary
     * @param options charset, malformed-input policy, limit and header policy
     * @return the vectors
     * @throws IOException               when the file cannot be read
     * @throws WordVectorFormatException when the content is malformed (the message names file and line)
     */
    public static WordVectors read(Path file, Format format, VectorFileOptions options) throws IOException {
        List<String> words = new ArrayList<>();
        float[][] data = new float[1][];
        int[] dim = new int[1];
        stream(file, format, options, new VectorSink() {
            @Override
            public void header(int count, int dimension) {
                dim[0] = dimension;
                data[0] = new float[Math.multiplyExact(count, dimension)];
            }

            @Override
            public void accept(int index, String word, float[] vector) {
                words.add(word);
                System.arraycopy(vector, 0, data[0], index * dim[0], dim[0]);
            }
        });
        try {
            return WordVectors.of(words.toArray(String[]::new), data[0], dim[0]);
        } catch (IllegalArgumentException e) {
            throw new WordVectorFormatException(file, "content", e.getMessage(), e);
        }
    }

    /**
     * Reads with {@link VectorFileOptions#defaults()}.
     *
     * @param file   the file (gzip-compressed when its name ends in {@code .gz})
     * @param format text or binary
     * @return the vectors
     * @throws IOException               when the file cannot be read
     * @throws WordVectorFormatException when the content is malformed (the message names file and line)
     */
    public static WordVectors read(Path file, Format format) throws IOException {
        return read(file, format, VectorFileOptions.defaults());
    }

    /**
     * Streams the vectors of a file to {@code sink}. A text file read with {@link TextHeader#NONE} (or
     * {@link TextHeader#AUTO} finding no header) is read twice: once to count its lines, once for the vectors.
     *
     * @param file    the file (gzip-compressed when its name ends in {@code .gz})
     * @param format  text or binary
     * @param options charset, malformed-input policy, limit and header policy
     * @param sink    receives the header, then each vector in file order
     * @throws IOException                when the file cannot be read
     * @throws WordVectorFormatException  when the content is malformed (the message names file and line)
     * @throws IllegalArgumentException   when a binary file is read with a header policy other than
     *                                    {@link TextHeader#COUNTS}
     */
    public static void stream(Path file, Format format, VectorFileOptions options, VectorSink sink) throws IOException {
        if (format == Format.BINARY && options.header() != TextHeader.COUNTS) {
            throw new IllegalArgumentException("binary word2vec files always start with the '<count> <dimension>' "
                    + "header; header policy " + options.header() + " applies to text files only");
        }
        int[] headerless = null;
        if (format == Format.TEXT && options.header() != TextHeader.COUNTS) {
            headerless = open(file, in -> new Reader(file, in, options, sink).scanHeaderless(options.header()));
        }
        int[] shape = headerless;
        open(file, in -> {
            Reader reader = new Reader(file, in, options, sink);
            if (shape == null) {
                reader.read(format);
            } else {
                reader.readHeaderless(shape[0], shape[1]);
            }
            return null;
        });
    }

    private interface StreamFunction<T> {
        T apply(InputStream in) throws IOException;
    }

    private static <T> T open(Path file, StreamFunction<T> body) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(
                     file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16)) {
            return body.apply(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "word2vec file not found");
        }
    }

    private static final class Reader {
        private final Path file;
        private final InputStream in;
        private final VectorFileOptions options;
        private final VectorSink sink;
        private final CharsetDecoder decoder;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

        Reader(Path file, InputStream in, VectorFileOptions options, VectorSink sink) {
            this.file = file;
            this.in = in;
            this.options = options;
            this.sink = sink;
            CodingErrorAction action = switch (options.invalidBytes()) {
                case FAIL -> CodingErrorAction.REPORT;
                case REPLACE -> CodingErrorAction.REPLACE;
                case IGNORE -> CodingErrorAction.IGNORE;
            };
            this.decoder = options.charset().newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
        }

        void read(Format format) throws IOException {
            String header = readLine();
            if (header == null) {
                throw new WordVectorFormatException(file, "line 1", "empty file; expected a '<count> <dimension>' "
                        + "header");
            }
            String[] parts = header.strip().split("\\s+");
            int count;
            int dimension;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                count = Integer.parseInt(parts[0]);
                dimension = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                    throw new WordVectorFormatException(file, "line 1", "expected a '<count> <dimension>' header, found '"
                        + abbreviate(header) + "'" + (format == Format.TEXT && parts.length > 2
                        ? " (a text file without header, such as GloVe's? read it with "
                        + "VectorFileOptions.withHeader(TextHeader.NONE) or TextHeader.AUTO)" : ""));
            }
            if (count < 0 || dimension < 1) {
                throw new WordVectorFormatException(file, "line 1", "header says " + count + " vectors of dimension "
                        + dimension + "; expected count >= 0 and dimension >= 1");
            }
            int n = options.limit() > 0 ? Math.min(count, options.limit()) : count;
            sink.header(n, dimension);
            float[] vector = new float[dimension];
            if (format == Format.TEXT) {
                readText(n, count, dimension, vector, 2);
            } else {
                readBinary(n, count, dimension, vector);
            }
        }

        /**
         * The first pass over a text file that may have no header: {@code null} when {@code policy} is AUTO and
         * line 1 is a {@code "<count> <dimension>"} header, else {count, dimension} of the headerless file (the
         * dimension from line 1, the count from the number of lines).
         */
        int[] scanHeaderless(TextHeader policy) throws IOException {
            String first = readLine();
            if (first == null) {
                throw new WordVectorFormatException(file, "line 1", "empty file; expected "
                        + (policy == TextHeader.AUTO ? "a '<count> <dimension>' header or " : "")
                        + "a word followed by its values");
            }
            String[] parts = first.strip().split(" ");
            if (policy == TextHeader.AUTO && parts.length == 2 && isInteger(parts[0]) && isInteger(parts[1])) {
                return null;
            }
            if (parts.length < 2 || parts[0].isEmpty()) {
                throw new WordVectorFormatException(file, "line 1", (policy == TextHeader.AUTO
                        ? "neither a '<count> <dimension>' header nor a word followed by its values: '"
                        : "expected a word followed by its values (no header: TextHeader." + policy + "), found '")
                        + abbreviate(first) + "'");
            }
            int lines = 1;
            for (int b = in.read(), previous = '\n'; b != -1; previous = b, b = in.read()) {
                if (previous == '\n') {
                    lines++;
                }
            }
            return new int[] {lines, parts.length - 1};
        }

        /** Reads a text file without header line whose first pass found {@code count} lines of {@code dimension}. */
        void readHeaderless(int count, int dimension) throws IOException {
            int n = options.limit() > 0 ? Math.min(count, options.limit()) : count;
            sink.header(n, dimension);
            readText(n, count, dimension, new float[dimension], 1);
        }

        private static boolean isInteger(String s) {
            if (s.isEmpty() || s.length() > 10) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private void readText(int n, int count, int dimension, float[] vector, int firstLine) throws IOException {
            for (int i = 0; i < n; i++) {
                long lineNo = i + (long) firstLine;
                String line = readLine();
                if (line == null) {
                    throw new WordVectorFormatException(file, "line " + lineNo, "file ended after " + i + " of "
                            + count + " vectors " + (firstLine == 1 ? "counted in the first pass (the file changed "
                            + "while being read?)" : "announced by the header"));
                }
                String stripped = line.strip();
                String[] parts = stripped.split(" ");
                if (parts.length != dimension + 1) {
                    throw new WordVectorFormatException(file, "line " + lineNo, "expected a word and " + dimension
                            + " values, found " + (parts.length - 1) + " values"
                            + (parts.length > 0 ? " after '" + abbreviate(parts[0]) + "'" : ""));
                }
                for (int j = 0; j < dimension; j++) {
                    float v;
                    try {
                        v = Float.parseFloat(parts[j + 1]);
                    } catch (NumberFormatException e) {
                        throw new WordVectorFormatException(file, "line " + lineNo, "value " + (j + 1) + " of '"
                                + abbreviate(parts[0]) + "' is not a number: '" + abbreviate(parts[j + 1]) + "'");
                    }
                    if (!Float.isFinite(v)) {
                        throw new WordVectorFormatException(file, "line " + lineNo + " (word index " + i + ")",
                                "value " + (j + 1) + " of '" + abbreviate(parts[0]) + "' is " + v
                                        + "; vectors must be finite");
                    }
                    vector[j] = v;
                }
                sink.accept(i, parts[0], vector);
            }
        }

        private void readBinary(int n, int count, int dimension, float[] vector) throws IOException {
            String previous = null;
            byte[] raw = new byte[4 * dimension];
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                String where = "word index " + i;
                bytes.reset();
                int b = in.read();
                while (b == '\n' || b == '\r' || b == ' ' || b == '\t') {
                    b = in.read();
                }
                while (b != ' ' && b != -1) {
                    bytes.write(b);
                    b = in.read();
                }
                if (b == -1) {
                    throw new WordVectorFormatException(file, where, "file ended after " + i + " of " + count
                            + " vectors announced by the header");
                }
                String word;
                try {
                    word = decode(bytes.toByteArray(), where);
                } catch (WordVectorFormatException e) {
                    if (i == 0) {
                        throw e;
                    }
                    throw misaligned(i, previous, dimension, e);
                }
                if (i > 0 && hasControl(word)) {
                    throw misaligned(i, previous, dimension, null);
                }
                previous = word;
                int got = in.readNBytes(raw, 0, raw.length);
                if (got != raw.length) {
                    throw new WordVectorFormatException(file, where, "truncated vector of '" + abbreviate(word)
                            + "': expected " + raw.length + " bytes (" + dimension + " float32), file ended after "
                            + got);
                }
                buffer.clear();
                for (int j = 0; j < dimension; j++) {
                    float v = buffer.getFloat();
                    if (!Float.isFinite(v)) {
                        throw new WordVectorFormatException(file, where, "value " + (j + 1) + " of '"
                                + abbreviate(word) + "' is " + v + "; vectors must be finite");
                    }
                    vector[j] = v;
                }
                sink.accept(i, word, vector);
            }
        }

        /**
         * After a vector, the next word is not text: the vectors are not {@code dimension} floats long, so reading
         * went out of step (a header edited by hand, or vectors from another model).
         */
        private WordVectorFormatException misaligned(int i, String previous, int dimension, Exception cause) {
            return new WordVectorFormatException(file, "word index " + i, "the bytes after the vector of '"
                    + abbreviate(previous) + "' are not a word: the vectors do not seem to be " + dimension
                    + " float32 values (" + 4 * dimension + " bytes) long as the header says; the header's "
                    + "dimension does not match the data, or the file is damaged", cause);
        }

        private static boolean hasControl(String word) {
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
                    return true;
                }
            }
            return false;
        }

        /** Reads bytes up to '\n' (dropped, with a preceding '\r') and decodes them; null at end of file. */
        private String readLine() throws IOException {
            bytes.reset();
            int b = in.read();
            if (b == -1) {
                return null;
            }
            while (b != '\n' && b != -1) {
                bytes.write(b);
                b = in.read();
            }
            byte[] line = bytes.toByteArray();
            int len = line.length;
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            return decode(java.util.Arrays.copyOf(line, len), "line");
        }

        private long linesRead;

        private String decode(byte[] data, String where) throws WordVectorFormatException {
            if (where.equals("line")) {
                linesRead++;
                where = "line " + linesRead;
            }
            try {
                decoder.reset();
                CharBuffer chars = decoder.decode(ByteBuffer.wrap(data));
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new WordVectorFormatException(file, where, "bytes not valid in " + options.charset()
                        + " (" + e.getMessage() + "); the file is in another charset, or damaged", e);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * Writes all vectors in UTF-8 (atomic; gzip when the name ends in .gz), with the header line.
     *
     * @param vectors the vectors, written in row order
     * @param file    the target; replaced atomically
     * @param format  text or binary
     * @throws IOException              when the file cannot be written (the old file, if any, is kept)
     * @throws IllegalArgumentException when a word cannot be represented (named by its index)
     */
    public static void write(WordVectors vectors, Path file, Format format) throws IOException {
        write(vectors, file, format, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes all vectors in {@code charset} (atomic), with the header line. Words that are empty or contain white
     * space cannot be represented and are rejected, naming the word index.
     *
     * @param vectors the vectors, written in row order
     * @param file    the target; replaced atomically
     * @param format  text or binary
     * @param charset the encoding of the words
     * @throws IOException              when the file cannot be written (the old file, if any, is kept)
     * @throws IllegalArgumentException when a word cannot be represented (named by its index)
     */
    public static void write(WordVectors vectors, Path file, Format format, java.nio.charset.Charset charset)
            throws IOException {
        write(vectors, file, format, charset, TextHeader.COUNTS);
    }

    /**
     * Writes all vectors in {@code charset} (atomic), with or without the header line: {@link TextHeader#NONE}
     * writes a GloVe file (text only).
     *
     * @param vectors the vectors, written in row order
     * @param file    the target; replaced atomically
     * @param format  text or binary
     * @param charset the encoding of the words
     * @param header  {@link TextHeader#COUNTS} (word2vec) or {@link TextHeader#NONE} (GloVe, text only)
     * @throws IOException              when the file cannot be written (the old file, if any, is kept)
     * @throws IllegalArgumentException when a word cannot be represented (named by its index), or for
     *                                  {@link TextHeader#AUTO} or a binary file without header
     */
    public static void write(WordVectors vectors, Path file, Format format, java.nio.charset.Charset charset,
            TextHeader header) throws IOException {
        if (header == TextHeader.AUTO || (header == TextHeader.NONE && format == Format.BINARY)) {
            throw new IllegalArgumentException("cannot write " + format + " with header policy " + header
                    + ": write COUNTS (word2vec), or NONE for a text file (GloVe)");
        }
        int v = vectors.size();
        int d = vectors.dimension();
        CharsetEncoder encoder = charset.newEncoder();
        for (int i = 0; i < v; i++) {
            String w = vectors.word(i);
            if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("word index " + i + " ('" + w + "') is empty or contains white "
                        + "space; the word2vec format cannot represent it");
            }
            if (!encoder.canEncode(w)) {
                throw new IllegalArgumentException("word index " + i + " ('" + w + "') cannot be encoded in "
                        + charset);
            }
        }
        float[] data = vectors.toFlatArray();
        writeAtomically(file, out -> {
            if (header == TextHeader.COUNTS) {
                out.write((v + " " + d + "\n").getBytes(charset));
            }
            if (format == Format.TEXT) {
                writeText(vectors, data, d, charset, out);
            } else {
                writeBinary(vectors, data, d, charset, out);
            }
        });
    }

    private static void writeText(WordVectors vectors, float[] data, int d, java.nio.charset.Charset charset,
            OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder(16 * d);
        for (int i = 0; i < vectors.size(); i++) {
            line.setLength(0);
            line.append(vectors.word(i));
            for (int j = 0; j < d; j++) {
                line.append(' ').append(Float.toString(data[i * d + j]).toLowerCase(Locale.ROOT));
            }
            line.append('\n');
            out.write(line.toString().getBytes(charset));
        }
    }

    private static void writeBinary(WordVectors vectors, float[] data, int d, java.nio.charset.Charset charset,
            OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < vectors.size(); i++) {
            out.write(vectors.word(i).getBytes(charset));
            out.write(' ');
            buffer.clear();
            for (int j = 0; j < d; j++) {
                buffer.putFloat(data[i * d + j]);
            }
            out.write(buffer.array());
            out.write('\n');
        }
    }

    /**
     * Writes {@code file} through nlpkit-core's {@link AtomicFiles}, gzip-compressed when its name ends in
     * {@code .gz} (as reading decompresses it).
     */
    private static void writeAtomically(Path file, IOConsumer<OutputStream> content) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            AtomicFiles.write(file, content);
            return;
        }
        AtomicFiles.write(file, raw -> {
            GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
            BufferedOutputStream out = new BufferedOutputStream(gzip, 1 << 16);
            content.accept(out);
            out.flush();
            gzip.finish(); // the gzip trailer; AtomicFiles flushes and syncs the file
        });
    }
}
