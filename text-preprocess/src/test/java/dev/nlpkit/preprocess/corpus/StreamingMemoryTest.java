package dev.nlpkit.preprocess.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a 1.6M-row Sentiment140-shaped file keeps the heap flat: records are streamed, not collected. */
class StreamingMemoryTest {

    private static final int ROWS = 1_600_000;

    @TempDir
    Path dir;

    @Test
    void heapStaysFlatOverA16MillionRowFile() throws IOException {
        Path file = dir.resolve("training.1600000.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < ROWS; i++) {
                out.write(i % 2 == 0 ? "\"0\",\"" : "\"4\",\"");
                out.write(Integer.toString(1_467_810_369 + i));
                out.write("\",\"Mon Apr 06 22:19:45 PDT 2009\",\"NO_QUERY\",\"user");
                out.write(Integer.toString(i % 5000));
                out.write("\",\"tweet number ");
                out.write(Integer.toString(i));
                out.write(", quoted \"\"text\"\" and words\"\n");
            }
        }
        long records = 0;
        long textChars = 0;
        long usedAfterWarmUp = 0;
        try (Sentiment140Reader reader = Sentiment140Reader.open(file)) {
            for (LabelledText row : reader) {
                records++;
                textChars += row.text().length();
                if (records == 100_000) {
                    usedAfterWarmUp = usedHeapAfterGc();
                }
            }
            assertThat(reader.report().skipped()).isZero();
        }
        long usedAtEnd = usedHeapAfterGc();
        assertThat(records).isEqualTo(ROWS);
        assertThat(textChars).isGreaterThan(ROWS * 30L);
        // 1.5M more rows (~160 MB of text) read: the heap may not grow by more than 16 MB.
        assertThat(usedAtEnd - usedAfterWarmUp).isLessThan(16L << 20);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
