package dev.nlpkit.examples.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.nlpkit.examples.data.Dataset;
import dev.nlpkit.examples.data.DatasetResolver;

/**
 * How a command finds the dataset it needs, the same way for every command: the path its option gives, else
 * {@code NLPKIT_DATA}, the cache, or a download with a progress bar ({@link DatasetResolver}); when all fail,
 * one message names the dataset, the URL and the exact path to place the file at.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * {@code explicit} when the user gave it (the command checks it as before), else the resolved dataset.
     *
     * @param option the command's option for a path of its own, named in the message when nothing is found
     */
    public static Path resolve(Dataset dataset, Path explicit, String option) {
        if (explicit != null) {
            return explicit;
        }
        return resolver().resolve(dataset, Optional.empty(), option, DataCommand.progressListener());
    }

    /** A local copy of {@code dataset} (NLPKIT_DATA or cache), without downloading. */
    public static Optional<Path> findLocal(Dataset dataset) {
        return resolver().findLocal(dataset);
    }

    private static DatasetResolver resolver() {
        return DatasetResolver.fromEnvironment(System.getenv());
    }
}
