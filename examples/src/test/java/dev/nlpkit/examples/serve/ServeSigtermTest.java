package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.examples.cli.NlpkitCommand;

/**
 * {@code nlpkit serve} in a child JVM stopped by SIGTERM ({@link Process#destroy()}) while a request is in flight.
 * The request is held in flight by its client, which sends half of the body, waits for the signal to take effect,
 * then sends the rest: no delay hook, no race with the server's speed. Every wait is bounded and fails with a
 * message.
 */
class ServeSigtermTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:(\\d+)/) ");

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftover() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigterm_finishes_the_request_in_flight_refuses_new_ones_and_exits_0() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win"),
                "Process.destroy() is not SIGTERM on Windows");
        Path bundle = ServeFixture.bundle(dir);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                NlpkitCommand.class.getName(), "serve", "--model", bundle.toString(), "--port", "0", "--warmup", "0"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        Matcher url = awaitUrl(out, err);
        String base = url.group(1);
        int port = Integer.parseInt(url.group(2));

        byte[] body = "{\"texts\": [\"what a great day :)\", \"my phone broke again\"]}".getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", port), (int) STEP.toMillis());
            slow.setSoTimeout((int) STEP.toMillis());
            OutputStream to = slow.getOutputStream();
            to.write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            to.write(body, 0, half);
            to.flush();
            awaitInFlight(base, 2);   // ours and the /metrics request asking

            process.destroy();   // SIGTERM
            int refused = awaitRefusal(base);

            to.write(body, half, body.length - half);
            to.flush();
            String answer = readAll(slow.getInputStream());
            assertThat(refused).as("a request after the signal").isEqualTo(503);
            assertThat(answer).as("the request in flight during SIGTERM").startsWith("HTTP/1.1 200")
                    .contains("\"results\":[{\"label\"");
        }
        assertThat(process.waitFor(STEP.toSeconds(), TimeUnit.SECONDS))
                .as("the server exits within %s of its last request; stderr: %s", STEP, Files.readString(err))
                .isTrue();
        assertThat(process.exitValue()).as("exit code; stderr: %s", Files.readString(err)).isZero();
        assertThat(Files.readString(out)).contains("nlpkit serve: stopped");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /** Waits for the line with the URL; fails when the process ends or the time is up. */
    private Matcher awaitUrl(Path out, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.readString(out));
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("nlpkit serve ended with " + process.exitValue() + " before printing its URL: "
                        + Files.readString(out) + Files.readString(err));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nlpkit serve printed no URL within " + START + ": " + Files.readString(out)
                + Files.readString(err));
    }

    /** Waits until the server's in-flight gauge reaches {@code count}. */
    private static void awaitInFlight(String base, int count) throws Exception {
        Pattern gauge = Pattern.compile("(?m)^nlpkit_http_requests_in_flight ([0-9.]+)");
        long deadline = System.nanoTime() + STEP.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = get(base + "metrics").body();
            Matcher m = gauge.matcher(last);
            if (m.find() && Double.parseDouble(m.group(1)) >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the slow request was not in flight within " + STEP + ": " + last);
    }

    /** Polls {@code /healthz} until the server stops answering 200; returns the status it answered then. */
    private static int awaitRefusal(String base) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            int status = get(base + "healthz").statusCode();
            if (status != 200) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server still answered 200 " + STEP + " after SIGTERM");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return ServeFixture.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(STEP).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
