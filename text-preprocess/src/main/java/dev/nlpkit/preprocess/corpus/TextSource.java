package dev.nlpkit.preprocess.corpus;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
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
import java.util.zip.ZipException;
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
                case GZIP -> new TextSource(fileName, decode(gunzip(path, fileName), fileName, options), null);
                case ZIP -> openZipEntry(path, fileName, options);
            };
        } catch (NoSuchFileException e) {
            throw new CorpusException(fileName, 0, "file not found: " + path.toAbsolutePath(), e);
        } catch (ZipException e) {
            throw new CorpusException(fileName, 0, "is not a readable zip archive (" + e.getMessage()
                    + "); the file is truncated or corrupt", e);
        } catch (IOException e) {
            throw new CorpusException(fileName, 0, "cannot open " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** A gzip stream whose early end or corruption is reported with the byte offset reached. */
    private static InputStream gunzip(Path path, String fileName) throws IOException {
        CountingInputStream raw = new CountingInputStream(Files.newInputStream(path));
        try {
            return new DamageReporting(new GZIPInputStream(raw, 1 << 16), raw, fileName, "gzip stream");
        } catch (IOException e) {
            raw.close();
            throw DamageReporting.describe(e, raw.count, fileName, "gzip stream");
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
            CountingInputStream entry = new CountingInputStream(zip.getInputStream(chosen));
            TextSource source = new TextSource(name,
                    decode(new DamageReporting(entry, entry, name, "zip entry"), name, options), zip);
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
        if (files.isEmpty()) {
            throw new CorpusException(fileName, 0, "the zip archive is empty: it has no file entries");
        }
        if (wanted == null) {
            if (files.size() == 1) {
                return files.get(0);
            }
            throw new CorpusException(fileName, 0, "the zip archive has " + files.size() + " file entries ("
                    + listed(names) + "); name the one to read", null, CorpusException.Remedy.ZIP_ENTRY);
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
        throw new CorpusException(fileName, 0, "the zip archive has no single entry named " + Quoted.of(wanted)
                + "; its " + files.size() + " file entries: " + listed(names), null, CorpusException.Remedy.ZIP_ENTRY);
    }

    /** Up to five names, quoted, and how many more. */
    private static String listed(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(5, names.size()); i++) {
            out.append(i > 0 ? ", " : "").append(Quoted.of(names.get(i)));
        }
        if (names.size() > 5) {
            out.append(" and ").append(names.size() - 5).append(" more");
        }
        return out.toString();
    }

    private static DecodingReader decode(InputStream raw, String name, ReadOptions options) {
        return new DecodingReader(new BufferedInputStream(raw, 1 << 16), name, options.charset(), options.invalidBytes());
    }

    /** Counts the bytes read through it (the compressed bytes under a decompressor). */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /**
     * Turns a decompressor's bare {@code EOFException("Unexpected end of ZLIB input stream")} or
     * {@code ZipException} into a {@link CorpusException} saying where the compressed data ends or breaks.
     */
    private static final class DamageReporting extends FilterInputStream {
        private final CountingInputStream compressed;
        private final String name;
        private final String what;

        DamageReporting(InputStream in, CountingInputStream compressed, String name, String what) {
            super(in);
            this.compressed = compressed;
            this.name = name;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw describe(e, compressed.count, name, what);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                throw describe(e, compressed.count, name, what);
            }
        }

        static CorpusException describe(IOException e, long offset, String name, String what) {
            if (e instanceof EOFException) {
                return new CorpusException(name, 0, "the " + what + " ends early at about byte " + offset
                        + "; the file is truncated", e);
            }
            return new CorpusException(name, 0, "the " + what + " is corrupt at about byte " + offset + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); the file is damaged", e);
        }
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
