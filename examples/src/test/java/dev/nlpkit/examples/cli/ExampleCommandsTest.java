package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.nlpkit.embeddings.Algorithm;
import dev.nlpkit.embeddings.Word2Vec;
import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** preprocess, tfidf and word2vec on small data, as CI runs them. */
class ExampleCommandsTest {

    @TempDir
    Path dir;

    @Test
    void preprocessLemmatizesWithTheWordNetPosFromSmilesTagger() {
        CommandRun run = CommandRun.of("preprocess", "--lemmatize", "pos",
                "The children were running to the stores and loved their better cats");
        assertThat(run.exitCode()).isZero();
        // nouns to singular, verbs to their base form, "better" as an adjective to "good"
        assertThat(run.out().strip()).isEqualTo("child run store love good cat");
    }

    @Test
    void preprocessNounOnlyLemmatizationKeepsVerbForms() {
        CommandRun run = CommandRun.of("preprocess", "--lemmatize", "noun",
                "The children were running to the stores and loved their better cats");
        assertThat(run.out().strip()).isEqualTo("child running store loved better cat");
    }

    @Test
    void preprocessTweetsPresetUsesPlaceholders() {
        CommandRun run = CommandRun.of("preprocess", "@bob I don't like http://x.co #happy");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("<user> don't like <url> happy");
    }

    @Test
    void preprocessRejectsStemmingTogetherWithLemmatizationClearly() {
        CommandRun run = CommandRun.of("preprocess", "--preset", "lesson", "--stemmer", "porter", "--lemmatize", "noun",
                "cats");
        // the command switches the stemmer off when lemmatizing; an unknown choice is the error case
        assertThat(run.exitCode()).isZero();
        CommandRun bad = CommandRun.of("preprocess", "--lemmatize", "verbs", "cats");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("nlpkit: --lemmatize 'verbs' is not one of [none, noun, pos]");
    }

    @Test
    void tfidfLessonVariantFollowsTheCourseFormula() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, "apple banana apple\nbanana cherry\ncherry durian\n");
        CommandRun run = CommandRun.of("tfidf", corpus.toString(), "--variant", "lesson", "--top", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // lesson preset stems with Porter (apple -> appl). document 1: tf(appl) = 2/3, idf = log2(3/1) -> 1.0566; tf(banana) = 1/3, idf = log2(3/2) -> 0.1950
        assertThat(run.out()).contains("3 documents, 4 terms");
        assertThat(run.out()).containsPattern("document 1: apple banana apple\\R  appl\\s+1\\.0566\\R  banana\\s+0\\.1950");
    }

    @Test
    void tfidfOnAMissingFileIsOneClearLine() {
        CommandRun run = CommandRun.of("tfidf", dir.resolve("none.txt").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: corpus file " + dir.resolve("none.txt")
                + " does not exist or is not a file");
    }

    @Test
    void word2vecTrainWithHogbatchSavesAModelThatRecordsTheAlgorithm() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        String[] words = {"cat", "dog", "pet", "fur", "paw", "car", "road", "wheel"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                line.append(words[random.nextInt(words.length)]).append(' ');
            }
            lines.add(line.toString().strip());
        }
        Path corpus = dir.resolve("words.txt");
        Files.write(corpus, lines);
        Path model = dir.resolve("words.model");
        CommandRun train = CommandRun.of("word2vec", "train", corpus.toString(), "--architecture", "skip-gram",
                "--algorithm", "hogbatch", "--size", "10", "--min-count", "1", "--threads", "1", "--epochs", "2",
                "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(Word2Vec.load(model).options().algorithm()).isEqualTo(Algorithm.HOGBATCH);
    }

    @Test
    void word2vecTrainsSavesAndAnswersSimilarAndAnalogyQueries() throws IOException {
        // two topics that never share a sentence: words of a topic must be each other's neighbours
        SplittableRandom random = new SplittableRandom(3);
        String[][] topics = {{"cat", "dog", "pet", "fur", "paw"}, {"car", "road", "wheel", "engine", "fuel"}};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String[] topic = topics[i % 2];
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                line.append(topic[random.nextInt(topic.length)]).append(' ');
            }
            lines.add(line.toString().strip());
        }
        Path corpus = dir.resolve("topics.txt");
        Files.write(corpus, lines);
        Path model = dir.resolve("topics.model");
        CommandRun train = CommandRun.of("word2vec", "train", corpus.toString(), "--size", "20", "--min-count", "1",
                "--threads", "1", "--epochs", "3", "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("10 words x 20 dimensions");
        CommandRun similar = CommandRun.of("word2vec", "similar", "--model", model.toString(), "--top", "4", "cat");
        assertThat(similar.exitCode()).isZero();
        assertThat(similar.out().lines().skip(1).map(l -> l.strip().split("\\s+")[0]).toList())
                .containsExactlyInAnyOrder("dog", "pet", "fur", "paw");
        CommandRun analogy = CommandRun.of("word2vec", "analogy", "--model", model.toString(), "cat", "dog", "car");
        assertThat(analogy.exitCode()).isZero();
        assertThat(analogy.out()).startsWith("cat - dog + car:");
        CommandRun unknown = CommandRun.of("word2vec", "similar", "--model", model.toString(), "queen");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("nlpkit: 'queen' is not in the model's vocabulary of 10 words");
    }

    @Test
    void word2vecCourseExampleOnAliceReportsBothSimilarities() {
        Path alice = SharedData.require("english-corpus/gutenberg-nltk/carroll-alice.txt");
        CommandRun run = CommandRun.of("word2vec", "course", "--file", alice.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("CBOW\\s+cosine\\(alice, wonderland\\) = 0\\.\\d{4}")
                .containsPattern("skip-gram cosine\\(alice, wonderland\\) = 0\\.\\d{4}");
    }
}
