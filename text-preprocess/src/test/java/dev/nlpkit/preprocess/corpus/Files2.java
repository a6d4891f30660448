package dev.nlpkit.preprocess.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small fixture writers for the reader tests. */
final class Files2 {

    private Files2() {
    }

    static Path write(Path dir, String name, String text, Charset charset) throws IOException {
        return write(dir, name, text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    static Path gzip(Path dir, String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(bytes);
        }
        return path;
    }

    /** A zip with the given entries: name, bytes, name, bytes, ... */
    static Path zip(Path dir, String name, Object... entries) throws IOException {
        Path path = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) entries[i]));
                out.write((byte[]) entries[i + 1]);
                out.closeEntry();
            }
        }
        return path;
    }

    static List<LabelledText> readAll(CorpusReader reader) {
        List<LabelledText> all = new ArrayList<>();
        try (reader) {
            reader.forEach(all::add);
        }
        return all;
    }
}
