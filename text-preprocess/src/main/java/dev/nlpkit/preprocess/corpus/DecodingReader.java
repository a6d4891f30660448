package dev.nlpkit.preprocess.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * Decodes bytes to characters like {@link java.io.InputStreamReader}, but knows on which line an invalid
 * byte sequence sits: it counts the line feeds it has decoded, so under {@link InvalidBytes#FAIL} the
 * {@link CorpusException} names the exact line (1-based; lines end with LF or CRLF) and the bytes. Under
 * {@link InvalidBytes#REPLACE} invalid sequences become U+FFFD. A leading byte-order mark is dropped.
 */
final class DecodingReader extends Reader {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String source;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private long lineFeeds;
    private boolean endOfInput;
    private boolean flushed;
    private boolean first = true;

    DecodingReader(InputStream in, String source, Charset charset, InvalidBytes invalidBytes) {
        this.in = in;
        this.source = source;
        this.charset = charset;
        CodingErrorAction action = invalidBytes == InvalidBytes.REPLACE
                ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        this.decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
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
            if (chars.get(i) == '\n') {
                lineFeeds++;
            }
        }
        return chars.hasRemaining() || !flushed;
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
        int shown = Math.min(length, 8);
        byte[] bad = new byte[shown];
        bytes.get(bytes.position(), bad, 0, shown);
        String hex = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(bad);
        return new CorpusException(source, lineFeeds + 1, "invalid " + charset.name() + " byte sequence " + hex
                + "; read it with the right charset (ReadOptions.withCharset; Sentiment140's original file is "
                + "ISO-8859-1) or replace invalid bytes (ReadOptions.withInvalidBytes(InvalidBytes.REPLACE))");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
