package dev.nlpkit.preprocess.stop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.IOUtils;

/**
 * An immutable named stop-word list. Sources: Lucene's English default (33 words), an English list equal to
 * NLTK's 179-word {@code stopwords.words('english')}, SMART (571 lines, 570 distinct words), a file, or any
 * collection. Words are compared after the pipeline's lower-casing, so lists are stored lower-case.
 *
 * <pre>{@code
 * StopWords nltk = StopWords.nltkEnglish();                 // 179 words
 * StopWords forTweets = nltk.withoutNegations();            // keeps not, no, nor, don't, isn't, ...
 * StopWords mine = StopWords.fromFile(Path.of("stop.txt")); // one word per line, '#' comments
 * }</pre>
 */
public final class StopWords {

    /**
     * Words that negate, which sentiment analysis must keep: {@code not no nor never n't cannot} and similar,
     * every word ending in {@code n't}, and the {@code n't}-less fragments that NLTK's list contains
     * ({@code don}, {@code isn}, ...: what {@code don't} leaves when the apostrophe is split off).
     */
    public static final Set<String> NEGATIONS = Set.of("not", "no", "nor", "never", "n't", "cannot", "neither",
            "none", "nobody", "nothing", "nowhere", "without", "ain", "aren", "couldn", "didn", "doesn", "don",
            "hadn", "hasn", "haven", "isn", "mightn", "mustn", "needn", "shan", "shouldn", "wasn", "weren", "won",
            "wouldn");

    private final String name;
    private final Set<String> words;

