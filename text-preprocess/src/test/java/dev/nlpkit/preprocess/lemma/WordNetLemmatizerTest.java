package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class WordNetLemmatizerTest {

    private final WordNetLemmatizer wn = WordNetLemmatizer.load();

    @Test
    void nounIsTheDefaultPartOfSpeech() {
        assertThat(wn.lemmatize("geese")).isEqualTo("goose");
        assertThat(wn.lemmatize("churches")).isEqualTo("church");
        assertThat(wn.lemmatize("running")).isEqualTo("running");
    }

    @Test
    void explicitPartOfSpeechUsesItsRulesAndExceptions() {
        assertThat(wn.lemmatize("running", PartOfSpeech.VERB)).isEqualTo("run");
        assertThat(wn.lemmatize("better", PartOfSpeech.ADJECTIVE)).isEqualTo("good");
        assertThat(wn.lemmatize("better", PartOfSpeech.ADVERB)).isEqualTo("well");
        assertThat(wn.lemmatize("happier", PartOfSpeech.ADJECTIVE)).isEqualTo("happy");
    }

    @Test
    void unknownWordsAreReturnedUnchanged() {
        assertThat(wn.lemmatize("lolz")).isEqualTo("lolz");
        assertThat(wn.lemmatize("")).isEqualTo("");
    }

    @Test
    void matchingIsCaseSensitiveAsInNltk() {
        assertThat(wn.lemmatize("Dogs")).isEqualTo("Dogs");
        assertThat(wn.lemmatize("dogs")).isEqualTo("dog");
    }

    @Test
    void nltkQuirksOfNounDefaultAreKept() {
        assertThat(wn.lemmatize("was")).isEqualTo("wa");
        assertThat(wn.lemmatize("has")).isEqualTo("ha");
        assertThat(wn.lemmatize("as")).isEqualTo("a");
    }

    @Test
    void morphyListsAllCandidatesInNltkOrder() {
        // NLTK: wn._morphy("leaves", "n") == ["leaf", "leave"] (noun.exc lists both)
        assertThat(wn.morphy("leaves", PartOfSpeech.NOUN)).containsExactly("leaf", "leave");
        assertThat(wn.morphy("was", PartOfSpeech.VERB)).containsExactly("be");
        assertThat(wn.morphy("lolz", PartOfSpeech.NOUN)).isEmpty();
    }

    @Test
    void rulesAreAppliedRepeatedlyUntilALemmaIsFound() {
        // yessss -> yesss -> yess -> yes (the "keep applying the rules" step of morphy)
        assertThat(wn.lemmatize("yessss")).isEqualTo("yes");
    }

    @Test
    void untaggedModeTriesVerbThenNounThenAdjectiveThenAdverb() {
        assertThat(WordNetLemmatizer.UNTAGGED_ORDER).containsExactly(
                PartOfSpeech.VERB, PartOfSpeech.NOUN, PartOfSpeech.ADJECTIVE, PartOfSpeech.ADVERB);
        assertThat(wn.lemmatizeUntagged("was")).isEqualTo("be");
        assertThat(wn.lemmatizeUntagged("has")).isEqualTo("have");
        assertThat(wn.lemmatizeUntagged("geese")).isEqualTo("goose");
        assertThat(wn.lemmatizeUntagged("leaves")).isEqualTo("leave");
        assertThat(wn.lemmatizeUntagged("happier")).isEqualTo("happy");
        assertThat(wn.lemmatizeUntagged("lolz")).isEqualTo("lolz");
    }

    @Test
    void lemmaModeSelectsFixedOrUntagged() {
        assertThat(wn.lemmatize("ran", LemmaMode.VERB)).isEqualTo("run");
        assertThat(wn.lemmatize("ran", LemmaMode.NOUN)).isEqualTo("ran");
        assertThat(wn.lemmatize("ran", LemmaMode.UNTAGGED)).isEqualTo("run");
        assertThat(LemmaMode.of(PartOfSpeech.ADVERB)).isEqualTo(LemmaMode.ADVERB);
    }

    @Test
    void overlongWordsAreReturnedUnchangedWithoutWork() {
        String pathological = "dog" + "es".repeat(50_000);
        long start = System.nanoTime();
        assertThat(wn.lemmatize(pathological, PartOfSpeech.VERB)).isSameAs(pathological);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void longestAcceptedWordsStillFinishQuickly() {
        String word = "es".repeat(WordNetLemmatizer.MAX_WORD_LENGTH / 2);
        long start = System.nanoTime();
        for (PartOfSpeech pos : PartOfSpeech.values()) {
            assertThat(wn.lemmatize(word, pos)).isNotNull();
        }
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void loadReturnsOneSharedInstanceAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<WordNetLemmatizer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(WordNetLemmatizer::load);
            }
            for (Future<WordNetLemmatizer> future : pool.invokeAll(calls)) {
                assertThat(future.get()).isSameAs(wn);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void missingDataJarFailsNamingTheMavenCoordinates() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> WordNetLemmatizer.load(empty))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("net.sf.extjwnl:extjwnl-data-wn30:1.2");
        }
    }

    @Test
    void indexSizesMatchWordNet30() {
        // Counts of distinct lemmas in the WordNet 3.0 index files (PROVENANCE.md of the shared data).
        assertThat(wn.toString()).contains("nouns=117798", "verbs=11529", "adjectives=21479", "adverbs=4481");
    }
}
