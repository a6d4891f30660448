package dev.nlpkit.vectorize.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a UTF-8 text file atomically: the content goes to a temporary file in the same directory, which is then
 * renamed over the target ({@code ATOMIC_MOVE}), so a reader never sees a half-written model.
 */
public final class AtomicFiles {

    /** Writes content to a {@link Writer}. */
    @FunctionalInterface
    public interface WriterAction {
        void write(Writer out) throws IOException;
    }

    /** Reads content from a {@link LineReader}. */
    @FunctionalInterface
    public interface ReaderAction<T> {
        T read(LineReader in) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeUtf8(Path target, WriterAction action) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                action.write(out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static <T> T readUtf8(Path source, ReaderAction<T> action) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            return action.read(new LineReader(in, source.toString()));
        }
    }
}
