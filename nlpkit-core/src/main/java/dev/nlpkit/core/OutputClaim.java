package dev.nlpkit.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A claim on an output file for the length of a run, so that two runs writing the same output find out at
 * the start instead of one silently losing its result to the other.
 *
 * <p>{@link #acquire(Path)} creates {@code .NAME.nlpkit-lock} beside the output, exclusively, holding this
 * process's id and start time. When that file already exists and names a process that is still alive (same
 * id and same start time, so a reused id does not count), acquiring fails with an
 * {@link OutputInUseException} naming the output, the lock file and the other process. A lock left by a
 * process that no longer exists (killed, crashed) is stale and is reclaimed. {@link #close()} deletes the
 * lock file. Liveness is checked on this machine: a lock taken on another host through a shared folder is
 * always treated as held.
 *
 * <pre>{@code
 * try (OutputClaim claim = OutputClaim.acquire(out)) {   // fails now if another run writes `out`
 *     Model model = train(...);                          // hours
 *     claim.checkStillHeld();
 *     AtomicFiles.write(out, model::writeTo);
 * }
 * }</pre>
 */
public final class OutputClaim implements AutoCloseable {

    /** What follows {@code .NAME} in the name of a lock file. */
    public static final String LOCK_SUFFIX = ".nlpkit-lock";

    /** A lock file that cannot be parsed and has not changed for this long is a leftover, not being written. */
    private static final Duration UNREADABLE_STALE_AFTER = Duration.ofSeconds(10);

    /** Start times of one process read twice may differ by rounding; a reused pid starts much later. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    private final Path output;
    private final Path lockFile;
    private final String content;
    private boolean released;

    private OutputClaim(Path output, Path lockFile, String content) {
        this.output = output;
        this.lockFile = lockFile;
        this.content = content;
    }

    /**
     * Claims {@code output} for this process (its parent folder is created when missing).
     *
     * @param output the file this run will write
     * @return the claim; close it when the output is written
     * @throws OutputInUseException when a live process holds the claim (this one included)
     * @throws IOException          when the lock file cannot be created
     */
    public static OutputClaim acquire(Path output) throws IOException {
        Path absolute = output.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IOException("cannot claim '" + output + "': not a file name");
        }
        Files.createDirectories(absolute.getParent());
        Path lock = lockFileFor(absolute);
        ProcessHandle self = ProcessHandle.current();
        String content = "pid=" + self.pid() + "\nstart="
                + self.info().startInstant().map(Instant::toString).orElse("unknown") + "\n";
        for (int attempt = 0; attempt < 5; attempt++) {
            try (OutputStream out = Files.newOutputStream(lock, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(content.getBytes(StandardCharsets.US_ASCII));
                return new OutputClaim(absolute, lock, content);
            } catch (FileAlreadyExistsException e) {
                String held = readOrNull(lock);
                if (held == null) {
                    continue; // released meanwhile: try again
                }
                Owner owner = Owner.parse(held);
                if (owner == null ? !unreadableAndOld(lock) : owner.alive()) {
                    throw new OutputInUseException(absolute, lock, owner == null ? -1 : owner.pid(),
                            owner != null && owner.pid() == self.pid());
                }
                reclaim(lock, held);
            }
        }
        throw new IOException("cannot claim '" + absolute + "': its lock file '" + lock
                + "' keeps changing; another run is starting on the same output");
    }

    /**
     * The lock file that claims {@code output}.
     *
     * @param output the output file
     * @return {@code .NAME.nlpkit-lock} beside it
     */
    public static Path lockFileFor(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + LOCK_SUFFIX);
    }

    /**
     * The claimed output file.
     *
     * @return its absolute path
     */
    public Path output() {
        return output;
    }

    /**
     * The lock file that holds the claim.
     *
     * @return {@code .NAME.nlpkit-lock} beside the output
     */
    public Path lockFile() {
        return lockFile;
    }

    /**
     * Checks that the lock file still names this claim, e.g. just before writing the output at the end of a
     * long run (someone may have deleted it and another run taken the output meanwhile).
     *
     * @throws IOException naming the output when the claim was lost
     */
    public void checkStillHeld() throws IOException {
        String now = readOrNull(lockFile);
        if (released || !content.equals(now)) {
            Owner other = now == null ? null : Owner.parse(now);
            throw new IOException("lost the claim on '" + output + "': its lock file '" + lockFile + "' "
                    + (now == null ? "was deleted" : "now names " + (other == null ? "an unreadable owner"
                            : "process " + other.pid()))
                    + " during this run; another writer may have replaced the output");
        }
    }

    /** Releases the claim: deletes the lock file if it still names this claim. */
    @Override
    public void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        if (content.equals(readOrNull(lockFile))) {
            Files.deleteIfExists(lockFile);
        }
    }

    /** Moves a stale lock aside and deletes it, unless another process replaced it meanwhile. */
    private static void reclaim(Path lock, String staleContent) throws IOException {
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        Path aside = lock.resolveSibling(lock.getFileName() + ".stale-" + HexFormat.of().formatHex(suffix));
        try {
            Files.move(lock, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another process reclaimed it first
        }
        if (staleContent.equals(readOrNull(aside))) {
            Files.deleteIfExists(aside);
        } else {
            // Another process reclaimed the stale lock and took the output between our read and our move:
            // give its lock back.
            Files.move(aside, lock, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static boolean unreadableAndOld(Path lock) throws IOException {
        try {
            Instant modified = Files.getLastModifiedTime(lock).toInstant();
            return modified.isBefore(Instant.now().minus(UNREADABLE_STALE_AFTER));
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    private static String readOrNull(Path file) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > 256 ? "" : new String(bytes, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The process named by a lock file. */
    private record Owner(long pid, Optional<Instant> start) {

        static Owner parse(String text) {
            long pid = -1;
            Optional<Instant> start = Optional.empty();
            for (String line : text.split("\n")) {
                try {
                    if (line.startsWith("pid=")) {
                        pid = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("start=") && !line.equals("start=unknown")) {
                        start = Optional.of(Instant.parse(line.substring(6)));
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    return null;
                }
            }
            return pid > 0 ? new Owner(pid, start) : null;
        }

        boolean alive() {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return false;
            }
            Optional<Instant> actual = handle.get().info().startInstant();
            if (start.isEmpty() || actual.isEmpty()) {
                return true;
            }
            return Duration.between(start.get(), actual.get()).abs().compareTo(START_TOLERANCE) <= 0;
        }
    }
}
