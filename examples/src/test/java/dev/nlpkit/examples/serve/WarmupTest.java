package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

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
    void a_negative_warmup_flag_is_refused_naming_the_flag() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = NlpkitCommand.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("serve", "--model", bundle.toString(), "--port", "0", "--warmup", "-1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup must be in 0..3600 seconds, got -1");
    }
}
