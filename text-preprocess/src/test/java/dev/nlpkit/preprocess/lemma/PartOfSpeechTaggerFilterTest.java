package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.Lemmatization;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.Token;

/** {@link PartOfSpeechTaggerFilter} with a fake tagger, alone and as the POS stage of a {@link TextPreprocessor}. */
class PartOfSpeechTaggerFilterTest {

    private static final String FAKE = "fake-test-tagger";

    /** Tags from a fixed table (unknown words: NN), counting its calls. */
    private static final class TableTagger implements PartOfSpeechTagger {
        final Map<String, String> table;
        final AtomicInteger calls = new AtomicInteger();
        final List<List<String>> sentences = new ArrayList<>();

        TableTagger(Map<String, String> table) {
            this.table = table;
        }

        @Override
        public synchronized String[] tag(String[] tokens) {
            calls.incrementAndGet();
            sentences.add(List.of(tokens));
            String[] tags = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                tags[i] = table.getOrDefault(tokens[i], "NN");
            }
            return tags;
        }
    }

    private final TableTagger tagger = new TableTagger(Map.of("ran", "VBD", "better", "JJR", "leaves", "VBZ",
            "as", "IN", "was", "VBD"));

    @AfterEach
    void unregister() {
        PartOfSpeechTaggers.unregister(FAKE);
    }

    private static List<String> drain(TokenStream ts, List<String> out) throws IOException {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
        PartOfSpeechAttribute pos = ts.addAttribute(PartOfSpeechAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term + "/" + offset.startOffset() + "-" + offset.endOffset() + "/" + type.type() + "/"
                    + increment.getPositionIncrement() + "/" + pos.getPartOfSpeech());
        }
        ts.end();
        out.add("end " + offset.endOffset());
        ts.close();
        return out;
    }

    private static Tokenizer whitespace(String text) {
        Tokenizer t = new WhitespaceTokenizer();
        t.setReader(new StringReader(text));
        return t;
    }

    @Test
    void everyTokenIsReplayedWithItsTermOffsetsTypeAndIncrementAndTheTaggedPartOfSpeech() throws IOException {
        String text = "better  leaves as ran ";
        List<String> plain = drain(whitespace(text), new ArrayList<>());
        List<String> tagged = drain(new PartOfSpeechTaggerFilter(whitespace(text), tagger, FAKE), new ArrayList<>());
        assertThat(tagged).containsExactly("better/0-6/word/1/ADJECTIVE", "leaves/8-14/word/1/VERB",
                "as/15-17/word/1/null", "ran/18-21/word/1/VERB", "end 22");
        assertThat(tagged).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size() - 1; i++) {
            assertThat(tagged.get(i)).startsWith(plain.get(i).substring(0, plain.get(i).lastIndexOf('/')));
        }
    }

    @Test
    void theTaggerIsCalledOncePerTextWithTheWholeText() throws IOException {
        PartOfSpeechTaggerFilter filter = new PartOfSpeechTaggerFilter(whitespace("the geese ran"), tagger, FAKE);
        drain(filter, new ArrayList<>());
        assertThat(tagger.calls).hasValue(1);
        assertThat(tagger.sentences).containsExactly(List.of("the", "geese", "ran"));
    }

    @Test
    void anEmptyTextDoesNotCallTheTagger() throws IOException {
        assertThat(drain(new PartOfSpeechTaggerFilter(whitespace("   "), tagger, FAKE), new ArrayList<>()))
                .containsExactly("end 3");
        assertThat(tagger.calls).hasValue(0);
    }

    @Test
    void aTaggerReturningTheWrongNumberOfTagsIsNamed() {
        PartOfSpeechTagger broken = tokens -> new String[] {"NN"};
        assertThatThrownBy(() -> drain(new PartOfSpeechTaggerFilter(whitespace("two words"), broken, "broken"),
                new ArrayList<>())).isInstanceOf(IllegalStateException.class)
                .hasMessage("the part-of-speech tagger 'broken' returned 1 tags for 2 tokens");
    }

    @Test
    void posLemmatizationInThePipelineLemmatizesEachWordWithItsTagAndLeavesClosedClassWords() {
        PartOfSpeechTaggers.register(FAKE, tagger);
        PreprocessOptions options = PreprocessOptions.tweets().withStopWords(PreprocessOptions.NO_STOP_WORDS)
                .withPartOfSpeechLemmatization(FAKE);
        try (TextPreprocessor pre = TextPreprocessor.of(options)) {
            // leaves as a verb -> leave (a noun would give leaf); "as" (IN) stays (a noun would give "a");
            // "geese" untagged in the table -> NN -> goose; the placeholder is a keyword and stays
            assertThat(pre.tokens("Better leaves as geese ran @bob")).containsExactly("good", "leave", "as", "goose",
                    "run", "<user>");
            assertThat(pre.typedTokens("Leaves ran").stream().map(Token::start).toList()).containsExactly(0, 7);
            assertThat(pre.stages()).contains("PartOfSpeechTagger(" + FAKE + ")",
                    "LemmatizerFilter(WordNet 3.0, tagged part of speech)");
        }
        assertThat(tagger.calls).hasValue(2);
    }

    @Test
    void aPipelineNamingATaggerNobodyRegisteredFailsWithTheNameAndHowToRegisterIt() {
        PreprocessOptions options = PreprocessOptions.tweets().withPartOfSpeechLemmatization("no-such-tagger");
        assertThatThrownBy(() -> TextPreprocessor.of(options)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the preprocessing lemmatizes with the part-of-speech tagger "
                        + "'no-such-tagger', which is not registered in this program: register it with "
                        + "PartOfSpeechTaggers.register(\"no-such-tagger\", tagger)");
    }

    @Test
    void posLemmatizationNeedsATaggerName() {
        assertThatThrownBy(() -> PreprocessOptions.tweets().withLemmatization(Lemmatization.POS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withPartOfSpeechLemmatization(name)");
        assertThat(PreprocessOptions.tweets().withPartOfSpeechLemmatization("x").withLemmatization(Lemmatization.NOUN)
                .partOfSpeechTagger()).isEmpty();
    }
}
