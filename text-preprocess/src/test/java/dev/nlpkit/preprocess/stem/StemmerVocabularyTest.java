package dev.nlpkit.preprocess.stem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.testdata.SharedData;

/**
 * The stemming stages against the reference vocabularies of snowballstem/snowball-data (42,603 Porter words,
 * 42,649 Porter2 words, in the shared data; not copied here).
 */
class StemmerVocabularyTest {

    /** Why Lucene's Porter (Martin Porter's C implementation) departs from the 1980 paper's strict output. */
    enum PorterDeparture {
        /** Step 2 of the C version maps -bli to -ble (the paper has -abli -> -able only). */
        BLI_TO_BLE,
        /** Step 2 of the C version maps -logi to -log (not in the paper). */
        LOGI_TO_LOG,
        /** The C version leaves words of one or two letters alone (the paper strips the final s). */
        SHORT_WORDS_KEPT
    }

    private static final Map<String, PorterDeparture> PORTER_DEPARTURES = new LinkedHashMap<>();

    static {
        for (String w : List.of("assemblies", "assembly", "audibly", "corruptibly", "credibly", "demnebly", "dissembly",
                "dumbly", "forcibly", "horribly", "humbly", "ignobly", "imperceptibly", "inaudibly", "incredibly",
                "indelibly", "inexpressibly", "infallibly", "insensibly", "intelligibly", "invisibly", "irascibly",
                "irresistibly", "legibly", "nimbly", "ostensibly", "perceptibly", "plausibly", "possibly", "sensibly",
                "stubbly", "superbly", "terribly", "visibly", "volubly")) {
            PORTER_DEPARTURES.put(w, PorterDeparture.BLI_TO_BLE);
        }
        for (String w : List.of("analogies", "analogy", "apologies", "apology", "archaeologies", "archaeology",
                "entomology", "etymology", "ornithology", "palynologies", "palynology", "philologies", "philology",
                "phonologies", "phonology", "phraseology", "physiology", "psychology")) {
            PORTER_DEPARTURES.put(w, PorterDeparture.LOGI_TO_LOG);
        }
        for (String w : List.of("'s", "as", "ay", "es", "ey", "is", "ms", "ns", "os", "rs", "s", "ts", "us", "uy")) {
            PORTER_DEPARTURES.put(w, PorterDeparture.SHORT_WORDS_KEPT);
        }
    }

    /** Why Lucene 10.6's bundled Snowball English stemmer differs from the newer reference output. */
    enum Porter2Difference {
        /** Later Snowball adds the step-2 rule -ogist -> -og (geologist -> geolog). */
        OGIST_TO_OG,
        /** Later Snowball adds R1 prefix exceptions past-, univers-, later-, emerg-, organ-, inter- ... */
        R1_PREFIX_EXCEPTIONS,
        /** Later Snowball adds exceptional forms: evening(s) kept, hying -> hie, vying -> vie. */
        EXCEPTIONAL_FORMS
    }

    private static final Map<String, Porter2Difference> PORTER2_DIFFERENCES = new LinkedHashMap<>();

    static {
        for (String w : List.of("apologists", "archaeologists", "entomologist", "genealogist", "geologist",
                "geologists", "oncologist", "oncologists", "ornithologist", "ornithologists", "psychologist")) {
            PORTER2_DIFFERENCES.put(w, Porter2Difference.OGIST_TO_OG);
        }
        for (String w : List.of("emergencies", "emergency", "interfered", "interfering", "internal", "internality",
                "internalization", "internalize", "internalized", "internalizes", "internally", "internalness",
                "international", "internationally", "internationals", "internment", "internments", "interval",
                "intervals", "lateral", "laterally", "organic", "organically", "organism", "organization",
                "organizations", "organize", "organized", "paste", "pasted", "pasting", "universal", "universally",
                "universities", "university")) {
            PORTER2_DIFFERENCES.put(w, Porter2Difference.R1_PREFIX_EXCEPTIONS);
        }
        for (String w : List.of("evening", "evenings", "hying", "vying")) {
            PORTER2_DIFFERENCES.put(w, Porter2Difference.EXCEPTIONAL_FORMS);
        }
    }

