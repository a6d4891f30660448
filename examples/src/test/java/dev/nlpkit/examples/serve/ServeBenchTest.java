package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * {@code nlpkit bench serve} reading wrk's reports. The reports are real outputs of Debian's wrk 4.1
 * ({@code wrk -t1 -c4 -d1s --timeout 1s|2s --latency [-s single.lua] URL}, December 2026) against small local
 * servers: {@code wrk-clean.txt} python3 -m http.server (GET /, all 200); {@code wrk-non2xx.txt} the same server
 * POSTed to (501 for every request); {@code wrk-socket-errors.txt} a socket server answering every other
 * connection 200 and resetting the others; {@code wrk-nothing-answered.txt} a socket server that accepts and never
 * answers.
 */
class ServeBenchTest {

    @Test
    void a_clean_run_gives_its_speed_and_latencies() throws IOException {
        ServeBench.Load load = ServeBench.parse(report("wrk-clean.txt"));
        assertThat(load.requestsPerSecond()).isEqualTo(363.92);
        assertThat(load.p50Ms()).isEqualTo(8.84);
        assertThat(load.p99Ms()).isEqualTo(42.35);
        assertThat(load.requests()).isEqualTo(377);
        assertThat(load.clean()).isTrue();
        assertThat(load.problem()).isNull();
    }

    @Test
    void non_2xx_answers_are_counted_and_make_the_run_unclean() throws IOException {
        ServeBench.Load load = ServeBench.parse(report("wrk-non2xx.txt"));
        assertThat(load.non2xx()).isEqualTo(266);
        assertThat(load.clean()).isFalse();
        assertThat(load.problem()).contains("266 answered non-2xx").contains("not reported");
    }

    @Test
    void socket_errors_are_summed_and_make_the_run_unclean() throws IOException {
        ServeBench.Load load = ServeBench.parse(report("wrk-socket-errors.txt"));
        assertThat(load.socketErrors()).isEqualTo(385);
        assertThat(load.non2xx()).isZero();
        assertThat(load.clean()).isFalse();
        assertThat(load.problem()).contains("385 socket errors");
    }

    @Test
    void a_run_where_nothing_was_answered_has_no_latency_and_says_so() throws IOException {
        ServeBench.Load load = ServeBench.parse(report("wrk-nothing-answered.txt"));
        assertThat(load.requests()).isZero();
        assertThat(load.p99Ms()).isNaN();
        assertThat(load.requestsPerSecond()).isCloseTo(0, within(0.0));
        assertThat(load.clean()).isFalse();
        assertThat(load.problem()).startsWith("no request completed");
    }

    private static String report(String name) throws IOException {
        try (InputStream in = ServeBenchTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
