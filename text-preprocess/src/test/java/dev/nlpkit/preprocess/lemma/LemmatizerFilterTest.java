package dev.nlpkit.preprocess.lemma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

class LemmatizerFilterTest {

    private final WordNetLemmatizer wn = WordNetLemmatizer.load();

    @Test
    void untaggedTokensAreLemmatizedAsNounsByDefault() throws IOException {
        assertThat(terms("the geese ran to mice", LemmatizerFilter::new))
                .containsExactly("the", "goose", "ran", "to", "mouse");
    }

    @Test
    void fixedPartOfSpeechAppliesToEveryUntaggedToken() throws IOException {
        assertThat(terms("ran was leaves", in -> new LemmatizerFilter(in, wn, LemmaMode.VERB)))
                .containsExactly("run", "be", "leave");
    }

    @Test
    void untaggedModeTriesThePartsOfSpeechInOrder() throws IOException {
        assertThat(terms("geese was happier", in -> new LemmatizerFilter(in, wn, LemmaMode.UNTAGGED)))
                .containsExactly("goose", "be", "happy");
    }

    @Test
    void partOfSpeechAttributeWinsOverTheMode() throws IOException {
        Map<String, PartOfSpeech> tags = Map.of("better", PartOfSpeech.ADJECTIVE, "leaves", PartOfSpeech.NOUN);
        assertThat(terms("better leaves ran", in -> new LemmatizerFilter(
                new AttributeTagger(in, tags), wn, LemmaMode.VERB)))
                .containsExactly("good", "leaf", "run");
    }

    @Test
    void pennTagInTypeAttributeSetsThePartOfSpeech() throws IOException {
        Map<String, String> tags = Map.of("was", "VBD", "better", "JJR", "as", "IN", "geese", "NNS");
        assertThat(terms("was better as geese dogs", in -> new LemmatizerFilter(new TypeTagger(in, tags))))
                .containsExactly("be", "good", "as", "goose", "dog");
    }

    @Test
    void keywordTokensAreLeftAlone() throws IOException {
        assertThat(terms("geese mice", in -> new LemmatizerFilter(new KeywordMarker(in, "geese"))))
                .containsExactly("geese", "mouse");
    }

    @Test
    void offsetsAreThoseOfTheOriginalTokens() throws IOException {
        try (TokenStream stream = new LemmatizerFilter(tokenizer("geese ran"))) {
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            assertThat(stream.incrementToken()).isTrue();
            assertThat(term.toString()).isEqualTo("goose");
            assertThat(offsets.startOffset()).isZero();
            assertThat(offsets.endOffset()).isEqualTo(5);
            stream.end();
        }
    }

    private static Tokenizer tokenizer(String text) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader(text));
        return tokenizer;
    }

    private static List<String> terms(String text, Function<TokenStream, TokenStream> chain) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = chain.apply(tokenizer(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }

    /** Sets PartOfSpeechAttribute from a dictionary, as a tagger stage would. */
    private static final class AttributeTagger extends TokenFilter {
        private final Map<String, PartOfSpeech> tags;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PartOfSpeechAttribute pos = addAttribute(PartOfSpeechAttribute.class);

        AttributeTagger(TokenStream in, Map<String, PartOfSpeech> tags) {
            super(in);
            this.tags = tags;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            pos.setPartOfSpeech(tags.get(term.toString()));
            return true;
        }
    }

    /** Writes Penn tags into TypeAttribute, as Lucene's OpenNLPPOSFilter does. */
    private static final class TypeTagger extends TokenFilter {
        private final Map<String, String> tags;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        TypeTagger(TokenStream in, Map<String, String> tags) {
            super(in);
            this.tags = tags;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String tag = tags.get(term.toString());
            if (tag != null) {
                type.setType(tag);
            }
            return true;
        }
    }

    private static final class KeywordMarker extends TokenFilter {
        private final String keyword;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keywordAttribute = addAttribute(KeywordAttribute.class);

        KeywordMarker(TokenStream in, String keyword) {
            super(in);
            this.keyword = keyword;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            keywordAttribute.setKeyword(term.toString().equals(keyword));
            return true;
        }
    }
}
