package dev.nlpkit.examples.data;

/** Progress of one download; the CLI renders it as a progress bar. All methods default to no-ops. */
public interface DownloadListener {

    DownloadListener NONE = new DownloadListener() {
    };

    /**
     * @param totalBytes the full size when known, else -1
     * @param resumedAt  bytes already present from an earlier partial download (0 for a fresh one)
     */
    default void started(Dataset dataset, long totalBytes, long resumedAt) {
    }

    /** @param bytesSoFar bytes of the file present so far, including resumed ones */
    default void progress(long bytesSoFar) {
    }

    default void finished(long totalBytes) {
    }
}
