package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Random strings (surrogates, control characters, suffix-heavy words) never break or hang the lemmatizer. */
class LemmatizerRobustnessTest {

    private final WordNetLemmatizer wn = WordNetLemmatizer.load();

    @Test
    void randomUnicodeStringsAreHandledForEveryMode() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(40);
            StringBuilder word = new StringBuilder();
            for (int j = 0; j < length; j++) {
                word.append((char) random.nextInt(0x10000)); // includes lone surrogates and controls
            }
            String w = word.toString();
            for (LemmaMode mode : LemmaMode.values()) {
                assertThat(wn.lemmatize(w, mode)).isNotNull();
            }
        }
    }

    @Test
    void suffixHeavyWordsUpToTheLengthLimitFinishFast() {
        SplittableRandom random = new SplittableRandom(5);
        String[] pieces = {"s", "es", "ies", "ed", "ing", "er", "est", "men", "ses", "ches"};
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            StringBuilder word = new StringBuilder("dog");
            while (word.length() < WordNetLemmatizer.MAX_WORD_LENGTH - 4) {
                word.append(pieces[random.nextInt(pieces.length)]);
            }
            for (PartOfSpeech pos : PartOfSpeech.values()) {
                assertThat(wn.lemmatize(word.toString(), pos)).isNotEmpty();
            }
        }
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
