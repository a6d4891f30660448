package dev.nlpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash property: a writer killed with SIGKILL at a random moment leaves the target either as the old
 * file or as a complete new one, never a mixture or a truncated file; what it leaves behind is removed by
 * the next write once it is stale.
 */
class AtomicWriteKillTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesTheOldOrTheCompleteNewFileAndNoStaleTemporaryFile() throws Exception {
        Path target = dir.resolve("model.bin");
        Files.write(target, AtomicWriteLoop.content(0));
        SplittableRandom random = new SplittableRandom(11);
        long firstGeneration = 1;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] before = Files.readAllBytes(target);
            Process child = ChildProcesses.start(AtomicWriteLoop.class, target.toString(),
                    Long.toString(firstGeneration));
            long lastReported = awaitFirstWrite(child);
            Thread.sleep(random.nextInt(5, 250));
            child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hooks, no finally blocks
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            byte[] after = Files.readAllBytes(target);
            long generation = generationOf(after);
            assertThat(after).as("round %d: target is a complete generation", round)
                    .isEqualTo(AtomicWriteLoop.content(generation));
            assertThat(generation).as("round %d: old or newer", round).isGreaterThanOrEqualTo(generationOf(before));
            assertThat(generation).isGreaterThanOrEqualTo(lastReported);
            firstGeneration = generation + 1_000;
        }

        // Whatever temporary file the kills left is removed by the next write once it is over an hour old.
        for (Path leftover : temporaryFiles()) {
            Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }
        AtomicFiles.write(target, AtomicWriteLoop.content(999_999));
        assertThat(temporaryFiles()).isEmpty();
        assertThat(generationOf(Files.readAllBytes(target))).isEqualTo(999_999);
    }

    /** Waits until the child reports its first complete write; returns that generation. */
    private static long awaitFirstWrite(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        assertThat(line).as("the child writer starts and writes once").isNotNull().startsWith("wrote ");
        return Long.parseLong(line.substring("wrote ".length()));
    }

    private static long generationOf(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 40), StandardCharsets.US_ASCII);
        assertThat(text).startsWith("generation ");
        return Long.parseLong(text.substring("generation ".length(), text.indexOf('\n')));
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().contains(AtomicFiles.TEMPORARY_SUFFIX)).toList();
        }
    }
}
