package dev.nlpkit.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.io.WordVectorFormatException;
import dev.nlpkit.embeddings.vectors.ScoredWord;
import dev.nlpkit.embeddings.vectors.UnknownWordException;

class FastTextTrainingTest {

    private static final List<List<String>> CORPUS = SyntheticCorpus.generate(3000, 8, 25, 11);

    private static FastTextOptions small() {
        return FastTextOptions.defaults().withVectorSize(32).withWindow(4).withMinCount(3).withEpochs(5)
                .withThreads(1).withSample(1e-2).withBucket(5000);
    }

    @Test
    void oneWorkerIsBitReproducibleForASeed() {
        for (Algorithm algorithm : List.of(Algorithm.HOGWILD, Algorithm.HOGBATCH)) {
            for (Architecture a : Architecture.values()) {
                FastTextOptions o = small().withArchitecture(a).withEpochs(2).withKernel(VectorKernel.PLAIN)
                        .withAlgorithm(algorithm);
                FastText first = FastText.fit(CORPUS, o, 7);
                FastText second = FastText.fit(CORPUS, o, 7);
                assertArrayEquals(first.input(), second.input(), algorithm + " " + a);
                assertArrayEquals(first.output(), second.output(), algorithm + " " + a);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherVectors() {
        FastText first = FastText.fit(CORPUS, small().withEpochs(1), 7);
        FastText other = FastText.fit(CORPUS, small().withEpochs(1), 8);
        assertThat(Arrays.equals(other.input(), first.input())).isFalse();
    }

    /**
     * Planted synonyms: sentences are random walks where each of 150 words has its own 3 possible successors, so a
     * word's contexts are its own; every occurrence of w7 is then written "carriage" or "automobile" and every w11
     * "puppy" or "doggie" (fair coin). Each pair shares all its contexts and no spelling.
     */
    @Test
    void plantedSynonymsBecomeNearestNeighbours() {
        SplittableRandom random = new SplittableRandom(3);
        int words = 150;
        int[][] successors = new int[words][3];
        for (int[] s : successors) {
            for (int k = 0; k < 3; k++) {
                s[k] = random.nextInt(words);
            }
        }
        List<List<String>> corpus = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            List<String> sentence = new ArrayList<>();
            int w = random.nextInt(words);
            for (int i = 0, length = 10 + random.nextInt(10); i < length; i++) {
                sentence.add(switch (w) {
                    case 7 -> random.nextBoolean() ? "carriage" : "automobile";
                    case 11 -> random.nextBoolean() ? "puppy" : "doggie";
                    default -> "w" + w;
                });
                w = successors[w][random.nextInt(3)];
            }
            corpus.add(sentence);
        }
        for (Architecture a : Architecture.values()) {
            FastTextVectors v = FastText.fit(corpus, small().withArchitecture(a).withEpochs(10), 5).vectors();
            assertThat(v.mostSimilar("carriage", 3)).as(a.name()).extracting(ScoredWord::word).contains("automobile");
            assertThat(v.mostSimilar("puppy", 3)).as(a.name()).extracting(ScoredWord::word).contains("doggie");
            assertThat(v.similarity("carriage", "automobile")).as(a.name())
                    .isGreaterThan(v.similarity("carriage", "doggie") + 0.2);
        }
    }

    @Test
    void topicWordsEndUpTogetherWithTwoWorkers() {
        FastTextVectors v = FastText.fit(CORPUS, small().withThreads(2).withArchitecture(Architecture.SKIP_GRAM), 3)
                .vectors();
        int hits = 0;
        int total = 0;
        for (int t = 0; t < 8; t++) {
            for (int w = 0; w < 5; w++) {
                for (ScoredWord s : v.mostSimilar("t" + t + "w" + w, 5)) {
                    total++;
                    hits += SyntheticCorpus.topicOf(s.word()).equals("t" + t) ? 1 : 0;
                }
            }
        }
        assertThat((double) hits / total).isGreaterThan(0.9);
    }

    @Test
    void outOfVocabularyVectorIsTheMeanOfItsNgramRowsAsGensimDefinesIt() {
        FastText model = FastText.fit(CORPUS, small().withEpochs(1), 7);
        FastTextVectors v = model.vectors();
        String word = "t3w7zzq";
        assertThat(v.contains(word)).isFalse();
        int vocab = model.vocabulary().size();
        int d = 32;
        // gensim: ft_ngram_hashes(word, 3, 6, bucket), then sum(vectors_ngrams[h]) / len(hashes)
        List<String> ngrams = v.ngrams(word);
        assertThat(ngrams).startsWith("<t3", "<t3w", "<t3w7", "<t3w7z").endsWith("zq>");
        double[] expected = new double[d];
        for (String g : ngrams) {
            byte[] b = g.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int row = vocab + (int) (CharNgrams.hash(b, 0, b.length) % 5000);
            for (int j = 0; j < d; j++) {
                expected[j] += model.input()[row * d + j] / ngrams.size();
            }
        }
        float[] actual = v.vector(word);
        for (int j = 0; j < d; j++) {
            assertThat((double) actual[j]).isCloseTo(expected[j], within(1e-6));
        }
    }

    @Test
    void vocabularyVectorIsTheMeanOfItsOwnRowAndItsNgramRows() {
        FastText model = FastText.fit(CORPUS, small().withEpochs(1), 7);
        int i = model.vocabulary().indexOf("t2w3");
        int vocab = model.vocabulary().size();
        int[] buckets = CharNgrams.buckets("t2w3", 3, 6, 5000);
        float[] actual = model.vectors().vector("t2w3");
        for (int j = 0; j < 32; j++) {
            double sum = model.input()[i * 32 + j];
            for (int b : buckets) {
                sum += model.input()[(vocab + b) * 32 + j];
            }
            assertThat((double) actual[j]).isCloseTo(sum / (buckets.length + 1), within(1e-6));
        }
    }

    @Test
    void aWordWithoutNgramsHasTheZeroVectorAndWithoutBucketsAnUnknownWordFails() {
        FastTextVectors v = FastText.fit(CORPUS, small().withEpochs(1).withNgramLengths(5, 6), 7).vectors();
        assertThat(v.vector("ab")).containsOnly(0f); // "<ab>" has 4 characters < minN
        FastTextVectors none = FastText.fit(CORPUS, small().withEpochs(1).withNgramLengths(3, 0), 7).vectors();
        assertThatThrownBy(() -> none.vector("unseen")).isInstanceOf(UnknownWordException.class);
        assertThat(none.vector("t1w1")).hasSize(32);
    }

    @Test
    void savedModelsLoadBackBitForBit(@TempDir Path dir) throws IOException {
        FastText model = FastText.fit(CORPUS, small().withEpochs(1), 7);
        Path file = dir.resolve("model.ftx");
        model.save(file);
        FastText loaded = FastText.load(file);
        assertThat(loaded.options()).isEqualTo(model.options());
        assertThat(loaded.vocabulary().words()).isEqualTo(model.vocabulary().words());
        assertArrayEquals(model.input(), loaded.input());
        assertArrayEquals(model.output(), loaded.output());
        assertThat(loaded.vectors().vector("zebra")).containsExactly(model.vectors().vector("zebra"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        assertArrayEquals(Files.readAllBytes(file), bytes.toByteArray());
        FastText fromStream = FastText.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.input(), fromStream.input());
    }

    @Test
    void aTruncatedModelFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.ftx");
        FastText.fit(CORPUS, small().withEpochs(1), 7).save(file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 100));
        assertThatThrownBy(() -> FastText.load(file)).isInstanceOf(WordVectorFormatException.class)
                .hasMessageContaining("model.ftx").hasMessageContaining("output matrix");
    }

    @Test
    void optionsAreValidatedWithClearMessages() {
        assertThatThrownBy(() -> FastTextOptions.defaults().withVectorSize(0))
                .hasMessage("FastTextOptions: vectorSize must be >= 1, got 0");
        assertThatThrownBy(() -> FastTextOptions.defaults().withNgramLengths(0, 6))
                .hasMessage("FastTextOptions: minN must be >= 1, got 0");
        assertThatThrownBy(() -> FastTextOptions.defaults().withBucket(0))
                .hasMessageContaining("bucket must be >= 1 when character n-grams are used (minN=3, maxN=6)");
        assertThatThrownBy(() -> FastTextOptions.defaults().withWordNgrams(2))
                .hasMessageContaining("wordNgrams must be 1");
        assertThatThrownBy(() -> FastTextOptions.defaults().withNegative(0))
                .hasMessageContaining("negative must be >= 1");
        assertThatThrownBy(() -> FastTextOptions.defaults().withMinAlpha(0.5)).hasMessageContaining("minAlpha");
        assertThat(FastTextOptions.defaults().withNgramLengths(3, 0).withBucket(0).ngramRows()).isZero();
    }

    @Test
    void defaultsAreGensims() {
        FastTextOptions o = FastTextOptions.defaults();
        assertThat(List.of(o.vectorSize(), o.window(), o.minCount(), o.negative(), o.epochs(), o.minN(), o.maxN(),
                o.bucket(), o.wordNgrams())).containsExactly(100, 5, 5, 5, 5, 3, 6, 2_000_000, 1);
        assertThat(List.of(o.sample(), o.alpha(), o.minAlpha())).containsExactly(1e-3, 0.025, 1e-4);
        assertThat(o.architecture()).isEqualTo(Architecture.CBOW);
    }

    @Test
    void matricesTooLargeForAJavaArrayAreRefusedBeforeCounting() {
        assertThatThrownBy(() -> FastText.fit(CORPUS, small().withVectorSize(2000).withBucket(2_000_000), 1))
                .hasMessageContaining("exceeds the largest Java array").hasMessageContaining("bucket");
    }
}
