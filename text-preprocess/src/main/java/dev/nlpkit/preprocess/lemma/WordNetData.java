package dev.nlpkit.preprocess.lemma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The part of WordNet 3.0 that morphy needs, in memory: for each part of speech the set of lemmas of its
 * index file and the map of its exception list. Read once from the {@code extjwnl-data-wn30} jar on the
 * class path (resources {@code net/sf/extjwnl/data/wordnet/wn30/index.*} and {@code *.exc}).
 *
 * <p>Parsing follows NLTK 3.8's {@code WordNetCorpusReader} exactly: index lines that start with a space
 * are the licence header and skipped; a line's first field is the lemma and its second field the part of
 * speech it is filed under; an exception line is {@code inflected base [base...]}, and a later line for
 * the same inflected form replaces an earlier one.
 */
final class WordNetData {

    /** Where the extjwnl-data-wn30 jar keeps the Princeton files. */
    static final String RESOURCE_DIR = "net/sf/extjwnl/data/wordnet/wn30/";
    /** The Maven coordinates a user must add when the data is missing. */
    static final String DATA_COORDINATES = "net.sf.extjwnl:extjwnl-data-wn30:1.2";

    private final Map<PartOfSpeech, Set<String>> lemmas = new EnumMap<>(PartOfSpeech.class);
    private final Map<PartOfSpeech, Map<String, String[]>> exceptions = new EnumMap<>(PartOfSpeech.class);
    private final int longestLemma;

    private WordNetData(ClassLoader loader) {
        for (PartOfSpeech pos : PartOfSpeech.values()) {
            lemmas.put(pos, new HashSet<>());
        }
        int longest = 0;
        for (PartOfSpeech file : PartOfSpeech.values()) {
            String name = "index." + file.fileSuffix();
            try (BufferedReader in = open(loader, name)) {
                String line;
                long lineNumber = 0;
                while ((line = in.readLine()) != null) {
                    lineNumber++;
                    if (line.startsWith(" ") || line.isEmpty()) {
                        continue;
                    }
                    int space = line.indexOf(' ');
                    if (space <= 0 || space + 1 >= line.length()) {
                        throw new IllegalStateException(RESOURCE_DIR + name + ", line " + lineNumber
                                + ": expected 'lemma pos ...', found '" + abbreviate(line) + "'");
                    }
                    String lemma = line.substring(0, space);
                    PartOfSpeech filedUnder = PartOfSpeech.fromTag(line.charAt(space + 1));
                    lemmas.get(filedUnder).add(lemma);
                    longest = Math.max(longest, lemma.length());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read WordNet resource " + RESOURCE_DIR + name, e);
            }
            exceptions.put(file, readExceptions(loader, file.fileSuffix() + ".exc"));
        }
        this.longestLemma = longest;
    }

    /** Reads the data through {@code loader}; fails naming the Maven coordinates when it is absent. */
    static WordNetData load(ClassLoader loader) {
        if (loader.getResource(RESOURCE_DIR + "index.noun") == null) {
            throw new IllegalStateException("WordNet 3.0 data not found on the class path (resource "
                    + RESOURCE_DIR + "index.noun). The lemmatizer reads it from the extJWNL data jar: add the "
                    + "Maven dependency " + DATA_COORDINATES + " (groupId net.sf.extjwnl, artifactId "
                    + "extjwnl-data-wn30, version 1.2) or stop excluding it; on the module path, also pass "
                    + "--add-modules extjwnl.data.wn30 (no module requires it, so it is not resolved otherwise).");
        }
        return new WordNetData(loader);
    }

    /** Whether {@code form} is a lemma of the {@code pos} index. */
    boolean isLemma(String form, PartOfSpeech pos) {
        return lemmas.get(pos).contains(form);
    }

    /** The base forms the exception list gives for {@code form}, or null when it has no entry. */
    String[] exceptions(String form, PartOfSpeech pos) {
        return exceptions.get(pos).get(form);
    }

    /** The number of lemmas in the {@code pos} index. */
    int lemmaCount(PartOfSpeech pos) {
        return lemmas.get(pos).size();
    }

    /** The number of entries in the {@code pos} exception list. */
    int exceptionCount(PartOfSpeech pos) {
        return exceptions.get(pos).size();
    }

    /** The length of the longest lemma in any index. */
    int longestLemma() {
        return longestLemma;
    }

    private static Map<String, String[]> readExceptions(ClassLoader loader, String name) {
        Map<String, String[]> map = new HashMap<>();
        try (BufferedReader in = open(loader, name)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] terms = line.trim().split("\\s+");
                if (terms.length == 0 || terms[0].isEmpty()) {
                    continue;
                }
                String[] bases = new String[terms.length - 1];
                System.arraycopy(terms, 1, bases, 0, bases.length);
                map.put(terms[0], bases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WordNet resource " + RESOURCE_DIR + name, e);
        }
        return map;
    }

    private static BufferedReader open(ClassLoader loader, String name) {
        InputStream stream = loader.getResourceAsStream(RESOURCE_DIR + name);
        if (stream == null) {
            throw new IllegalStateException("WordNet 3.0 resource " + RESOURCE_DIR + name + " missing from the "
                    + "class path; the " + DATA_COORDINATES + " jar seems incomplete");
        }
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
