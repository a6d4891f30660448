package dev.nlpkit.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link AtomicWriteKillTest}: rewrites its target forever with generation after generation
 * of self-checking content, printing "wrote N" after each, until it is killed.
 */
public final class AtomicWriteLoop {

    private AtomicWriteLoop() {
    }

    /** {@value} lines per generation: about 1 MB, so a kill usually lands in the middle of a write. */
    static final int LINES = 20_000;

    static byte[] content(long generation) {
        StringBuilder text = new StringBuilder(LINES * 52);
        text.append("generation ").append(generation).append('\n');
        for (int i = 0; i < LINES; i++) {
            text.append(generation).append(' ').append(i).append(" the quick brown fox jumps over it\n");
        }
        text.append("end ").append(generation).append('\n');
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Runs the loop.
     *
     * @param args the target file and the first generation number
     * @throws IOException when a write fails
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        for (long generation = Long.parseLong(args[1]); ; generation++) {
            byte[] bytes = content(generation);
            AtomicFiles.write(target, out -> {
                // In pieces, as a real serializer writes.
                for (int off = 0; off < bytes.length; off += 4096) {
                    out.write(bytes, off, Math.min(4096, bytes.length - off));
                }
            });
            System.out.println("wrote " + generation);
            System.out.flush();
        }
    }
}
