package dev.nlpkit.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for a short task run beside the caller's own work (a bundle section parsed on another thread, the linear
 * model scoring a chunk while the network runs, a model loading while standard input is read). One place for the
 * two rules they share: an interrupt does not abandon a task that is about to finish (its result is still needed, so
 * the wait goes on and the interrupt flag is restored afterwards), and a task's failure is rethrown as it would have
 * been on the caller's thread.
 */
public final class ShortTasks {

    private ShortTasks() {
    }

    /**
     * The task's result, waiting through interrupts.
     *
     * @param task a task that finishes soon
     * @param <T>  the result type
     * @return its result
     * @throws ExecutionException when the task failed; {@link #unchecked(Throwable)} turns its cause back
     */
    public static <T> T result(Future<T> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A failed task's cause as the caller throws it: an {@link Error} is thrown here, a runtime exception returned
     * as it is, and a checked one wrapped in an {@link IllegalStateException} (the tasks declare none the caller
     * does not handle first).
     *
     * @param cause the cause of an {@link ExecutionException}
     * @return the exception to throw
     */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }
}
