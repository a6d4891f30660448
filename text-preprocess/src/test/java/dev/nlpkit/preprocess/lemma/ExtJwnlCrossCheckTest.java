package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lemma index we read from the extjwnl-data-wn30 jar is the one extJWNL itself serves from that jar:
 * every adverb lemma, and a systematic sample of the other indexes, is a lemma for both.
 */
class ExtJwnlCrossCheckTest {

    private static Dictionary dictionary;

    @BeforeAll
    static void openExtJwnl() throws JWNLException {
        dictionary = Dictionary.getDefaultResourceInstance();
    }

    @AfterAll
    static void closeExtJwnl() throws JWNLException {
        dictionary.close();
    }

    @Test
    void everyLemmaExtJwnlListsIsInOurIndex() throws JWNLException {
        WordNetLemmatizer wn = WordNetLemmatizer.load();
        int[] strides = {1, 97, 11, 37};
        POS[] parts = {POS.ADVERB, POS.NOUN, POS.VERB, POS.ADJECTIVE};
        PartOfSpeech[] ours = {PartOfSpeech.ADVERB, PartOfSpeech.NOUN, PartOfSpeech.VERB, PartOfSpeech.ADJECTIVE};
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (int p = 0; p < parts.length; p++) {
            Iterator<IndexWord> words = dictionary.getIndexWordIterator(parts[p]);
            int i = 0;
            while (words.hasNext()) {
                IndexWord word = words.next();
                if (i++ % strides[p] != 0) {
                    continue;
                }
                // extJWNL hands lemmas out with spaces; the index files (and NLTK) use underscores.
                String lemma = word.getLemma().replace(' ', '_');
                checked++;
                if (!wn.isLemma(lemma, ours[p])) {
                    missing.add(ours[p] + ":" + lemma);
                }
            }
        }
        assertThat(checked).isGreaterThan(4481 + 1000);
        assertThat(missing).isEmpty();
    }
}
