package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;
import dev.nlpkit.recurrent.layers.RecurrentOptions;

/**
 * Bundles committed under {@code src/test/resources/golden} (see the README there for the commands that made
 * them) still load and predict what they predicted when they were written.
 */
class GoldenBundleTest {

    /**
     * Format 1, written by {@code nlpkit sentiment train}; the expected values are what {@code nlpkit sentiment
     * predict} printed (P(class '4') with four decimals), so they are compared as printed: the same rounding of the
     * same float. The math is the same (the network gets the same pre-padded rows it was trained on).
     */
    @Test
    void formatOneBundleFromTheCommandLinePredictsWhatItPrinted() throws IOException {
        TextClassifier model = load("golden/sentiment-format1.nlpkit");
        assertThat(model.labels()).containsExactly("0", "4");
        for (String line : lines("golden/sentiment-format1.expected.tsv")) {
            String[] f = line.split("\t", -1);
            double[] p = model.predictProba(f[2]);
            assertThat(String.format(Locale.ROOT, "%.4f", p[1])).as(f[2]).isEqualTo(f[1]);
            assertThat(model.predict(f[2])).as(f[2]).isEqualTo(f[0]);
        }
    }

    @Test
    void formatOnePresetIsMappedToTheOptionsItHadThen() throws IOException {
        TextClassifier model = load("golden/sentiment-format1.nlpkit");
        // preset=tweets, stemmer=porter, keep_stop_words=true, keep_punctuation=true
        assertThat(model.options().preprocess().stemmer()).isEqualTo(Stemmer.PORTER);
        assertThat(model.options().preprocess().stopWords().size()).isZero();
        assertThat(model.options().preprocess().actions().get(TokenType.PUNCT)).isEqualTo(TokenAction.KEEP);
        assertThat(model.options().preprocess().actions().get(TokenType.MENTION)).isEqualTo(TokenAction.REPLACE);
        assertThat(model.options().network().cell()).isEqualTo(RecurrentOptions.Cell.LSTM);
        assertThat(model.options().network().units()).isEqualTo(8);
        assertThat(model.options().network().architecture())
                .isEqualTo(TextClassifierOptions.Network.Architecture.RECURRENT);
        assertThat(model.options().sequence().maxLength()).isEqualTo(20);
    }

    /**
     * The current format. The recorded probabilities were computed with recurrent's plain-Java kernels
     * ({@code -Dnlpkit.vector=false}), where they are exact: {@link UserProjectTest} checks them bit for bit in a
     * JVM started that way. This JVM runs the Vector API kernels, whose {@code tanh} gives the last bit of a float
     * differently in the interpreter and in C2-compiled code (and differently from the plain kernels); through
     * an LSTM that is a few float ulps, so here the check is to 1e-6.
     */
    @Test
    void currentFormatBundlePredictsItsRecordedProbabilities() throws IOException {
        TextClassifier model = load("golden/classifier-format2.nlpkit");
        // saved with options format 1, before the architectures: read as the recurrent network it is
        assertThat(model.options().network().architecture())
                .isEqualTo(TextClassifierOptions.Network.Architecture.RECURRENT);
        List<String> rows = lines("golden/classifier-format2.expected.tsv");
        List<String> texts = rows.stream().map(r -> r.split("\t", -1)[2]).toList();
        double[][] batch = model.predictProba(texts);
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split("\t", -1);
            double expected = Double.parseDouble(f[1]);
            assertThat(batch[i][1]).as(f[2]).isCloseTo(expected, within(1e-6));
            assertThat(model.predict(f[2])).as(f[2]).isEqualTo(f[0]);
        }
    }

    @Test
    void aBundleWrittenWhenTheKeyWasWorkersLoadsItsWord2VecThreadCount() throws IOException {
        // classifier-format2.nlpkit holds the line embedding.word2vec.workers=1 (before the name threads)
        TextClassifier model = load("golden/classifier-format2.nlpkit");
        TextClassifierOptions.Word2VecSource source =
                (TextClassifierOptions.Word2VecSource) model.options().embedding().source();
        assertThat(source.options().threads()).isEqualTo(1);
    }

    static TextClassifier load(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(GoldenBundleTest.class.getResourceAsStream("/" + resource),
                resource)) {
            return TextClassifier.load(in);
        }
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(GoldenBundleTest.class.getResourceAsStream("/" + resource),
                resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Path resourceFile(String resource) {
        try {
            return Path.of(Objects.requireNonNull(GoldenBundleTest.class.getResource("/" + resource)).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean exists(String resource) {
        return GoldenBundleTest.class.getResource("/" + resource) != null && Files.exists(resourceFile(resource));
    }
}
