package dev.nlpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputClaimTest {

    @TempDir
    Path dir;

    private static long awaitClaim(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        assertThat(line).as("the child claims the output").isNotNull().startsWith("claimed ");
        return Long.parseLong(line.split(" ")[1]);
    }

    @Test
    void theClaimIsALockFileBesideTheOutputNamingThisProcess() throws IOException {
        Path out = dir.resolve("model.bin");
        try (OutputClaim claim = OutputClaim.acquire(out)) {
            assertThat(claim.lockFile()).isEqualTo(dir.resolve(".model.bin.nlpkit-lock"));
            assertThat(Files.readString(claim.lockFile())).startsWith("pid=" + ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void closingReleasesTheClaim() throws IOException {
        Path out = dir.resolve("model.bin");
        OutputClaim.acquire(out).close();
        assertThat(Files.exists(OutputClaim.lockFileFor(out))).isFalse();
        try (OutputClaim again = OutputClaim.acquire(out)) {
            assertThat(Files.exists(again.lockFile())).isTrue();
        }
    }

    @Test
    void aSecondClaimInTheSameProcessFailsNamingTheOutput() throws IOException {
        Path out = dir.resolve("model.bin");
        try (OutputClaim first = OutputClaim.acquire(out)) {
            assertThat(first.output()).isEqualTo(out);
            assertThatThrownBy(() -> OutputClaim.acquire(out)).isInstanceOf(OutputInUseException.class)
                    .hasMessageContaining(out.toString()).hasMessageContaining("this process");
        }
    }

    @Test
    void anotherLiveProcessHoldingTheOutputIsReportedWithItsPid() throws Exception {
        Path out = dir.resolve("vectors.txt");
        Process child = ChildProcesses.start(HoldClaim.class, out.toString());
        try {
            long pid = awaitClaim(child);
            assertThat(pid).isEqualTo(child.pid());
            assertThatThrownBy(() -> OutputClaim.acquire(out)).isInstanceOfSatisfying(OutputInUseException.class, e -> {
                assertThat(e.ownerPid()).hasValue(pid);
                assertThat(e.output()).isEqualTo(out);
                assertThat(e.getMessage()).contains(out.toString()).contains("pid " + pid)
                        .contains(".vectors.txt.nlpkit-lock");
            });
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(OutputClaim.lockFileFor(out))).as("released when the child ends").isFalse();
    }

    @Test
    void theLockOfAKilledProcessIsReclaimed() throws Exception {
        Path out = dir.resolve("vectors.txt");
        Process child = ChildProcesses.start(HoldClaim.class, out.toString());
        awaitClaim(child);
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(OutputClaim.lockFileFor(out))).as("kill -9 leaves the lock").isTrue();
        try (OutputClaim claim = OutputClaim.acquire(out)) {
            assertThat(Files.readString(claim.lockFile())).startsWith("pid=" + ProcessHandle.current().pid() + "\n");
        }
        try (var entries = Files.list(dir)) {
            assertThat(entries).as("nothing left behind").isEmpty();
        }
    }

    @Test
    void aLockNamingAReusedPidIsStale() throws IOException {
        Path out = dir.resolve("model.bin");
        // This process's id, but a start time long before it started: the id was reused, the writer is gone.
        Files.writeString(OutputClaim.lockFileFor(out),
                "pid=" + ProcessHandle.current().pid() + "\nstart=2001-01-01T00:00:00Z\n");
        try (OutputClaim claim = OutputClaim.acquire(out)) {
            assertThat(claim.output()).isEqualTo(out);
        }
    }

    @Test
    void aFreshUnreadableLockIsHeldAndAnOldOneIsReclaimed() throws IOException {
        Path out = dir.resolve("model.bin");
        Path lock = OutputClaim.lockFileFor(out);
        Files.writeString(lock, ""); // another process between creating and filling its lock file
        assertThatThrownBy(() -> OutputClaim.acquire(out)).isInstanceOf(OutputInUseException.class)
                .hasMessageContaining("another process");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        OutputClaim.acquire(out).close();
    }

    @Test
    void losingTheClaimDuringTheRunIsDetected() throws IOException {
        Path out = dir.resolve("model.bin");
        try (OutputClaim claim = OutputClaim.acquire(out)) {
            claim.checkStillHeld();
            Files.writeString(claim.lockFile(), "pid=1\nstart=unknown\n");
            assertThatThrownBy(claim::checkStillHeld).isInstanceOf(IOException.class)
                    .hasMessageContaining(out.toString()).hasMessageContaining("process 1");
        }
        assertThat(Files.readString(OutputClaim.lockFileFor(out))).as("another owner's lock is not deleted")
                .isEqualTo("pid=1\nstart=unknown\n");
    }
}
