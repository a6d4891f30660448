package dev.nlpkit.core;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The one way nlpkit writes a file: a reader never sees a half-written file, a crash or a failing writer
 * leaves the previous file as it was, and the new file looks like any other file the user creates.
 *
 * <p>The steps of {@link #write(Path, IOConsumer)}:
 * <ol>
 *   <li>the parent folder is created when missing;</li>
 *   <li>stale temporary files of ours in that folder are removed (see below);</li>
 *   <li>the content goes to {@code .NAME.nlpkit-tmp} in the same folder (with a random suffix,
 *       {@code .NAME.nlpkit-tmp-1a2b3c4d}, when that name is taken by a concurrent write), created with the
 *       mode the user's umask gives a new file; {@code Files.createTempFile} is not used because it makes
 *       every file 0600;</li>
 *   <li>when the target exists, the temporary file takes the target's POSIX permissions, so replacing a
 *       0644 file keeps 0644; {@link #write(Path, Set, IOConsumer)} sets explicit permissions instead
 *       (the only way to get a 0600 file);</li>
 *   <li>the temporary file is forced to disk ({@code fsync}), moved over the target with
 *       {@code ATOMIC_MOVE}, and the folder is forced to disk so the rename itself survives a power cut.</li>
 * </ol>
 * When the content callback or any step fails, the temporary file is deleted and the target is untouched.
 *
 * <p><b>Fallback without atomic rename.</b> A file system that cannot rename atomically (some network and
 * FUSE file systems report {@link AtomicMoveNotSupportedException}) gets a plain
 * {@code move(REPLACE_EXISTING)}: the temporary file is already complete and on disk, but for a moment the
 * target may be absent; a crash in that moment leaves the complete new content in the temporary file.
 * Forcing the folder to disk is skipped where the platform cannot open folders (Windows) or the file
 * system refuses it.
 *
 * <p><b>Stale temporary files.</b> A process killed between creating and renaming its temporary file
 * leaves it behind. Every write removes the temporary files of ours in its folder (names matching
 * {@code .NAME.nlpkit-tmp} or {@code .NAME.nlpkit-tmp-SUFFIX}) that were last modified more than
 * {@link #STALE_AFTER an hour} ago and whose {@code NAME} exists beside them (so a file left by an
 * interrupted fallback move, the only copy of its content, is kept). A live writer touches its file far more
 * often than once an hour.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> model.writeTo(out));
 * AtomicFiles.writeText(path, w -> w.write("nlpkit-vocabulary\t1\n"));
 * }</pre>
 */
public final class AtomicFiles {

    /** What follows {@code .NAME} in the name of our temporary files. */
    public static final String TEMPORARY_SUFFIX = ".nlpkit-tmp";

