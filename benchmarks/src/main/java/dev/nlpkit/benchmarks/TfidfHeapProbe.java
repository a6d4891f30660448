package dev.nlpkit.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import dev.nlpkit.vectorize.bow.Fitted;
import dev.nlpkit.vectorize.bow.TfidfOptions;
import dev.nlpkit.vectorize.bow.TfidfVectorizer;

/**
 * Child process of {@code nlpkit bench tfidf}: fits and transforms a tokens file <em>streaming</em> (the documents
 * are never all in memory) under the {@code -Xmx} the bench chose, and prints as JSON the matrix size and the
 * largest heap in use right after any collection (the live-data peak as the collector saw it). Exits non-zero
 * (OutOfMemoryError) when the limit is too small.
 */
public final class TfidfHeapProbe {

    private TfidfHeapProbe() {
    }

    public static void main(String[] args) {
        AtomicLong peakAfterGc = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(pool.getKey())) {
                                used += pool.getValue().getUsed();
                            }
                        }
                        peakAfterGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
        Path tokens = Path.of(args[0]);
        Fitted<TfidfVectorizer> fitted = TfidfVectorizer.fitTransform(TfidfBench.streamTokens(tokens),
                TfidfOptions.sklearn().withThreads(1));
        System.gc();
        long collections = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"nnz\": %d, \"peak_used_after_gc_mb\": %.3f, \"collections\": %d, \"max_heap_mb\": %.1f}",
                fitted.matrix().nonZeros(), peakAfterGc.get() / 1e6, collections,
                Runtime.getRuntime().maxMemory() / 1e6));
    }
}
