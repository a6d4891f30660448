package dev.nlpkit.classify.io;

import java.io.IOException;

/** A model bundle cannot be read: not a bundle, from a newer nlpkit, truncated, corrupt, or missing a section. */
public final class BundleFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
