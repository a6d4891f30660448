package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes bytes to characters like {@link java.io.InputStreamReader}, but knows on which line an invalid
 * byte sequence sits: it counts the line feeds it has decoded, so under {@link InvalidBytes#FAIL} the
 * {@link CorpusException} names the exact line (1-based; lines end with LF or CRLF) and the bytes. Under
 * {@link InvalidBytes#REPLACE} each invalid sequence becomes one U+FFFD, under {@link InvalidBytes#IGNORE} it is
 * dropped; either way its bytes are counted ({@link #replacedBytes()}). A leading byte-order mark is dropped.
 *
 * <p>With a null charset the encoding is detected: the first {@value #SAMPLE} bytes are checked; valid UTF-8
 * is read as UTF-8, anything else as ISO-8859-1 with a {@link #warnings() warning}. When that sample is pure
 * ASCII the decision is deferred: the first invalid UTF-8 sequence met before any non-ASCII character
 * switches to ISO-8859-1 from there on (the ASCII before it reads the same in both). An invalid sequence
 * after UTF-8 was confirmed follows the {@link InvalidBytes} policy. When detecting, a byte-order mark or
 * NUL pattern of UTF-16 and the NUL bytes of a binary file are reported as such instead of being decoded
 * into nonsense; a charset given by the caller is taken as given.
 */
final class DecodingReader extends Reader {

    /** Bytes examined to choose the charset and recognise UTF-16 or binary input. */
    static final int SAMPLE = 1 << 20;
    private static final int NUL_WINDOW = 4096;
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String source;
    private final InvalidBytes invalidBytes;
    private Charset charset;
    private CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final List<String> warnings = new ArrayList<>();
    private final boolean detect;
    private boolean sniffed;
    private boolean mayFallBack;
    private boolean sawNonAscii;
    private long lineFeeds;
    private long replacedBytes;
    private boolean endOfInput;
    private boolean flushed;
    private boolean first = true;

    /**
     * @param charset the encoding, or null to detect UTF-8 / ISO-8859-1
     */
    DecodingReader(InputStream in, String source, Charset charset, InvalidBytes invalidBytes) {
        this(in, source, charset, invalidBytes, true);
    }

    /**
     * @param sample whether detection may look ahead {@value #SAMPLE} bytes first; false for an interactive
     *               stream, where waiting for a megabyte would stall: the first invalid UTF-8 sequence before any
     *               non-ASCII character then decides, and UTF-16 or binary input is not recognised
     */
    DecodingReader(InputStream in, String source, Charset charset, InvalidBytes invalidBytes, boolean sample) {
        this.in = in.markSupported() || !sample ? in : new BufferedInputStream(in, BUFFER);
        this.sniffed = !sample;
        this.mayFallBack = !sample && charset == null;
        this.source = source;
        this.invalidBytes = invalidBytes;
        this.detect = charset == null;
        this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
        this.decoder = decoderFor(this.charset);
        bytes.flip();
        chars.flip();
    }

    private static CharsetDecoder decoderFor(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The charset in use (after detection: UTF-8 or ISO-8859-1). */
    Charset charset() {
        sniffQuietly();
        return charset;
    }

    /** Bytes of invalid sequences replaced by U+FFFD (or dropped under {@link InvalidBytes#IGNORE}) so far. */
    long replacedBytes() {
        return replacedBytes;
    }

    /** Warnings so far (the charset fallback). */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        sniff();
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void sniffQuietly() {
        try {
            sniff();
        } catch (IOException e) {
            throw new CorpusException(source, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Looks at the first bytes once: UTF-16 or binary input, and the charset when detecting. */
    private void sniff() throws IOException {
        if (sniffed) {
            return;
        }
        sniffed = true;
        if (!detect) {
            return; // the caller's charset is taken as given
        }
        in.mark(SAMPLE + 1);
        byte[] sample = in.readNBytes(SAMPLE);
        boolean whole = in.read() < 0;
        in.reset();
        rejectWideOrBinary(sample);
        Utf8Check check = Utf8Check.of(sample, whole);
        if (check.firstInvalid() >= 0) {
            switchToLatin1("is not valid UTF-8 (line " + check.line() + ": " + hex(sample, check.firstInvalid(),
                    check.length()) + "); read as ISO-8859-1");
        } else {
            mayFallBack = !check.nonAscii() && !whole;
        }
    }

    private void switchToLatin1(String warning) {
        charset = StandardCharsets.ISO_8859_1;
        decoder = decoderFor(charset);
        mayFallBack = false;
        warnings.add(source + " " + warning);
    }

    private void rejectWideOrBinary(byte[] sample) {
        if (sample.length >= 2) {
            int b0 = sample[0] & 0xff;
            int b1 = sample[1] & 0xff;
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
                throw new CorpusException(source, 0, "looks like UTF-16 text (byte-order mark "
                        + hex(sample, 0, 2) + "), not UTF-8 or ISO-8859-1; convert it to UTF-8 (iconv -f UTF-16 "
                        + "-t UTF-8) or read it as UTF-16", null, CorpusException.Remedy.CHARSET);
            }
        }
        int window = Math.min(sample.length, NUL_WINDOW);
        int even = 0;
        int odd = 0;
        int firstNul = -1;
        for (int i = 0; i < window; i++) {
            if (sample[i] == 0) {
                if ((i & 1) == 0) {
                    even++;
                } else {
                    odd++;
                }
                if (firstNul < 0) {
                    firstNul = i;
                }
            }
        }
        if (firstNul < 0) {
            return;
        }
        int half = window / 2;
        if (half > 0 && (even * 10 >= half * 3 && odd * 10 < half || odd * 10 >= half * 3 && even * 10 < half)) {
            String order = even > odd ? "UTF-16BE" : "UTF-16LE";
            throw new CorpusException(source, 0, "looks like " + order + " text (every other byte is NUL), not "
                    + "UTF-8 or ISO-8859-1; convert it to UTF-8 (iconv -f " + order + " -t UTF-8) or read it as "
                    + order, null, CorpusException.Remedy.CHARSET);
        }
        throw new CorpusException(source, 0, "looks like a binary file, not text: NUL byte at offset " + firstNul
                + " (" + (even + odd) + " NUL bytes in the first " + window + ")");
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (flushed) {
                    return false;
                }
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    if (mayFallBack && !sawNonAscii && !scanNonAscii()) {
                        switchToLatin1("is not valid UTF-8 from line " + (lineFeeds + countLineFeeds() + 1)
                                + " (" + hex(bytes.array(), bytes.position(), Math.min(result.length(), 8))
                                + "); read as ISO-8859-1 from there (the lines before are ASCII)");
                        continue;
                    }
                    if (invalidBytes == InvalidBytes.REPLACE) {
                        if (!chars.hasRemaining()) {
                            break;
                        }
                        chars.put('\uFFFD');
                        bytes.position(bytes.position() + result.length());
                        replacedBytes += result.length();
                        continue;
                    }
                    if (invalidBytes == InvalidBytes.IGNORE) {
                        bytes.position(bytes.position() + result.length());
                        replacedBytes += result.length();
                        continue;
                    }
                    if (chars.position() > 0) {
                        break; // hand out what precedes the bad bytes first; the error recurs on the next fill
                    }
                    throw invalid(result.length());
                }
                if (result.isUnderflow()) {
                    if (endOfInput) {
                        CoderResult flush = decoder.flush(chars);
                        if (flush.isOverflow()) {
                            break;
                        }
                        flushed = true;
                        break;
                    }
                    if (chars.position() > 0) {
                        break; // hand out what has arrived before waiting for more (an interactive stream)
                    }
                    readBytes();
                }
                // overflow: chars is full, fall through to hand it out
                if (result.isOverflow()) {
                    break;
                }
            }
        } finally {
            chars.flip();
        }
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\n') {
                lineFeeds++;
            } else if (c >= 0x80) {
                sawNonAscii = true;
            }
        }
        return chars.hasRemaining() || !flushed;
    }

    /** Whether the characters decoded into {@code chars} but not yet handed out hold a non-ASCII one. */
    private boolean scanNonAscii() {
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** Line feeds in the characters decoded into {@code chars} but not yet counted. */
    private long countLineFeeds() {
        long n = 0;
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private CorpusException invalid(int length) {
        String shown = hex(bytes.array(), bytes.position(), Math.min(length, 8));
        return new CorpusException(source, lineFeeds + 1, "invalid " + charset.name() + " byte sequence " + shown
                + "; read the file with its charset (Sentiment140's original file is ISO-8859-1) or replace "
                + "invalid bytes", null, CorpusException.Remedy.CHARSET);
    }

    private static String hex(byte[] data, int offset, int length) {
        int n = Math.max(0, Math.min(length, data.length - offset));
        return HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(data, offset, offset + n);
    }

    /**
     * The UTF-8 validity of a sample.
     *
     * @param firstInvalid offset of the first invalid sequence, or -1
     * @param length       its length in bytes
     * @param line         its 1-based line
     * @param nonAscii     whether the sample has a byte >= 0x80
     */
    private record Utf8Check(int firstInvalid, int length, long line, boolean nonAscii) {

        static Utf8Check of(byte[] sample, boolean whole) {
            boolean nonAscii = false;
            for (byte b : sample) {
                if (b < 0) {
                    nonAscii = true;
                    break;
                }
            }
            if (!nonAscii) {
                return new Utf8Check(-1, 0, 0, false);
            }
            CharsetDecoder utf8 = decoderFor(StandardCharsets.UTF_8);
            ByteBuffer in = ByteBuffer.wrap(sample);
            CharBuffer out = CharBuffer.allocate(BUFFER);
            while (true) {
                CoderResult result = utf8.decode(in, out, whole);
                if (result.isError()) {
                    long line = 1;
                    for (int i = 0; i < in.position(); i++) {
                        if (sample[i] == '\n') {
                            line++;
                        }
                    }
                    return new Utf8Check(in.position(), result.length(), line, true);
                }
                if (result.isUnderflow()) {
                    return new Utf8Check(-1, 0, 0, true); // a sequence cut at the sample's end is not an error
                }
                out.clear();
            }
        }
    }

    /** True when characters can be handed out without waiting (decoded, or bytes available). */
    @Override
    public boolean ready() throws IOException {
        return chars.hasRemaining() || in.available() > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
