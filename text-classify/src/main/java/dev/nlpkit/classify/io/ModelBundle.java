package dev.nlpkit.classify.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

import dev.nlpkit.core.AtomicFiles;

/**
 * One versioned file holding named, length-prefixed sections, each written by the module that owns its content
 * (the sequence encoder by text-vectorize's {@code write(Writer)}, the network by recurrent's
 * {@code Sequential.save(OutputStream)}, the preprocessing by text-preprocess's {@code PreprocessOptionsFormat}). The container knows nothing about the contents; a section is just bytes with a name, so a
 * module can change its own format (with its own version header inside its section) without touching this one.
 *
 * <p>Layout, all integers little-endian:
 * <pre>
 * magic      8 bytes  "NLPKBNDL"
 * version    u32      {@value #FORMAT_VERSION}
 * sections   u32      number of sections
 * per section:
 *   name     u16 length + UTF-8 bytes (unique, non-blank, printable, at most 256 bytes)
 *   length   u64      payload bytes
 *   crc32    u32      CRC-32 of the payload
 *   payload  length bytes
 * end        8 bytes  "BNDL-END"
 * </pre>
 * The file is written atomically (temporary file, then rename). Reading checks the magic, refuses a newer format
 * version with a message to upgrade, and reports a truncated or corrupt file naming the section. Sections read from
 * a stream are held in memory (a model bundle is tens of megabytes at most); {@link #read(Path)} maps the file
 * instead, so a section's bytes are read in place ({@link #buffer}) rather than copied first.
 *
 * <pre>{@code
 * ModelBundle.builder()
 *         .text("options", w -> w.write(options.toString()))
 *         .text("vocabulary", vocabulary::write)
 *         .binary("network", model::save)          // Sequential.save(OutputStream)
 *         .build().write(Path.of("sentiment.nlpkit"));
 * ModelBundle bundle = ModelBundle.read(Path.of("sentiment.nlpkit"));
 * Vocabulary v = Vocabulary.read(new LineReader(bundle.reader("vocabulary"), "sentiment.nlpkit#vocabulary"));
 * }</pre>
 */
public final class ModelBundle {

    /** The container format this build writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "NLPKBNDL".getBytes(StandardCharsets.US_ASCII);

    /** The longest section name a bundle may hold, in UTF-8 bytes. */
    private static final int MAX_NAME_BYTES = 256;
    private static final byte[] END = "BNDL-END".getBytes(StandardCharsets.US_ASCII);

    /** Writes a section's bytes. */
    @FunctionalInterface
    public interface BinaryContent {
        /**
         * Writes the section's content; called once, while the section is added.
         *
         * @param out the section's byte stream; the bundle owns it, do not close it
         * @throws IOException when producing the content fails
         */
        void write(OutputStream out) throws IOException;
    }

    /** Writes a section's UTF-8 text. */
    @FunctionalInterface
    public interface TextContent {
        /**
         * Writes the section's content; called once, while the section is added.
         *
         * @param out a UTF-8 writer over the section; the bundle closes it
         * @throws IOException when producing the content fails
         */
        void write(Writer out) throws IOException;
    }

    /** Each section's payload from position 0 to its limit: a heap array, or a slice of a read-only mapping. */
    private final Map<String, ByteBuffer> sections;

