package dev.nlpkit.embeddings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The gensim golden values (golden/golden.tsv, made by golden/make_golden.py) and fixture paths. */
public final class Golden {

    private static final Map<String, List<String>> VALUES = load();

    private Golden() {
    }

    public static Path file(String name) {
        try {
            return Path.of(Golden.class.getResource("golden/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource golden/" + name, e);
        }
    }

    /** The cells of entry {@code key}. */
    public static List<String> cells(String key) {
        List<String> v = VALUES.get(key);
        if (v == null) {
            throw new IllegalStateException("golden.tsv has no entry '" + key + "'");
        }
        return v;
    }

    private static Map<String, List<String>> load() {
        try {
            Map<String, List<String>> map = new HashMap<>();
            for (String line : Files.readAllLines(file("golden.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                map.put(cells[0], List.of(Arrays.copyOfRange(cells, 1, cells.length)));
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
