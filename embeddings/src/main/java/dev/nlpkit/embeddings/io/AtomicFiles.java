package dev.nlpkit.embeddings.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * Atomic file writing: the content goes to a temporary file beside the target, is forced to disk, then
 * renamed over the target with {@code ATOMIC_MOVE}. When writing fails the temporary file is deleted and the
 * target is left as it was: never half-written.
 */
public final class AtomicFiles {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically; gzip-compressed when its name ends in {@code .gz}. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream raw = Channels.newOutputStream(channel);
                boolean gzip = absolute.getFileName().toString().endsWith(".gz");
                GZIPOutputStream gz = gzip ? new GZIPOutputStream(raw, 1 << 16) : null;
                BufferedOutputStream out = new BufferedOutputStream(gzip ? gz : raw, 1 << 16);
                content.writeTo(out);
                out.flush();
                if (gz != null) {
                    gz.finish(); // the gzip trailer
                    raw.flush();
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
