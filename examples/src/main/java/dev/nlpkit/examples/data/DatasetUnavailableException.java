package dev.nlpkit.examples.data;

/** A dataset could not be found locally nor downloaded; the message says what to place where. */
public final class DatasetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
