package dev.nlpkit.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Downloads a dataset file safely: into {@code <target>.part}, resumed with an HTTP {@code Range} request
 * when a partial file is already there, checked for completeness (Content-Length / known size) and
 * checksum (when known), and renamed into place atomically only when complete and verified. A checksum
 * or size mismatch deletes the partial file; a truncated transfer keeps it so the next call resumes.
 */
public final class Downloader {

    private static final int BUFFER = 1 << 16;

    private final HttpClient client;
    private final Duration timeout;

    public Downloader(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static Downloader withDefaults() {
        return new Downloader(Duration.ofSeconds(20));
    }

    /** The partial-download file for {@code target}. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads {@code dataset} to {@code target} (its parent is created).
     *
     * @throws DownloadException on an HTTP error, a truncated transfer, or a size or checksum mismatch
     * @throws IOException       when the network or the disk fails
     */
    public Path download(Dataset dataset, Path target, DownloadListener listener) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = partFile(target);
        long present = Files.exists(part) ? Files.size(part) : 0L;

        HttpRequest.Builder request = HttpRequest.newBuilder(dataset.url()).timeout(timeout).GET();
        if (present > 0) {
            request.header("Range", "bytes=" + present + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + dataset.url() + " interrupted", e);
        }
        int status = response.statusCode();
        boolean resumed;
        if (status == 206 && present > 0) {
            resumed = true;
        } else if (status == 200) {
            resumed = false; // the server ignored Range (or none was sent): start over
            present = 0;
        } else if (status == 416 && present > 0) {
            // Requested range not satisfiable: the partial file may already be complete.
            response.body().close();
            return finish(dataset, part, target, present, listener);
        } else {
            response.body().close();
            throw new DownloadException("download of " + dataset.url() + " failed: HTTP " + status
                    + (status == 404 ? " (not found)" : ""));
        }

        long total = expectedTotal(response, resumed, present, dataset);
        listener.started(dataset, total, present);
        long written = present;
        StandardOpenOption[] mode = resumed
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE};
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part, mode)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                written += n;
                listener.progress(written);
            }
        } catch (IOException e) {
            throw new DownloadException("download of " + dataset.url() + " was cut off after " + written + " of "
                    + (total >= 0 ? total + " bytes" : "? bytes") + "; the partial file " + part
                    + " is kept and the next attempt resumes it", e);
        }
        if (total >= 0 && written < total) {
            throw new DownloadException("download of " + dataset.url() + " was cut off after " + written + " of "
                    + total + " bytes; the partial file " + part + " is kept and the next attempt resumes it");
        }
        return finish(dataset, part, target, written, listener);
    }

    private static long expectedTotal(HttpResponse<?> response, boolean resumed, long present, Dataset dataset) {
        if (resumed) {
            // Content-Range: bytes start-end/total
            String range = response.headers().firstValue("Content-Range").orElse("");
            int slash = range.lastIndexOf('/');
            if (slash >= 0 && !range.endsWith("*")) {
                try {
                    return Long.parseLong(range.substring(slash + 1).trim());
                } catch (NumberFormatException ignored) {
                    // fall through to Content-Length
                }
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return length >= 0 ? present + length : dataset.size().orElse(-1);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return length >= 0 ? length : dataset.size().orElse(-1);
    }

    /** Verifies size and checksum of the complete partial file, then renames it into place. */
    private static Path finish(Dataset dataset, Path part, Path target, long bytes, DownloadListener listener)
            throws IOException {
        if (dataset.size().isPresent() && dataset.size().getAsLong() != bytes) {
            Files.deleteIfExists(part);
            throw new DownloadException("download of " + dataset.url() + " has " + bytes + " bytes, expected "
                    + dataset.size().getAsLong() + "; the file was discarded");
        }
        if (dataset.sha256().isPresent()) {
            String actual = sha256(part);
            if (!actual.equals(dataset.sha256().get())) {
                Files.deleteIfExists(part);
                throw new DownloadException("download of " + dataset.url() + " has SHA-256 " + actual + ", expected "
                        + dataset.sha256().get() + "; the file was discarded");
            }
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        listener.finished(bytes);
        return target;
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
