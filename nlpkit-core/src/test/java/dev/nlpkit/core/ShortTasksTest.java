package dev.nlpkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;

class ShortTasksTest {

    @Test
    void anInterruptWaitsForTheResultAndIsKept() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<String> task = new FutureTask<>(() -> {
            release.await();
            return "done";
        });
        Thread.ofPlatform().daemon().start(task);
        Thread.currentThread().interrupt();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        try {
            assertEquals("done", ShortTasks.result(task));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFailureComesBackAsTheCallerWouldHaveThrownIt() {
        IllegalArgumentException runtime = new IllegalArgumentException("bad");
        assertSame(runtime, ShortTasks.unchecked(runtime));
        IOException checked = new IOException("disk");
        assertSame(checked, assertInstanceOf(IllegalStateException.class, ShortTasks.unchecked(checked)).getCause());
        AssertionError error = new AssertionError("broken");
        assertSame(error, assertThrows(AssertionError.class, () -> ShortTasks.unchecked(error)));
    }

    @Test
    void aFailedTaskIsAnExecutionException() {
        FutureTask<String> task = new FutureTask<>(() -> {
            throw new IllegalStateException("section");
        });
        task.run();
        ExecutionException e = assertThrows(ExecutionException.class, () -> ShortTasks.result(task));
        assertEquals("section", e.getCause().getMessage());
    }
}
