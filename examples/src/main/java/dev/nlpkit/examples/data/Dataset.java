package dev.nlpkit.examples.data;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A public dataset the examples can fetch.
 *
 * @param name          short id used on the command line and as the cache folder, e.g. {@code sentiment140}
 * @param title         human name
 * @param url           official download address
 * @param fileName      the file the download produces (and that a user may place by hand)
 * @param alternatives  other file names accepted in place of {@code fileName} when found locally (for example
 *                      the CSV extracted from the archive)
 * @param size          expected size in bytes, when known (verified after download)
 * @param sha256        expected SHA-256 (lower-case hex), when known (verified after download)
 * @param license       the terms under which the source publishes it
 */
public record Dataset(String name, String title, URI url, String fileName, List<String> alternatives,
        OptionalLong size, Optional<String> sha256, String license) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fileName, "fileName");
        alternatives = List.copyOf(alternatives);
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.map(s -> s.toLowerCase(java.util.Locale.ROOT));
        Objects.requireNonNull(license, "license");
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("dataset name must be a plain word, got '" + name + "'");
        }
    }

    /** A copy that points at another address (tests, mirrors). */
    public Dataset withUrl(URI other) {
        return new Dataset(name, title, other, fileName, alternatives, size, sha256, license);
    }

    /** A copy with a known size and checksum. */
    public Dataset withChecksum(long bytes, String sha256Hex) {
        return new Dataset(name, title, url, fileName, alternatives, OptionalLong.of(bytes), Optional.of(sha256Hex),
                license);
    }
}
