package dev.nlpkit.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Streams a {@link Corpus}: sentences as token lists, or lines of a file with line numbers in errors. */
final class CorpusItems {

    private CorpusItems() {
    }

    /** Receives one corpus item: a {@code List<String>} sentence or a {@code String} line. */
    interface ItemSink {
        /** @return false to stop reading */
        boolean accept(Object item);
    }

    /** Streams every item of the corpus once, in order. */
    static void read(Corpus corpus, ItemSink sink) {
        switch (corpus) {
            case Corpus.Sentences s -> {
                for (List<String> sentence : s.sentences()) {
                    if (sentence == null) {
                        throw new IllegalArgumentException("corpus: a sentence is null (expected a list of tokens)");
                    }
                    if (!sink.accept(sentence)) {
                        return;
                    }
                }
            }
            case Corpus.LineFile f -> readLines(f, sink);
        }
    }

    private static void readLines(Corpus.LineFile file, ItemSink sink) {
        long lineNumber = 0;
        CharsetDecoder decoder = file.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean asciiCompatible = file.charset().equals(StandardCharsets.UTF_8)
                || file.charset().equals(StandardCharsets.US_ASCII)
                || file.charset().equals(StandardCharsets.ISO_8859_1);
        try (InputStream raw = Files.newInputStream(file.path());
             InputStream in = file.gzipped() ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] buffer = new byte[1 << 16];
            int start = 0;
            int end = 0;
            boolean eof = false;
            while (true) {
                int newline = -1;
                boolean ascii = true;
                for (int i = start; i < end; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        newline = i;
                        break;
                    }
                    ascii &= b >= 0;
                }
                if (newline < 0 && !eof) {
                    // Compact and refill (grow when one line fills the buffer).
                    if (start > 0) {
                        System.arraycopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    } else if (end == buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    int n = in.read(buffer, end, buffer.length - end);
                    if (n < 0) {
                        eof = true;
                    } else {
                        end += n;
                    }
                    continue;
                }
                int lineEnd = newline < 0 ? end : newline;
                if (newline < 0 && start == end) {
                    return;
                }
                lineNumber++;
                int contentEnd = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                String line;
                if (ascii && asciiCompatible) {
                    line = new String(buffer, start, contentEnd - start, StandardCharsets.ISO_8859_1);
                } else {
                    try {
                        line = decoder.reset().decode(ByteBuffer.wrap(buffer, start, contentEnd - start)).toString();
                    } catch (CharacterCodingException e) {
                        throw new IllegalArgumentException(file.path() + ":" + lineNumber + ": not valid "
                                + file.charset() + " text (" + e.getClass().getSimpleName()
                                + "); the file is in another charset", e);
                    }
                }
                if (!sink.accept(line)) {
                    return;
                }
                if (newline < 0) {
                    return;
                }
                start = newline + 1;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("corpus file not found: " + file.path(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading corpus " + file.path() + " near line " + (lineNumber + 1)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code sink} with [start, end) of each white-space separated token of {@code line}. */
    interface TokenSink {
        void token(String line, int start, int end);
    }

    static int tokenize(String line, TokenSink sink) {
        int n = line.length();
        int i = 0;
        int tokens = 0;
        while (i < n) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                sink.token(line, start, i);
                tokens++;
            }
        }
        return tokens;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' ? (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || (c >= 0x1C && c <= 0x1F)) : (c >= 0x80 && Character.isWhitespace(c)) || c == 0x85 || c == 0xA0;
    }
}
