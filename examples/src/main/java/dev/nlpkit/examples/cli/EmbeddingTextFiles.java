package dev.nlpkit.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import dev.nlpkit.classify.EmbeddingText;
import dev.nlpkit.preprocess.corpus.CorpusException;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.LineDocumentReader;

/**
 * The files of {@code sentiment train --embedding-text}: one sentence or paragraph per line, plain, .gz or .zip
 * (text-preprocess' {@link LineDocumentReader}: blank lines passed over, a decoding error names the file and line),
 * read in the order given and streamed, one file open at a time.
 */
final class EmbeddingTextFiles {

    private EmbeddingTextFiles() {
    }

    /**
     * Checks every file before any work: a readable, non-empty file holding at least one non-blank line.
     *
     * @throws IllegalArgumentException naming {@code --embedding-text} and the path otherwise
     */
    static void check(List<Path> files) {
        for (Path file : files) {
            String flag = "--embedding-text " + file;
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(flag + ": no such file");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(flag + ": not a file (give a text file, plain or .gz, one "
                        + "sentence or paragraph per line)");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(flag + ": cannot be read (permission denied)");
            }
            try {
                if (Files.size(file) == 0) {
                    throw new IllegalArgumentException(flag + ": the file is empty");
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(flag + ": cannot be read (" + e.getMessage() + ")", e);
            }
            try (LineDocumentReader reader = LineDocumentReader.open(file)) {
                if (!reader.iterator().hasNext()) {
                    throw new IllegalArgumentException(flag + ": holds no text (every line is blank)");
                }
            } catch (CorpusException e) {
                throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The files as one embedding text, named by their paths.
     *
     * @param files checked with {@link #check}
     * @return the text, its lines streamed file after file
     */
    static EmbeddingText of(List<Path> files) {
        String name = files.stream().map(Path::toString).collect(Collectors.joining(" + "));
        List<Path> copy = List.copyOf(files);
        return new EmbeddingText(name, () -> new Lines(copy));
    }

    /** The non-blank lines of the files in order; each file is closed when its last line has been read. */
    private static final class Lines implements Iterator<String> {
        private final List<Path> files;
        private int nextFile;
        private LineDocumentReader reader;
        private Iterator<LabelledText> current;

        Lines(List<Path> files) {
            this.files = files;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (reader != null) {
                    reader.close();
                    reader = null;
                    current = null;
                }
                if (nextFile == files.size()) {
                    return false;
                }
                reader = LineDocumentReader.open(files.get(nextFile++));
                current = reader.iterator();
            }
            return true;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next().text();
        }
    }
}
