package dev.nlpkit.recurrent.model;

import java.nio.file.Path;

/** A model file could not be read: not a model file, truncated, corrupted, or from a newer format version. */
public final class ModelFormatException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    ModelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
