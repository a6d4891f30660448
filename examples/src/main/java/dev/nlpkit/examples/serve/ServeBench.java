package dev.nlpkit.examples.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.benchmarks.BenchReport;
import dev.nlpkit.benchmarks.anchor.AnchorProcess;
import dev.nlpkit.recurrent.layers.Dense;
import dev.nlpkit.recurrent.layers.Dropout;
import dev.nlpkit.recurrent.layers.Embedding;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.Lstm;
import dev.nlpkit.recurrent.layers.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench serve}: {@code nlpkit serve} under load from Debian's {@code wrk} on 127.0.0.1, bounded in
 * time, with a Lua script for the POST bodies: single-tweet requests and batches of {@code --batch} tweets.
 * The anchor, in the same run with the same {@code wrk} settings: FastAPI + uvicorn (one worker) serving the
 * bundle's own weights in PyTorch, Embedding -> LSTM -> Linear ({@code serve_torch.py}, shipped with this class;
 * its tokenizer is a lowercase regex split over the bundle's vocabulary, not nlpkit's preprocessing). Prints one
 * JSON line per measurement (requests/s, tweets/s, p50 and p99) and, per kind, one line with both servers side by
 * side and the ratios. A measurement in which wrk saw a non-2xx answer or a socket error (connect, read, write,
 * timeout) prints that instead of a speed, gives no ratio, and the command ends with exit code 1. The nlpkit
 * server warms up when it starts ({@link Warmup}); then each server gets {@code --warmup} seconds of load.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load-test 'nlpkit serve' with wrk (single tweets and batches), against FastAPI + uvicorn + "
                + "PyTorch serving the same weights.")
public final class ServeBench implements Callable<Integer> {

