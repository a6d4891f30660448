package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.TextClassifier;

/** Many clients at once, and a stop with a request in flight. */
class ServeConcurrencyTest {

    private static final int THREADS = 64;
    private static final int REQUESTS = 200;

    @TempDir
    Path dir;

    @Test
    void sixty_four_clients_get_the_in_process_answers_with_zero_errors() throws Exception {
        Path file = ServeFixture.bundle(dir);
        TextClassifier model = ServeFixture.load(file);
        List<String> texts = new ArrayList<>();
        String[] words = {"love", "hate", "great", "worst", "tired", "happy", "rain", "sun", "day", "work", "fun", ":)"};
        for (int i = 0; i < 97; i++) {
            texts.add(words[i % words.length] + " " + words[(i * 7 + 3) % words.length] + " today #" + i);
        }
        double[][] expected = new double[texts.size()][];
        String[] expectedLabels = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            expected[i] = model.predictProba(List.of(texts.get(i)))[0];
            expectedLabels[i] = model.labels().get(model.labelIndex(expected[i]));
        }
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        List<String> firstProblems = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ClassifierServer server = ClassifierServer.start(model, file,
                // the default idle timeout: the short one of the other tests would close pooled keep-alive
                // connections under the client, a race of any HTTP/1.1 client, not an error of the server
                ServeOptions.defaults().withPort(0).withThreads(16).withWarmup(java.time.Duration.ZERO));
                ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < REQUESTS; r++) {
                        int i = (thread * REQUESTS + r) % texts.size();
                        try {
                            HttpResponse<String> response = ServeFixture.predict(server,
                                    ServeFixture.JSON.writeValueAsString(Map.of("texts", List.of(texts.get(i)))));
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(response.statusCode() + " " + response.body());
                            }
                            JsonNode result = ServeFixture.json(response).get("results").get(0);
                            double p = result.get("probabilities").get("positive").asDouble();
                            // equal to float rounding: recurrent's Vector API kernels may differ in the last bit
                            // of a float by how far the JIT has compiled them (text-classify's README)
                            boolean same = response.statusCode() == 200 && Math.abs(p - expected[i][1]) <= 1e-6
                                    && (Math.abs(expected[i][1] - 0.5) < 1e-6
                                            || result.get("label").asText().equals(expectedLabels[i]));
                            if (same) {
                                answered.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (firstProblems.size() < 3) {
                                    firstProblems.add(response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstProblems.size() < 3) {
                                firstProblems.add(e.toString());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        }
        assertThat(firstProblems).isEmpty();
        assertThat(errors.get()).isZero();
        assertThat(answered.get()).isEqualTo(THREADS * REQUESTS);
    }

    @Test
    void stop_lets_the_request_in_flight_finish_and_refuses_new_ones() throws Exception {
        Path file = ServeFixture.bundle(dir);
        TextClassifier model = ServeFixture.load(file);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClassifierServer server = ClassifierServer.start(model, file, ServeFixture.options(), () -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String url = server.url();
        CompletableFuture<HttpResponse<String>> inFlight = ServeFixture.CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create(url + "v1/predict")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"texts\": [\"what a great day\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        // while the request is held, the server drains: new requests are refused with 503 and readyz says so
        HttpResponse<String> ready = null;
        for (int i = 0; i < 100; i++) {
            ready = ServeFixture.get(server, "/readyz");
            if (ready.statusCode() == 503) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ServeFixture.json(ready).get("error").asText()).contains("shutting down");
        assertThat(stopping).isNotDone();
        release.countDown();
        HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ServeFixture.json(answer).get("results").get(0).get("probabilities").get("positive").asDouble())
                .isCloseTo(model.predictProba(List.of("what a great day"))[0][1], org.assertj.core.data.Offset.offset(1e-6));
        stopping.get(30, TimeUnit.SECONDS);
        // stopped: the port is closed
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ServeFixture.CLIENT.send(HttpRequest.newBuilder(URI.create(url + "healthz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }
}
