package dev.nlpkit.preprocess.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.nlpkit.preprocess.RawOptions;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.Token;
import dev.nlpkit.preprocess.TokenizerKind;

/**
 * The Penn-Treebank tokenizer against NLTK 3.8's {@code word_tokenize} (with {@code preserve_line=True}: the
 * Punkt model is not installed; every line is one sentence) and {@code span_tokenize} on 170 sentences
 * (golden/treebank_golden.tsv, made by golden/make_golden.py).
 */
class TreebankGoldenTest {

    record Case(String text, List<String> tokens, String spans) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = TreebankGoldenTest.class.getResourceAsStream("golden/treebank_golden.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0].replace("\\t", "\t"), Arrays.asList(f[1].split(" ")), f[2]));
            }
        }
        return cases.stream();
    }

    @Test
    void goldenHasAtLeast100Sentences() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsAsNltkWordTokenize(Case c) {
        assertThat(new PennTreebankSplitter().split(c.text())).containsExactlyElementsOf(c.tokens());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheSpansOfNltkSpanTokenize(Case c) {
        List<String> spans = new ArrayList<>();
        for (PennTreebankSplitter.Span s : new PennTreebankSplitter().spans(c.text())) {
            spans.add(s.start() + "-" + s.end());
        }
        assertThat(String.join(" ", spans)).isEqualTo(c.spans());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theLuceneTokenizerEmitsTheSameTokensAndSpans(Case c) {
        try (TextPreprocessor p = TextPreprocessor.of(RawOptions.tokenizerOnly(TokenizerKind.TREEBANK))) {
            List<Token> tokens = p.typedTokens(c.text());
            assertThat(tokens).extracting(Token::term).containsExactlyElementsOf(c.tokens());
            assertThat(String.join(" ", tokens.stream().map(t -> t.start() + "-" + t.end()).toList()))
                    .isEqualTo(c.spans());
        }
    }

    @Test
    void splitsContractionsAndTheFinalPeriodAsTheIssueShows() {
        PennTreebankSplitter s = new PennTreebankSplitter();
        assertThat(s.split("I can't go.")).containsExactly("I", "ca", "n't", "go", ".");
        assertThat(s.split("He ran 20km.")).containsExactly("He", "ran", "20km", ".");
    }

    @Test
    void typesTokens() {
        assertThat(TreebankTokenizer.typeOf("n't")).hasToString("WORD");
        assertThat(TreebankTokenizer.typeOf("3,000")).hasToString("NUMBER");
        assertThat(TreebankTokenizer.typeOf("``")).hasToString("PUNCT");
        assertThat(TreebankTokenizer.typeOf("20km")).hasToString("WORD");
    }
}
