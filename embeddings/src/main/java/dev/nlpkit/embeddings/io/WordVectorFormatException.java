package dev.nlpkit.embeddings.io;

import java.io.IOException;
import java.nio.file.Path;

/** A word-vector or model file is malformed; the message names the file and the line or word index. */
public final class WordVectorFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WordVectorFormatException(Path file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }

    public WordVectorFormatException(Path file, String where, String problem, Throwable cause) {
        super(file + ": " + where + ": " + problem, cause);
    }
}
