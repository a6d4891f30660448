package dev.nlpkit.examples.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import dev.nlpkit.classify.Explanation;
import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TokenContribution;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * A {@link TextClassifier} as an HTTP service (Javalin on Jetty): the JSON API under {@code /v1}, health and
 * readiness probes, Prometheus metrics and the web page. Every answer that is not a success is
 * {@code {"error": "..."}} with a status, and never carries a stack trace.
 *
 * <pre>{@code
 * try (ClassifierServer server = ClassifierServer.start(model, Path.of("sentiment.nlpkit"), ServeOptions.defaults())) {
 *     System.out.println(server.url());
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} drains: from its call on, new requests are answered 503 and {@code /readyz} says so, the
 * requests in flight finish, then Jetty stops and the port is closed.
 */
public final class ClassifierServer implements AutoCloseable {

    /** Where the page's files are, on the class path. */
    static final String WEB = "/dev/nlpkit/examples/serve/web/";
    /** Where the OpenAPI document is, on the class path. */
    static final String OPENAPI = "/dev/nlpkit/examples/serve/openapi.json";
    /** Most neighbours one request may ask for. */
    static final int MAX_NEIGHBOURS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/app.js", "app.js", "/app.css", "app.css");

    private final TextClassifier model;
    private final Map<String, Object> card;
    private final Neighbours neighbours;
    private final ServeOptions options;
    private final ServeMetrics metrics = new ServeMetrics();
    private final byte[] keyDigest;
    private final Runnable beforeScore;
    private volatile java.util.function.BiConsumer<String, Throwable> internalErrors = (route, e) -> { };
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();
    private volatile boolean draining;
    private boolean stopped;
    private volatile boolean warming = true;
    private volatile Warmup.Report warmup = new Warmup.Report(0, java.time.Duration.ZERO, false);
    private Javalin app;

    ClassifierServer(TextClassifier model, Map<String, Object> card, Neighbours neighbours, ServeOptions options,
            Runnable beforeScore) {
        this.model = Objects.requireNonNull(model, "model");
        this.card = Objects.requireNonNull(card, "card");
        this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
        this.options = Objects.requireNonNull(options, "options");
        this.beforeScore = Objects.requireNonNull(beforeScore, "beforeScore");
        this.keyDigest = options.apiKey() == null ? null : sha256(options.apiKey());
        for (var entry : STATIC.entrySet()) {
            files.put(entry.getKey(), resource(WEB + entry.getValue()));
        }
        files.put("/v1/openapi.json", resource(OPENAPI));
    }

    /**
     * Starts a server for {@code model}, which was loaded from {@code file} (read again for the model card's
     * checksum). Listens, then warms the model's predict paths up (at most {@link ServeOptions#warmup()};
     * meanwhile {@code /readyz} answers 503 and requests are answered, slowly) and returns.
     */
    public static ClassifierServer start(TextClassifier model, Path file, ServeOptions options) throws IOException {
        return start(model, file, options, () -> { });
    }

    static ClassifierServer start(TextClassifier model, Path file, ServeOptions options, Runnable beforeScore)
            throws IOException {
        Neighbours neighbours = Neighbours.of(model.network(), model.encoder().vocabulary());
        ClassifierServer server = new ClassifierServer(model, ModelCard.of(model, file, neighbours), neighbours,
                options, beforeScore);
        server.startJetty();   // bind first: a port in use is reported before the warm-up, not after it
        try {
            server.warmup = Warmup.run(model, options.warmup());
        } catch (RuntimeException e) {
            server.app.stop();
            throw new IOException("the model failed while warming up: " + e, e);
        }
        server.warming = false;
        return server;
    }

    private void startJetty() {
        QueuedThreadPool pool = new QueuedThreadPool(options.threads() + ServeOptions.JETTY_OWN_THREADS,
                Math.min(8, options.threads() + ServeOptions.JETTY_OWN_THREADS), 60_000);
        pool.setName("nlpkit-serve");
        long idle = options.idleTimeout().toMillis();
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.threadPool = pool;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setIdleTimeout(idle);
                http.setRequestHeaderSize(16 * 1024);
            });
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                // also bounds a client that sends its request headers slowly: each read waits at most this long
                connector.setIdleTimeout(idle);
                return connector;
            });
            config.jetty.modifyServer(server -> server.setStopTimeout(options.drainTimeout().toMillis()));
        });
        app.get("/healthz", route("healthz", false, ctx -> json(ctx, 200, Map.of("status", "ok"))));
        app.get("/readyz", route("readyz", false, ctx -> {
            if (warming) {
                throw new ApiException(503, "warming up");
            }
            json(ctx, 200, Map.of("status", "ready"));
        }));
        app.get("/metrics", route("metrics", false, ctx -> {
            ctx.status(200).contentType(metrics.contentType()).result(metrics.scrape());
        }));
        for (String path : STATIC.keySet()) {
            String type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
            app.get(path, route("page", false, ctx -> file(ctx, path, type)));
        }
        app.get("/v1/openapi.json", route("openapi", false,
                ctx -> file(ctx, "/v1/openapi.json", "application/json")));
        app.get("/v1/model", route("model", true, ctx -> json(ctx, 200, card)));
        app.get("/v1/neighbours", route("neighbours", true, this::neighbours));
        app.post("/v1/predict", route("predict", true, this::predict));
        app.error(404, ctx -> {
            if (ctx.attribute("nlpkit.answered") == null) {
                metrics.started();
                metrics.request("unmatched", 404, 0);
                json(ctx, 404, Map.of("error", "no route " + ctx.method() + " " + ctx.path()));
            }
        });
        app.exception(Exception.class, (e, ctx) -> json(ctx, 500, Map.of("error", "internal error")));
        app.start();
    }

    /** What the warm-up at the start did. */
    public Warmup.Report warmup() {
        return warmup;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The base URL of the server, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port() + "/";
    }

    /**
     * Where internal errors (answered 500 "internal error" without details) are reported, with the route's name,
     * for the operator's log; by default nowhere.
     */
    public void onInternalError(java.util.function.BiConsumer<String, Throwable> listener) {
        internalErrors = Objects.requireNonNull(listener, "listener");
    }

    /** The number of requests being answered now. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops gracefully: new requests are answered 503, requests in flight finish (waiting at most the drain
     * timeout), then the server stops. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        draining = true;
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        synchronized (drained) {
            while (inFlight.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    drained.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        app.stop();
        stopped = true;
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------ routes

    /** A functional body of a route: answers or throws {@link ApiException}. */
    private interface Body {
        void answer(Context ctx) throws Exception;
    }

    /**
     * Wraps a route: refuses while draining, checks the key, counts the request in flight, turns errors into
     * JSON and records the metrics.
     */
    private Handler route(String name, boolean keyed, Body body) {
        return ctx -> {
            long start = System.nanoTime();
            ctx.attribute("nlpkit.answered", Boolean.TRUE);
            inFlight.incrementAndGet();
            metrics.started();
            try {
                if (draining) {
                    throw new ApiException(503, "the server is shutting down");
                }
                if (keyed) {
                    checkKey(ctx);
                }
                body.answer(ctx);
            } catch (ApiException e) {
                json(ctx, e.status(), Map.of("error", e.getMessage()));
            } catch (org.eclipse.jetty.http.BadMessageException e) {
                // Jetty's own refusals while reading the body (e.g. a client gone quiet: 408)
                json(ctx, e.getCode(), Map.of("error", e.getReason() == null ? "bad request" : e.getReason()));
            } catch (Exception | StackOverflowError e) {
                json(ctx, 500, Map.of("error", "internal error"));
                internalErrors.accept(name, e);
            } finally {
                if (inFlight.decrementAndGet() == 0 && draining) {
                    synchronized (drained) {
                        drained.notifyAll();
                    }
                }
                metrics.request(name, ctx.statusCode(), System.nanoTime() - start);
            }
        };
    }

    private void checkKey(Context ctx) {
        if (keyDigest == null) {
            return;
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        // compare digests of equal length in constant time: neither the key nor its length leaks through timing
        boolean ok = presented != null && MessageDigest.isEqual(keyDigest, sha256(presented));
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, presented == null
                    ? "missing header \"Authorization: Bearer <key>\"" : "wrong API key in header \"Authorization\"");
        }
    }

    private void predict(Context ctx) throws IOException {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ApiException(415, "header \"Content-Type\" must be application/json, got "
                    + (type == null ? "none" : "\"" + clip(type, 80) + "\""));
        }
        JsonNode root = parse(body(ctx));
        if (!root.isObject()) {
            throw new ApiException(400, "the body must be a JSON object with a field \"texts\"");
        }
        JsonNode textsNode = root.get("texts");
        if (textsNode == null || textsNode.isNull()) {
            throw new ApiException(400, "missing field \"texts\" (an array of strings)");
        }
        if (!textsNode.isArray()) {
            throw new ApiException(400, "field \"texts\" must be an array of strings");
        }
        if (textsNode.size() > options.maxTexts()) {
            throw new ApiException(400, "field \"texts\" has " + textsNode.size() + " texts; at most "
                    + options.maxTexts() + " per request");
        }
        JsonNode explainNode = root.get("explain");
        if (explainNode != null && !explainNode.isNull() && !explainNode.isBoolean()) {
            throw new ApiException(400, "field \"explain\" must be true or false");
        }
        boolean explain = explainNode != null && explainNode.asBoolean(false);
        List<String> texts = new ArrayList<>(textsNode.size());
        for (int i = 0; i < textsNode.size(); i++) {
            if (!textsNode.get(i).isTextual()) {
                throw new ApiException(400, "texts[" + i + "] must be a string");
            }
            texts.add(textsNode.get(i).textValue());
        }
        beforeScore.run();
        List<String> labels = model.labels();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode labelArray = out.putArray("labels");
        labels.forEach(labelArray::add);
        ArrayNode results = out.putArray("results");
        if (explain) {
            for (String text : texts) {
                Explanation why = model.explain(text);
                ObjectNode result = result(results, labels, model.labelIndex(why.probabilities()), why.probabilities());
                ArrayNode tokens = result.putArray("tokens");
                for (TokenContribution t : why.tokens()) {
                    tokens.addObject().put("text", t.text()).put("start", t.start()).put("end", t.end())
                            .put("token", t.token()).put("known", t.known()).put("in_sequence", t.inSequence())
                            .put("contribution", t.contribution());
                }
            }
        } else if (!texts.isEmpty()) {
            for (double[] p : model.predictProba(texts)) {
                result(results, labels, model.labelIndex(p), p);
            }
        }
        metrics.textsScored(texts.size());
        json(ctx, 200, out);
    }

    /** One text's answer: {@code label} is the bundle's decision ({@link TextClassifier#labelIndex}). */
    private static ObjectNode result(ArrayNode results, List<String> labels, int label, double[] p) {
        ObjectNode result = results.addObject();
        result.put("label", labels.get(label));
        ObjectNode probabilities = result.putObject("probabilities");
        for (int k = 0; k < labels.size(); k++) {
            probabilities.put(labels.get(k), p[k]);
        }
        return result;
    }

    private void neighbours(Context ctx) {
        String word = ctx.queryParam("word");
        if (word == null || word.isBlank()) {
            throw new ApiException(400, "missing query parameter \"word\"");
        }
        String kText = ctx.queryParam("k");
        int k = 10;
        if (kText != null) {
            try {
                k = Integer.parseInt(kText.trim());
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k < 1 || k > MAX_NEIGHBOURS) {
                throw new ApiException(400, "query parameter \"k\" must be an integer in 1.." + MAX_NEIGHBOURS
                        + ", got \"" + clip(kText, 40) + "\"");
            }
        }
        // the vocabulary holds preprocessed tokens: take the word as it is, else as the model's preprocessing has it
        String token = word;
        if (!neighbours.has(token)) {
            List<String> tokens = model.tokens(word);
            token = tokens.size() == 1 ? tokens.get(0) : null;
        }
        if (token == null || !neighbours.has(token)) {
            throw new ApiException(404, "word \"" + clip(word, 80) + "\" is not in the model's vocabulary");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("word", word);
        out.put("token", token);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Neighbours.Neighbour n : neighbours.nearest(token, k)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("word", n.word());
            row.put("similarity", n.similarity());
            list.add(row);
        }
        out.put("neighbours", list);
        json(ctx, 200, out);
    }

    // ------------------------------------------------------------------ helpers

    /** Reads the body, at most the limit: the declared length is checked first, then what actually arrives. */
    private byte[] body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        int max = options.maxBodyBytes();
        if (declared > max) {
            throw tooLarge(max);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        }
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "the body is larger than " + max + " bytes");
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ApiException(400, "empty body: expected a JSON object with a field \"texts\"");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ApiException(400, "malformed JSON" + (where == null ? ""
                    : " at line " + where.getLineNr() + ", column " + where.getColumnNr()));
        } catch (IOException e) {
            throw new ApiException(400, "malformed JSON");
        }
    }

    private void file(Context ctx, String path, String type) {
        ctx.status(200).contentType(type).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").result(files.get(path));
    }

    private static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            ctx.status(500).contentType("application/json").result("{\"error\":\"internal error\"}");
        }
    }

    private static String clip(String text, int max) {
        String s = text.length() <= max ? text : text.substring(0, max) + "...";
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ClassifierServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
