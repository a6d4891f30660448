package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The corpus readers' decoding for a byte stream that is not a file (standard input, a socket): a
 * {@link Reader} that detects UTF-8 / ISO-8859-1 when {@link ReadOptions#charset()} is null, counts replaced
 * bytes under {@link InvalidBytes#REPLACE}, and never reads ahead more than what has arrived, so it suits
 * an interactive stream. Without a file to sample, detection is made on the way: the first invalid UTF-8
 * sequence seen before any non-ASCII character switches to ISO-8859-1 from there, with a warning.
 *
 * <pre>{@code
 * try (TextDecoder in = TextDecoder.of(System.in, "standard input",
 *         ReadOptions.defaults().withInvalidBytes(InvalidBytes.REPLACE))) { ... in.warnings() ... }
 * }</pre>
 */
public final class TextDecoder extends Reader {

    private final DecodingReader decoding;

    private TextDecoder(DecodingReader decoding) {
        this.decoding = decoding;
    }

    /**
     * Decodes {@code in} (not decompressed) as {@code options} say.
     *
     * @param in the raw bytes, already decompressed; closing the decoder closes it
     * @param name the name for messages
     * @param options the charset (or detection) and the invalid-bytes policy
     * @return the decoder
     */
    public static TextDecoder of(InputStream in, String name, ReadOptions options) {
        Objects.requireNonNull(in, "in");
        return new TextDecoder(new DecodingReader(in, name, options.charset(), options.invalidBytes(), false));
    }

    /**
     * The charset the corpus readers would decode {@code path} with (plain, gzip or zip, as the options say):
     * the options' charset, or the detected one, for readers outside this package that take a charset (a
     * detected ISO-8859-1 is passed to {@code warnings} with the line and bytes that decided it).
     *
     * @param path the corpus file
     * @param options charset (or detection), compression and zip entry
     * @param warnings receives a message when ISO-8859-1 is detected
     * @return the charset
     * @throws CorpusException when the file is missing, UTF-16, binary, or a damaged or ambiguous archive
     */
    public static Charset charsetOf(Path path, ReadOptions options, Consumer<String> warnings) {
        try (TextSource source = TextSource.open(path, options)) {
            Charset charset = source.reader().charset();
            source.reader().warnings().forEach(warnings);
            return charset;
        }
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        return decoding.read(target, offset, length);
    }

    @Override
    public boolean ready() throws IOException {
        return decoding.ready();
    }

    /**
     * The charset in use so far.
     *
     * @return the charset
     */
    public Charset charset() {
        return decoding.charset();
    }

    /**
     * Bytes of invalid sequences replaced by U+FFFD so far.
     *
     * @return the number of bytes replaced
     */
    public long replacedBytes() {
        return decoding.replacedBytes();
    }

    /**
     * Warnings so far (a switch to ISO-8859-1, naming the line and bytes).
     *
     * @return the warnings, in order
     */
    public List<String> warnings() {
        return decoding.warnings();
    }

    @Override
    public void close() throws IOException {
        decoding.close();
    }
}
