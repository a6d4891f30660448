package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.nlpkit.embeddings.vectors.WordVectors;

/** {@link Word2Vec#vectors()}: built once, shared by all callers, looking words up in the vocabulary's index. */
class Word2VecVectorsViewTest {

    private static final Word2Vec MODEL = Word2Vec.fit(SyntheticCorpus.generate(300, 4, 10, 3),
            Word2VecOptions.defaults().withVectorSize(8).withMinCount(1).withEpochs(1).withThreads(1).withSeed(1));

    @Test
    void viewIsBuiltOnceAndCached() {
        assertThat(MODEL.vectors()).isSameAs(MODEL.vectors());
    }

    @Test
    void concurrentFirstCallsGetOneView() throws InterruptedException {
        Word2Vec fresh = MODEL.withTrainingOptions(MODEL.options());
        Set<WordVectors> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = java.util.stream.IntStream.range(0, 8).mapToObj(i -> Thread.ofPlatform().start(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(fresh.vectors());
        })).toList();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void viewFindsEveryVocabularyWordAtItsVocabularyIndex() {
        WordVectors view = MODEL.vectors();
        TrainingVocabulary vocabulary = MODEL.vocabulary();
        assertThat(view.size()).isEqualTo(vocabulary.size());
        for (int i = 0; i < vocabulary.size(); i++) {
            assertThat(view.indexOf(vocabulary.word(i))).isEqualTo(i);
        }
        assertThat(view.indexOf("not-a-word")).isEqualTo(-1);
    }

    @Test
    void restrictedViewStillHidesTheRareWords() {
        WordVectors top = MODEL.vectors().restrictToMostFrequent(3);
        assertThat(top.indexOf(MODEL.vocabulary().word(2))).isEqualTo(2);
        assertThat(top.indexOf(MODEL.vocabulary().word(3))).isEqualTo(-1);
    }

    @Test
    void anIndexOfOtherWordsIsRejected() {
        WordIndex other = new WordIndex(new String[] {"b", "a"});
        assertThatThrownBy(() -> WordVectors.of(new String[] {"a", "b"}, new float[] {1, 2}, 1, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("word index 0 ('a') has index 1");
    }
}
