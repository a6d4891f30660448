package dev.nlpkit.examples.serve;

/** An error answered to the client as {@code {"error": message}} with an HTTP status; never carries a stack trace. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
