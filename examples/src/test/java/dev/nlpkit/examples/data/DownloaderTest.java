package dev.nlpkit.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a real HTTP server on 127.0.0.1 serving a generated file (Range honoured). */
class DownloaderTest {

    private static final int SIZE = 300_000;

    @TempDir
    Path cache;

    private HttpServer server;
    private byte[] content;
    private final List<String> rangesRequested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        content = new byte[SIZE];
        new Random(42).nextBytes(content);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data.bin", this::serveWithRanges);
        server.createContext("/truncated.bin", this::serveTruncated);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serveWithRanges(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        rangesRequested.add(range == null ? "none" : range);
        try (exchange) {
            if (range != null && range.startsWith("bytes=")) {
                int from = Integer.parseInt(range.substring(6, range.indexOf('-')));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
                exchange.sendResponseHeaders(206, SIZE - from);
                exchange.getResponseBody().write(content, from, SIZE - from);
            } else {
                exchange.sendResponseHeaders(200, SIZE);
                exchange.getResponseBody().write(content);
            }
        }
    }

    /** Announces the full length, sends half, then drops the connection. */
    private void serveTruncated(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, SIZE);
        OutputStream body = exchange.getResponseBody();
        body.write(content, 0, SIZE / 2);
        body.flush();
        exchange.getHttpContext().getServer().stop(0);
    }

    private static final Dataset DATASET = Dataset.builder("testset", "Test set").homepage("http://127.0.0.1/")
            .file("data.bin", "data.bin").build();

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private Path target() {
        return cache.resolve("testset").resolve("data.bin");
    }

    private Downloader downloader() {
        return new Downloader(Duration.ofSeconds(5));
    }

    @Test
    void downloadsTheWholeFileUnderItsPartName() throws IOException {
        Path file = downloader().fetch(DATASET, url("/data.bin"), target(), DownloadListener.NONE);
        assertThat(file).isEqualTo(Downloader.partFile(target())).hasBinaryContent(content);
        assertThat(target()).doesNotExist();
    }

    @Test
    void reportsProgressUpToTheFullSize() throws IOException {
        long[] last = {-1};
        long[] announced = {-2};
        downloader().fetch(DATASET, url("/data.bin"), target(), new DownloadListener() {
            @Override
            public void started(Dataset d, long totalBytes, long resumedAt) {
                announced[0] = totalBytes;
            }

            @Override
            public void progress(long bytesSoFar) {
                last[0] = bytesSoFar;
            }
        });
        assertThat(announced[0]).isEqualTo(SIZE);
        assertThat(last[0]).isEqualTo(SIZE);
    }

    @Test
    void truncatedTransferFailsAndKeepsThePartForResume() {
        assertThatThrownBy(() -> downloader().fetch(DATASET, url("/truncated.bin"), target(), DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("cut off").hasMessageContaining("resumes");
        assertThat(target()).doesNotExist();
        assertThat(Downloader.partFile(target())).exists();
    }

    @Test
    void notFoundIsAClearError() {
        assertThatThrownBy(() -> downloader().fetch(DATASET, url("/missing.bin"), target(), DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("HTTP 404");
        assertThat(target()).doesNotExist();
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws IOException {
        Files.createDirectories(target().getParent());
        Files.write(Downloader.partFile(target()), java.util.Arrays.copyOf(content, 123_456));
        long[] resumedAt = {-1};
        Path file = downloader().fetch(DATASET, url("/data.bin"), target(), new DownloadListener() {
            @Override
            public void started(Dataset d, long totalBytes, long resumed) {
                resumedAt[0] = resumed;
            }
        });
        assertThat(rangesRequested).containsExactly("bytes=123456-");
        assertThat(resumedAt[0]).isEqualTo(123_456);
        assertThat(file).hasBinaryContent(content);
    }

    @Test
    void aCompletePartIsTakenAsItIsWhenTheServerHasNothingMore() throws IOException {
        server.createContext("/complete.bin", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(416, -1);
            }
        });
        Files.createDirectories(target().getParent());
        Files.write(Downloader.partFile(target()), content);
        Path file = downloader().fetch(DATASET, url("/complete.bin"), target(), DownloadListener.NONE);
        assertThat(file).hasBinaryContent(content);
    }

    @Test
    void aRefusedConnectionSaysSoInWords() {
        assertThatThrownBy(() -> downloader().fetch(DATASET, URI.create("http://127.0.0.1:1/x.bin"), target(),
                DownloadListener.NONE)).isInstanceOf(IOException.class).hasMessageContaining("http://127.0.0.1:1/x.bin")
                .hasMessageContaining("refused");
    }
}
