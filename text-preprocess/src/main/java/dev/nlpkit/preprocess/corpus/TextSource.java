package dev.nlpkit.preprocess.corpus;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An open corpus file: the decompressed, decoded character stream and the name to use in messages
 * ({@code file.csv.gz}, or {@code archive.zip!entry.csv}). Compression is detected from the first bytes
 * under {@link Compression#AUTO}.
 */
final class TextSource implements Closeable {

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private final String name;
    private final DecodingReader reader;
    private final ZipFile zip;

    private TextSource(String name, DecodingReader reader, ZipFile zip) {
        this.name = name;
        this.reader = reader;
        this.zip = zip;
    }

    static TextSource open(Path path, ReadOptions options) {
        String fileName = String.valueOf(path.getFileName());
        try {
            Compression compression = options.compression() == Compression.AUTO ? detect(path) : options.compression();
            return switch (compression) {
                case NONE, AUTO -> new TextSource(fileName, decode(Files.newInputStream(path), fileName, options), null);
                case GZIP -> new TextSource(fileName,
                        decode(new GZIPInputStream(Files.newInputStream(path), 1 << 16), fileName, options), null);
                case ZIP -> openZipEntry(path, fileName, options);
            };
        } catch (NoSuchFileException e) {
            throw new CorpusException(fileName, 0, "file not found: " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new CorpusException(fileName, 0, "cannot open " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Compression detect(Path path) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 2 && (head[0] & 0xff) == GZIP_MAGIC_0 && (head[1] & 0xff) == GZIP_MAGIC_1) {
            return Compression.GZIP;
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Compression.ZIP;
        }
        return Compression.NONE;
    }

    private static TextSource openZipEntry(Path path, String fileName, ReadOptions options) throws IOException {
        ZipFile zip = new ZipFile(path.toFile());
        try {
            List<ZipEntry> files = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                String base = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (!entry.isDirectory() && !entryName.startsWith("__MACOSX/") && !base.startsWith(".")) {
                    files.add(entry);
                }
            }
            ZipEntry chosen = choose(files, options.zipEntry(), fileName);
            String name = fileName + "!" + chosen.getName();
            TextSource source = new TextSource(name, decode(zip.getInputStream(chosen), name, options), zip);
            zip = null; // now owned by the source
            return source;
        } finally {
            if (zip != null) {
                zip.close();
            }
        }
    }

    private static ZipEntry choose(List<ZipEntry> files, String wanted, String fileName) {
        List<String> names = files.stream().map(ZipEntry::getName).toList();
        if (wanted == null) {
            if (files.size() == 1) {
                return files.get(0);
            }
            throw new CorpusException(fileName, 0, "zip archive has " + files.size() + " file entries " + names
                    + "; name the one to read with ReadOptions.withZipEntry(...)");
        }
        for (ZipEntry entry : files) {
            if (entry.getName().equals(wanted)) {
                return entry;
            }
        }
        List<ZipEntry> byFileName = files.stream()
                .filter(e -> e.getName().substring(e.getName().lastIndexOf('/') + 1).equals(wanted)).toList();
        if (byFileName.size() == 1) {
            return byFileName.get(0);
        }
        throw new CorpusException(fileName, 0, "zip archive has no single entry named '" + wanted + "'; its file entries: "
                + names);
    }

    private static DecodingReader decode(InputStream raw, String name, ReadOptions options) {
        return new DecodingReader(new BufferedInputStream(raw, 1 << 16), name, options.charset(), options.invalidBytes());
    }

    /** The name for messages. */
    String name() {
        return name;
    }

    /** The decoded text. */
    DecodingReader reader() {
        return reader;
    }

    @Override
    public void close() {
        try {
            reader.close();
            if (zip != null) {
                zip.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }
}