    private static Analyzer stemmerOnly(Stemmer stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, Stemmers.wrap(source, stemmer));
            }
        };
    }

    private static String stem(Analyzer analyzer, String word) throws IOException {
        try (TokenStream ts = analyzer.tokenStream("w", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            assertThat(ts.incrementToken()).isTrue();
            String s = term.toString();
            ts.end();
            return s;
        }
    }

    /** word -> [reference, ours] for every word where ours differs from the reference. */
    private static Map<String, String[]> differences(String folder, Stemmer stemmer) throws IOException {
        Path voc = SharedData.require("stemmer-vocabularies/" + folder + "/voc.txt");
        Path out = SharedData.require("stemmer-vocabularies/" + folder + "/output.txt");
        List<String> words = Files.readAllLines(voc, StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(words).hasSameSizeAs(expected);
        Map<String, String[]> diff = new TreeMap<>();
        try (Analyzer a = stemmerOnly(stemmer)) {
            for (int i = 0; i < words.size(); i++) {
                String ours = stem(a, words.get(i));
                if (!ours.equals(expected.get(i))) {
                    diff.put(words.get(i), new String[] {expected.get(i), ours});
                }
            }
        }
        return diff;
    }

    @Test
    void porterAgreesWithTheReferenceExceptTheListedDepartures() throws IOException {
        Map<String, String[]> diff = differences("porter", Stemmer.PORTER);
        assertThat(diff.keySet()).containsExactlyInAnyOrderElementsOf(PORTER_DEPARTURES.keySet());
        assertThat(PORTER_DEPARTURES).hasSize(67);
        for (var e : diff.entrySet()) {
            String word = e.getKey();
            String reference = e.getValue()[0];
            String ours = e.getValue()[1];
            switch (PORTER_DEPARTURES.get(word)) {
                case SHORT_WORDS_KEPT -> assertThat(ours).as(word).isEqualTo(word);
                case LOGI_TO_LOG -> assertThat(reference).as(word).endsWith("logi");
                case BLI_TO_BLE -> assertThat(reference).as(word).endsWith("bli");
            }
        }
    }

    @Test
    void porterAgreesWithNltkMartinExtensionsOnTheWholeVocabulary() throws IOException {
        // golden/nltk_porter_martin_departures.tsv: the words where NLTK (MARTIN_EXTENSIONS) differs from the
        // reference, with NLTK's stem (made by golden/make_golden.py). Where NLTK agrees with the reference,
        // ours must agree with the reference (previous test); where it does not, ours must equal NLTK's stem.
        Map<String, String> nltk = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("golden/nltk_porter_martin_departures.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    String[] f = line.split("\t", -1);
                    nltk.put(f[0], f[2]);
                }
            }
        }
        Map<String, String[]> diff = differences("porter", Stemmer.PORTER);
        assertThat(nltk.keySet()).isEqualTo(diff.keySet());
        List<String> disagreements = new ArrayList<>();
        diff.forEach((word, refAndOurs) -> {
            if (!refAndOurs[1].equals(nltk.get(word))) {
                disagreements.add(word + ": ours " + refAndOurs[1] + ", nltk " + nltk.get(word));
            }
        });
        assertThat(disagreements).isEmpty();
    }

    @Test
    void porter2AgreesWithTheReferenceExceptTheListedLaterSnowballChanges() throws IOException {
        Map<String, String[]> diff = differences("english", Stemmer.PORTER2);
        assertThat(diff.keySet()).containsExactlyInAnyOrderElementsOf(PORTER2_DIFFERENCES.keySet());
        for (var e : diff.entrySet()) {
            String word = e.getKey();
            String reference = e.getValue()[0];
            String ours = e.getValue()[1];
            switch (PORTER2_DIFFERENCES.get(word)) {
                case OGIST_TO_OG -> assertThat(reference).as(word).endsWith("og");
                case R1_PREFIX_EXCEPTIONS -> assertThat(ours.length()).as(word).isLessThan(reference.length());
                case EXCEPTIONAL_FORMS -> assertThat(reference).as(word).isIn("evening", "hie", "vie");
            }
        }
    }

    @Test
    void kstemAndMinimalStemmerDoWhatTheyPromise() throws IOException {
        try (Analyzer k = stemmerOnly(Stemmer.KSTEM); Analyzer m = stemmerOnly(Stemmer.ENGLISH_MINIMAL)) {
            // KStem only stems to words in its dictionary (Lucene's KStemData)
            assertThat(stem(k, "cats")).isEqualTo("cat");
            assertThat(stem(k, "horses")).isEqualTo("horse");
            assertThat(stem(k, "walked")).isEqualTo("walk");
            assertThat(stem(k, "queries")).isEqualTo("query");
            assertThat(stem(m, "dogs")).isEqualTo("dog");
            assertThat(stem(m, "running")).isEqualTo("running");
            assertThat(stem(m, "queries")).isEqualTo("query");
        }
    }
}
