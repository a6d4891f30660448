package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlpkit serve} in its own process: SIGTERM while a request is in flight lets it finish. */
class ServeSigtermTest {

    @TempDir
    Path dir;

    @Test
    void sigterm_lets_the_request_in_flight_finish_then_stops() throws Exception {
        Path file = ServeFixture.bundle(dir);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(javaBin.toString(), "-cp", classPath, "dev.nlpkit.examples.cli.NlpkitCommand",
                "serve", "--model", file.toString(), "--port", "0", "--threads", "4")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            for (String line = out.readLine(); line != null && url == null; line = out.readLine()) {
                Matcher m = Pattern.compile(" at (http://127\\.0\\.0\\.1:[0-9]+/) ").matcher(line);
                url = m.find() ? m.group(1) : null;
            }
            assertThat(url).as("the printed URL").isNotNull();
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            drain.setDaemon(true);
            drain.start();

            // a long request: 1,000 texts with explanations (one prediction per token each)
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                texts.add("I love this so much best day ever but my phone broke again and nobody cares at all #" + i);
            }
            CompletableFuture<HttpResponse<String>> inFlight = ServeFixture.CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(url + "v1/predict")).timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(ServeFixture.JSON.writeValueAsString(
                                    Map.of("texts", texts, "explain", true)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            // wait until the server counts it in flight (the /metrics request itself is the other one)
            Pattern gauge = Pattern.compile("(?m)^nlpkit_http_requests_in_flight ([0-9.]+)");
            boolean seen = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!seen && !inFlight.isDone() && System.nanoTime() < deadline) {
                String metrics = ServeFixture.CLIENT.send(HttpRequest.newBuilder(URI.create(url + "metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = gauge.matcher(metrics);
                seen = m.find() && Double.parseDouble(m.group(1)) >= 2;
            }
            assertThat(seen).as("the predict request was seen in flight").isTrue();
            server.destroy();   // SIGTERM
            HttpResponse<String> answer = inFlight.get(120, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(ServeFixture.json(answer).get("results").size()).isEqualTo(1000);
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stopped").isTrue();
        } finally {
            server.destroyForcibly();
        }
    }
}
