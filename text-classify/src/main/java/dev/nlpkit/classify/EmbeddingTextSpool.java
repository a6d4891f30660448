package dev.nlpkit.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import dev.nlpkit.preprocess.TextPreprocessor;

/**
 * The tokens of an {@link EmbeddingText}, preprocessed once and spooled to a temporary file, then read back on
 * every embedding pass: the preprocessing (the slow part) runs once on all threads, and no pass holds more than a
 * buffer of the text in memory. Lines without a token after preprocessing (blank lines) are left out. Each
 * sentence is written as its token count and, per token, the UTF-8 byte count and bytes, so any token survives.
 * {@link #close()} deletes the file (and closes any pass left unfinished); a JVM stopped before that deletes it on
 * exit.
 */
final class EmbeddingTextSpool implements Iterable<List<String>>, Closeable {

    /** Lines preprocessed per batch (bounds memory whatever the text's size). */
    private static final int CHUNK = 8192;

    private final Path file;
    private final long lines;
    private final long sentences;
    private final long tokens;
    private final List<DataInputStream> open = new ArrayList<>();

    private EmbeddingTextSpool(Path file, long lines, long sentences, long tokens) {
        this.file = file;
        this.lines = lines;
        this.sentences = sentences;
        this.tokens = tokens;
    }

    /**
     * Preprocesses every line and spools its tokens.
     *
     * @throws IllegalArgumentException naming the line when a line is null
     * @throws UncheckedIOException     when the temporary file cannot be written (or the lines cannot be read)
     */
    static EmbeddingTextSpool write(EmbeddingText text, TextPreprocessor preprocessor, int threads) {
        Path file;
        try {
            file = Files.createTempFile("nlpkit-embedding-text-", ".tokens");
            // close() deletes it; this also removes it when the JVM is stopped mid-fit (Ctrl-C, kill)
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the embedding text " + text.name()
                    + ": " + e.getMessage(), e);
        }
        long lineCount = 0;
        long sentenceCount = 0;
        long tokenCount = 0;
        boolean done = false;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            List<String> chunk = new ArrayList<>(CHUNK);
            Iterator<String> it = text.lines().iterator();
            while (true) {
                boolean more = it.hasNext();
                if (more) {
                    String line = it.next();
                    lineCount++;
                    if (line == null) {
                        throw new IllegalArgumentException("the embedding text " + text.name() + ": line "
                                + lineCount + " is null");
                    }
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK || !more && !chunk.isEmpty()) {
                    for (List<String> sentence : preprocessor.tokensBatch(chunk, threads)) {
                        if (sentence.isEmpty()) {
                            continue;
                        }
                        out.writeInt(sentence.size());
                        for (String token : sentence) {
                            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
                            out.writeInt(bytes.length);
                            out.write(bytes);
                        }
                        sentenceCount++;
                        tokenCount += sentence.size();
                    }
                    chunk.clear();
                }
                if (!more) {
                    break;
                }
            }
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding text's tokens to " + file + ": "
                    + e.getMessage(), e);
        } finally {
            if (!done) {
                deleteQuietly(file);
            }
        }
        return new EmbeddingTextSpool(file, lineCount, sentenceCount, tokenCount);
    }

    /** Lines read from the text. */
    long lines() {
        return lines;
    }

    /** Lines with at least one token after preprocessing (what the embedding reads). */
    long sentences() {
        return sentences;
    }

    /** Tokens after preprocessing. */
    long tokens() {
        return tokens;
    }

    /** A pass over the spooled sentences, in the text's order; the file is closed at its end. */
    @Override
    public Iterator<List<String>> iterator() {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding text's tokens back from " + file + ": "
                    + e.getMessage(), e);
        }
        synchronized (open) {
            open.add(in);
        }
        return new Iterator<>() {
            private long remaining = sentences;

            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            public List<String> next() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                try {
                    int n = in.readInt();
                    List<String> sentence = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        byte[] bytes = new byte[in.readInt()];
                        in.readFully(bytes);
                        sentence.add(new String(bytes, StandardCharsets.UTF_8));
                    }
                    if (--remaining == 0) {
                        closeStream(in);
                    }
                    return sentence;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the embedding text's tokens back from " + file + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }

    private void closeStream(DataInputStream in) throws IOException {
        synchronized (open) {
            open.remove(in);
        }
        in.close();
    }

    /** Closes unfinished passes and deletes the file. */
    @Override
    public void close() {
        synchronized (open) {
            for (DataInputStream in : open) {
                try {
                    in.close();
                } catch (IOException e) {
                    // closing a read-only stream: nothing is lost, the file is deleted next
                }
            }
            open.clear();
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind in the temporary directory; nothing of the user's is affected
        }
    }
}
