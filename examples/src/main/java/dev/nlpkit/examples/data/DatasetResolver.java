package dev.nlpkit.examples.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a dataset, in this order:
 * <ol>
 *   <li>an explicit path (a command's {@code --data}, {@code --file}, {@code --corpus} ...);</li>
 *   <li>the folder named by {@code NLPKIT_DATA}: {@code $NLPKIT_DATA/<dataPath>} (the layout of the developers'
 *       data folder), {@code $NLPKIT_DATA/<dataset>/<file>} or {@code $NLPKIT_DATA/<file>};</li>
 *   <li>the user cache, {@code <cache>/<dataset>/<file>} (see {@link DataEnvironment});</li>
 *   <li>an archive placed by hand in {@code <cache>/<dataset>/}, extracted and verified;</li>
 *   <li>a download into the cache from each source in turn: resumable, extracted and verified
 *       ({@link Downloader}, {@link Installer}), with progress reported to a {@link DownloadListener}.</li>
 * </ol>
 * When all of that fails, {@link DatasetUnavailableException} says in one message which dataset, from which
 * URL, to which exact path.
 */
public final class DatasetResolver {

    /** What {@link #check(Dataset)} found for one local copy. */
    public enum Status {
        /** Every recorded value (size, SHA-256) matches. */
        MATCHES,
        /** The size or the SHA-256 differs from the registry's. */
        MISMATCH,
        /** The registry records neither size nor checksum for it. */
        NOT_RECORDED
    }

    /** One local copy of a dataset and how it compares with the registry. */
    public record Check(Path path, Status status, Checksums.Measured measured) {
    }

    private final DataEnvironment environment;
    private final Downloader downloader;

    /** A resolver looking where {@code environment} says and downloading with {@code downloader}. */
    public DatasetResolver(DataEnvironment environment, Downloader downloader) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /** The resolver a user gets: {@code NLPKIT_DATA}, the XDG cache, the default downloader. */
    public static DatasetResolver fromEnvironment(Map<String, String> variables) {
        return new DatasetResolver(DataEnvironment.of(variables, System.getProperty("user.home")),
                Downloader.withDefaults());
    }

    /** Where it looks and downloads from. */
    public DataEnvironment environment() {
        return environment;
    }

    /** The cache folder, {@code <cache>} above. */
    public Path cacheDirectory() {
        return environment.cacheDirectory();
    }

    /** Where the cache keeps {@code dataset}'s file (or folder). */
    public Path cachedFile(Dataset dataset) {
        return cacheDirectory().resolve(dataset.name()).resolve(dataset.fileName());
    }

    /** The sources a download tries, in order: the registry's, or the {@code NLPKIT_DOWNLOAD_URL} mirror's. */
    public List<Source> sources(Dataset dataset) {
        if (environment.downloadBase().isEmpty()) {
            return dataset.sources();
        }
        URI base = environment.downloadBase().get();
        Map<String, Source> byFile = new LinkedHashMap<>();
        for (Source source : dataset.sources()) {
            byFile.putIfAbsent(source.fileName(), source.at(base.resolve(dataset.name() + "/" + source.fileName())));
        }
        return List.copyOf(byFile.values());
    }

    /** The local copy of {@code dataset}, if one exists (explicit path excluded); no download. */
    public Optional<Path> findLocal(Dataset dataset) {
        return candidates(dataset, true).stream().filter(p -> present(dataset, p)).findFirst();
    }

    /**
     * Resolves {@code dataset}, downloading it when no local copy exists.
     *
     * @param explicit a path given by the user; it must exist
     * @param option   the command's option for such a path ({@code --file}, {@code the FILE argument}), named in
     *                 the message when all else fails
     * @throws DatasetUnavailableException when it is neither here nor downloadable
     */
    public Path resolve(Dataset dataset, Optional<Path> explicit, String option, DownloadListener listener) {
        if (explicit.isPresent()) {
            Path path = explicit.get();
            if (!present(dataset, path)) {
                throw new DatasetUnavailableException("data " + (dataset.folder() ? "folder " : "file ") + path
                        + " does not exist or is not a " + (dataset.folder() ? "folder of " + dataset.title() : "file"),
                        null);
            }
            return path;
        }
        Optional<Path> local = findLocal(dataset);
        return local.isPresent() ? local.get() : install(dataset, option, listener);
    }

    /** {@link #resolve(Dataset, Optional, String, DownloadListener)} for a command whose option is {@code --data}. */
    public Path resolve(Dataset dataset, Optional<Path> explicit, DownloadListener listener) {
        return resolve(dataset, explicit, "--data", listener);
    }

    /**
     * Puts {@code dataset} into the cache from an archive placed there by hand or from its sources, verified.
     *
     * @param option named in the message when it fails (null: none)
     * @throws DatasetUnavailableException when no source gives a verified copy
     */
    public Path install(Dataset dataset, String option, DownloadListener listener) {
        if (!dataset.downloadable()) {
            throw new DatasetUnavailableException(noDownloadMessage(dataset, option), null);
        }
        Path target = cachedFile(dataset);
        List<String> failures = new ArrayList<>();
        for (Source source : sources(dataset)) {
            Path placed = target.resolveSibling(source.fileName());
            if (source.extraction() != Extraction.NONE && Files.isRegularFile(placed)) {
                try {
                    return Installer.install(dataset, source, placed, target);
                } catch (IOException e) {
                    failures.add("the file placed at " + placed + " (left there): " + e.getMessage());
                }
            }
        }
        for (Source source : sources(dataset)) {
            Path downloadAs = source.extraction() == Extraction.NONE ? target
                    : target.resolveSibling(source.fileName());
            try {
                Path complete = downloader.fetch(dataset, source.url(), downloadAs, listener);
                try {
                    Installer.install(dataset, source, complete, target);
                } catch (IOException e) {
                    Files.deleteIfExists(complete); // rejected: nothing of it stays in the cache
                    throw new DownloadException(e.getMessage() + "; the download was discarded", e);
                }
                Files.deleteIfExists(complete); // the archive, once its content is in place
                return target;
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        throw new DatasetUnavailableException(unavailableMessage(dataset, failures, option), null);
    }

    /** Measures every local copy of {@code dataset} (explicit paths and alternatives excluded). */
    public List<Check> check(Dataset dataset) throws IOException {
        List<Check> checks = new ArrayList<>();
        for (Path path : candidates(dataset, false)) {
            if (!present(dataset, path)) {
                continue;
            }
            Checksums.Measured measured = Checksums.measure(dataset, path);
            boolean recorded = dataset.size().isPresent() || dataset.sha256().isPresent();
            boolean matches = dataset.size().stream().allMatch(s -> s == measured.bytes())
                    && dataset.sha256().stream().allMatch(s -> s.equals(measured.sha256()));
            checks.add(new Check(path, !recorded ? Status.NOT_RECORDED : matches ? Status.MATCHES : Status.MISMATCH,
                    measured));
        }
        return checks;
    }

    private static boolean present(Dataset dataset, Path path) {
        if (!dataset.folder()) {
            return Files.isRegularFile(path);
        }
        try {
            return Files.isDirectory(path) && !Checksums.folderFiles(dataset, path).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> candidates(Dataset dataset, boolean withAlternatives) {
        Set<Path> candidates = new LinkedHashSet<>();
        Path cache = cacheDirectory().resolve(dataset.name());
        environment.dataDirectory().ifPresent(dir -> {
            candidates.add(dir.resolve(dataset.dataPath()));
            candidates.add(dir.resolve(dataset.name()).resolve(dataset.fileName()));
            candidates.add(dir.resolve(dataset.fileName()));
            if (withAlternatives) {
                dataset.alternatives().forEach(a -> {
                    candidates.add(dir.resolve(a));
                    candidates.add(dir.resolve(dataset.name()).resolve(a));
                });
            }
        });
        candidates.add(cache.resolve(dataset.fileName()));
        if (withAlternatives) {
            dataset.alternatives().forEach(a -> candidates.add(cache.resolve(a)));
        }
        return List.copyOf(candidates);
    }

    private String unavailableMessage(Dataset dataset, List<String> failures, String option) {
        List<Source> sources = sources(dataset);
        Source first = sources.get(0);
        Path target = cachedFile(dataset);
        StringBuilder m = new StringBuilder();
        m.append(dataset.title()).append(" (dataset '").append(dataset.name()).append("') is not here and could not be ")
                .append("downloaded (").append(String.join("; ", failures)).append("). ");
        m.append("Download ").append(first.url());
        if (first.extraction() == Extraction.NONE) {
            m.append(" and save it as ").append(target);
        } else {
            m.append(" and save it as ").append(target.resolveSibling(first.fileName())).append(" (nlpkit takes ")
                    .append(first.extraction().describe()).append(" from it), or save ")
                    .append(dataset.folder() ? "the folder " : "").append(dataset.fileName()).append(" itself as ")
                    .append(target);
        }
        environment.dataDirectory().ifPresent(dir -> m.append(" or as ").append(dir.resolve(dataset.dataPath())));
        m.append(option == null ? "." : "; or give the path of a copy with " + option + ".");
        return m.toString();
    }

    private String noDownloadMessage(Dataset dataset, String option) {
        StringBuilder m = new StringBuilder();
        m.append(dataset.title()).append(" (dataset '").append(dataset.name()).append("') is not here and has no public ")
                .append("download: ").append(dataset.checksumNote()).append(" Place ").append(dataset.fileName())
                .append(" at ").append(cachedFile(dataset));
        environment.dataDirectory().ifPresent(dir -> m.append(" or at ").append(dir.resolve(dataset.dataPath())));
        m.append(option == null ? "." : ", or give the path of a copy with " + option + ".");
        return m.toString();
    }
}
