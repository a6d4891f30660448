package dev.nlpkit.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Turns a complete downloaded file into the dataset's file or folder: extracts what the source's
 * {@link Extraction} names into a temporary sibling, checks size and checksum, and only then renames it into
 * place. On a mismatch nothing is left behind that could pass for the dataset.
 */
final class Installer {

    private Installer() {
    }

    /**
     * Installs {@code dataset} at {@code target} from {@code downloaded}, served by {@code source}.
     *
     * @throws DownloadException when the archive lacks the member, or size or checksum differ (the extracted
     *                           copy is deleted; {@code downloaded} is left to the caller)
     */
    static Path install(Dataset dataset, Source source, Path downloaded, Path target) throws IOException {
        Path staged = switch (source.extraction()) {
            case Extraction.AsIs asIs -> downloaded;
            case Extraction.Gunzip gunzip -> gunzip(downloaded, temporary(target), source);
            case Extraction.ZipMember member -> zipMember(downloaded, temporary(target), source, member.member());
            case Extraction.ZipFolder zipFolder -> zipFolder(downloaded, temporary(target), source,
                    zipFolder.prefix());
        };
        try {
            verify(dataset, source, staged);
            if (staged.equals(downloaded)) {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                deleteRecursively(target); // an empty or partial folder from an interrupted run
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } finally {
            if (!staged.equals(downloaded)) {
                deleteRecursively(staged);
            }
        }
    }

    /** Where extraction writes before the checksum is known to match. */
    static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + ".extracting");
    }

    private static void verify(Dataset dataset, Source source, Path staged) throws IOException {
        Checksums.Measured measured = Checksums.measure(dataset, staged);
        if (dataset.size().isPresent() && dataset.size().getAsLong() != measured.bytes()) {
            throw new DownloadException(what(dataset, source) + " has " + measured.bytes() + " bytes, expected "
                    + dataset.size().getAsLong());
        }
        if (dataset.sha256().isPresent() && !dataset.sha256().get().equals(measured.sha256())) {
            throw new DownloadException(what(dataset, source) + " has SHA-256 " + measured.sha256() + ", expected "
                    + dataset.sha256().get());
        }
        if (dataset.folder() && measured.bytes() == 0) {
            throw new DownloadException(what(dataset, source) + " holds no file matching "
                    + dataset.folderFiles().orElseThrow());
        }
    }

    private static String what(Dataset dataset, Source source) {
        return (source.extraction() == Extraction.NONE ? "" : dataset.fileName() + " from ") + source.url();
    }

    private static Path gunzip(Path archive, Path out, Source source) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (ZipException e) {
            Files.deleteIfExists(out);
            throw new DownloadException(source.url() + " is not a valid gzip file (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static Path zipMember(Path archive, Path out, Source source, String member) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(member);
            if (entry == null || entry.isDirectory()) {
                throw new DownloadException(source.url() + " has no member " + member);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException e) {
            throw new DownloadException(source.url() + " is not a valid zip file (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static Path zipFolder(Path archive, Path out, Source source, String prefix) throws IOException {
        deleteRecursively(out);
        Files.createDirectories(out);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
                // only the folder's own files: no subfolders, nothing that could climb out of it
                if (entry.isDirectory() || rest.isEmpty() || rest.contains("/") || rest.contains("\\")
                        || rest.equals("..") || rest.equals(".")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out.resolve(rest));
                }
            }
        } catch (ZipException e) {
            deleteRecursively(out);
            throw new DownloadException(source.url() + " is not a valid zip file (" + e.getMessage() + ")", e);
        }
        return out;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.delete(path);
        }
    }
}
