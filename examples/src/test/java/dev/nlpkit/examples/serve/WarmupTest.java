package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.examples.cli.NlpkitCommand;

/** The warm-up a server runs when it starts (on the test bundle). */
class WarmupTest {

    @TempDir
    static Path dir;

    private static Path bundle;
    private static TextClassifier model;

    @BeforeAll
    static void load() {
        bundle = ServeFixture.bundle(dir);
        model = ServeFixture.load(bundle);
    }

    @Test
    void a_zero_budget_runs_nothing() {
        Warmup.Report report = Warmup.run(model, Duration.ZERO);
        assertThat(report.rounds()).isZero();
        assertThat(report.settled()).isFalse();
    }

    @Test
    void a_budget_shorter_than_a_round_runs_one_round_and_is_not_settled() {
        Warmup.Report report = Warmup.run(model, Duration.ofNanos(1));
        assertThat(report.rounds()).isEqualTo(1);
        assertThat(report.settled()).isFalse();
    }

    @Test
    void with_time_enough_it_settles_once_the_jit_is_quiet() {
        Warmup.Report report = Warmup.run(model, Duration.ofMinutes(3));
        assertThat(report.settled()).as("%s", report).isTrue();
        assertThat(report.rounds()).isGreaterThanOrEqualTo(Math.max(Warmup.MIN_ROUNDS, Warmup.QUIET_ROUNDS));
        assertThat(report.elapsed()).isGreaterThanOrEqualTo(Warmup.QUIET_TIME);
    }

    @Test
    void the_server_is_ready_after_its_warm_up() throws Exception {
        try (ClassifierServer server = ClassifierServer.start(model, bundle,
                ServeFixture.options().withWarmup(Duration.ofMillis(200)))) {
            assertThat(server.warmup().rounds()).isPositive();
            assertThat(ServeFixture.get(server, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readyz_answers_503_while_the_server_warms_up() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CompletableFuture<ClassifierServer> started = CompletableFuture
                .supplyAsync(() -> {
                    try {
                        // the warm-up lasts at least Warmup.QUIET_TIME: time enough to be seen
                        return ClassifierServer.start(model, bundle, ServeFixture.options().withPort(port)
                                .withWarmup(Duration.ofMinutes(2)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        HttpRequest ready = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/readyz")).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> during = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (during == null && !started.isDone() && System.nanoTime() < deadline) {
            try {
                during = ServeFixture.CLIENT.send(ready, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYetListening) {
                Thread.sleep(5);
            }
        }
        try (ClassifierServer server = started.get(3, TimeUnit.MINUTES)) {
            assertThat(during).as("an answer of /readyz before start() returned").isNotNull();
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.body()).contains("warming up");
            assertThat(ServeFixture.get(server, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_negative_warmup_flag_is_refused_naming_the_flag() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = NlpkitCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("serve", "--model", bundle.toString(), "--port", "0", "--warmup", "-1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup must be in 0..3600 seconds, got -1");
    }
}
