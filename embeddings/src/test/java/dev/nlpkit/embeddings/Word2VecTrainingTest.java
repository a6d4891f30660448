package dev.nlpkit.embeddings;

import dev.nlpkit.core.TrainingListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.embeddings.vectors.ScoredWord;
import dev.nlpkit.embeddings.vectors.WordVectors;

class Word2VecTrainingTest {

    private static final List<List<String>> CORPUS = SyntheticCorpus.generate(3000, 8, 25, 11);

    private static Word2VecOptions small() {
        return Word2VecOptions.defaults().withVectorSize(32).withWindow(4).withMinCount(3).withEpochs(5)
                .withThreads(1).withSeed(7).withSample(1e-2);
    }

    private static double sameTopicShare(WordVectors wv, int topics) {
        int hits = 0;
        int total = 0;
        for (int t = 0; t < topics; t++) {
            for (int w = 0; w < 5; w++) {
                String word = "t" + t + "w" + w;
                for (ScoredWord s : wv.mostSimilar(word, 5)) {
                    total++;
                    if (SyntheticCorpus.topicOf(s.word()).equals("t" + t)) {
                        hits++;
                    }
                }
            }
        }
        return (double) hits / total;
    }

    @Test
    void oneWorkerIsBitReproducibleForASeedWithThePlainKernel() {
        Word2VecOptions o = small().withKernel(VectorKernel.PLAIN);
        Word2Vec a = Word2Vec.fit(CORPUS, o);
        Word2Vec b = Word2Vec.fit(CORPUS, o);
        assertThat(a.syn0()).containsExactly(b.syn0());
        assertThat(a.syn1neg()).containsExactly(b.syn1neg());
    }

    @Test
    void oneWorkerIsBitReproducibleWithTheDefaultKernelAndSkipGramHierarchicalSoftmax() {
        Word2VecOptions o = small().withArchitecture(Architecture.SKIP_GRAM).withHierarchicalSoftmax(true)
                .withEpochs(2);
        Word2Vec a = Word2Vec.fit(CORPUS, o);
        Word2Vec b = Word2Vec.fit(CORPUS, o);
        assertThat(a.syn0()).containsExactly(b.syn0());
        assertThat(a.syn1()).containsExactly(b.syn1());
    }

    @Test
    void anotherSeedGivesOtherVectors() {
        Word2Vec a = Word2Vec.fit(CORPUS, small().withEpochs(1));
        Word2Vec b = Word2Vec.fit(CORPUS, small().withEpochs(1).withSeed(8));
        assertThat(a.syn0()).isNotEqualTo(b.syn0());
    }