    private StopWords(String name, Collection<String> words) {
        this.name = name;
        TreeSet<String> sorted = new TreeSet<>();
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("stop list '" + name + "' contains an empty word");
            }
            sorted.add(w);
        }
        this.words = Collections.unmodifiableSet(sorted);
    }

    /**
     * Any collection of words, used as given (lower-case them if the pipeline lower-cases).
     *
     * @param name what to call the list in descriptions, for example {@code my-list}
     * @param words the words; copied
     * @return the list
     */
    public static StopWords of(String name, Collection<String> words) {
        Objects.requireNonNull(name, "name");
        return new StopWords(name, List.copyOf(words));
    }

    /**
     * Lucene's {@code EnglishAnalyzer.ENGLISH_STOP_WORDS_SET} (33 words).
     *
     * @return the list
     */
    public static StopWords luceneEnglish() {
        TreeSet<String> words = new TreeSet<>();
        for (Object o : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.add(new String((char[]) o));
        }
        return new StopWords("lucene-english", words);
    }

    /**
     * Snowball's English stop list, as bundled with Lucene ({@code snowball/english_stop.txt}, 174 words).
     *
     * @return the list
     */
    public static StopWords snowballEnglish() {
        // Through Lucene's own resource loader, not SnowballFilter.class.getResourceAsStream: on the module path
        // Lucene opens its snowball package to org.apache.lucene.core only, so a read from our module finds nothing.
        try (InputStream in = new ClasspathResourceLoader(SnowballFilter.class).openResource("english_stop.txt");
                Reader r = IOUtils.getDecodingReader(in, StandardCharsets.UTF_8)) {
            CharArraySet set = org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(r);
            TreeSet<String> words = new TreeSet<>();
            for (Object o : set) {
                words.add(new String((char[]) o));
            }
            return new StopWords("snowball-english", words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lucene's bundled snowball/english_stop.txt (is "
                    + "lucene-analysis-common on the class or module path?)", e);
        }
    }

    /**
     * A list equal to NLTK's English stop words (the 179-word version of NLTK 3.8's data), built from
     * Snowball's English list, from which NLTK's list was made: Snowball's pronoun contractions and modals
     * are dropped, and the pieces that NLTK's tokenizers leave of contractions are added.
     *
     * @return the list
     */
    public static StopWords nltkEnglish() {
        TreeSet<String> words = new TreeSet<>(snowballEnglish().words);
        // In Snowball's list, not in NLTK's: contractions with pronouns, and five words.
        words.removeAll(List.of("can't", "cannot", "could", "ought", "would", "let's",
                "he'd", "he'll", "he's", "here's", "how's", "i'd", "i'll", "i'm", "i've", "she'd", "she'll",
                "that's", "there's", "they'd", "they'll", "they're", "they've", "we'd", "we'll", "we're", "we've",
                "what's", "when's", "where's", "who's", "why's"));
        // In NLTK's list only: fragments of split contractions ("don" + "'t", "ve" from "'ve", ...),
        // four more words, and four contractions.
        words.addAll(List.of("ain", "aren", "couldn", "didn", "doesn", "don", "hadn", "hasn", "haven", "isn", "ma",
                "mightn", "mustn", "needn", "shan", "shouldn", "wasn", "weren", "won", "wouldn",
                "d", "ll", "m", "o", "re", "s", "t", "ve", "y",
                "can", "just", "now", "will",
                "mightn't", "needn't", "should've", "that'll"));
        return new StopWords("nltk-english", words);
    }

    /**
     * The SMART stop list (Salton's SMART system, Cornell {@code english.stop}; as distributed in the RAKE
     * project under the MIT licence, see the header of the bundled file): 571 lines, 570 distinct words.
     *
     * @return the list
     */
    public static StopWords smart() {
        try (InputStream in = StopWords.class.getResourceAsStream("smart-english.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/nlpkit/preprocess/stop/smart-english.txt is missing");
            }
            return new StopWords("smart", read(new InputStreamReader(in, StandardCharsets.UTF_8), "smart-english.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled SMART stop list", e);
        }
    }

    /**
     * A UTF-8 file, one word per line; blank lines and lines starting with {@code #} are skipped, words are
     * trimmed and lower-cased (Locale.ROOT).
     *
     * @param file the UTF-8 file
     * @return the list, named after the file
     * @throws UncheckedIOException naming the file (and the line, for bytes that are not UTF-8)
     */
    public static StopWords fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stop-word file " + file + ": " + e, e);
        }
        List<String> words = new java.util.ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineStart = 0;
        int lineNo = 0;
        while (lineStart < bytes.length) {
            int lineEnd = lineStart;
            while (lineEnd < bytes.length && bytes[lineEnd] != '\n') {
                lineEnd++;
            }
            lineNo++;
            String line;
            try {
                line = decoder.decode(java.nio.ByteBuffer.wrap(bytes, lineStart, lineEnd - lineStart)).toString();
            } catch (CharacterCodingException e) {
                throw new UncheckedIOException("stop-word file " + file + " line " + lineNo + ": not valid UTF-8", e);
            }
            String w = line.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
            lineStart = lineEnd + 1;
        }
        return new StopWords(file.getFileName().toString(), words);
    }

    private static List<String> read(Reader reader, String source) throws IOException {
        List<String> words = new java.util.ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        while ((line = br.readLine()) != null) {
            String w = line.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * This list without {@link #NEGATIONS} and without any word ending in {@code n't}.
     *
     * @return a new list, named with a {@code minus negations} suffix
     */
    public StopWords withoutNegations() {
        TreeSet<String> kept = new TreeSet<>();
        for (String w : words) {
            if (!NEGATIONS.contains(w) && !w.endsWith("n't")) {
                kept.add(w);
            }
        }
        return new StopWords(name + " minus negations", kept);
    }

    /**
     * The list's name, as shown in descriptions of a pipeline.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The words, sorted, unmodifiable.
     *
     * @return the words
     */
    public Set<String> words() {
        return words;
    }

    /**
     * The number of words.
     *
     * @return the number of distinct words
     */
    public int size() {
        return words.size();
    }

    /**
     * Whether {@code word} is listed (exact, case-sensitive).
     *
     * @param word a token
     * @return true when listed
     */
    public boolean contains(String word) {
        return words.contains(word);
    }

    /**
     * The words as Lucene's {@code CharArraySet} (case-sensitive) for a {@code StopFilter}.
     *
     * @return an unmodifiable copy of the words
     */
    public CharArraySet toCharArraySet() {
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StopWords s && s.name.equals(name) && s.words.equals(words);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + words.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + words.size() + " words)";
    }
}
