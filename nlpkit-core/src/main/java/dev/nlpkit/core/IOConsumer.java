package dev.nlpkit.core;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the content callback of {@link AtomicFiles}.
 *
 * @param <T> what it consumes, e.g. an {@link java.io.OutputStream} or a {@link java.io.Writer}
 */
@FunctionalInterface
public interface IOConsumer<T> {

    /**
     * Consumes {@code value}.
     *
     * @param value the value, e.g. the stream to write the content to
     * @throws IOException when writing fails
     */
    void accept(T value) throws IOException;
}
