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

    /** One paragraph: what failed, which file to place where. */
    String offlineMessage(Dataset dataset, IOException cause) {
        return dataset.title() + " is not available here and could not be downloaded (" + cause.getMessage() + "). "
                + "Download " + dataset.url() + " on a machine with network access and place the file "
                + dataset.fileName() + " at " + cachedFile(dataset)
                + (dataDirectory.isPresent() ? " or in " + dataDirectory.get() : " or in a directory named by the NLPKIT_DATA environment variable")
                + (dataset.alternatives().isEmpty() ? "" : " (also accepted there: " + String.join(", ", dataset.alternatives()) + ")")
                + ", or pass --data FILE to use another copy.";
    }
}
