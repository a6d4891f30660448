package dev.nlpkit.examples.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The server's metrics, kept by the Prometheus Java client in a registry of their own (not the global one, so
 * two servers in one JVM, as in the tests, count apart): requests by route and status, request latency by route,
 * texts scored, requests in flight.
 */
final class ServeMetrics {

    /** Latency buckets in seconds: 0.5 ms to 5 s. */
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder().name("nlpkit_http_requests_total")
            .help("HTTP requests answered, by route and status").labelNames("route", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("nlpkit_http_request_duration_seconds")
            .help("Time from the request to its answer, by route").labelNames("route").classicOnly()
            .classicUpperBounds(BOUNDS).register(registry);
    private final Gauge inFlight = Gauge.builder().name("nlpkit_http_requests_in_flight")
            .help("Requests being answered now").register(registry);
    private final Counter texts = Counter.builder().name("nlpkit_texts_scored_total")
            .help("Texts classified by /v1/predict").register(registry);

    void started() {
        inFlight.inc();
    }

    void request(String route, int status, long nanos) {
        inFlight.dec();
        requests.labelValues(route, Integer.toString(status)).inc();
        latency.labelValues(route).observe(nanos / 1e9);
    }

    void textsScored(int count) {
        texts.inc(count);
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
