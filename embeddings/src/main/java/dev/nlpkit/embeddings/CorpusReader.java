package dev.nlpkit.embeddings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Streams a {@link Corpus}: sentences as token lists, or lines of a file with line numbers in errors. */
final class CorpusReader {

    private CorpusReader() {
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
        try (InputStream raw = Files.newInputStream(file.path());
             InputStream in = file.gzipped() ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, file.charset().newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException(file.path() + ":" + (lineNumber + 1) + ": not valid "
                            + file.charset() + " text (" + e.getMessage() + "); pass the file's charset to "
                            + "Corpus.lines(path, charset)", e);
                }
                if (line == null) {
                    return;
                }
                lineNumber++;
                if (!sink.accept(line)) {
                    return;
                }
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
