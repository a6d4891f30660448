package dev.nlpkit.examples.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nlpkit.classify.TextClassifier;

/**
 * The test model and HTTP helpers. The model is text-classify's golden format-2 bundle (copied as
 * {@code tiny.nlpkit}: the tiny recipe trained on 2,000 Sentiment140 tweets; see text-classify's
 * {@code src/test/resources/golden/README.md} for how it was made).
 */
final class ServeFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeFixture() {
    }

    /** Copies the bundle to {@code dir} and returns its path. */
    static Path bundle(Path dir) {
        Path file = dir.resolve("tiny.nlpkit");
        try (InputStream in = ServeFixture.class.getResourceAsStream("tiny.nlpkit")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static TextClassifier load(Path file) {
        try {
            return TextClassifier.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ephemeral port on 127.0.0.1, 8 workers, short idle timeout for the slow-client test, no warm-up. */
    static ServeOptions options() {
        return ServeOptions.defaults().withPort(0).withThreads(8).withIdleTimeout(Duration.ofMillis(1500))
                .withWarmup(Duration.ZERO);
    }

    static HttpResponse<String> get(ClassifierServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(ClassifierServer server, String path, String contentType, byte[] body,
            String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> predict(ClassifierServer server, String json, String... headers) throws Exception {
        return post(server, "/v1/predict", "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                headers);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
