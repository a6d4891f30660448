package dev.nlpkit.examples.data;

import java.io.IOException;

/** A download failed: HTTP error, truncated transfer, or size/checksum mismatch. */
public final class DownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
