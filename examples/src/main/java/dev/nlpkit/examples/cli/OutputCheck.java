package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every file a command will write before the command reads any data, so a mistake costs nothing: the
 * parent folder exists or can be made and is writable, the path is not a folder, not a device, not one of the
 * command's inputs, and an existing file is replaced only when it is one of ours ({@link #isOurs(Path)}) or
 * {@code --force} was given. A failure is an {@link IllegalArgumentException} naming the flag, the path and the
 * reason. The check creates nothing; the writer creates missing folders when it writes.
 */
final class OutputCheck {

    /** First bytes of the files nlpkit writes: sentiment bundle, Word2Vec model, FastText model, recurrent model, PNG. */
    private static final List<byte[]> MAGICS = List.of(
            "NLPKBNDL".getBytes(StandardCharsets.US_ASCII),
            "NLPKW2VM".getBytes(StandardCharsets.US_ASCII),
            "NLPKFTXT".getBytes(StandardCharsets.US_ASCII),
            new byte[] {'N', 'L', 'P', 'K', 'R', 'N', 'N', 0},
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** The header line of word2vec's text and binary vector files: {@code <count> <dimension>}. */
    private static final Pattern WORD2VEC_HEADER = Pattern.compile("[0-9]{1,12} [0-9]{1,9}\r?\n");

    private final boolean force;
    private final Map<String, Path> inputs = new LinkedHashMap<>();
    private final Map<Path, String> outputs = new LinkedHashMap<>();

    private OutputCheck(boolean force) {
        this.force = force;
    }

    /** A check for one command; {@code force}: existing files that are not ours may be replaced. */
    static OutputCheck of(boolean force) {
        return new OutputCheck(force);
    }

    /** Declares an input (ignored when null), named as the user gave it: a flag or a parameter label. */
    OutputCheck input(String name, Path file) {
        if (file != null) {
            inputs.put(name, file);
        }
        return this;
    }

    /** Checks an output file named by {@code flag}; returns it. */
    Path file(String flag, Path file) {
        Path target = absolute(flag, file, "a file");
        String where = flag + " " + Messages.quote(file);
        checkFile(where, flag, target);
        checkParent(where, target.getParent());
        return file;
    }

    /** Checks an output folder named by {@code flag} and the files the command will write into it; returns it. */
    Path folder(String flag, Path folder, List<String> fileNames) {
        Path target = absolute(flag, folder, "a folder");
        String where = flag + " " + Messages.quote(folder);
        if (Files.exists(target)) {
            String input = inputNamed(target);
            if (input != null) {
                throw new IllegalArgumentException(where + ": is the input file " + input);
            }
            if (!Files.isDirectory(target)) {
                throw new IllegalArgumentException(where + ": is a file, not a folder");
            }
            if (!Files.isWritable(target)) {
                throw new IllegalArgumentException(where + ": permission denied (cannot write in this folder)");
            }
            for (String name : fileNames) {
                Path inside = target.resolve(name);
                checkFile(flag + " " + Messages.quote(folder.resolve(name)), flag, inside);
            }
        } else {
            checkParent(where, target.getParent());
            for (String name : fileNames) {
                claim(flag, target.resolve(name));
            }
        }
        return folder;
    }

    /** Whether an existing file starts as one of nlpkit's formats (see {@link #MAGICS}, {@link #WORD2VEC_HEADER}). */
    static boolean isOurs(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(32);
        } catch (IOException e) {
            return false;
        }
        for (byte[] magic : MAGICS) {
            if (head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        String start = new String(head, StandardCharsets.ISO_8859_1);
        int newline = start.indexOf('\n');
        return newline > 0 && WORD2VEC_HEADER.matcher(start.substring(0, newline + 1)).matches();
    }

    private Path absolute(String flag, Path path, String what) {
        if (path == null || path.toString().isBlank()) {
            throw new IllegalArgumentException(flag + " must name " + what + ", got ''");
        }
        try {
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(flag + " " + Messages.quote(path.toString()) + ": not a valid path");
        }
    }

    private void checkFile(String where, String flag, Path target) {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(where + ": is a folder, not a file");
        }
        if (Files.exists(target)) {
            String input = inputNamed(target);
            if (input != null) {
                throw new IllegalArgumentException(where + ": is the input file " + input);
            }
            if (!Files.isRegularFile(target)) {
                throw new IllegalArgumentException(where + ": is not a regular file (a device or a pipe); "
                        + "name a file to write");
            }
            if (!Files.isWritable(target)) {
                throw new IllegalArgumentException(where + ": permission denied (the file is read-only)");
            }
            if (!force && !isOurs(target)) {
                throw new IllegalArgumentException(where + ": exists and is not an nlpkit file; pass --force to "
                        + "replace it");
            }
        }
        claim(flag, target);
    }

    /** The parent must be a writable folder, or missing below a writable folder (then the writer makes it). */
    private static void checkParent(String where, Path parent) {
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException(where + ": no existing folder above it");
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(where + ": " + Messages.quote(existing) + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(where + ": permission denied (cannot write in "
                    + Messages.quote(existing) + ")");
        }
    }

    private void claim(String flag, Path target) {
        String earlier = outputs.putIfAbsent(target, flag);
        if (earlier != null && !earlier.equals(flag)) {
            throw new IllegalArgumentException(flag + " and " + earlier + " name the same file "
                    + Messages.quote(target));
        }
    }

    private String inputNamed(Path target) {
        List<String> same = new ArrayList<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            try {
                if (Files.exists(input.getValue()) && Files.isSameFile(target, input.getValue())) {
                    same.add(input.getKey());
                }
            } catch (IOException e) {
                // unreadable input: the reader reports it
            }
        }
        return same.isEmpty() ? null : String.join(" and ", same);
    }
}
