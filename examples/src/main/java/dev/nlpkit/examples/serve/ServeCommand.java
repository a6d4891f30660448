package dev.nlpkit.examples.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.nlpkit.classify.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit serve}: a trained classifier bundle as an HTTP service with a web page. Loads the model first (a
 * model that does not load stops here with one line), binds, prints the URL and serves until Ctrl-C or SIGTERM,
 * then drains the requests in flight and stops.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a trained classifier over HTTP: a JSON API under /v1, /healthz, /readyz, /metrics and "
                + "a web page at /.", "Stops gracefully on Ctrl-C or SIGTERM (requests in flight finish; exit code 0)."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The classifier bundle (e.g. sentiment.nlpkit from 'nlpkit sentiment train').")
    Path model;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 serves every interface).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--threads", paramLabel = "N",
            description = "Request worker threads (default: the number of processors, at least 8).")
    Integer threads;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest warm-up of the model's predict paths after binding, before the URL is printed and "
                    + "/readyz says ready, so the first requests are not slowed by the JIT (default: ${DEFAULT-VALUE}; "
                    + "it usually ends after a few seconds; 0 skips it).")
    int warmup;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Require 'Authorization: Bearer KEY' on /v1 with the key in this file (first line).")
    Path apiKeyFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServeOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        TextClassifier classifier = TextClassifier.load(model);
        ClassifierServer server;
        if (warmup > 0) {
            out.println("nlpkit serve: warming up (at most " + warmup + " s, --warmup) ...");
            out.flush();
        }
        try {
            server = ClassifierServer.start(classifier, model, options);
        } catch (RuntimeException e) {
            throw new IOException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        server.onInternalError((route, e) -> {
            synchronized (err) {
                err.println("nlpkit serve: internal error on " + route + ": " + e);
                err.flush();
            }
        });
        // SIGTERM and Ctrl-C end in a drain and a normal return (exit code 0); the hook covers the other ways the
        // JVM may end (SIGHUP, or a JVM where the signals cannot be taken over), where stop() is then run there
        CountDownLatch stopRequested = new CountDownLatch(1);
        StopSignals.install(stopRequested::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "nlpkit-serve-stop"));
        Warmup.Report warm = server.warmup();
        if (warmup > 0) {
            out.println(warm.settled()
                    ? String.format(Locale.ROOT, "nlpkit serve: warmed up in %.1f s", warm.elapsed().toMillis() / 1e3)
                    : "nlpkit serve: the warm-up reached its limit (--warmup " + warmup + "): the first requests may "
                            + "be slower");
        }
        out.println("nlpkit serve: " + model.getFileName() + " " + classifier.labels() + " at " + server.url()
                + " (Ctrl-C stops)");
        out.flush();
        stopRequested.await();
        server.stop();
        out.println("nlpkit serve: stopped");
        out.flush();
        return 0;
    }

    /** The options from the flags, checked before the model loads. */
    ServeOptions options() throws IOException {
        if (warmup < 0 || warmup > 3600) {
            throw new ParameterException(spec.commandLine(), "--warmup must be in 0..3600 seconds, got " + warmup);
        }
        ServeOptions options = ServeOptions.defaults().withHost(host).withPort(checkPort(port))
                .withWarmup(Duration.ofSeconds(warmup));
        if (threads != null) {
            if (threads < 1 || threads > 1024) {
                throw new ParameterException(spec.commandLine(), "--threads must be in 1..1024, got " + threads);
            }
            options = options.withThreads(threads);
        }
        if (apiKeyFile != null) {
            options = options.withApiKey(readKey(apiKeyFile));
        }
        if (!Files.isRegularFile(model)) {
            throw new NoSuchFileException(model.toString(), null, "--model: no such file");
        }
        return options;
    }

    private int checkPort(int value) {
        if (value < 0 || value > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, got " + value);
        }
        return value;
    }

    private String readKey(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "--api-key-file: no such file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String key = (newline < 0 ? text : text.substring(0, newline)).trim();
        if (key.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--api-key-file " + file + ": the first line is empty");
        }
        return key;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
