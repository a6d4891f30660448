package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.nlpkit.preprocess.filter.CodePointLengthFilterFactory;
import dev.nlpkit.preprocess.filter.NonLetterFilterFactory;
import dev.nlpkit.preprocess.filter.StandardTypeFilterFactory;
import dev.nlpkit.preprocess.filter.TypeAwareLowercaseFilterFactory;
import dev.nlpkit.preprocess.filter.TypePolicyFilterFactory;
import dev.nlpkit.preprocess.lemma.LemmatizerFilterFactory;
import dev.nlpkit.preprocess.normalize.ElongationFilterFactory;
import dev.nlpkit.preprocess.normalize.Normalization;
import dev.nlpkit.preprocess.normalize.NormalizingCharFilterFactory;
import dev.nlpkit.preprocess.stop.StopWords;
import dev.nlpkit.preprocess.stop.StopWordsFilterFactory;
import dev.nlpkit.preprocess.tokenize.TreebankTokenizerFactory;
import dev.nlpkit.preprocess.tokenize.TweetTokenizerFactory;
import dev.nlpkit.testdata.SharedData;

/**
 * The presets rebuilt in Lucene's {@link CustomAnalyzer} from SPI names alone (as a Solr or Elasticsearch
 * configuration would) give exactly the tokens of {@link TextPreprocessor}: terms, offsets, types, position
 * increments, keyword flags and the final offset, on real tweets and on the contract's edge cases and fuzz.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomAnalyzerBySpiNameTest {

    private static final String TWEETS_FILE = "sentiment140-random-20k/sentiment140_sample.csv";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    private static CustomAnalyzer.Builder tweetsChain() throws IOException {
        return CustomAnalyzer.builder()
                .addCharFilter("nlpkitNormalize")
                .withTokenizer("nlpkitTweet")
                .addTokenFilter("nlpkitElongation", "maxRun", "3")
                .addTokenFilter("nlpkitLowercase")
                .addTokenFilter("nlpkitTypePolicy", "url", "replace", "email", "replace", "mention", "replace",
                        "number", "replace", "hashtag", "unwrap", "punct", "drop");
    }

    private static Analyzer tweets() throws IOException {
        return tweetsChain().addTokenFilter("nlpkitStop", "words", "nltk-english", "keepNegations", "true").build();
    }

    private static Analyzer english() throws IOException {
        return CustomAnalyzer.builder()
                .addCharFilter("nlpkitNormalize", "unifyApostrophes", "false")
                .withTokenizer("standard")
                .addTokenFilter("nlpkitStandardType")
                .addTokenFilter("nlpkitLowercase")
                .addTokenFilter("nlpkitStop")
                .addTokenFilter("snowballPorter", "language", "English")
                .build();
    }

    private static Analyzer lesson() throws IOException {
        return CustomAnalyzer.builder()
                .withTokenizer("nlpkitTreebank")
                .addTokenFilter("nlpkitLowercase")
                .addTokenFilter("nlpkitStop", "words", "nltk-english")
                .addTokenFilter("porterStem")
                .build();
    }

    /** Every nlpkit factory but the standard-type one, with parameters off their defaults. */
    private static Analyzer everythingOn() throws IOException {
        return CustomAnalyzer.builder()
                .addCharFilter("nlpkitNormalize", "htmlEntities", "true", "nfkc", "true", "unifyApostrophes", "true",
                        "cleanWhitespace", "true")
                .withTokenizer("nlpkitTweet")
                .addTokenFilter("asciiFolding")
                .addTokenFilter("nlpkitElongation", "maxRun", "2")
                .addTokenFilter("nlpkitLowercase")
                .addTokenFilter("nlpkitTypePolicy", "url", "replace", "email", "replace", "mention", "unwrap",
                        "number", "replace", "hashtag", "unwrap", "punct", "drop", "emoticon", "replace",
                        "emoticonPlaceholder", "<smiley>")
                .addTokenFilter("nlpkitNonLetter")
                .addTokenFilter("nlpkitLength", "min", "2", "max", "20")
                .addTokenFilter("nlpkitStop", "words", "smart")
                .addTokenFilter("nlpkitLemmatizer", "mode", "untagged")
                .addTokenFilter("kStem")
                .build();
    }

    private static PreprocessOptions everythingOnOptions() {
        return PreprocessOptions.tweets()
                .withNormalization(Normalization.tweets().withAsciiFolding(true).withElongationMaxRun(2))
                .withAction(TokenType.MENTION, TokenAction.UNWRAP)
                .withPlaceholder(TokenType.EMOTICON, "<smiley>")
                .withRemoveNonLetterTokens(true).withLength(2, 20)
                .withStopWords(StopWords.smart()).withKeepNegations(false)
                .withLemmatization(Lemmatization.UNTAGGED).withStemmer(Stemmer.KSTEM);
    }

    private List<String> realTweets;
    private List<String> edgeCases;

    @BeforeAll
    void loadTexts() {
        edgeCases = new ArrayList<>(PipelineContract.SAMPLES);
        edgeCases.addAll(List.of("I can\u2019t &amp; won't!!! :-) :D <3 </3 \\o/ #SoHappy @Bob_1 bit.ly/x 9/11 1st",
                "cafe\u0301 \uFB01ne \u00A0nbsp\u200Bzero soft\u00ADhyphen Ｆｕｌｌ", "&#x1F600; &#128512; &lt;3 &amp;lt;",
                "gooooood lolllll YESSSSS 1000000 http://t.co/aaaaaa", "\"quoted\" ``a'' (parens) [brackets] -- ...",
                "\uD83D\uDC4D\uD83C\uDFFD \uD83C\uDDEB\uD83C\uDDF7 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
                "\uD800 lone \uDC00 surrogates", "e-mail me@x.com or @me; U.S.A. well-known rock'n'roll 90's 50%"));
        edgeCases.addAll(PipelineContract.fuzzTexts(new Random(20261206L), 300, 120));
        realTweets = List.of();
        if (SharedData.isPresent(TWEETS_FILE)) {
            realTweets = readTweets(SharedData.require(TWEETS_FILE), 400);
        }
    }

    /** The first {@code limit} texts of a Sentiment140 sample (UTF-8 CSV with a header, column {@code text}). */
    private static List<String> readTweets(Path file, int limit) {
        List<String> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                texts.add(r.get("text"));
                if (texts.size() == limit) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return texts;
    }

    @AfterAll
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private void assertSameOutput(Analyzer byName, TextPreprocessor preset, List<String> texts) {
        toClose.add(byName);
        toClose.add(preset);
        assertThat(texts).isNotEmpty();
        int tokens = 0;
        for (String text : texts) {
            List<AnalyzerOutput.Emitted> expected = AnalyzerOutput.of(preset.analyzer(), text);
            assertThat(AnalyzerOutput.of(byName, text)).as("text: %s", text).isEqualTo(expected);
            tokens += expected.size() - 1;
        }
        assertThat(tokens).as("tokens compared").isGreaterThan(texts.size());
    }

    @Test
    void tweetsByNameEqualsThePresetOnRealTweets() throws IOException {
        SharedData.require(TWEETS_FILE);
        assertThat(realTweets).hasSize(400);
        assertSameOutput(tweets(), TextPreprocessor.tweets(), realTweets);
    }

    @Test
    void tweetsByNameEqualsThePresetOnEdgeCasesAndFuzz() throws IOException {
        assertSameOutput(tweets(), TextPreprocessor.tweets(), edgeCases);
    }

    @Test
    void englishByNameEqualsThePreset() throws IOException {
        List<String> texts = new ArrayList<>(edgeCases);
        texts.addAll(realTweets);
        assertSameOutput(english(), TextPreprocessor.english(), texts);
    }

    @Test
    void lessonByNameEqualsThePreset() throws IOException {
        List<String> texts = new ArrayList<>(edgeCases);
        texts.addAll(realTweets);
        assertSameOutput(lesson(), TextPreprocessor.lesson(), texts);
    }

    @Test
    void everyFactoryWithParametersEqualsTheSameOptions() throws IOException {
        List<String> texts = new ArrayList<>(edgeCases);
        texts.addAll(realTweets);
        assertSameOutput(everythingOn(), TextPreprocessor.of(everythingOnOptions()), texts);
    }

    @Test
    void theChainByNameProducesTheDocumentedTokens() throws IOException {
        try (Analyzer a = tweets()) {
            assertThat(AnalyzerOutput.of(a, "@bob I don't LOVE it!!! &lt;3 http://t.co/x #fail 15,000"))
                    .extracting(AnalyzerOutput.Emitted::term)
                    .containsExactly("<user>", "don't", "love", "<3", "<url>", "fail", "<number>", "END");
        }
    }

    @Test
    void everyFactoryIsRegisteredUnderItsName() {
        assertThat(TokenizerFactory.lookupClass(TweetTokenizerFactory.NAME)).isEqualTo(TweetTokenizerFactory.class);
        assertThat(TokenizerFactory.lookupClass(TreebankTokenizerFactory.NAME))
                .isEqualTo(TreebankTokenizerFactory.class);
        assertThat(CharFilterFactory.lookupClass(NormalizingCharFilterFactory.NAME))
                .isEqualTo(NormalizingCharFilterFactory.class);
        for (Class<? extends TokenFilterFactory> c : List.of(ElongationFilterFactory.class,
                TypeAwareLowercaseFilterFactory.class, TypePolicyFilterFactory.class, NonLetterFilterFactory.class,
                StandardTypeFilterFactory.class, CodePointLengthFilterFactory.class, LemmatizerFilterFactory.class,
                StopWordsFilterFactory.class)) {
            assertThat(TokenFilterFactory.lookupClass(TokenFilterFactory.findSPIName(c))).isEqualTo(c);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nlpkitTweet", "nlpkitTreebank"})
    void aTokenizerGivenAnUnknownParameterFailsWithLucenesMessage(String name) {
        assertThatThrownBy(() -> CustomAnalyzer.builder().withTokenizer(name, "maxTokenLength", "10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown parameters: {maxTokenLength=10}");
    }

    @Test
    void theCharFilterGivenAnUnknownParameterFailsWithLucenesMessage() {
        assertThatThrownBy(() -> CustomAnalyzer.builder().addCharFilter("nlpkitNormalize", "nfkd", "true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown parameters: {nfkd=true}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nlpkitElongation", "nlpkitLowercase", "nlpkitTypePolicy", "nlpkitNonLetter",
        "nlpkitStandardType", "nlpkitLength", "nlpkitLemmatizer", "nlpkitStop"})
    void aTokenFilterGivenAnUnknownParameterFailsWithLucenesMessage(String name) {
        assertThatThrownBy(() -> CustomAnalyzer.builder().withTokenizer("nlpkitTweet")
                .addTokenFilter(name, "colour", "blue"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown parameters: {colour=blue}");
    }

    @Test
    void badParameterValuesFailNamingTheParameter() {
        assertThatThrownBy(() -> TokenFilterFactory.forName("nlpkitElongation", args("maxRun", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRun must be >= 2, got 1");
        assertThatThrownBy(() -> TokenFilterFactory.forName("nlpkitTypePolicy", args("url", "unwrap")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url=unwrap");
        assertThatThrownBy(() -> TokenFilterFactory.forName("nlpkitTypePolicy", args("url", "erase")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageContaining("keep");
        assertThatThrownBy(() -> TokenFilterFactory.forName("nlpkitLength", args("min", "3", "max", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min=3, max=2");
        assertThatThrownBy(() -> TokenFilterFactory.forName("nlpkitStop", args("words", "klingon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("words")
                .hasMessageContaining("nltk-english");
        assertThatThrownBy(() -> TokenFilterFactory.forName("nlpkitLemmatizer", args("mode", "pronoun")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode");
    }

    @Test
    void theNoArgumentConstructorsExistForSpiButRefuseDirectUse() {
        assertThatThrownBy(TweetTokenizerFactory::new).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(StopWordsFilterFactory::new).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLuceneMatchVersionIsAcceptedAsEveryLuceneFactoryAcceptsIt() {
        Map<String, String> args = args(AbstractAnalysisFactory.LUCENE_MATCH_VERSION_PARAM, "10.0.0");
        assertThat(TokenizerFactory.forName("nlpkitTweet", args)).isInstanceOf(TweetTokenizerFactory.class);
    }

    private static Map<String, String> args(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
