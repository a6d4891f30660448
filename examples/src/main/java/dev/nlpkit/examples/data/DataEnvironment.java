package dev.nlpkit.examples.data;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where datasets are looked for and fetched from, read once from the environment so that it can be replaced in
 * tests (environment variables cannot be changed in-process).
 *
 * @param dataDirectory  the folder named by {@code NLPKIT_DATA}, laid out as {@link Dataset#dataPath()} says
 * @param cacheDirectory {@code $XDG_CACHE_HOME/nlpkit}, else {@code ~/.cache/nlpkit}
 * @param downloadBase   {@code NLPKIT_DOWNLOAD_URL}: when set, every download comes from
 *                       {@code <base>/<dataset>/<file name>} instead of the registry's sources (a mirror of
 *                       one's own; tests point it at a loopback server)
 */
public record DataEnvironment(Optional<Path> dataDirectory, Path cacheDirectory, Optional<URI> downloadBase) {

    /** The variable naming a folder of datasets in the shared layout. */
    public static final String DATA_VARIABLE = "NLPKIT_DATA";
    /** The variable naming a base URL that replaces every download source. */
    public static final String DOWNLOAD_VARIABLE = "NLPKIT_DOWNLOAD_URL";

    public DataEnvironment {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(downloadBase, "downloadBase");
    }

    /** The environment of this process: its variables and {@code user.home}. */
    public static DataEnvironment fromSystem() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The environment described by {@code variables} and the home folder {@code userHome}.
     *
     * @throws IllegalArgumentException when {@code NLPKIT_DOWNLOAD_URL} is not an http(s) URL
     */
    public static DataEnvironment of(Map<String, String> variables, String userHome) {
        Optional<Path> data = nonBlank(variables.get(DATA_VARIABLE)).map(Path::of);
        Path cache = nonBlank(variables.get("XDG_CACHE_HOME")).map(Path::of)
                .orElseGet(() -> Path.of(userHome, ".cache")).resolve("nlpkit");
        Optional<URI> base = nonBlank(variables.get(DOWNLOAD_VARIABLE)).map(DataEnvironment::baseUrl);
        return new DataEnvironment(data, cache, base);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new URISyntaxException(value, "not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(DOWNLOAD_VARIABLE + "=" + value + " is not an http(s) URL", e);
        }
    }
}
