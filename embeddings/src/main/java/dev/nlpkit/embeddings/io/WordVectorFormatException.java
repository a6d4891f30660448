package dev.nlpkit.embeddings.io;

import java.io.IOException;
import java.nio.file.Path;

/** A word-vector or model file is malformed; the message names the file and the line or word index. */
public final class WordVectorFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A format error.
     *
     * @param file the file being read
     * @param where the line or word index, for example {@code line 17}
     * @param problem what was expected and what was found
     */
    public WordVectorFormatException(Path file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }

    /**
     * A format error with its underlying cause.
     *
     * @param file the file being read
     * @param where the line or word index, for example {@code line 17}
     * @param problem what was expected and what was found
     * @param cause the failure that revealed it
     */
    public WordVectorFormatException(Path file, String where, String problem, Throwable cause) {
        super(file + ": " + where + ": " + problem, cause);
    }
}
