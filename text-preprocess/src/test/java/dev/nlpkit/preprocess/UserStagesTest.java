package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * User stages inside a {@link TextPreprocessor}: placed at their insertion point, listed by name in
 * {@code stages()}, offsets kept, custom token types kept, and the whole pipeline through the
 * {@link PipelineContract}.
 */
class UserStagesTest {

    /** A user's filter: gives the type {@code ANIMAL} to a few words, as a gazetteer would. */
    static final class AnimalTypeFilter extends TokenFilter {
        private static final Set<String> ANIMALS = Set.of("cat", "cats", "dog", "dogs", "geese");
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        AnimalTypeFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (ANIMALS.contains(term.toString().toLowerCase(java.util.Locale.ROOT))) {
                type.setType("ANIMAL");
            }
            return true;
        }
    }

    /** A user's filter: expands the slang {@code u} to {@code you} (after lower-casing). */
    static final class SlangFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        SlangFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() == 1 && term.charAt(0) == 'u') {
                term.setEmpty().append("you");
            }
            return true;
        }
    }

    /** A filter that changes nothing: the chain with it must equal the chain without it. */
    static final class PassThroughFilter extends TokenFilter {
        PassThroughFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            return input.incrementToken();
        }
    }

    private static final CharArraySet PROTECTED = new CharArraySet(List.of("news"), false);

    private static TokenFilterFactory lengthFactory() {
        Map<String, String> args = new HashMap<>(Map.of("min", "1", "max", "30"));
        return TokenFilterFactory.forName("nlpkitLength", args);
    }

    private static TextPreprocessor.Builder withStagesEverywhere(PreprocessOptions options) {
        return TextPreprocessor.builder(options)
                .addStage(InsertionPoint.END, lengthFactory())
                .addStage(InsertionPoint.BEFORE_STEMMING, "ProtectWords",
                        in -> new SetKeywordMarkerFilter(in, PROTECTED))
                .addStage(InsertionPoint.BEFORE_STOP_WORDS, "Slang", SlangFilter::new)
                .addStage(InsertionPoint.AFTER_TOKENIZER, "AnimalTypes", AnimalTypeFilter::new);
    }

    @Nested
    class TweetsWithAStageAtEveryPoint extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.tweets().withStemmer(Stemmer.PORTER).withLemmatization(Lemmatization.NOUN);
        }

        @Override
        protected TextPreprocessor createPreprocessor() {
            return withStagesEverywhere(options()).build();
        }

        @Override
        protected Set<String> customTypes() {
            return Set.of("ANIMAL");
        }

        @Test
        void stagesListEachUserStageByNameAtItsPoint() {
            assertThat(preprocessor.stages()).containsExactly(
                    "Normalize(htmlEntities, NFKC, apostrophes, whitespace)", "TweetTokenizer", "AnimalTypes",
                    "Elongation(maxRun=3)", "Lowercase(except EMOTICON)",
                    "TypePolicy(URL=<url>, EMAIL=<email>, MENTION=<user>, HASHTAG=unwrap, NUMBER=<number>, PUNCT=drop)",
                    "Slang", "StopFilter(nltk-english minus negations (139 words))", "ProtectWords",
                    "LemmatizerFilter(WordNet 3.0, NOUN)", "PorterStemFilter", "nlpkitLength(max=30, min=1)");
            assertThat(preprocessor.toString()).isEqualTo("TextPreprocessor[" + String.join(" -> ",
                    preprocessor.stages()) + "]");
        }

        @Test
        void customTypesSurviveEveryLaterStage() {
            String text = "My CATS love the geese &amp; u";
            List<Token> tokens = preprocessor.typedTokens(text);
            // lower-cased, lemmatized (geese -> goose), stemmed (cats -> cat), still ANIMAL
            assertThat(tokens).containsExactly(
                    new Token("cat", TokenType.WORD, 3, 7, "ANIMAL"),
                    new Token("love", TokenType.WORD, 8, 12),
                    new Token("goos", TokenType.WORD, 17, 22, "ANIMAL"));
            assertThat(tokens.get(0).toString()).isEqualTo("Token[term=cat, type=WORD, start=3, end=7, luceneType=ANIMAL]");
        }

        @Test
        void aStageBeforeStopWordsFeedsTheStopFilter() {
            // "u" becomes "you", a stop word, so it is removed; keyword protection spares "news" from Porter
            assertThat(preprocessor.tokens("u read the news")).containsExactly("read", "news");
            try (TextPreprocessor atEnd = TextPreprocessor.builder(options())
                    .addStage(InsertionPoint.END, "Slang", SlangFilter::new).build()) {
                assertThat(atEnd.tokens("u read the news")).containsExactly("you", "read", "new");
            }
        }

        @Test
        void offsetsPointIntoTheOriginalText() {
            String text = "&quot;Dogs&quot; r\u2019 sooooo happpyyy u know #Cats";
            for (Token t : preprocessor.typedTokens(text)) {
                String span = text.substring(t.start(), t.end());
                assertThat(span).as("span of %s", t).isNotBlank();
            }
            List<Token> tokens = preprocessor.typedTokens(text);
            assertThat(tokens.get(0)).isEqualTo(new Token("dog", TokenType.WORD, 6, 10, "ANIMAL"));
            Token last = tokens.get(tokens.size() - 1);
            assertThat(text.substring(last.start(), last.end())).isEqualTo("#Cats");
        }

        @Test
        void batchesGiveTheSameTokensAsSingleCalls() {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                texts.add(i % 3 == 0 ? "the dogs and u #news " + i : "geese read news, u? " + i);
            }
            List<List<String>> one = texts.stream().map(preprocessor::tokens).toList();
            assertThat(preprocessor.tokensBatch(texts, 3)).isEqualTo(one);
        }
    }

    @Test
    void passThroughStagesAtEveryPointKeepTermsTypesAndOffsetsOfThePreset() {
        PreprocessOptions options = PreprocessOptions.tweets().withStemmer(Stemmer.PORTER);
        TextPreprocessor.Builder builder = TextPreprocessor.builder(options);
        for (InsertionPoint p : InsertionPoint.values()) {
            builder.addStage(p, "PassThrough" + p.ordinal(), PassThroughFilter::new);
        }
        List<String> texts = new ArrayList<>(PipelineContract.SAMPLES);
        texts.addAll(PipelineContract.fuzzTexts(new Random(42), 300, 100));
        try (TextPreprocessor preset = TextPreprocessor.of(options); TextPreprocessor extended = builder.build()) {
            for (String text : texts) {
                assertThat(extended.typedTokens(text)).as("text: %s", text).isEqualTo(preset.typedTokens(text));
            }
            assertThat(extended.stages()).hasSize(preset.stages().size() + 4);
        }
    }

    @Test
    void aBuilderWithoutStagesEqualsOf() {
        try (TextPreprocessor built = TextPreprocessor.builder(PreprocessOptions.lesson()).build();
             TextPreprocessor of = TextPreprocessor.lesson()) {
            assertThat(built.stages()).isEqualTo(of.stages());
            assertThat(built.typedTokens(PipelineContract.SAMPLES.get(6)))
                    .isEqualTo(of.typedTokens(PipelineContract.SAMPLES.get(6)));
        }
    }

    @Test
    void theStandardTokenizerChainPlacesAfterTokenizerStagesAfterTheTypeMapping() {
        try (TextPreprocessor p = TextPreprocessor.builder(PreprocessOptions.english())
                .addStage(InsertionPoint.AFTER_TOKENIZER, "AnimalTypes", AnimalTypeFilter::new).build()) {
            assertThat(p.stages()).startsWith("Normalize(htmlEntities, NFKC, whitespace)", "StandardTokenizer",
                    "StandardTypeFilter", "AnimalTypes");
            assertThat(p.typedTokens("Dogs bark")).extracting(Token::luceneType).containsExactly("ANIMAL", "WORD");
        }
    }

    @Test
    void aStageNeedsANonBlankName() {
        assertThatThrownBy(() -> TextPreprocessor.builder(PreprocessOptions.tweets())
                .addStage(InsertionPoint.END, " ", SlangFilter::new))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void aStageReturningNullIsNamedInTheError() {
        try (TextPreprocessor p = TextPreprocessor.builder(PreprocessOptions.tweets())
                .addStage(InsertionPoint.BEFORE_STEMMING, "Broken", in -> null).build()) {
            assertThatThrownBy(() -> p.tokens("hello")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'Broken'").hasMessageContaining("BEFORE_STEMMING");
        }
    }

    @Test
    void aTokenRejectsATypeThatDoesNotMatchItsLuceneType() {
        assertThatThrownBy(() -> new Token("x", TokenType.URL, 0, 1, "ANIMAL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANIMAL");
        assertThat(new Token("x", TokenType.URL, 0, 1).luceneType()).isEqualTo("URL");
    }
}
