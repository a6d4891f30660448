package dev.nlpkit.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import dev.nlpkit.classify.TextClassifier;

/**
 * Classifier bundles on Hadoop file systems, and the per-JVM cache that makes an executor load a bundle once,
 * however many tasks and partitions it scores.
 *
 * <p>The cache is keyed by where the bundle came from and the SHA-256 of its bytes: a path overwritten with another
 * model between two jobs is a different key, never a stale hit. It keeps the few most recently used classifiers
 * (a long-running executor that scores with many models does not keep them all).
 */
final class Bundles {

    /** Classifiers kept per JVM. */
    private static final int CACHED = 4;

    private static final Map<String, TextClassifier> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TextClassifier> eldest) {
            return size() > CACHED;
        }
    };

    private Bundles() {
    }

    /** The bytes of the file at {@code path}, read through Hadoop's file system API (local, HDFS, S3, ...). */
    static byte[] read(String path, Configuration conf) {
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new IllegalArgumentException("classifier bundle not found: " + path);
            }
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classifier bundle " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code bytes} to {@code path} through Hadoop's file system API (failing if it exists). */
    static void write(String path, byte[] bytes, Configuration conf) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        try (OutputStream out = fs.create(p, false)) {
            out.write(bytes);
        }
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    static String checksum(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A classifier's bundle bytes ({@link TextClassifier#save(OutputStream)}). */
    static byte[] bytes(TextClassifier classifier) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            classifier.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail; got " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Parses bundle bytes; {@code source} names them in error messages. */
    static TextClassifier parse(byte[] bytes, String source) {
        try {
            return TextClassifier.load(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot load the classifier bundle " + source + ": " + e.getMessage(),
                    e);
        }
    }

    /** Puts an already loaded classifier in this JVM's cache (the driver, so local mode never reloads it). */
    static synchronized void put(String key, TextClassifier classifier) {
        CACHE.put(key, classifier);
    }

    /**
     * The classifier cached under {@code key}, loading it with {@code loader} on a miss. Loading holds the lock: the
     * other tasks of the executor wait for the one load instead of each loading the bundle.
     */
    static synchronized TextClassifier get(String key, java.util.function.Supplier<TextClassifier> loader) {
        TextClassifier c = CACHE.get(key);
        if (c == null) {
            c = loader.get();
            CACHE.put(key, c);
        }
        return c;
    }

    /** How many classifiers this JVM holds (for tests). */
    static synchronized int cachedCount() {
        return CACHE.size();
    }
}
