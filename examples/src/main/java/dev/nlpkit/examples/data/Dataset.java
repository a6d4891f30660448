package dev.nlpkit.examples.data;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A public dataset an example, evaluation or benchmark uses, and everything needed to find, fetch and check it.
 *
 * @param name          short id used on the command line and as the cache folder, e.g. {@code alice}
 * @param title         human name
 * @param description   what it is, in a sentence or two
 * @param homepage      the official source (its page or file)
 * @param sources       where it is downloaded from, tried in order (each result is checked against
 *                      {@code sha256}); empty when there is no public download
 * @param folder        whether the dataset is a folder of files (else one file)
 * @param fileName      the file (or folder) name in the cache: {@code <cache>/<name>/<fileName>}
 * @param dataPath      where it sits under {@code NLPKIT_DATA} (the layout of the developers' data folder)
 * @param alternatives  other paths accepted in place of it, relative to {@code NLPKIT_DATA} or to
 *                      {@code <cache>/<name>} (never checksummed)
 * @param size          bytes of the file used (a folder: of the files {@code folderFiles} matches), when known
 * @param sha256        SHA-256 (lower-case hex) of the file used; a folder: of the output of
 *                      {@code sha256sum} run on the matching files in name order, when known
 * @param folderFiles   a folder: the regular expression naming the files the checksum covers
 * @param checksumNote  where size and checksum come from, and how the downloaded file relates to them
 * @param license       the terms as stated by the source
 */
public record Dataset(String name, String title, String description, URI homepage, List<Source> sources,
        boolean folder, String fileName, String dataPath, List<String> alternatives, OptionalLong size,
        Optional<String> sha256, Optional<String> folderFiles, String checksumNote, String license) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(homepage, "homepage");
        sources = List.copyOf(sources);
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(dataPath, "dataPath");
        alternatives = List.copyOf(alternatives);
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.map(s -> s.toLowerCase(Locale.ROOT));
        Objects.requireNonNull(folderFiles, "folderFiles");
        Objects.requireNonNull(checksumNote, "checksumNote");
        Objects.requireNonNull(license, "license");
        if (name.isBlank() || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("dataset name must be lower-case letters, digits and '-', got '"
                    + name + "'");
        }
        if (sha256.isPresent() && !sha256.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("dataset " + name + ": SHA-256 must be 64 hex digits");
        }
        if (folder != folderFiles.isPresent()) {
            throw new IllegalArgumentException("dataset " + name + ": a folder needs folderFiles, a file has none");
        }
        folderFiles.ifPresent(Pattern::compile);
        for (Source source : sources) {
            boolean unpacksFolder = source.extraction() instanceof Extraction.ZipFolder;
            if (unpacksFolder != folder) {
                throw new IllegalArgumentException("dataset " + name + ": source " + source.url() + " gives a "
                        + (unpacksFolder ? "folder" : "file") + " but the dataset is a " + (folder ? "folder" : "file"));
            }
        }
    }

    /** A builder for the registry's entries. */
    public static Builder builder(String name, String title) {
        return new Builder(name, title);
    }

    /** Whether some source offers it for download. */
    public boolean downloadable() {
        return !sources.isEmpty();
    }

    /** A copy downloaded from {@code others} instead (tests, mirrors). */
    public Dataset withSources(List<Source> others) {
        return new Dataset(name, title, description, homepage, others, folder, fileName, dataPath, alternatives, size,
                sha256, folderFiles, checksumNote, license);
    }

    /** A copy with another expected size and checksum (tests). */
    public Dataset withChecksum(long bytes, String sha256Hex) {
        return new Dataset(name, title, description, homepage, sources, folder, fileName, dataPath, alternatives,
                OptionalLong.of(bytes), Optional.of(sha256Hex), folderFiles, checksumNote, license);
    }

    /** Fluent construction of a {@link Dataset}; {@link #build()} validates. */
    public static final class Builder {
        private final String name;
        private final String title;
        private String description = "";
        private URI homepage;
        private final List<Source> sources = new ArrayList<>();
        private boolean folder;
        private String fileName;
        private String dataPath;
        private final List<String> alternatives = new ArrayList<>();
        private OptionalLong size = OptionalLong.empty();
        private Optional<String> sha256 = Optional.empty();
        private Optional<String> folderFiles = Optional.empty();
        private String checksumNote = "";
        private String license = "";

        private Builder(String name, String title) {
            this.name = name;
            this.title = title;
        }

        /** What it is, in a sentence or two. */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** The official source: its page or file. */
        public Builder homepage(String url) {
            this.homepage = URI.create(url);
            return this;
        }

        /** One more download source, tried after those already given. */
        public Builder source(Source source) {
            sources.add(source);
            return this;
        }

        /** A file named {@code fileName} in the cache, at {@code dataPath} under {@code NLPKIT_DATA}. */
        public Builder file(String fileName, String dataPath) {
            this.fileName = fileName;
            this.dataPath = dataPath;
            return this;
        }

        /** A folder whose files matching {@code files} make the dataset. */
        public Builder folder(String folderName, String dataPath, String files) {
            this.folder = true;
            this.fileName = folderName;
            this.dataPath = dataPath;
            this.folderFiles = Optional.of(files);
            return this;
        }

        /** Another path accepted in place of the dataset's file (never checksummed). */
        public Builder alternative(String path) {
            alternatives.add(path);
            return this;
        }

        /** The size and SHA-256 of the file used, and where they come from. */
        public Builder checksum(long bytes, String sha256Hex, String note) {
            this.size = OptionalLong.of(bytes);
            this.sha256 = Optional.of(sha256Hex);
            this.checksumNote = note;
            return this;
        }

        /** Only the size is known; {@code note} says why. */
        public Builder sizeOnly(long bytes, String note) {
            this.size = OptionalLong.of(bytes);
            this.checksumNote = note;
            return this;
        }

        /** Neither size nor checksum is known; {@code note} says why. */
        public Builder unchecked(String note) {
            this.checksumNote = note;
            return this;
        }

        /** The terms, as the source states them. */
        public Builder license(String text) {
            this.license = text;
            return this;
        }

        /** The dataset; the record's constructor validates it. */
        public Dataset build() {
            return new Dataset(name, title, description, homepage, sources, folder, fileName, dataPath, alternatives,
                    size, sha256, folderFiles, checksumNote, license);
        }
    }
}
