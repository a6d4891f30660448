package dev.nlpkit.vectorize.bow;

import java.util.function.IntConsumer;

/**
 * Runs {@code tasks} pieces of work on {@code tasks} threads: the caller runs piece 0, short-lived platform
 * threads the others. Why not a pool: the library must not keep threads alive after a call, and a thread start
 * (tens of microseconds) is nothing next to a piece of work. The first failure is rethrown in the caller.
 */
final class Parallel {

    private Parallel() {
    }

    static void run(int tasks, IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
            return;
        }
        Thread[] threads = new Thread[tasks - 1];
        Throwable[] failures = new Throwable[tasks];
        for (int t = 1; t < tasks; t++) {
            int piece = t;
            threads[t - 1] = Thread.ofPlatform().name("nlpkit-vectorize-" + t).daemon(true).start(() -> {
                try {
                    task.accept(piece);
                } catch (Throwable e) {
                    failures[piece] = e;
                }
            });
        }
        try {
            task.accept(0);
        } catch (Throwable e) {
            failures[0] = e;
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
