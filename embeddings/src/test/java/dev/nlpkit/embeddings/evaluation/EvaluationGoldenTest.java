package dev.nlpkit.embeddings.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nlpkit.embeddings.Golden;
import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.embeddings.vectors.WordVectors;

/** Analogy and word-pair evaluation give gensim's evaluate_word_analogies / evaluate_word_pairs results. */
class EvaluationGoldenTest {

    private static WordVectors wv;

    @BeforeAll
    static void load() throws IOException {
        wv = Word2VecFormat.read(Golden.file("vectors.bin"), Word2VecFormat.Format.BINARY);
    }

    /** Golden cells: score S sections name c i name c i ... */
    private static void assertSameAsGensim(AnalogyResult r, String key) {
        List<String> cells = Golden.cells(key);
        assertThat(r.accuracy()).isCloseTo(Double.parseDouble(cells.get(1)), within(1e-12));
        List<AnalogySection> all = new ArrayList<>(r.sections());
        all.add(r.total());
        List<String> ours = new ArrayList<>();
        for (AnalogySection s : all) {
            ours.add(s.name());
            ours.add(Integer.toString(s.correct()));
            ours.add(Integer.toString(s.incorrect()));
        }
        assertThat(ours).isEqualTo(cells.subList(3, cells.size()));
    }

    @Test
    void analogiesCaseInsensitiveMatchGensim() throws IOException {
        AnalogyResult r = AnalogyEvaluation.evaluate(wv, Golden.file("analogies.txt"));
        assertSameAsGensim(r, "analogy_restrict_300000");
        assertThat(r.oov()).isEqualTo(2);
        assertThat(r.skippedLines()).isEqualTo(1);
        assertThat(r.questions()).isEqualTo(r.total().correct() + r.total().incorrect() + r.oov());
    }

    @Test
    void analogiesRestrictedToMostFrequentMatchGensim() throws IOException {
        assertSameAsGensim(AnalogyEvaluation.evaluate(wv, Golden.file("analogies.txt"), 30, true),
                "analogy_restrict_30");
    }

    @Test
    void analogiesCaseSensitiveMatchGensim() throws IOException {
        assertSameAsGensim(AnalogyEvaluation.evaluate(wv, Golden.file("analogies.txt"), 300_000, false),
                "analogy_case_sensitive");
    }

    @Test
    void wordPairsMatchGensim() throws IOException {
        SimilarityResult r = SimilarityEvaluation.evaluate(wv, Golden.file("pairs.tsv"), PairFormat.TSV);
        List<String> g = Golden.cells("pairs"); // oov_ratio x pearson y spearman z
        assertThat(r.oovRatioPercent()).isCloseTo(Double.parseDouble(g.get(1)), within(1e-9));
        assertThat(r.pearson()).isCloseTo(Double.parseDouble(g.get(3)), within(1e-5));
        assertThat(r.spearman()).isCloseTo(Double.parseDouble(g.get(5)), within(1e-9));
        assertThat(r.oovPairs()).isEqualTo(1);
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
        assertThat(SimilarityEvaluation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
                .isCloseTo(0.9486832980505138, within(1e-12));
    }

    @Test
    void malformedPairLineNamesFileAndLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path f = dir.resolve("men.txt");
        java.nio.file.Files.writeString(f, "sun sunlight 50.0\ncar automobile lots\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimilarityEvaluation.readPairs(f, PairFormat.MEN))
                .hasMessageContaining("men.txt:2").hasMessageContaining("score");
    }

    @Test
    void realGoogleAnalogyFileParsesIntoItsFourteenSections() throws IOException {
        java.nio.file.Path questions = dev.nlpkit.testdata.SharedData.require("word-analogy/questions-words.txt");
        AnalogyResult r = AnalogyEvaluation.evaluate(wv, questions);
        assertThat(r.sections()).hasSize(14);
        assertThat(r.questions()).isEqualTo(19544);
    }

    @Test
    void realSimLexAndMenFilesParse() throws IOException {
        var simlex = SimilarityEvaluation.readPairs(
                dev.nlpkit.testdata.SharedData.require("word-similarity/SimLex-999/SimLex-999.txt"),
                PairFormat.SIMLEX_999);
        var men = SimilarityEvaluation.readPairs(
                dev.nlpkit.testdata.SharedData.require("word-similarity/MEN/MEN_dataset_natural_form_full"),
                PairFormat.MEN);
        assertThat(simlex).hasSize(999);
        assertThat(men).hasSize(3000);
        assertThat(simlex.getFirst()).isEqualTo(new SimilarityEvaluation.Pair("old", "new", 1.58));
    }
}
