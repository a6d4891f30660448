package dev.nlpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> folder() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes are POSIX permissions; this file system has none");
    }

    private static Set<PosixFilePermission> mode(String rwx) {
        return PosixFilePermissions.fromString(rwx);
    }

    /** The umask of this process, as the shell reports it (children inherit it). */
    private static int umask() throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("/bin/sh", "-c", "umask").redirectErrorStream(true).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Integer.parseInt(out, 8);
    }

    private static Set<PosixFilePermission> fromOctal(int mode) {
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-')
                    .append((bits & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    @Test
    void writesTheContentAndLeavesOnlyTheTarget() throws IOException {
        Path target = dir.resolve("model.bin");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(folder()).containsExactly("model.bin");
    }

    @Test
    void contentGoesToAHiddenTemporaryFileNamedAfterTheTarget() throws IOException {
        Path target = dir.resolve("vectors.txt");
        AtomicFiles.write(target, out -> {
            out.write('x');
            assertThat(folder()).containsExactly(".vectors.txt.nlpkit-tmp");
        });
        assertThat(AtomicFiles.temporaryFileFor(target)).isEqualTo(dir.resolve(".vectors.txt.nlpkit-tmp"));
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "old model");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new mod".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full (simulated)");
        })).isInstanceOf(IOException.class).hasMessage("disk full (simulated)");
        assertThat(Files.readString(target)).isEqualTo("old model");
        assertThat(folder()).containsExactly("model.bin");
    }

    @Test
    void aRuntimeExceptionInTheWriterAlsoLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "old model");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug in the writer");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("old model");
        assertThat(folder()).containsExactly("model.bin");
    }

    @Test
    void aWriterThatClosesTheStreamStillProducesTheCompleteFile() throws IOException {
        Path target = dir.resolve("a.bin");
        AtomicFiles.write(target, out -> {
            out.write(new byte[] {7, 8});
            out.close();
        });
        assertThat(Files.readAllBytes(target)).containsExactly(7, 8);
    }

    @Test
    void textIsWrittenAsUtf8() throws IOException {
        Path target = dir.resolve("vocab.txt");
        AtomicFiles.writeText(target, w -> w.write("caf\u00e9\t\ud83d\ude00\n"));
        assertThat(Files.readAllBytes(target)).isEqualTo("caf\u00e9\t\ud83d\ude00\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingParentFoldersAreCreated() throws IOException {
        Path target = dir.resolve("a/b/c.bin");
        AtomicFiles.write(target, new byte[] {9});
        assertThat(Files.readAllBytes(target)).containsExactly(9);
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGives() throws Exception {
        assumePosix();
        Path target = dir.resolve("new.bin");
        AtomicFiles.write(target, new byte[] {1});
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(fromOctal(0666 & ~umask()));
        assertThat(Files.getPosixFilePermissions(target)).as("never 0600 unless asked (umask %o)", umask())
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw-rw-r--", "rw-------"})
    void aReplacedFileKeepsItsMode(String rwx) throws IOException {
        assumePosix();
        Path target = dir.resolve("bundle.nlpkit");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, mode(rwx));
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo(rwx);
    }

    @Test
    void explicitPermissionsAreAppliedWhenAsked() throws IOException {
        assumePosix();
        Path target = dir.resolve("secret.bin");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, mode("rw-r--r--"));
        AtomicFiles.write(target, mode("rw-------"), out -> out.write(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    @Test
    void aTakenTemporaryNameGetsASuffixAndTheOtherFileIsLeftAlone() throws IOException {
        Path target = dir.resolve("m.bin");
        Path concurrent = dir.resolve(".m.bin.nlpkit-tmp");
        Files.writeString(concurrent, "another writer's half file");
        AtomicFiles.write(target, out -> {
            out.write(1);
            assertThat(folder()).anyMatch(name -> name.matches("\\.m\\.bin\\.nlpkit-tmp-[0-9a-f]{8}"));
        });
        assertThat(Files.readAllBytes(target)).containsExactly(1);
        assertThat(Files.readString(concurrent)).isEqualTo("another writer's half file");
        assertThat(folder()).containsExactly(".m.bin.nlpkit-tmp", "m.bin");
    }

    @Test
    void theNextWriteRemovesOurTemporaryFilesOlderThanAnHour() throws IOException {
        Files.writeString(dir.resolve("a.bin"), "a");
        Files.writeString(dir.resolve("b.bin"), "b");
        Path stale = dir.resolve(".a.bin.nlpkit-tmp");
        Path staleWithSuffix = dir.resolve(".b.bin.nlpkit-tmp-0badc0de");
        for (Path p : List.of(stale, staleWithSuffix)) {
            Files.writeString(p, "left by a killed run");
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
        }
        AtomicFiles.write(dir.resolve("c.bin"), new byte[] {3});
        assertThat(folder()).containsExactly("a.bin", "b.bin", "c.bin");
    }

    @Test
    void youngTemporaryFilesAndOtherFilesAreKept() throws IOException {
        Files.writeString(dir.resolve("a.bin"), "a");
        Path young = dir.resolve(".a.bin.nlpkit-tmp");
        Files.writeString(young, "a live writer's file");
        Files.setLastModifiedTime(young, FileTime.from(Instant.now().minus(Duration.ofMinutes(59))));
        Path notOurs = dir.resolve(".a.bin.tmp");
        Path userFile = dir.resolve("notes.nlpkit-tmp");
        for (Path p : List.of(notOurs, userFile)) {
            Files.writeString(p, "the user's");
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        }
        AtomicFiles.write(dir.resolve("c.bin"), new byte[] {3});
        assertThat(folder()).containsExactly(".a.bin.nlpkit-tmp", ".a.bin.tmp", "a.bin", "c.bin",
                "notes.nlpkit-tmp");
    }

    @Test
    void aStaleTemporaryFileWhoseTargetIsMissingIsKeptAsTheOnlyCopy() throws IOException {
        Path orphan = dir.resolve(".lost.bin.nlpkit-tmp");
        Files.writeString(orphan, "complete content of an interrupted fallback move");
        Instant now = Instant.now();
        assertThat(AtomicFiles.removeStaleTemporaryFiles(dir, now.plus(Duration.ofDays(1)))).isZero();
        assertThat(Files.exists(orphan)).isTrue();
    }

    @Test
    void stalenessIsMeasuredAgainstTheGivenClock() throws IOException {
        Files.writeString(dir.resolve("a.bin"), "a");
        Path temp = dir.resolve(".a.bin.nlpkit-tmp");
        Files.writeString(temp, "x");
        Instant now = Instant.now();
        assertThat(AtomicFiles.removeStaleTemporaryFiles(dir, now.plus(Duration.ofMinutes(50)))).isZero();
        assertThat(AtomicFiles.removeStaleTemporaryFiles(dir, now.plus(Duration.ofMinutes(70)))).isEqualTo(1);
        assertThat(folder()).containsExactly("a.bin");
    }

    @Test
    void theFallbackMoveReplacesTheTargetWhenAtomicMoveIsUnsupported() throws IOException {
        Path target = dir.resolve("t.bin");
        Files.writeString(target, "old");
        Path temp = dir.resolve(".t.bin.nlpkit-tmp");
        Files.writeString(temp, "new");
        AtomicFiles.replace(temp, target, false);
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(folder()).containsExactly("t.bin");
    }

    @Test
    void theFolderIsForcedToDiskOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "folders can be opened and synced on Linux");
        assertThat(AtomicFiles.syncDirectory(dir)).isTrue();
    }

    @Test
    void aTargetThatIsAFolderFailsAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "user data");
        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("user data");
        assertThat(folder()).containsExactly("out");
    }
}
