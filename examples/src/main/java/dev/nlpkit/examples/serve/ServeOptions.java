package dev.nlpkit.examples.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ClassifierServer} listens and what it accepts.
 *
 * @param host          the address to bind (127.0.0.1 unless the user asks for another)
 * @param port          the port; 0 picks a free one
 * @param threads       Jetty worker threads for requests (the pool gets {@value #JETTY_OWN_THREADS} more for its
 *                      acceptor and selectors)
 * @param apiKey        the key every {@code /v1} request must send as {@code Authorization: Bearer KEY}, or null
 *                      for none
 * @param maxBodyBytes  larger request bodies are answered 413
 * @param maxTexts      more texts in one request are answered 400
 * @param idleTimeout   a connection that sends or reads nothing for this long is closed (bounds slow clients,
 *                      also while they send the request headers)
 * @param drainTimeout  how long {@link ClassifierServer#stop()} waits for requests in flight
 * @param warmup        longest time {@link ClassifierServer#start} spends running the model's predict paths before
 *                      it listens, so the JIT has compiled them before the first request ({@link Warmup});
 *                      {@link Duration#ZERO} skips it
 */
public record ServeOptions(String host, int port, int threads, String apiKey, int maxBodyBytes, int maxTexts,
        Duration idleTimeout, Duration drainTimeout, Duration warmup) {

    /** Threads Jetty needs besides the request workers (acceptor, selectors, reserve). */
    public static final int JETTY_OWN_THREADS = 6;

    /** Validates. */
    public ServeOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("--threads must be in 1..1024, got " + threads);
        }
        if (apiKey != null && apiKey.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (maxBodyBytes < 1 || maxTexts < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must be >= 0 seconds, got " + warmup.toSeconds());
        }
    }

    /**
     * 127.0.0.1:8080, one worker per processor (at least 8), no key, 1 MiB bodies, 1,000 texts, 30 s idle, 30 s
     * drain, at most 60 s of warm-up.
     */
    public static ServeOptions defaults() {
        return new ServeOptions("127.0.0.1", 8080, Math.max(8, Runtime.getRuntime().availableProcessors()), null,
                1 << 20, 1000, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public ServeOptions withHost(String value) {
        return new ServeOptions(value, port, threads, apiKey, maxBodyBytes, maxTexts, idleTimeout, drainTimeout,
                warmup);
    }

    public ServeOptions withPort(int value) {
        return new ServeOptions(host, value, threads, apiKey, maxBodyBytes, maxTexts, idleTimeout, drainTimeout,
                warmup);
    }

    public ServeOptions withThreads(int value) {
        return new ServeOptions(host, port, value, apiKey, maxBodyBytes, maxTexts, idleTimeout, drainTimeout,
                warmup);
    }

    public ServeOptions withApiKey(String value) {
        return new ServeOptions(host, port, threads, value, maxBodyBytes, maxTexts, idleTimeout, drainTimeout,
                warmup);
    }

    public ServeOptions withIdleTimeout(Duration value) {
        return new ServeOptions(host, port, threads, apiKey, maxBodyBytes, maxTexts, value, drainTimeout, warmup);
    }

    /** The same with another warm-up budget ({@link Duration#ZERO}: none). */
    public ServeOptions withWarmup(Duration value) {
        return new ServeOptions(host, port, threads, apiKey, maxBodyBytes, maxTexts, idleTimeout, drainTimeout, value);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ServeOptions[host=" + host + ", port=" + port + ", threads=" + threads + ", apiKey="
                + (apiKey == null ? "none" : "set") + ", maxBodyBytes=" + maxBodyBytes + ", maxTexts=" + maxTexts
                + ", idleTimeout=" + idleTimeout + ", drainTimeout=" + drainTimeout + ", warmup=" + warmup + "]";
    }
}
