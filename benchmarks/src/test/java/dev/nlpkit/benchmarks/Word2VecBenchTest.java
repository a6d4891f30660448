package dev.nlpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import dev.nlpkit.testdata.Anchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code nlpkit bench word2vec} end to end on generated data: a small topical text, analogy and word-pair
 * files in the benchmark's formats. The gensim comparison runs when {@code /usr/bin/python3} imports gensim
 * (then nlpkit's evaluator must agree with gensim's on gensim's vectors) and is skipped otherwise.
 */
class Word2VecBenchTest {

    /** 400 paragraphs of 3 lines of 12 words from one of 6 topics, a fifth of them "The": 14,400 tokens. */
    private static Path topicalText(Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder text = new StringBuilder();
        for (int paragraph = 0; paragraph < 400; paragraph++) {
            int topic = random.nextInt(6);
            for (int line = 0; line < 3; line++) {
                for (int i = 0; i < 12; i++) {
                    text.append(random.nextDouble() < 0.2 ? "The" : "T" + topic + "w" + random.nextInt(12)).append(
                            i % 5 == 4 ? ", " : " ");
                }
                text.append('\n');
            }
            text.append('\n');
        }
        Path corpus = dir.resolve("text.txt");
        Files.writeString(corpus, text);
        return corpus;
    }

    @Test
    void scalingPrintsOneLinePerArchitectureWithBothWorkerCountsAndTheOtherProcessesLoad(@TempDir Path dir)
            throws IOException {
        Path corpus = topicalText(dir);
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(new Word2VecBench());
        cli.setOut(new PrintWriter(output));
        int exit = cli.execute("--corpus", corpus.toString(), "--vector-size", "16", "--min-count", "2",
                "--scaling-only", "--scaling-rounds", "1", "--no-gensim", "--no-hardware-scaling");
        assertThat(exit).isZero();
        List<String> scaling = output.toString().lines().filter(l -> l.contains("\"impl\": \"scaling\"")).toList();
        assertThat(scaling).hasSize(2);
        assertThat(scaling.get(0)).contains("\"architecture\": \"cbow\"").contains("\"workers\": 2");
        assertThat(scaling.get(1)).contains("\"architecture\": \"skip-gram\"");
        for (String line : scaling) {
            double one = AnchorOutput.number(line, "one_worker_words_per_s");
            double many = AnchorOutput.number(line, "many_workers_words_per_s");
            assertThat(one).isPositive();
            assertThat(many).isPositive();
            assertThat(AnchorOutput.number(line, "speedup")).isCloseTo(many / one, within(1e-3));
            assertThat(line).contains("\"other_processes_cpus_max\"");
        }
    }

    @Test
    void algorithmOptionRunsHogwildAndHogbatchSideBySideWithTheirShareOfThePeak(@TempDir Path dir)
            throws IOException {
        Path corpus = topicalText(dir);
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(new Word2VecBench());
        cli.setOut(new PrintWriter(output));
        int exit = cli.execute("--corpus", corpus.toString(), "--vector-size", "16", "--min-count", "2",
                "--epochs", "1", "--no-eval", "--no-gensim", "--architectures", "SKIP_GRAM",
                "--algorithm", "HOGWILD,HOGBATCH");
        assertThat(exit).isZero();
        List<String> ours = output.toString().lines().filter(l -> l.contains("\"impl\": \"nlpkit\"")).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.get(0)).contains("\"algorithm\": \"HOGWILD\"");
        assertThat(ours.get(1)).contains("\"algorithm\": \"HOGBATCH\"");
        for (String line : ours) {
            double wordsPerSecond = AnchorOutput.number(line, "effective_words_per_s");
            assertThat(AnchorOutput.number(line, "words_per_s_per_core")).isCloseTo(wordsPerSecond / 2, within(1e-3));
            // skip-gram, d = 16, window 5 (6 context words on average), 5 negatives: 6*6*6*16 + 6*2*16 flops
            assertThat(AnchorOutput.number(line, "flops_per_word")).isEqualTo(3648.0);
            double gflops = AnchorOutput.number(line, "gflops");
            assertThat(gflops).isCloseTo(3648.0 * wordsPerSecond / 1e9, within(1e-4)).isPositive();
            assertThat(AnchorOutput.number(line, "fraction_of_fp32_peak")).isCloseTo(gflops / 420, within(1e-4));
        }
    }

    /** Runs the bench on the topical text with tiny analogy and word-pair files; returns its JSON lines. */
    private static List<String> runBench(Path dir, String... extra) throws IOException {
        Path corpus = topicalText(dir);
        Path analogies = dir.resolve("questions.txt");
        Files.writeString(analogies, ": topics\nt0w1 t0w2 t1w1 t1w2\nt2w3 t2w4 t3w3 t3w4\nt0w1 t0w2 zz yy\n");
        Path simlex = dir.resolve("simlex.txt");
        Files.writeString(simlex, "word1\tword2\tPOS\tSimLex999\tx\n" + "t0w1\tt0w2\tN\t9.0\t1\n"
                + "t0w1\tt1w2\tN\t1.0\t1\n" + "t2w1\tt2w5\tN\t8.0\t1\n" + "t3w1\tt4w2\tN\t0.5\t1\n");
        Path men = dir.resolve("men.txt");
        Files.writeString(men, "t0w3 t0w4 45.0\nt1w1 t5w1 3.0\nt4w4 t4w5 40.0\nt2w2 t5w5 5.0\n");

        List<String> args = new ArrayList<>(Arrays.asList("--corpus", corpus.toString(), "--epochs", "2",
                "--vector-size", "16", "--min-count", "2", "--restrict", "1000", "--analogies", analogies.toString(),
                "--simlex", simlex.toString(), "--men", men.toString()));
        args.addAll(Arrays.asList(extra));
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(new Word2VecBench());
        cli.setOut(new PrintWriter(output));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(exit).isZero();
        List<String> lines = output.toString().lines().toList();
        assertThat(lines).allMatch(l -> l.startsWith("{\"bench\": \"word2vec\""));
        return lines;
    }

    @Test
    void benchPrintsSpeedAndQuality(@TempDir Path dir) throws IOException {
        List<String> lines = runBench(dir, "--no-gensim");
        assertThat(lines).anyMatch(l -> l.contains("\"impl\": \"corpus\"") && l.contains("\"tokens\": 14400"));
        List<String> ours = lines.stream().filter(l -> l.contains("\"impl\": \"nlpkit\"")).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.get(0)).contains("\"architecture\": \"cbow\"").contains("\"analogy_correct\"")
                .contains("\"men_spearman\"");
        assertThat(ours.get(1)).contains("\"architecture\": \"skip-gram\"");
        assertThat(AnchorOutput.number(ours.get(0), "effective_words_per_s")).isPositive();
        assertThat(AnchorOutput.number(ours.get(0), "analogy_oov")).isEqualTo(1);
        assertThat(lines).noneMatch(l -> l.contains("\"impl\": \"ratio\""));
    }

    @Test
    void benchComparesWithGensimAndAgreesWithItsEvaluator(@TempDir Path dir) throws IOException {
        Anchors.require("gensim", "numpy");
        List<String> lines = runBench(dir);
        assertThat(lines.stream().filter(l -> l.contains("\"impl\": \"ratio\""))).hasSize(2)
                .allMatch(l -> l.contains("\"speed_vs_gensim\""));
        assertThat(lines.stream().filter(l -> l.contains("nlpkit-evaluator-on-gensim-vectors"))).hasSize(2)
                .allMatch(l -> l.contains("\"agrees_with_gensim_evaluator\": true"));
    }

    @Test
    void preparationLowercasesKeepsLettersAndDigitsAndJoinsParagraphs(@TempDir Path dir) throws IOException {
        Path raw = dir.resolve("raw.txt");
        Files.writeString(raw, "Emma Woodhouse, handsome\nand rich (1816).\n\nCHAPTER I\n");
        Path prepared = dir.resolve("prepared.txt");
        long tokens = Word2VecBench.prepare(raw, prepared);
        assertThat(tokens).isEqualTo(8);
        assertThat(Files.readAllLines(prepared)).containsExactly("emma woodhouse handsome and rich 1816", "chapter i");
    }
}