    @Test
    void plainAndVectorApiKernelsTrainToTheSameVectorsWithinFloatTolerance() {
        Word2VecOptions o = small().withEpochs(1);
        float[] plain = Word2Vec.fit(CORPUS, o.withKernel(VectorKernel.PLAIN)).syn0();
        float[] auto = Word2Vec.fit(CORPUS, o.withKernel(VectorKernel.AUTO)).syn0();
        double maxDiff = 0;
        for (int i = 0; i < plain.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(plain[i] - auto[i]));
        }
        // Same random draws, only the summation order differs: differences stay at rounding level.
        assertThat(maxDiff).isLessThan(1e-3);
    }

    @Test
    void cbowNegativeSamplingPutsTopicWordsTogether() {
        WordVectors wv = Word2Vec.fit(CORPUS, small()).vectors();
        assertThat(sameTopicShare(wv, 8)).isGreaterThan(0.9);
    }

    @Test
    void skipGramNegativeSamplingPutsTopicWordsTogether() {
        WordVectors wv = Word2Vec.fit(CORPUS, small().withArchitecture(Architecture.SKIP_GRAM).withEpochs(3))
                .vectors();
        assertThat(sameTopicShare(wv, 8)).isGreaterThan(0.9);
    }

    @Test
    void hierarchicalSoftmaxAloneLearnsTopics() {
        WordVectors wv = Word2Vec.fit(CORPUS, small().withHierarchicalSoftmax(true).withNegative(0)
                .withArchitecture(Architecture.SKIP_GRAM).withEpochs(3)).vectors();
        assertThat(sameTopicShare(wv, 8)).isGreaterThan(0.85);
    }

    @Test
    void twoWorkersLearnAsWell() {
        WordVectors wv = Word2Vec.fit(CORPUS, small().withThreads(2)).vectors();
        assertThat(sameTopicShare(wv, 8)).isGreaterThan(0.9);
    }

    @Test
    void aGzipLineFileTrainsExactlyLikeTheSameSentencesInMemory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corpus.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (List<String> s : CORPUS) {
                w.write(String.join(" ", s));
                w.write("\n");
            }
        }
        Word2VecOptions o = small().withEpochs(2).withKernel(VectorKernel.PLAIN);
        Word2Vec fromFile = Word2Vec.fit(file, o);
        Word2Vec fromMemory = Word2Vec.fit(CORPUS, o);
        assertThat(fromFile.vocabulary().words()).isEqualTo(fromMemory.vocabulary().words());
        assertThat(fromFile.syn0()).containsExactly(fromMemory.syn0());
    }

    @Test
    void listenerSeesEveryEpochWithALossResetPerEpochThatFalls() {
        List<TrainingProgress> ends = new ArrayList<>();
        Word2Vec.fit(CORPUS, small().withComputeLoss(true), new TrainingListener<>() {
            @Override
            public void onEpochEnd(TrainingProgress p) {
                ends.add(p);
            }
        });
        assertThat(ends).extracting(TrainingProgress::epoch).containsExactly(1, 2, 3, 4, 5);
        double first = ends.getFirst().epochLoss().orElseThrow();
        double last = ends.getLast().epochLoss().orElseThrow();
        assertThat(first).isPositive().isFinite();
        // Per-epoch (not cumulative) loss: the last epoch's loss is below the first one's.
        assertThat(last).isLessThan(first);
        assertThat(ends.getLast().wordsProcessed()).isEqualTo(ends.getLast().totalWords());
        assertThat(ends.getLast().alpha()).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ends.get(1).alpha()).isLessThan(ends.get(0).alpha());
    }

    @Test
    void intervalZeroReportsProgressWithinEveryEpoch() {
        List<TrainingProgress> progress = new ArrayList<>();
        Word2Vec.fit(CORPUS, small().withEpochs(2), new TrainingListener<>() {
            @Override
            public void onProgress(TrainingProgress p) {
                progress.add(p);
            }
        });
        // About 50,000 words per epoch in jobs of batchWords (10,000): several jobs, each a progress event.
        assertThat(progress).extracting(TrainingProgress::epoch).contains(1, 2);
        assertThat(progress).extracting(TrainingProgress::wordsProcessed).isSorted();
    }

    @Test
    void aLongIntervalLeavesOnlyTheEpochEnds() {
        List<String> events = new ArrayList<>();
        Word2Vec.fit(CORPUS, small().withEpochs(2), new TrainingListener<>() {
            @Override
            public void onProgress(TrainingProgress p) {
                events.add("progress");
            }

            @Override
            public void onEpochEnd(TrainingProgress p) {
                events.add("end " + p.epoch());
            }

            @Override
            public long intervalMillis() {
                return Long.MAX_VALUE;
            }
        });
        assertThat(events).containsExactly("end 1", "end 2");
    }

    @Test
    void lossIsEmptyWhenNotComputed() {
        List<TrainingProgress> ends = new ArrayList<>();
        Word2Vec.fit(CORPUS, small().withEpochs(1), new TrainingListener<>() {
            @Override
            public void onEpochEnd(TrainingProgress p) {
                ends.add(p);
            }
        });
        assertThat(ends.getFirst().epochLoss()).isEmpty();
    }

    @Test
    void vocabularyIsSortedByCountAndRespectsMinCountAndMaxFinalVocab() {
        Word2Vec m = Word2Vec.fit(CORPUS, small().withEpochs(1).withMaxFinalVocab(50));
        TrainingVocabulary v = m.vocabulary();
        assertThat(v.size()).isLessThanOrEqualTo(50);
        for (int i = 1; i < v.size(); i++) {
            assertThat(v.count(i)).isLessThanOrEqualTo(v.count(i - 1));
        }
        assertThat(v.count(v.size() - 1)).isGreaterThanOrEqualTo(3);
        assertThat(v.word(0)).isIn("the", "of", "and", "a", "to", "in");
    }

    @Test
    void maxVocabSizePrunesRareWordsWhileCounting() {
        List<List<String>> corpus = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            corpus.add(List.of("common", "frequent", "rare" + i));
        }
        TrainingVocabulary v = Word2Vec.buildVocabulary(Corpus.of(corpus), small().withMinCount(1).withMaxVocabSize(20));
        // word2vec.c's ReduceVocab drops the count-1 words each time the bound is passed.
        assertThat(v.size()).isLessThanOrEqualTo(21);
        assertThat(v.words()).startsWith("common", "frequent");
        assertThat(v.count(0)).isEqualTo(200);
    }

    @Test
    void emptyCorpusIsAnErrorNamingTheCause() {
        assertThatThrownBy(() -> Word2Vec.fit(List.of(List.of(), List.of()), small()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corpus is empty");
    }

    @Test
    void corpusBelowMinCountIsAnErrorNamingTheOption() {
        assertThatThrownBy(() -> Word2Vec.fit(List.of(List.of("a", "b", "a")), small()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minCount=3").hasMessageContaining("('a') occurs 2 times");
    }

    @Test
    void missingCorpusFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> Word2Vec.fit(missing, small())).hasMessageContaining("nope.txt");
    }

    @Test
    void invalidUtf8InACorpusFileNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'a', ' ', 'b', '\n', 'c', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> Word2Vec.fit(file, small().withMinCount(1)))
                .hasMessageContaining("bad.txt:2").hasMessageContaining("UTF-8");
    }

    @Test
    void optionsAreValidatedWithTheOptionName() {
        assertThatThrownBy(() -> Word2VecOptions.defaults().withVectorSize(0)).hasMessageContaining("vectorSize");
        assertThatThrownBy(() -> Word2VecOptions.defaults().withNegative(0))
                .hasMessageContaining("hierarchicalSoftmax");
        assertThatThrownBy(() -> Word2VecOptions.defaults().withMinAlpha(0.5)).hasMessageContaining("minAlpha");
    }

    @Test
    void continuedTrainingReturnsANewModelAndKeepsTheOldOne() {
        Word2Vec first = Word2Vec.fit(CORPUS, small().withEpochs(1));
        float[] before = first.syn0().clone();
        Word2Vec second = first.continueTraining(Corpus.of(CORPUS), 2);
        assertThat(first.syn0()).containsExactly(before);
        assertThat(second.epochsTrained()).isEqualTo(3);
        assertThat(second.syn0()).isNotEqualTo(before);
        assertThat(sameTopicShare(second.vectors(), 8)).isGreaterThan(0.9);
    }

    @Test
    void estimateMemoryCountsTheWeightMatrices() {
        MemoryEstimate m = Word2Vec.estimateMemory(100_000, Word2VecOptions.defaults());
        assertThat(m.inputVectors()).isEqualTo(100_000L * 100 * 4);
        assertThat(m.outputWeights()).isEqualTo(100_000L * 100 * 4);
        MemoryEstimate both = Word2Vec.estimateMemory(100_000, Word2VecOptions.defaults()
                .withHierarchicalSoftmax(true));
        assertThat(both.outputWeights()).isEqualTo(2 * 100_000L * 100 * 4);
        assertThat(m.total()).isGreaterThan(m.inputVectors() + m.outputWeights());
    }
}