    private ModelBundle(Map<String, ByteBuffer> sections) {
        this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /**
     * Starts a bundle to write.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Section names in file order.
     *
     * @return the names, unmodifiable
     */
    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /**
     * Whether the bundle holds a section (an optional one, or one a later format added).
     *
     * @param name the section's name
     * @return true when a section of that name was read
     */
    public boolean has(String name) {
        return sections.containsKey(name);
    }

    /**
     * The bytes of section {@code name}.
     *
     * @param name the section's name
     * @return a stream over the section's bytes
     * @throws BundleFormatException when the bundle has no such section, naming it
     */
    public InputStream open(String name) throws BundleFormatException {
        ByteBuffer payload = bytes(name);
        if (payload.hasArray()) {
            return new ByteArrayInputStream(payload.array(), payload.arrayOffset(), payload.limit());
        }
        return new InputStream() {
            private final ByteBuffer left = payload.duplicate();

            @Override
            public int read() {
                return left.hasRemaining() ? left.get() & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                if (!left.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(len, left.remaining());
                left.get(b, off, n);
                return n;
            }

            @Override
            public int available() {
                return left.remaining();
            }
        };
    }

    /**
     * The bytes of section {@code name} in place, without a copy: for a reader that takes a buffer, such as
     * recurrent's {@code Sequential.load(ByteBuffer)}.
     *
     * @param name the section's name
     * @return a read-only buffer over the section's bytes, position 0, limit its length, big-endian order
     * @throws BundleFormatException when the bundle has no such section, naming it
     */
    public ByteBuffer buffer(String name) throws BundleFormatException {
        return bytes(name).asReadOnlyBuffer();
    }

    /**
     * Section {@code name} as UTF-8 text.
     *
     * @param name the section's name
     * @return a reader over the section's text
     * @throws BundleFormatException when the bundle has no such section, naming it
     */
    public Reader reader(String name) throws BundleFormatException {
        return new StringReader(text(name));
    }

    /**
     * Section {@code name} as UTF-8 text, whole.
     *
     * @param name the section's name
     * @return the section's text
     * @throws BundleFormatException when the bundle has no such section, naming it
     */
    public String text(String name) throws BundleFormatException {
        return StandardCharsets.UTF_8.decode(bytes(name).duplicate()).toString();
    }

    /**
     * Size in bytes of section {@code name}.
     *
     * @param name the section's name
     * @return the section's length in bytes
     * @throws BundleFormatException when the bundle has no such section, naming it
     */
    public int size(String name) throws BundleFormatException {
        return bytes(name).limit();
    }

    private ByteBuffer bytes(String name) throws BundleFormatException {
        ByteBuffer payload = sections.get(name);
        if (payload == null) {
            throw new BundleFormatException("the model bundle has no section '" + name + "' (it has "
                    + sectionNames() + ")");
        }
        return payload;
    }

    /**
     * Writes the bundle to {@code target} atomically: through nlpkit-core's {@link AtomicFiles} (a hidden temporary file in the same
     * folder, flushed to the disk, then renamed over the target). A crash
     * while saving leaves the previous file as it was; the temporary file is removed on failure.
     *
     * @param target the bundle file; its folder must exist
     * @throws IOException when the folder is not writable or the disk is full (the target is then unchanged)
     */
    public void write(Path target) throws IOException {
        AtomicFiles.write(target, this::writeTo);
    }

    /**
     * Writes the bundle to a stream (not closed).
     *
     * @param out the stream to write to; not closed
     * @throws IOException when writing to {@code out} fails
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(MAGIC);
        out.write(littleEndianInt(FORMAT_VERSION));
        out.write(littleEndianInt(sections.size()));
        for (Map.Entry<String, ByteBuffer> section : sections.entrySet()) {
            byte[] name = section.getKey().getBytes(StandardCharsets.UTF_8);
            ByteBuffer payload = section.getValue();
            out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) name.length).array());
            out.write(name);
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(payload.limit()).array());
            out.write(littleEndianInt((int) crc32(payload)));
            if (payload.hasArray()) {
                out.write(payload.array(), payload.arrayOffset(), payload.limit());
            } else {
                Channels.newChannel(out).write(payload.duplicate());
            }
        }
        out.write(END);
    }

    /**
     * Reads a bundle file. The file is memory-mapped, so its sections are read in place (checksums verified, no
     * copy): {@link #buffer} and {@link #open} give views of the mapping. A mapping lives until the bundle and its
     * buffers are garbage; on Windows, where a mapped file cannot be replaced, the file is read into memory instead.
     *
     * @param file the bundle file
     * @return the bundle's sections, checksums verified
     * @throws BundleFormatException when the file is not a bundle, comes from a newer nlpkit, is truncated or
     *                               corrupt; the message names the file and the section
     * @throws IOException           when the file is missing or unreadable
     */
    public static ModelBundle read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "model bundle not found");
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return readFrom(in, file.toString());
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // The mapping stays valid after the channel is closed.
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return parse(Source.of(mapped), file.toString());
        }
    }

    /**
     * Reads a bundle from a stream.
     *
     * @param stream the bundle's bytes, read to the end marker; not closed
     * @param source what to call the stream in error messages (a file name)
     * @return the bundle's sections, checksums verified
     * @throws IOException when the stream fails or, as {@link BundleFormatException}, when its content is not a valid
     *                     bundle
     */
    public static ModelBundle readFrom(InputStream stream, String source) throws IOException {
        return parse(Source.of(stream), source);
    }

    /** Consecutive byte ranges of a bundle being read: from a stream (copied) or a mapped file (sliced). */
    private interface Source {
        /** The next {@code n} bytes, fewer only when the bundle ends first; position 0. */
        ByteBuffer next(int n) throws IOException;

        static Source of(InputStream in) {
            return n -> ByteBuffer.wrap(in.readNBytes(n));
        }

        static Source of(ByteBuffer bytes) {
            ByteBuffer left = bytes.duplicate();
            return n -> {
                ByteBuffer next = left.slice(left.position(), Math.min(n, left.remaining()));
                left.position(left.position() + next.limit());
                return next;
            };
        }
    }

    private static ModelBundle parse(Source in, String source) throws IOException {
        ByteBuffer magic = in.next(MAGIC.length);
        if (!magic.equals(ByteBuffer.wrap(MAGIC))) {
            throw new BundleFormatException(source + " is not an nlpkit model bundle (it does not start with "
                    + "NLPKBNDL)");
        }
        int version = readExactly(in, 4, source, "the format version").getInt();
        if (version > FORMAT_VERSION) {
            throw new BundleFormatException(source + " was written by a newer nlpkit (bundle format " + version
                    + "; this nlpkit reads up to format " + FORMAT_VERSION + "): upgrade nlpkit to load it");
        }
        if (version < 1) {
            throw new BundleFormatException(source + " has an invalid bundle format version " + version);
        }
        int count = readExactly(in, 4, source, "the section count").getInt();
        if (count < 0 || count > 10_000) {
            throw new BundleFormatException(source + " is corrupt: implausible section count " + count);
        }
        Map<String, ByteBuffer> sections = new LinkedHashMap<>();
        for (int s = 0; s < count; s++) {
            String where = "section " + (s + 1) + " of " + count;
            int nameLength = Short.toUnsignedInt(readExactly(in, 2, source, where + " (name length)").getShort());
            String name = sectionName(readExactly(in, nameLength, source, where + " (name)"), source, where);
            long length = readExactly(in, 8, source, "section '" + name + "' (length)").getLong();
            if (length < 0 || length > Integer.MAX_VALUE - 16) {
                throw new BundleFormatException(source + " is corrupt: section '" + name + "' declares " + length
                        + " bytes");
            }
            int crc = readExactly(in, 4, source, "section '" + name + "' (checksum)").getInt();
            ByteBuffer payload = in.next((int) length);
            if (payload.limit() < length) {
                throw new BundleFormatException(source + " is truncated: section '" + name + "' declares " + length
                        + " bytes but only " + payload.limit() + " remain");
            }
            if ((int) crc32(payload) != crc) {
                throw new BundleFormatException(source + " is corrupt: section '" + name
                        + "' does not match its checksum");
            }
            if (sections.put(name, payload) != null) {
                throw new BundleFormatException(source + " is corrupt: section '" + name + "' appears twice");
            }
        }
        ByteBuffer end = in.next(END.length);
        if (!end.equals(ByteBuffer.wrap(END))) {
            throw new BundleFormatException(source + " is truncated: the end marker after the last section is "
                    + (end.limit() < END.length ? "missing" : "wrong"));
        }
        return new ModelBundle(sections);
    }

    /**
     * A section name as read: short printable UTF-8 (the names we write are identifiers), else the file is corrupt;
     * the message then never repeats the bytes, which may be anything.
     */
    private static String sectionName(ByteBuffer bytes, String source, String where) throws BundleFormatException {
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder().decode(bytes.duplicate()).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            name = null;
        }
        if (name == null || bytes.limit() > MAX_NAME_BYTES || name.isBlank()
                || !name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F && !Character.isISOControl(c))) {
            throw new BundleFormatException(source + " is corrupt: the name of " + where + " is not short printable "
                    + "text (" + bytes.limit() + " bytes)");
        }
        return name;
    }

    /** The next {@code n} bytes, little-endian, or a message that the bundle ends inside {@code what}. */
    private static ByteBuffer readExactly(Source in, int n, String source, String what) throws IOException {
        ByteBuffer bytes = in.next(n);
        if (bytes.limit() < n) {
            throw new BundleFormatException(source + " is truncated: it ends inside " + what);
        }
        return bytes.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] littleEndianInt(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static long crc32(ByteBuffer payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.duplicate());
        return crc.getValue();
    }

    /** Collects sections in order; each content callback runs once, at {@link #binary}/{@link #text} time. */
    public static final class Builder {
        private final Map<String, ByteBuffer> sections = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a section of bytes.
         *
         * @param name the section's name: printable, at most 256 UTF-8 bytes, not already added
         * @param content writes the bytes, called now
         * @return this builder
         * @throws IOException when {@code content} fails
         */
        public Builder binary(String name, BinaryContent content) throws IOException {
            Objects.requireNonNull(content, "content");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.write(bytes);
            return put(name, bytes.toByteArray());
        }

        /**
         * Adds a section of UTF-8 text.
         *
         * @param name the section's name: printable, at most 256 UTF-8 bytes, not already added
         * @param content writes the text, called now
         * @return this builder
         * @throws IOException when {@code content} fails
         */
        public Builder text(String name, TextContent content) throws IOException {
            Objects.requireNonNull(content, "content");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                content.write(writer);
            }
            return put(name, bytes.toByteArray());
        }

        private Builder put(String name, byte[] payload) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a bundle section needs a non-blank name");
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
                    || !name.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F && !Character.isISOControl(c))) {
                throw new IllegalArgumentException("a bundle section name must be printable and at most "
                        + MAX_NAME_BYTES + " UTF-8 bytes, got " + name.length() + " characters");
            }
            if (sections.putIfAbsent(name, ByteBuffer.wrap(payload)) != null) {
                throw new IllegalArgumentException("bundle section '" + name + "' was added twice");
            }
            return this;
        }

        /**
         * The bundle of the sections added so far, in the order they were added.
         *
         * @return the bundle, ready to write
         */
        public ModelBundle build() {
            return new ModelBundle(sections);
        }
    }
}
