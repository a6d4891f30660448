package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement with NLTK 3.8's {@code WordNetLemmatizer} on golden/nltk_lemmas.tsv: (word, pos) pairs drawn
 * from Sentiment140 tweets and English prose, with NLTK's output made by golden/make_golden.py (Debian
 * python3-nltk reading the Debian WordNet 3.0 files; their lemma index and exception lists are identical to
 * the extjwnl-data-wn30 files, only synset offsets differ).
 */
class NltkReferenceListTest {

    /**
     * Pairs where we knowingly differ from NLTK, with the reason. Empty: with the same WordNet 3.0 data
     * there is no difference.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    record Row(String word, char pos, String nltkLemma, int line) {
    }

    private static List<Row> rows;

    @BeforeAll
    static void readReferenceList() throws IOException {
        rows = new ArrayList<>();
        try (InputStream stream = NltkReferenceListTest.class.getResourceAsStream("golden/nltk_lemmas.tsv");
             BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            assertThat(header).isEqualTo("word\tpos\tnltk_lemma");
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                String[] fields = line.split("\t", -1);
                assertThat(fields).as("line %d", number).hasSize(3);
                assertThat(fields[1]).as("line %d", number).hasSize(1);
                rows.add(new Row(fields[0], fields[1].charAt(0), fields[2], number));
            }
        }
    }

    @Test
    void referenceListIsLargeAndCoversTheIrregularForms() {
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rows).extracting(r -> r.word() + "/" + r.pos() + "->" + r.nltkLemma())
                .contains("geese/n->goose", "feet/n->foot", "mice/n->mouse", "ran/v->run", "was/v->be",
                        "better/a->good", "corpora/n->corpus");
        assertThat(rows).extracting(Row::pos).contains('n', 'v', 'a', 'r', 's');
    }

    @Test
    void everyPairAgreesWithNltk() {
        WordNetLemmatizer lemmatizer = WordNetLemmatizer.load();
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            String ours = lemmatizer.lemmatize(row.word(), PartOfSpeech.fromTag(row.pos()));
            String key = row.word() + "/" + row.pos();
            if (!ours.equals(row.nltkLemma()) && !KNOWN_DIFFERENCES.containsKey(key)) {
                mismatches.add("line " + row.line() + ": " + key + " NLTK=" + row.nltkLemma() + " ours=" + ours);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyKnownDifferenceIsStillADifference() {
        WordNetLemmatizer lemmatizer = WordNetLemmatizer.load();
        for (Row row : rows) {
            String key = row.word() + "/" + row.pos();
            if (KNOWN_DIFFERENCES.containsKey(key)) {
                assertThat(lemmatizer.lemmatize(row.word(), PartOfSpeech.fromTag(row.pos())))
                        .as(key).isNotEqualTo(row.nltkLemma());
            }
        }
    }
}
