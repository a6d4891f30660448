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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a real HTTP server on 127.0.0.1 serving a generated file. */
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

    private Dataset dataset(String path) {
        return new Dataset("testset", "Test set", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                "data.bin", List.of(), OptionalLong.empty(), Optional.empty(), "test");
    }

    private Path target() {
        return cache.resolve("testset").resolve("data.bin");
    }

    @Test
    void downloadsAndVerifiesTheChecksum() throws IOException {
        Dataset dataset = dataset("/data.bin").withChecksum(SIZE, sha256Hex(content));
        Path file = new Downloader(Duration.ofSeconds(5)).download(dataset, target(), DownloadListener.NONE);
        assertThat(file).hasBinaryContent(content);
        assertThat(Downloader.partFile(target())).doesNotExist();
    }

    @Test
    void reportsProgressUpToTheFullSize() throws IOException {
        long[] last = {-1};
        long[] announced = {-2};
        new Downloader(Duration.ofSeconds(5)).download(dataset("/data.bin"), target(), new DownloadListener() {
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
    void checksumMismatchDiscardsTheFileAndLeavesNothingInTheCache() {
        Dataset dataset = dataset("/data.bin").withChecksum(SIZE, "00".repeat(32));
        assertThatThrownBy(() -> new Downloader(Duration.ofSeconds(5)).download(dataset, target(), DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("SHA-256").hasMessageContaining("discarded");
        assertThat(target()).doesNotExist();
        assertThat(Downloader.partFile(target())).doesNotExist();
    }

    @Test
    void truncatedTransferFailsWithoutAFinalFileAndKeepsThePartForResume() {
        assertThatThrownBy(() -> new Downloader(Duration.ofSeconds(5))
                .download(dataset("/truncated.bin"), target(), DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("cut off");
        assertThat(target()).doesNotExist();
    }

    @Test
    void notFoundIsAClearError() {
        assertThatThrownBy(() -> new Downloader(Duration.ofSeconds(5))
                .download(dataset("/missing.bin"), target(), DownloadListener.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("HTTP 404");
        assertThat(target()).doesNotExist();
    }

    @Test
    void resumesAPartialDownloadWithARangeRequest() throws IOException {
        Files.createDirectories(target().getParent());
        Files.write(Downloader.partFile(target()), java.util.Arrays.copyOf(content, 123_456));
        Dataset dataset = dataset("/data.bin").withChecksum(SIZE, sha256Hex(content));
        long[] resumedAt = {-1};
        Path file = new Downloader(Duration.ofSeconds(5)).download(dataset, target(), new DownloadListener() {
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
    void resolverPrefersNlpkitDataThenCacheAndExplainsWhenOffline() throws IOException {
        Path dataDir = Files.createDirectories(cache.resolve("env-data"));
        Dataset offline = new Dataset("offline", "Offline set", URI.create("http://127.0.0.1:1/none.zip"),
                "none.zip", List.of("none.csv"), OptionalLong.empty(), Optional.empty(), "test");
        DatasetResolver resolver = new DatasetResolver(Optional.of(dataDir), cache.resolve("c"),
                new Downloader(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> resolver.resolve(offline, Optional.empty(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("none.zip").hasMessageContaining(resolver.cachedFile(offline).toString())
                .hasMessageContaining(dataDir.toString());

        Path cached = Files.createDirectories(resolver.cachedFile(offline).getParent()).resolve("none.csv");
        Files.writeString(cached, "x");
        assertThat(resolver.resolve(offline, Optional.empty(), DownloadListener.NONE)).isEqualTo(cached);

        Path inData = Files.writeString(dataDir.resolve("none.zip"), "y");
        assertThat(resolver.resolve(offline, Optional.empty(), DownloadListener.NONE)).isEqualTo(inData);

        Path explicit = Files.writeString(cache.resolve("mine.csv"), "z");
        assertThat(resolver.resolve(offline, Optional.of(explicit), DownloadListener.NONE)).isEqualTo(explicit);
        assertThatThrownBy(() -> resolver.resolve(offline, Optional.of(cache.resolve("nope.csv")), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class).hasMessageContaining("nope.csv");
    }

    @Test
    void aRefusedConnectionIsNamedNotPrintedAsNull() {
        Dataset offline = new Dataset("offline", "Offline set", URI.create("http://127.0.0.1:1/none.zip"),
                "none.zip", List.of(), OptionalLong.empty(), Optional.empty(), "test");
        DatasetResolver resolver = new DatasetResolver(Optional.empty(), cache.resolve("c"),
                new Downloader(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> resolver.resolve(offline, Optional.empty(), DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("could not be downloaded (connection refused or host unreachable)")
                .hasMessageNotContaining("null");
    }

    @Test
    void aCauseWithoutMessageIsNamedByItsNestedCause() {
        IOException wrapped = new IOException(null, new java.net.UnknownHostException("data.example"));
        assertThat(DatasetResolver.describe(wrapped)).isEqualTo("IOException: unknown host data.example");
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
