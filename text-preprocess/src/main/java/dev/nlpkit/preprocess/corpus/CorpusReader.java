package dev.nlpkit.preprocess.corpus;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A single-pass, streaming reader of {@link LabelledText} records: only the current record (and a
 * 64 KB buffer) is in memory, whatever the file size. Use it as an {@link Iterable} in a for loop, or as a
 * {@link #stream()}, once, inside try-with-resources. Not thread-safe.
 *
 * <pre>{@code
 * try (CorpusReader reader = Sentiment140Reader.open(path)) {
 *     for (LabelledText row : reader) { ... }
 *     ReadReport report = reader.report();
 * }
 * }</pre>
 */
public abstract sealed class CorpusReader implements Iterable<LabelledText>, AutoCloseable
        permits Sentiment140Reader, DelimitedTextReader, LineDocumentReader {

    final TextSource source;
    final ProblemLog problems;
    private boolean iterated;
    private boolean closed;

    CorpusReader(TextSource source, ReadOptions options) {
        this.source = source;
        this.problems = new ProblemLog(source, options);
    }

    /** The next record, or null at the end of the file. */
    abstract LabelledText readNext();

    /**
     * The name of the file being read ({@code archive.zip!entry} inside a zip).
     *
     * @return the file name
     */
    public String source() {
        return source.name();
    }

    /**
     * Counts and skipped rows so far (complete once the records are exhausted).
     *
     * @return the report so far
     */
    public ReadReport report() {
        return problems.report();
    }

    /**
     * The records, in file order. May be called once: the reader streams the file.
     *
     * @throws IllegalStateException on a second call
     * @throws CorpusException       from {@code hasNext()/next()} on bad input (see {@link ReadOptions})
     */
    @Override
    public Iterator<LabelledText> iterator() {
        if (iterated) {
            throw new IllegalStateException(source.name() + " is read in one pass: iterator() or stream() was already called");
        }
        iterated = true;
        return new Iterator<>() {
            private LabelledText next;

            @Override
            public boolean hasNext() {
                if (next == null && !closed) {
                    next = readNext();
                }
                return next != null;
            }

            @Override
            public LabelledText next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LabelledText result = next;
                next = null;
                return result;
            }
        };
    }

    /**
     * The records as a sequential stream; closing the stream closes this reader. May be called once.
     *
     * @return the stream of records, in file order
     */
    public Stream<LabelledText> stream() {
        Spliterator<LabelledText> spliterator = Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /**
     * Whether {@link #close()} was called (directly or by closing the {@link #stream()}).
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
        }
    }
}
