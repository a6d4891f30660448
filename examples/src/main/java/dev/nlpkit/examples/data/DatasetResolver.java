package dev.nlpkit.examples.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a dataset file, in this order:
 * <ol>
 *   <li>an explicit path (the command line's {@code --data PATH});</li>
 *   <li>the directory named by the {@code NLPKIT_DATA} environment variable ({@code $NLPKIT_DATA/<file>} or
 *       {@code $NLPKIT_DATA/<dataset>/<file>});</li>
 *   <li>the user cache ({@code $XDG_CACHE_HOME/nlpkit} or {@code ~/.cache/nlpkit}, as
 *       {@code <cache>/<dataset>/<file>});</li>
 *   <li>a download into the cache, with progress, verification and resume ({@link Downloader}).</li>
 * </ol>
 * When nothing is found and the download fails (offline), {@link DatasetUnavailableException} says which file
 * to place where.
 */
public final class DatasetResolver {

    private final Optional<Path> dataDirectory;
    private final Path cacheDirectory;
    private final Downloader downloader;

    public DatasetResolver(Optional<Path> dataDirectory, Path cacheDirectory, Downloader downloader) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /** The resolver a user gets: {@code NLPKIT_DATA}, the XDG cache, the default downloader. */
    public static DatasetResolver fromEnvironment(Map<String, String> env) {
        Optional<Path> data = Optional.ofNullable(env.get("NLPKIT_DATA")).filter(s -> !s.isBlank()).map(Path::of);
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("nlpkit");
        return new DatasetResolver(data, cache, Downloader.withDefaults());
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** Where the cache keeps {@code dataset}'s file. */
    public Path cachedFile(Dataset dataset) {
        return cacheDirectory.resolve(dataset.name()).resolve(dataset.fileName());
    }

    /** The local copy of {@code dataset}, if one exists (explicit path excluded); no download. */
    public Optional<Path> findLocal(Dataset dataset) {
        for (Path candidate : localCandidates(dataset)) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves {@code dataset}, downloading it when no local copy exists.
     *
     * @param explicit a path given by the user; it must exist
     */
    public Path resolve(Dataset dataset, Optional<Path> explicit, DownloadListener listener) {
        if (explicit.isPresent()) {
            Path path = explicit.get();
            if (!Files.isRegularFile(path)) {
                throw new DatasetUnavailableException("data file " + path + " does not exist or is not a file", null);
            }
            return path;
        }
        Optional<Path> local = findLocal(dataset);
        if (local.isPresent()) {
            return local.get();
        }
        try {
            return downloader.download(dataset, cachedFile(dataset), listener);
        } catch (IOException e) {
            throw new DatasetUnavailableException(offlineMessage(dataset, e), e);
        }
    }

    private List<Path> localCandidates(Dataset dataset) {
        List<String> names = new ArrayList<>();
        names.add(dataset.fileName());
        names.addAll(dataset.alternatives());
        List<Path> candidates = new ArrayList<>();
        dataDirectory.ifPresent(dir -> names.forEach(n -> {
            candidates.add(dir.resolve(n));
            candidates.add(dir.resolve(dataset.name()).resolve(n));
        }));
        names.forEach(n -> candidates.add(cacheDirectory.resolve(dataset.name()).resolve(n)));
        return candidates;
    }

    /**
     * The cause in words: the JDK's network exceptions often have no message ({@code HttpConnectTimeoutException},
     * {@code ConnectException} from a refused or unreachable host) or hide it in a nested cause.
     */
    static String describe(Throwable cause) {
        StringBuilder out = new StringBuilder();
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = cause; t != null && seen.add(t) && seen.size() <= 4; t = t.getCause()) {
            String message = t.getMessage();
            String part = switch (t) {
                case java.net.UnknownHostException u -> "unknown host " + message;
                case java.net.http.HttpConnectTimeoutException c -> "connection timed out";
                case java.net.http.HttpTimeoutException h -> "no answer in time";
                case java.net.ConnectException c -> message == null ? "connection refused or host unreachable"
                        : "cannot connect: " + message;
                case java.nio.channels.UnresolvedAddressException u -> "the host name could not be resolved";
                default -> message == null ? t.getClass().getSimpleName() : message;
            };
            if (out.indexOf(part) < 0) {
                out.append(out.length() > 0 ? ": " : "").append(part);
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpTimeoutException) {
                break; // named; the JDK's inner causes (ClosedChannelException) add nothing
            }
        }
        String text = out.toString();
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    /** One paragraph: what failed, which file to place where. */
    String offlineMessage(Dataset dataset, IOException cause) {
        return dataset.title() + " is not available here and could not be downloaded (" + describe(cause) + "). "
                + "Download " + dataset.url() + " on a machine with network access and place the file "
                + dataset.fileName() + " at " + cachedFile(dataset)
                + (dataDirectory.isPresent() ? " or in " + dataDirectory.get() : " or in a directory named by the NLPKIT_DATA environment variable")
                + (dataset.alternatives().isEmpty() ? "" : " (also accepted there: " + String.join(", ", dataset.alternatives()) + ")")
                + ", or pass --data FILE to use another copy.";
    }
}
