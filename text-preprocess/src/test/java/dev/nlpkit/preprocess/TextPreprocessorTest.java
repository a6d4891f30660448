package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.normalize.Normalization;

/** The facade and the options record: validation, errors, the Lucene-side normalizer, the placeholders. */
class TextPreprocessorTest {

    @Test
    void optionsRejectUnwrapForTypesWithoutASigil() {
        assertThatThrownBy(() -> PreprocessOptions.tweets().withAction(TokenType.URL, TokenAction.UNWRAP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNWRAP").hasMessageContaining("URL");
    }

    @Test
    void optionsRejectAnEmptyPlaceholder() {
        assertThatThrownBy(() -> PreprocessOptions.tweets().withPlaceholder(TokenType.URL, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placeholder");
    }

    @Test
    void optionsRejectMinLengthAboveMaxLength() {
        assertThatThrownBy(() -> PreprocessOptions.tweets().withLength(5, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minLength=5");
    }

    @Test
    void optionsAreImmutable() {
        PreprocessOptions o = PreprocessOptions.tweets();
        assertThatThrownBy(() -> o.actions().put(TokenType.WORD, TokenAction.DROP))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(o.withStemmer(Stemmer.PORTER).stemmer()).isEqualTo(Stemmer.PORTER);
        assertThat(o.stemmer()).isEqualTo(Stemmer.NONE);
    }

    @Test
    void customPlaceholdersReplace() {
        try (TextPreprocessor p = TextPreprocessor.of(PreprocessOptions.tweets().withPlaceholder(TokenType.URL, "URL"))) {
            assertThat(p.tokens("see http://x.y/z")).containsExactly("see", "URL");
        }
    }

    @Test
    void batchRejectsNullTextsNamingTheIndexAndZeroThreads() {
        try (TextPreprocessor p = TextPreprocessor.tweets()) {
            List<String> texts = Arrays.asList("a", null);
            assertThatThrownBy(() -> p.tokensBatch(texts, 1)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("texts[1]");
            assertThatThrownBy(() -> p.tokensBatch(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void standardTokenizerPathNormalizesThroughTheCharFilterWithOriginalOffsets() {
        try (TextPreprocessor p = TextPreprocessor.of(RawOptions.tokenizerOnly(TokenizerKind.STANDARD)
                .withNormalization(Normalization.prose()))) {
            String text = "&quot;Ｈｅｌｌｏ&quot; ﬁne";
            List<Token> tokens = p.typedTokens(text);
            assertThat(tokens).extracting(Token::term).containsExactly("Hello", "fine");
            assertThat(text.substring(tokens.get(0).start(), tokens.get(0).end())).isEqualTo("Ｈｅｌｌｏ");
            assertThat(text.substring(tokens.get(1).start(), tokens.get(1).end())).isEqualTo("ﬁne");
            assertThat(p.toString()).startsWith("TextPreprocessor[Normalize(htmlEntities, NFKC, whitespace)"
                    + " -> StandardTokenizer -> StandardTypeFilter");
        }
    }

    @Test
    void analyzerIsUsableByLuceneAndStagesMatchToString() {
        try (TextPreprocessor p = TextPreprocessor.lesson()) {
            assertThat(p.analyzer()).isNotNull();
            assertThat(p.toString()).isEqualTo("TextPreprocessor[" + String.join(" -> ", p.stages()) + "]");
        }
    }
}