    /** The script resource of the anchor. */
    static final String SCRIPT = "serve_torch.py";

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final List<String> TWEETS = List.of(
            "I love this so much, best day ever!", "this is the worst, I hate it",
            "@bob not bad at all :) http://example.com", "sooooo tired of waiting #fail",
            "Can't wait to see you tomorrow!!!", "my phone broke again and nobody cares",
            "Thanks for the follow, have a great weekend", "ugh, rain all day. no sun :(",
            "Running 10km today, feeling great", "just got home from work, so tired",
            "watching the game with friends tonight", "why does my head hurt so much",
            "new haircut and I actually like it", "missed the bus again, great start",
            "coffee first, then the world", "cannot believe it is monday already");

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "sentiment.nlpkit",
            description = "The classifier bundle to serve (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds of load per measurement (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds of single-tweet load before measuring each server (JIT, connections; "
                    + "default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "32",
            description = "wrk connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--wrk-threads", paramLabel = "N", defaultValue = "1",
            description = "wrk threads (default: ${DEFAULT-VALUE}).")
    int wrkThreads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Tweets per request of the batch measurement (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--no-anchor", description = "Skip FastAPI + uvicorn + PyTorch.")
    boolean noAnchor;

    @Option(names = "--torch-threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch threads of the anchor (default: ${DEFAULT-VALUE}).")
    int torchThreads;

    /**
     * One wrk run. Latencies are NaN when wrk completed no request.
     *
     * @param socketErrors connect, read, write and timeout errors together
     */
    record Load(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long non2xx, long socketErrors) {

        /** True when every request was answered 2xx in time: only then are the speed figures those of the server. */
        boolean clean() {
            return requests > 0 && non2xx == 0 && socketErrors == 0;
        }

        /** Why the figures do not count, as a sentence; null when {@link #clean()}. */
        String problem() {
            if (clean()) {
                return null;
            }
            if (requests == 0) {
                return "no request completed (" + socketErrors + " socket errors)";
            }
            return requests + " requests, of which " + non2xx + " answered non-2xx, and " + socketErrors
                    + " socket errors (connect, read, write, timeout): the speed is not reported";
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (duration < 1 || duration > 3600) {
            throw new ParameterException(spec.commandLine(), "--duration must be in 1..3600 seconds, got " + duration);
        }
        if (connections < 1 || wrkThreads < 1 || wrkThreads > connections) {
            throw new ParameterException(spec.commandLine(), "--connections must be >= 1 and --wrk-threads in 1.."
                    + "--connections");
        }
        if (warmup < 1 || warmup > 600) {
            throw new ParameterException(spec.commandLine(), "--warmup must be in 1..600 seconds, got " + warmup);
        }
        if (batch < 1 || batch > 1000) {
            throw new ParameterException(spec.commandLine(), "--batch must be in 1..1000, got " + batch);
        }
        if (!Files.isExecutable(WRK)) {
            throw new IOException(WRK + " not found: install Debian's wrk (apt-get install wrk)");
        }
        if (!Files.isRegularFile(model) && !spec.commandLine().getParseResult().hasMatchedOption("--model")) {
            // 'bench all' without a trained model: say so and go on with the other benchmarks
            BenchReport.of("serve").put("skipped", "no " + model + " here: train one with 'nlpkit sentiment train' "
                    + "or pass --model").print(out);
            out.flush();
            return 0;
        }
        if (!Files.isRegularFile(model)) {
            throw new IOException("--model " + model + ": no such file (train one with 'nlpkit sentiment train')");
        }
        TextClassifier classifier = TextClassifier.load(model);
        Path work = Files.createTempDirectory("nlpkit-bench-serve");
        Path single = lua(work.resolve("single.lua"), 1);
        Path batched = lua(work.resolve("batch.lua"), batch);
        List<Load> nlpkit = new ArrayList<>();
        try (ClassifierServer server = ClassifierServer.start(classifier, model,
                ServeOptions.defaults().withPort(0))) {
            Warmup.Report warm = server.warmup();
            BenchReport.of("serve").put("impl", "nlpkit").put("warmup_s", round(warm.elapsed().toMillis() / 1e3))
                    .put("warmup_rounds", warm.rounds()).put("warmup_settled", warm.settled()).print(out);
            String url = "http://127.0.0.1:" + server.port();
            wrk(url, single, Duration.ofSeconds(warmup));   // warm-up of the connections and the HTTP path
            nlpkit.add(report(out, "nlpkit", "single", wrk(url, single, Duration.ofSeconds(duration)), 1));
            nlpkit.add(report(out, "nlpkit", "batch", wrk(url, batched, Duration.ofSeconds(duration)), batch));
        }
        boolean clean = nlpkit.stream().allMatch(Load::clean);
        if (noAnchor) {
            return clean ? 0 : 1;
        }
        String missing = anchorMissing();
        if (missing != null) {
            BenchReport.of("serve").put("impl", "fastapi-uvicorn-torch").put("skipped", missing).print(out);
            return 0;
        }
        String unsupported = export(classifier, work);
        if (unsupported != null) {
            BenchReport.of("serve").put("impl", "fastapi-uvicorn-torch").put("skipped", unsupported).print(out);
            return 0;
        }
        try (InputStream in = ServeBench.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, work.resolve(SCRIPT));
        }
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process anchor = AnchorProcess.builder(List.of(PYTHON.toString(), work.resolve(SCRIPT).toString(),
                work.toString(), "--port", Integer.toString(port), "--torch-threads", Integer.toString(torchThreads)))
                .redirectErrorStream(true).redirectOutput(work.resolve("anchor.log").toFile()).start();
        try {
            String url = "http://127.0.0.1:" + port;
            awaitHealthy(url, anchor, work.resolve("anchor.log"));
            wrk(url, single, Duration.ofSeconds(warmup));
            Load torchSingle = report(out, "fastapi-uvicorn-torch", "single",
                    wrk(url, single, Duration.ofSeconds(duration)), 1);
            Load torchBatch = report(out, "fastapi-uvicorn-torch", "batch",
                    wrk(url, batched, Duration.ofSeconds(duration)), batch);
            compare(out, "single", nlpkit.get(0), torchSingle, 1);
            compare(out, "batch", nlpkit.get(1), torchBatch, batch);
            clean &= torchSingle.clean() && torchBatch.clean();
        } finally {
            anchor.destroy();
            if (!anchor.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                anchor.destroyForcibly();
            }
        }
        return clean ? 0 : 1;
    }

    /** One line with both servers' figures of one kind side by side and their ratios (nlpkit / anchor). */
    private void compare(PrintWriter out, String kind, Load ours, Load anchor, int textsPerRequest) {
        BenchReport line = BenchReport.of("serve").put("compare", kind).put("texts_per_request", textsPerRequest);
        if (!ours.clean() || !anchor.clean()) {
            line.put("error", "no ratio: " + (ours.clean() ? "" : "nlpkit: " + ours.problem())
                    + (ours.clean() || anchor.clean() ? "" : "; ")
                    + (anchor.clean() ? "" : "fastapi-uvicorn-torch: " + anchor.problem())).print(out);
            out.flush();
            return;
        }
        line.put("nlpkit_requests_per_s", round(ours.requestsPerSecond()))
                .put("anchor_requests_per_s", round(anchor.requestsPerSecond()))
                .put("nlpkit_tweets_per_s", round(ours.requestsPerSecond() * textsPerRequest))
                .put("anchor_tweets_per_s", round(anchor.requestsPerSecond() * textsPerRequest))
                .put("nlpkit_p50_ms", round(ours.p50Ms())).put("anchor_p50_ms", round(anchor.p50Ms()))
                .put("nlpkit_p99_ms", round(ours.p99Ms())).put("anchor_p99_ms", round(anchor.p99Ms()))
                .put("ratio_requests_per_s", round(ours.requestsPerSecond() / anchor.requestsPerSecond()))
                .put("ratio_p99", round(ours.p99Ms() / anchor.p99Ms()))
                .print(out);
        out.flush();
    }

    /** Prints one measurement; with errors it says so instead of giving the speed. */
    private Load report(PrintWriter out, String impl, String kind, Load load, int textsPerRequest) {
        BenchReport line = BenchReport.of("serve").put("impl", impl).put("kind", kind)
                .put("texts_per_request", textsPerRequest).put("connections", connections)
                .put("wrk_threads", wrkThreads).put("seconds", duration);
        if (load.clean()) {
            line.put("requests_per_s", round(load.requestsPerSecond()))
                    .put("tweets_per_s", round(load.requestsPerSecond() * textsPerRequest))
                    .put("p50_ms", round(load.p50Ms())).put("p99_ms", round(load.p99Ms()));
        } else {
            line.put("error", load.problem());
        }
        line.put("requests", load.requests()).put("non_2xx", load.non2xx())
                .put("socket_errors", load.socketErrors()).withMachine().print(out);
        out.flush();
        return load;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A wrk script that POSTs the tweets, {@code perRequest} at a time, cycling through them. */
    static Path lua(Path file, int perRequest) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lua = new StringBuilder("-- nlpkit bench serve: POST /v1/predict bodies, in turn\n")
                .append("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("local bodies = {\n");
        int bodies = perRequest == 1 ? TWEETS.size() : 4;
        for (int b = 0; b < bodies; b++) {
            List<String> texts = new ArrayList<>(perRequest);
            for (int i = 0; i < perRequest; i++) {
                texts.add(TWEETS.get((b + i) % TWEETS.size()) + (perRequest == 1 ? "" : " #" + i));
            }
            String body = json.writeValueAsString(java.util.Map.of("texts", texts));
            lua.append("  ").append(luaString(body)).append(",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i % #bodies + 1\n")
                .append("  return wrk.format(nil, \"/v1/predict\", nil, bodies[i])\nend\n");
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    private static String luaString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\%03d", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private Load wrk(String url, Path script, Duration time) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(WRK.toString(), "-t" + wrkThreads, "-c" + connections,
                "-d" + time.toSeconds() + "s", "--timeout", "10s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + text.strip());
        }
        return parse(text);
    }

    /**
     * Reads wrk's report ({@code --latency}): Requests/sec, the 50% and 99% latencies, the totals and errors.
     * wrk prints no latency when no request completed.
     */
    static Load parse(String text) throws IOException {
        double rps = number(text, "Requests/sec:\\s+([0-9.]+)");
        Matcher total = Pattern.compile("([0-9]+) requests in").matcher(text);
        if (!total.find()) {
            throw new IOException("cannot read the number of requests in wrk's report: " + text.strip());
        }
        long requests = Long.parseLong(total.group(1));
        double p50 = requests == 0 ? Double.NaN : millis(text, "50%");
        double p99 = requests == 0 ? Double.NaN : millis(text, "99%");
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)").matcher(text);
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        long socket = 0;
        Matcher errors = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout "
                + "([0-9]+)").matcher(text);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socket += Long.parseLong(errors.group(g));
            }
        }
        return new Load(rps, p50, p99, requests, bad, socket);
    }

    private static double number(String text, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IOException("cannot read wrk's report: " + text.strip());
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(String text, String percentile) throws IOException {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!m.find()) {
            throw new IOException("cannot read the " + percentile + " latency in wrk's report: " + text.strip());
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String anchorMissing() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " not found";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import fastapi, uvicorn, torch")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? null : "the anchor needs Debian's python3-fastapi, python3-uvicorn and "
                    + "python3-torch: " + text.strip().lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }

    /**
     * Writes the classifier's vocabulary and weights for the anchor; returns why not (as a sentence) when its
     * network is not Embedding -> [Dropout] -> LSTM -> [Dropout] -> Dense.
     */
    static String export(TextClassifier classifier, Path dir) throws IOException {
        List<Parameter> params = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        int dims = 0;
        int units = 0;
        int outputs = 0;
        for (Layer layer : classifier.network().layers()) {
            kinds.add(layer.typeName());
            if (layer instanceof Dropout) {
                continue;
            }
            if (layer instanceof Embedding e) {
                dims = e.table().value().dim(1);
            } else if (layer instanceof Lstm l) {
                units = l.outputShape().features();
            } else if (layer instanceof Dense d) {
                outputs = d.outputShape().features();
            }
            params.addAll(layer.parameters());
        }
        List<String> core = kinds.stream().filter(k -> !k.equals("Dropout")).toList();
        if (!core.equals(List.of("Embedding", "LSTM", "Dense")) || params.size() != 6) {
            return "the anchor serves Embedding -> LSTM -> Dense; this model is " + String.join(" -> ", kinds);
        }
        var vocabulary = classifier.encoder().vocabulary();
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < vocabulary.size(); i++) {
            vocab.append(vocabulary.term(i).replace('\n', ' ')).append('\n');
        }
        Files.writeString(dir.resolve("vocab.txt"), vocab, StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("weights.bin")))) {
            for (Parameter p : params) {
                float[] values = p.value().toFloatArray();
                ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asFloatBuffer().put(values);
                out.write(buffer.array());
            }
        }
        String meta = new ObjectMapper().writeValueAsString(java.util.Map.of(
                "labels", classifier.labels(), "vocabulary", vocabulary.size(), "dimensions", dims, "units", units,
                "outputs", outputs, "max_length", classifier.options().sequence().maxLength()));
        Files.writeString(dir.resolve("meta.json"), meta, StandardCharsets.UTF_8);
        return null;
    }

    private static void awaitHealthy(String url, Process anchor, Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!anchor.isAlive()) {
                throw new IOException("the anchor server stopped: " + Files.readString(log).strip());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the anchor server did not answer /healthz within 120 s: " + Files.readString(log));
    }
}
