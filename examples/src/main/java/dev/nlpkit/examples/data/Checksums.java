package dev.nlpkit.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Size and SHA-256 of a dataset's local copy, as {@link Dataset#sha256()} defines them. */
public final class Checksums {

    /**
     * Size and checksum of a local copy.
     *
     * @param bytes  its size (a folder: of the covered files)
     * @param sha256 lower-case hex
     */
    public record Measured(long bytes, String sha256) {
    }

    private Checksums() {
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Measures {@code local} the way {@code dataset} records it: a file's own bytes, or for a folder the total
     * bytes of the files {@link Dataset#folderFiles()} matches and the SHA-256 of the text {@code sha256sum}
     * prints for them in name order ({@code "<hex>  <name>\n"} per file), so that
     * {@code sha256sum FILES | sha256sum} reproduces it.
     */
    public static Measured measure(Dataset dataset, Path local) throws IOException {
        if (!dataset.folder()) {
            return new Measured(Files.size(local), sha256(local));
        }
        StringBuilder listing = new StringBuilder();
        long bytes = 0;
        for (Path file : folderFiles(dataset, local)) {
            bytes += Files.size(file);
            listing.append(sha256(file)).append("  ").append(file.getFileName()).append('\n');
        }
        return new Measured(bytes, HexFormat.of().formatHex(newDigest().digest(
                listing.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** The files of a folder dataset that its checksum covers, in name order. */
    public static List<Path> folderFiles(Dataset dataset, Path folder) throws IOException {
        Pattern files = Pattern.compile(dataset.folderFiles().orElseThrow());
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).filter(p -> files.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
