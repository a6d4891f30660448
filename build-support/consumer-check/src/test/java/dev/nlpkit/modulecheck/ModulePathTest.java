package dev.nlpkit.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.classify.FitListener;
import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.embeddings.Word2Vec;
import dev.nlpkit.preprocess.Lemmatization;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.vectorize.vocab.Vocabulary;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The libraries as a modular application sees them: named modules from their own descriptors (not automatic ones),
 * resolved with Lucene and extJWNL on the module path, each stage working there.
 */
class ModulePathTest {

    @Test
    void theseTestsRunInsideANamedModule() {
        assertThat(getClass().getModule().getName()).isEqualTo("dev.nlpkit.modulecheck");
    }

    @Test
    void everyLibraryIsAnExplicitModuleWithItsStableName() {
        Map<Class<?>, String> expected = Map.of(AtomicFiles.class, "dev.nlpkit.core",
                TextPreprocessor.class, "dev.nlpkit.preprocess", Vocabulary.class, "dev.nlpkit.vectorize",
                Word2Vec.class, "dev.nlpkit.embeddings", Sequential.class, "dev.nlpkit.recurrent",
                TextClassifier.class, "dev.nlpkit.classify");
        expected.forEach((type, name) -> {
            Module module = type.getModule();
            assertThat(module.getName()).as(type.getName()).isEqualTo(name);
            assertThat(module.getDescriptor().isAutomatic()).as(name + " has a module-info").isFalse();
        });
    }

    @Test
    void recurrentsKernelsAreNotExported() {
        Module recurrent = Sequential.class.getModule();
        assertThat(recurrent.isExported("dev.nlpkit.recurrent.model")).isTrue();
        assertThat(recurrent.isExported("dev.nlpkit.recurrent.math")).isFalse();
    }

    @Test
    void everyPresetTokenizesWithLuceneOnTheModulePath() {
        // Snowball's stop list is a resource of a package Lucene opens to lucene-core only: this failed before the
        // list was read through Lucene's own loader.
        assertThat(TextPreprocessor.tweets().tokens("@bob The cats were sooooo happy!!! :)"))
                .containsExactly("<user>", "cats", "sooo", "happy", ":)");
        assertThat(TextPreprocessor.english().tokens("The cats were running home")).isNotEmpty();
        assertThat(TextPreprocessor.lesson().tokens("The cats were running home")).isNotEmpty();
    }

    @Test
    void theLemmatizerReadsWordNetFromTheDataModule() {
        TextPreprocessor lemmatizing = TextPreprocessor.of(PreprocessOptions.tweets()
                .withLemmatization(Lemmatization.NOUN));
        assertThat(lemmatizing.tokens("the geese")).contains("goose");
    }

    @Test
    void theModuleProvidesTheSameLuceneFactoriesAsItsServiceFiles() throws IOException {
        Module preprocess = TextPreprocessor.class.getModule();
        for (String service : List.of("org.apache.lucene.analysis.CharFilterFactory",
                "org.apache.lucene.analysis.TokenFilterFactory", "org.apache.lucene.analysis.TokenizerFactory")) {
            Set<String> declared = preprocess.getDescriptor().provides().stream()
                    .filter(p -> p.service().equals(service)).flatMap(p -> p.providers().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(declared).as(service).isEqualTo(serviceFile(preprocess, service));
        }
    }

    @Test
    void luceneFindsOurFactoriesByTheirSpiNames() throws IOException {
        assertThat(TokenizerFactory.availableTokenizers()).contains("nlpkitTweet", "nlpkitTreebank");
        assertThat(TokenFilterFactory.availableTokenFilters()).contains("nlpkitElongation", "nlpkitStop");
        try (Analyzer analyzer = CustomAnalyzer.builder().withTokenizer("nlpkitTweet")
                .addTokenFilter("nlpkitElongation").build()) {
            assertThat(tokens(analyzer, "sooooo good :)")).containsExactly("sooo", "good", ":)");
        }
    }

    @Test
    void aTextClassifierFitsSavesLoadsAndPredicts() throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        synthetic(400, 1, texts, labels);
        TextClassifierOptions options = TextClassifierOptions.defaults()
                .withSequence(TextClassifierOptions.Sequence.defaults().withMaxLength(10).withMinCount(1))
                .withEmbedding(new TextClassifierOptions.Embedding(new TextClassifierOptions.RandomSource(8), true))
                .withNetwork(TextClassifierOptions.Network.lesson().withUnits(8).withDropouts(0.0, 0.0, 0.0))
                .withTraining(TextClassifierOptions.Training.defaults()
                        .withOptimizer(TextClassifierOptions.Optimizer.ADAM, 0.03).withBatchSize(32).withEpochs(5)
                        .withPatience(0).withSeed(7));
        TextClassifier model = TextClassifier.fit(texts, labels, null, options, FitListener.NONE);

        List<String> checkTexts = new ArrayList<>();
        List<String> checkLabels = new ArrayList<>();
        synthetic(200, 2, checkTexts, checkLabels);
        assertThat(model.evaluate(checkTexts, checkLabels).accuracy()).isGreaterThan(0.9);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.predictProba(checkTexts)).isEqualTo(model.predictProba(checkTexts));
    }

    private static final List<String> GOOD = List.of("great", "lovely", "happy", "wonderful", "good");
    private static final List<String> BAD = List.of("awful", "terrible", "sad", "horrible", "bad");
    private static final List<String> FILLER = List.of("table", "window", "morning", "street", "coffee", "train");

    /** Texts of filler words with one to three words of their class's list. */
    private static void synthetic(int n, long seed, List<String> texts, List<String> labels) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            boolean good = random.nextBoolean();
            List<String> marked = good ? GOOD : BAD;
            int length = 3 + random.nextInt(5);
            int at = random.nextInt(length);
            List<String> words = new ArrayList<>();
            for (int w = 0; w < length; w++) {
                words.add(w == at ? marked.get(random.nextInt(marked.size()))
                        : FILLER.get(random.nextInt(FILLER.size())));
            }
            texts.add(String.join(" ", words));
            labels.add(good ? "pos" : "neg");
        }
    }

    private static Set<String> serviceFile(Module module, String service) throws IOException {
        // META-INF is not a package, so a module's service files stay readable from other modules.
        try (InputStream in = module.getResourceAsStream("META-INF/services/" + service)) {
            assertThat(in).as("META-INF/services/" + service).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
