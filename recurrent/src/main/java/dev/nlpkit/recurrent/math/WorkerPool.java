package dev.nlpkit.recurrent.math;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed pool of daemon threads that runs the parts of one kernel call in parallel, the calling thread taking
 * part. Built for the short (tens of microseconds) products of a recurrent step: a worker spins briefly after a
 * job before parking, so back-to-back calls do not pay a wake-up each.
 *
 * <p>One job runs at a time. A caller that finds the pool busy (another thread's job, or a kernel called from
 * inside a running part) runs its parts itself, in order, so nesting cannot deadlock and concurrent model
 * calls stay correct. Which thread runs a part never changes its result: parts write disjoint outputs.
 */
final class WorkerPool {

    /** Spin this long (nanoseconds) waiting for the next job before parking. */
    private static final long SPIN_NANOS = 100_000;

    private static final ReentrantLock BUSY = new ReentrantLock();
    private static Worker[] workers = new Worker[0];
    private static volatile Job current;

    private WorkerPool() {
    }

    /** One call's parts; each worker claims indices from {@code next} until they run out. */
    private static final class Job {
        final IntConsumer part;
        final int count;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer part, int count) {
            this.part = part;
            this.count = count;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    part.accept(i);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /**
     * Runs {@code part.accept(i)} for every {@code i} in {@code [0, count)} on up to {@code threads} threads
     * (the caller included) and returns when all are done. A part's exception is rethrown to the caller.
     */
    static void run(int count, int threads, IntConsumer part) {
        // The lock is reentrant: a part running on the calling thread must not start a nested job (it would
        // replace the running one), so the owner runs nested calls serially, as any other busy caller does.
        if (count <= 1 || threads <= 1 || BUSY.isHeldByCurrentThread() || !BUSY.tryLock()) {
            for (int i = 0; i < count; i++) {
                part.accept(i);
            }
            return;
        }
        try {
            Worker[] pool = ensureWorkers(threads - 1);
            Job job = new Job(part, count);
            current = job;
            int helpers = Math.min(threads - 1, count - 1);
            for (int w = 0; w < helpers; w++) {
                if (pool[w].parked) {
                    LockSupport.unpark(pool[w]);
                }
            }
            job.work();
            // A part claimed by a worker that the OS has descheduled (a loaded machine) would keep this thread
            // spinning for a whole time slice: spin briefly, then yield the core.
            long waitStart = System.nanoTime();
            while (job.done.get() < count) {
                if (System.nanoTime() - waitStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            current = null; // do not keep the finished call's arrays reachable
            Throwable thrown = job.failure;
            if (thrown instanceof RuntimeException e) {
                throw e;
            }
            if (thrown instanceof Error e) {
                throw e;
            }
            if (thrown != null) {
                throw new IllegalStateException(thrown);
            }
        } finally {
            BUSY.unlock();
        }
    }

    private static synchronized Worker[] ensureWorkers(int wanted) {
        if (workers.length < wanted) {
            Worker[] grown = java.util.Arrays.copyOf(workers, wanted);
            for (int w = workers.length; w < wanted; w++) {
                grown[w] = new Worker(w);
                grown[w].start();
            }
            workers = grown;
        }
        return workers;
    }

    private static final class Worker extends Thread {
        volatile boolean parked;

        Worker(int index) {
            super("nlpkit-math-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = current;
            while (true) {
                long spinStart = System.nanoTime();
                Job job;
                while ((job = current) == seen) {
                    if (System.nanoTime() - spinStart > SPIN_NANOS) {
                        parked = true;
                        if (current == seen) {
                            LockSupport.parkNanos(this, 50_000_000L);
                        }
                        parked = false;
                    } else {
                        Thread.onSpinWait();
                    }
                }
                seen = job;
                if (job != null) {
                    job.work();
                }
            }
        }
    }
}
