package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The later epochs replay the word ids the workers kept from the first one instead of reading and tokenising the
 * corpus again: with one worker the weights must be bit for bit those of re-reading it, for both algorithms and
 * architectures, with out-of-vocabulary tokens (they count in the learning-rate schedule) and sentences longer
 * than {@code batchWords} (cut into pieces).
 */
class TrainerEpochCacheTest {

    private static Word2VecOptions options(Algorithm algorithm, Architecture architecture) {
        return Word2VecOptions.defaults().withAlgorithm(algorithm).withArchitecture(architecture).withVectorSize(16)
                .withMinCount(3).withThreads(1).withEpochs(3).withBatchWords(50).withSeed(7);
    }

    /** Sentences of 8-19 words; a few of 120 words (longer than batchWords); rare words fall under minCount. */
    private static List<List<String>> sentences() {
        List<List<String>> sentences = new ArrayList<>(SyntheticCorpus.generate(300, 4, 30, 5));
        for (int i = 0; i < 3; i++) {
            List<String> longOne = new ArrayList<>();
            for (int k = 0; k < 120; k++) {
                longOne.add(k % 17 == 0 ? "rare" + i + "x" + k : sentences.get(k).get(k % 8));
            }
            sentences.add(100 * i, longOne);
        }
        return sentences;
    }

    /** Trains {@code corpus} from the same starting weights with and without the cache; asserts equal weights. */
    private static void assertReplayEqualsReading(Corpus corpus) {
        for (Algorithm algorithm : List.of(Algorithm.HOGWILD, Algorithm.HOGBATCH)) {
            for (Architecture architecture : Architecture.values()) {
                Word2VecOptions o = options(algorithm, architecture);
                TrainingVocabulary vocabulary = Word2Vec.buildVocabulary(corpus, o);
                assertThat(vocabulary.corpusWords()).isGreaterThan(vocabulary.size());
                float[] start = Word2Vec.fit(corpus, vocabulary, o.withEpochs(1)).syn0();
                float[][] replayed = train(corpus, vocabulary, o, start, true);
                float[][] read = train(corpus, vocabulary, o, start, false);
                assertThat(replayed[0]).as("syn0 %s %s", algorithm, architecture).containsExactly(read[0]);
                assertThat(replayed[1]).as("syn1neg %s %s", algorithm, architecture).containsExactly(read[1]);
                assertThat(replayed[0]).as("trained").isNotEqualTo(start);
            }
        }
    }

    private static float[][] train(Corpus corpus, TrainingVocabulary vocabulary, Word2VecOptions o, float[] start,
            boolean cache) {
        float[] syn0 = start.clone();
        float[] syn1neg = new float[syn0.length];
        Trainer trainer = new Trainer(vocabulary, o, syn0, null, syn1neg);
        if (!cache) {
            trainer.withoutEpochCache();
        }
        trainer.train(corpus, vocabulary.corpusWords(), o.epochs(), List.of());
        return new float[][] {syn0, syn1neg};
    }

    @Test
    void replayingTheFirstEpochsWordIdsOfALineFileTrainsAsReadingItAgain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corpus.txt");
        List<String> lines = new ArrayList<>();
        for (List<String> sentence : sentences()) {
            lines.add(String.join(" ", sentence));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertReplayEqualsReading(Corpus.lines(file));
    }

    @Test
    void replayingTheFirstEpochsWordIdsOfSentencesTrainsAsReadingThemAgain() {
        assertReplayEqualsReading(Corpus.of(sentences()));
    }
}