    /** Temporary files of ours older than this are removed by the next write to their folder. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    /** {@code .NAME.nlpkit-tmp} or {@code .NAME.nlpkit-tmp-SUFFIX}; group 1 is NAME. */
    private static final Pattern TEMPORARY_NAME = Pattern.compile("\\.(.+)\\.nlpkit-tmp(?:-[0-9a-f]{8})?");

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically with the bytes {@code content} writes to the stream it is given
     * (buffered; the callback need not close it).
     *
     * @param target  the file to create or replace
     * @param content writes the file's bytes
     * @throws IOException when the content callback or any step fails; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<? super OutputStream> content) throws IOException {
        write(target, null, content);
    }

    /**
     * Writes {@code target} atomically with explicit POSIX permissions (e.g. owner-only for a file holding
     * secrets) instead of the umask default or the replaced file's mode. On a file system without POSIX
     * permissions they are ignored.
     *
     * @param target      the file to create or replace
     * @param permissions the permissions the new file gets, or null for the default policy
     * @param content     writes the file's bytes
     * @throws IOException when the content callback or any step fails; the target is then unchanged
     */
    public static void write(Path target, Set<PosixFilePermission> permissions,
            IOConsumer<? super OutputStream> content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IOException("cannot write to '" + target + "': not a file name");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaryFiles(dir, Instant.now());

        Path temp = createTemporaryFile(absolute);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                content.accept(new UnclosableOutputStream(out));
                out.flush();
                channel.force(true);
            }
            applyPermissions(temp, absolute, permissions);
            replace(temp, absolute, true);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes {@code target} atomically as UTF-8 text.
     *
     * @param target  the file to create or replace
     * @param content writes the text (buffered; the callback need not close the writer)
     * @throws IOException when the content callback or any step fails; the target is then unchanged
     */
    public static void writeText(Path target, IOConsumer<? super Writer> content) throws IOException {
        writeText(target, StandardCharsets.UTF_8, content);
    }

    /**
     * Writes {@code target} atomically as text in {@code charset}.
     *
     * @param target  the file to create or replace
     * @param charset the encoding (characters it cannot encode are replaced by its replacement bytes)
     * @param content writes the text (buffered; the callback need not close the writer)
     * @throws IOException when the content callback or any step fails; the target is then unchanged
     */
    public static void writeText(Path target, Charset charset, IOConsumer<? super Writer> content)
            throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, charset), BUFFER_BYTES);
            content.accept(writer);
            writer.flush();
        });
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param bytes  the file's content
     * @throws IOException when a step fails; the target is then unchanged
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /**
     * Removes our temporary files in {@code dir} last modified before {@code now - STALE_AFTER} whose target
     * exists beside them. Called by every write; public so that a long run can tidy its output folder early.
     *
     * @param dir the folder
     * @param now the current time (a parameter so tests need not wait an hour)
     * @return how many files were removed
     * @throws IOException when the folder cannot be listed
     */
    public static int removeStaleTemporaryFiles(Path dir, Instant now) throws IOException {
        Instant cutoff = now.minus(STALE_AFTER);
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*" + TEMPORARY_SUFFIX + "*")) {
            for (Path entry : entries) {
                var matcher = TEMPORARY_NAME.matcher(entry.getFileName().toString());
                if (!matcher.matches()) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff)
                            && Files.exists(dir.resolve(matcher.group(1)), LinkOption.NOFOLLOW_LINKS)
                            && Files.deleteIfExists(entry)) {
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile by another write: nothing to do
                }
            }
        }
        return removed;
    }

    /**
     * The name of the temporary file for {@code target} (the first choice; a concurrent write adds a suffix).
     *
     * @param target the file being written
     * @return {@code .NAME.nlpkit-tmp} beside it
     */
    public static Path temporaryFileFor(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + TEMPORARY_SUFFIX);
    }

    private static Path createTemporaryFile(Path target) throws IOException {
        Path temp = temporaryFileFor(target);
        for (int attempt = 0; ; attempt++) {
            try {
                // No FileAttribute: the operating system applies the umask to 0666, as for any new file.
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw new IOException("cannot create a temporary file beside '" + target
                            + "': 100 names like '" + temp.getFileName() + "' are taken", e);
                }
                byte[] suffix = new byte[4];
                ThreadLocalRandom.current().nextBytes(suffix);
                temp = target.resolveSibling("." + target.getFileName() + TEMPORARY_SUFFIX + "-"
                        + HexFormat.of().formatHex(suffix));
            }
        }
    }

    private static void applyPermissions(Path temp, Path target, Set<PosixFilePermission> requested)
            throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (requested != null) {
            view.setPermissions(requested);
        } else if (Files.isRegularFile(target)) {
            view.setPermissions(Files.getPosixFilePermissions(target));
        }
    }

    /**
     * Moves {@code temp} over {@code target}: atomically when {@code tryAtomic} and the file system can,
     * else with the documented fallback. Package-private so the fallback is tested.
     */
    static void replace(Path temp, Path target, boolean tryAtomic) throws IOException {
        if (tryAtomic) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                // fall through to the documented non-atomic replacement
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Forces the folder's entries (the rename) to disk. Returns whether it could: a platform that cannot open
     * a folder (Windows) or a file system that refuses to sync one skips it, as documented; the file itself
     * is already on disk then.
     */
    static boolean syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Keeps a content callback from closing the stream before it is flushed and forced to disk. */
    private static final class UnclosableOutputStream extends OutputStream {

        private final OutputStream out;

        UnclosableOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
