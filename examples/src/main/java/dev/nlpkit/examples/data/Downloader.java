package dev.nlpkit.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads a file safely: into {@code <target>.part}, resumed with an HTTP {@code Range} request when a
 * partial file is already there, and checked for completeness (Content-Length). A truncated transfer keeps the
 * partial file so the next call resumes; verification and renaming are the caller's ({@link DatasetResolver}).
 */
public final class Downloader {

    private static final int BUFFER = 1 << 16;

    private final HttpClient client;
    private final Duration timeout;

    /** A downloader whose connections and requests time out after {@code timeout}. */
    public Downloader(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A downloader with a 20-second timeout. */
    public static Downloader withDefaults() {
        return new Downloader(Duration.ofSeconds(20));
    }

    /** The partial-download file for {@code target}. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads {@code url} into {@link #partFile(Path) partFile(target)} (its folder is created), resuming
     * a partial file left by an earlier attempt, and returns that file once it is complete. It keeps the
     * {@code .part} name: the caller verifies it and renames or extracts it.
     *
     * @param dataset the dataset being fetched (named in progress and errors)
     * @throws DownloadException on an HTTP error or a truncated transfer (the partial file is kept to resume)
     * @throws IOException       when the network or the disk fails
     */
    public Path fetch(Dataset dataset, URI url, Path target, DownloadListener listener) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = partFile(target);
        long present = Files.exists(part) ? Files.size(part) : 0L;

        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (present > 0) {
            request.header("Range", "bytes=" + present + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " interrupted", e);
        } catch (IOException e) {
            throw new IOException(url + ": " + describe(e), e);
        }
        int status = response.statusCode();
        boolean resumed;
        if (status == 206 && present > 0) {
            resumed = true;
        } else if (status == 200) {
            resumed = false; // the server ignored Range (or none was sent): start over
            present = 0;
        } else if (status == 416 && present > 0) {
            // Requested range not satisfiable: the partial file is already complete.
            response.body().close();
            listener.finished(present);
            return part;
        } else {
            response.body().close();
            throw new DownloadException("download of " + url + " failed: HTTP " + status
                    + (status == 404 ? " (not found)" : ""));
        }

        long total = expectedTotal(response, resumed, present);
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
            throw new DownloadException("download of " + url + " was cut off after " + written + " of "
                    + (total >= 0 ? total + " bytes" : "? bytes") + "; the partial file " + part
                    + " is kept and the next attempt resumes it", e);
        }
        if (total >= 0 && written < total) {
            throw new DownloadException("download of " + url + " was cut off after " + written + " of "
                    + total + " bytes; the partial file " + part + " is kept and the next attempt resumes it");
        }
        listener.finished(written);
        return part;
    }

    /** A connection failure in words (the JDK's messages are often empty). */
    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                || e instanceof java.net.UnknownHostException) {
            return "host not found";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long expectedTotal(HttpResponse<?> response, boolean resumed, long present) {
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
            return length >= 0 ? present + length : -1;
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return length >= 0 ? length : -1;
    }
}
