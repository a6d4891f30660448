package dev.nlpkit.examples.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
                + "a web page at /.", "Stops gracefully on Ctrl-C or SIGTERM (requests in flight finish)."})
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

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Require 'Authorization: Bearer KEY' on /v1 with the key in this file (first line).")
    Path apiKeyFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServeOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        TextClassifier classifier = TextClassifier.load(model);
        ClassifierServer server;
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "nlpkit-serve-stop"));
        out.println("nlpkit serve: " + model.getFileName() + " " + classifier.labels() + " at " + server.url()
                + " (Ctrl-C stops)");
        out.flush();
        stopped.await();
        return 0;
    }

    /** The options from the flags, checked before the model loads. */
    ServeOptions options() throws IOException {
        ServeOptions options = ServeOptions.defaults().withHost(host).withPort(checkPort(port));
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
