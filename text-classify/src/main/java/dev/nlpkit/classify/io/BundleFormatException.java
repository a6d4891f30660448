package dev.nlpkit.classify.io;

import java.io.IOException;

/** A model bundle cannot be read: not a bundle, from a newer nlpkit, truncated, corrupt, or missing a section. */
public final class BundleFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A bundle error without an underlying cause.
     *
     * @param message what is wrong, naming the file and the section
     */
    public BundleFormatException(String message) {
        super(message);
    }

    /**
     * A bundle error caused by another failure (for example a section that cannot be decoded).
     *
     * @param message what is wrong, naming the file and the section
     * @param cause the failure that revealed it
     */
    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
