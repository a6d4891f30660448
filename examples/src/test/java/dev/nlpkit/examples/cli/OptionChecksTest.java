package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every training command checks its options before it reads data, and says what is wrong in flags: each case
 * gives valid data, so a message about the data (or any output line) would mean the check came too late.
 */
class OptionChecksTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                // sentiment train
                Arguments.of("sentiment train --units 2000000000", "--units must be in 1..16384, got 2000000000"),
                Arguments.of("sentiment train --units 0", "--units must be in 1..16384, got 0"),
                Arguments.of("sentiment train --vector-size 0", "--vector-size must be in 1..10000, got 0"),
                Arguments.of("sentiment train --window 0", "--window must be >= 1, got 0"),
                Arguments.of("sentiment train --min-count 0", "--min-count must be >= 1, got 0"),
                Arguments.of("sentiment train --w2v-epochs 0", "--w2v-epochs must be >= 1, got 0"),
                Arguments.of("sentiment train --learning-rate 0", "--learning-rate must be a finite number > 0, got 0.0"),
                Arguments.of("sentiment train --learning-rate NaN", "--learning-rate must be a finite number > 0, got NaN"),
                Arguments.of("sentiment train --recurrent-dropout 1", "--recurrent-dropout must be in [0, 1), got 1.0"),
                Arguments.of("sentiment train --cell transformer", "--cell 'transformer' is not one of lstm, gru, rnn"),
                Arguments.of("sentiment train --architecture glove", "--architecture 'glove' is not one of [cbow, skip-gram]"),
                Arguments.of("sentiment train --epochs 0", "--epochs must be >= 1, got 0"),
                Arguments.of("sentiment train --batch-size 0", "--batch-size must be >= 1, got 0"),
                Arguments.of("sentiment train --max-length 0", "--max-length must be >= 1, got 0"),
                Arguments.of("sentiment train --layers 0", "--layers must be in 1..64, got 0"),
                Arguments.of("sentiment train --patience -1", "--patience must be >= 0, got -1"),
                Arguments.of("sentiment train --clip-norm -1", "--clip-norm must be a finite number >= 0, got -1.0"),
                Arguments.of("sentiment train --validation 0", "--validation must be in (0, 1), got 0.0"),
                Arguments.of("sentiment train --validation 0.6 --test-fraction 0.5",
                        "--validation 0.6 and --test-fraction 0.5 must sum to less than 1"),
                Arguments.of("sentiment train --word-map umap", "--word-map 'umap' is not one of pca, tsne, none"),
                Arguments.of("sentiment train --preset klingon", "--preset 'klingon' is not one of [lesson, tweets, english]"),
                // word2vec train
                Arguments.of("word2vec train CORPUS --size 0", "--size must be in 1..10000, got 0"),
                Arguments.of("word2vec train CORPUS --window 0", "--window must be >= 1, got 0"),
                Arguments.of("word2vec train CORPUS --min-count 0", "--min-count must be >= 1, got 0"),
                Arguments.of("word2vec train CORPUS --epochs 0", "--epochs must be >= 1, got 0"),
                Arguments.of("word2vec train CORPUS --threads 0", "--threads must be in 1..1024, got 0"),
                Arguments.of("word2vec train CORPUS --negative 0",
                        "--negative 0 needs --hs: without either no output layer is trained"),
                Arguments.of("word2vec train CORPUS --algorithm hogbatch --hs",
                        "--algorithm hogbatch trains with negative sampling only; drop --hs or use --algorithm hogwild"),
                Arguments.of("word2vec train CORPUS --algorithm fast", "--algorithm 'fast' is not one of [auto, hogwild, hogbatch]"),
                // generate, tag, seq2seq
                Arguments.of("generate CORPUS --units 2000000000", "--units must be in 1..16384, got 2000000000"),
                Arguments.of("generate CORPUS --window 1", "--window must be in 2..100000, got 1"),
                Arguments.of("generate CORPUS --temperature 0", "--temperature must be a finite number > 0, got 0.0"),
                Arguments.of("generate CORPUS --learning-rate -1", "--learning-rate must be a finite number > 0, got -1.0"),
                Arguments.of("generate CORPUS --epochs 0", "--epochs must be >= 1, got 0"),
                Arguments.of("tag --corpus FOLDER --units 0", "--units must be in 1..16384, got 0"),
                Arguments.of("tag --corpus FOLDER --dimension 0", "--dimension must be in 1..10000, got 0"),
                Arguments.of("tag --corpus FOLDER --batch-size 0", "--batch-size must be >= 1, got 0"),
                Arguments.of("tag --corpus FOLDER --test 1", "--test must be in (0, 1), got 1.0"),
                Arguments.of("tag --corpus FOLDER --clip-norm NaN", "--clip-norm must be a finite number >= 0, got NaN"),
                Arguments.of("seq2seq --units 2000000000", "--units must be in 1..16384, got 2000000000"),
                Arguments.of("seq2seq --epochs 0", "--epochs must be >= 1, got 0"),
                Arguments.of("seq2seq --learning-rate 0", "--learning-rate must be a finite number > 0, got 0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void aBadOptionIsNamedByItsFlagBeforeAnyDataIsRead(String command, String expected) throws IOException {
        Path tweets = dir.resolve("tweets.csv");
        if (!Files.exists(tweets)) {
            StringBuilder csv = new StringBuilder("label,text\n");
            for (int i = 0; i < 60; i++) {
                csv.append(i % 2 == 0 ? "positive,happy good day " : "negative,sad bad day ").append(i).append('\n');
            }
            Files.writeString(tweets, csv);
            Files.writeString(dir.resolve("corpus.txt"), "the cat sat on the mat and the dog sat on the log\n");
            Files.createDirectories(dir.resolve("brown"));
        }
        List<String> args = new ArrayList<>();
        for (String word : command.split(" ")) {
            args.add(switch (word) {
                case "CORPUS" -> dir.resolve("corpus.txt").toString();
                case "FOLDER" -> dir.resolve("brown").toString();
                default -> word;
            });
        }
        if (command.startsWith("sentiment")) {
            args.addAll(Arrays.asList("--data", tweets.toString(), "--out", dir.resolve("m.nlpkit").toString()));
        }
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: " + expected);
        assertThat(run.out()).as("nothing read or trained before the check").isEmpty();
    }
}
