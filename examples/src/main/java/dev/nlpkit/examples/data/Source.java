package dev.nlpkit.examples.data;

import java.net.URI;
import java.util.Objects;

/**
 * One place a dataset can be downloaded from, and how its file is turned into the dataset's file.
 *
 * @param url        the address of the file
 * @param extraction what to take from it
 */
public record Source(URI url, Extraction extraction) {

    public Source {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(extraction, "extraction");
        if (fileName(url).isEmpty()) {
            throw new IllegalArgumentException("source URL must name a file: " + url);
        }
    }

    /** A file used as it is. */
    public static Source plain(String url) {
        return new Source(URI.create(url), Extraction.NONE);
    }

    /** The file name the server gives the download (the last segment of the URL's path). */
    public String fileName() {
        return fileName(url);
    }

    /** The same file and extraction, served from another address (a mirror of one's own, or a test server). */
    public Source at(URI other) {
        return new Source(other, extraction);
    }

    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
