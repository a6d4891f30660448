package dev.nlpkit.recurrent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sequential#save(java.io.OutputStream)}, {@link Sequential#load(java.io.InputStream)} and
 * {@link Sequential#load(ByteBuffer)}.
 */
class ModelStreamTest {

    @TempDir
    Path dir;

    @Test
    void aStreamRoundTripPredictsTheSame() throws IOException {
        Sequential a = SequentialTest.small(3L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(bytes);
        Sequential b = Sequential.load(new ByteArrayInputStream(bytes.toByteArray()));
        Inputs in = Inputs.tokens(new int[][] {{1, 2, 3}, {4, 5}, {9}});
        assertThat(b.predict(in, 8)).isDeepEqualTo(a.predict(in, 8));
    }

    @Test
    void theStreamHoldsTheBytesOfTheFileWithoutOptimizerState() throws IOException {
        Sequential a = SequentialTest.small(3L);
        Path file = dir.resolve("m.nlpk");
        a.save(file, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(bytes);
        assertThat(bytes.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aTruncatedStreamIsReportedAsTheModelStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SequentialTest.small(3L).save(bytes);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 10);
        assertThatThrownBy(() -> Sequential.load(new ByteArrayInputStream(cut)))
                .isInstanceOf(ModelFormatException.class).hasMessageStartingWith("the model stream: truncated");
    }

    @Test
    void aBufferIsReadInPlaceAndPredictsTheSame() throws IOException {
        Sequential a = SequentialTest.small(3L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(bytes);
        byte[] framed = new byte[bytes.size() + 7];
        System.arraycopy(bytes.toByteArray(), 0, framed, 5, bytes.size());
        ByteBuffer section = ByteBuffer.wrap(framed, 5, bytes.size()).asReadOnlyBuffer();
        Sequential b = Sequential.load(section);
        assertThat(section.position()).as("the buffer is not moved").isEqualTo(5);
        Inputs in = Inputs.tokens(new int[][] {{1, 2, 3}, {4, 5}, {9}});
        assertThat(b.predict(in, 8)).isDeepEqualTo(a.predict(in, 8));
    }

    @Test
    void aTruncatedBufferIsReportedAsTheModelBuffer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SequentialTest.small(3L).save(bytes);
        ByteBuffer cut = ByteBuffer.wrap(bytes.toByteArray(), 0, bytes.size() - 10);
        assertThatThrownBy(() -> Sequential.load(cut))
                .isInstanceOf(ModelFormatException.class).hasMessageStartingWith("the model buffer: truncated");
    }

    @Test
    void theCallerNamesTheStreamInMessages() {
        assertThatThrownBy(() -> ModelFile.load(new ByteArrayInputStream(new byte[40]), "x.nlpkit#network"))
                .isInstanceOf(ModelFormatException.class).hasMessageStartingWith("x.nlpkit#network: not an nlpkit");
    }
}
