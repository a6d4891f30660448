package dev.nlpkit.preprocess.corpus;

import java.util.Objects;

/**
 * One document read from a corpus file.
 *
 * @param label the class label after the reader's label mapping (Sentiment140: {@code negative},
 *              {@code neutral}, {@code positive}), or null for unlabelled text ({@link LineDocumentReader})
 * @param text  the document text, never blank
 * @param line  the 1-based line of the file (of the decompressed entry) on which the record starts
 */
public record LabelledText(String label, String text, long line) {

    /** Validates: text present, line positive. */
    public LabelledText {
        Objects.requireNonNull(text, "text");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
    }

    /**
     * Whether the record has a label.
     *
     * @return true when the label is not null
     */
    public boolean isLabelled() {
        return label != null;
    }
}
