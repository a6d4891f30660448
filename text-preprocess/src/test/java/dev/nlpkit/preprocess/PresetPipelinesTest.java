package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.normalize.Normalization;
import dev.nlpkit.preprocess.stop.StopWords;

/** Every preset and a few unusual configurations through the {@link PipelineContract}, plus their outputs. */
class PresetPipelinesTest {

    @Nested
    class Tweets extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.tweets();
        }

        @Test
        void replacesUnwrapsDropsAndKeepsNegations() {
            assertThat(preprocessor.tokens("@bob I don't LOVE it!!! &lt;3 http://t.co/x #fail 15,000"))
                    .containsExactly("<user>", "don't", "love", "<3", "<url>", "fail", "<number>");
            assertThat(preprocessor.tokens("this is not good, no way")).containsExactly("not", "good", "no", "way");
        }

        @Test
        void squeezesElongationsAndKeepsEmoticonCase() {
            assertThat(preprocessor.tokens("Sooooo HAPPYYYY :D :P")).containsExactly("sooo", "happyyy", ":D", ":P");
        }

        @Test
        void reportsOffsetsInTheOriginalTextThroughEntities() {
            String text = "&quot;wow&quot; &lt;3";
            List<Token> tokens = preprocessor.typedTokens(text);
            assertThat(tokens).extracting(Token::term).containsExactly("wow", "<3");
            assertThat(text.substring(tokens.get(0).start(), tokens.get(0).end())).isEqualTo("wow");
            assertThat(text.substring(tokens.get(1).start(), tokens.get(1).end())).isEqualTo("&lt;3");
        }

        @Test
        void listsTheChain() {
            assertThat(preprocessor.toString()).isEqualTo("TextPreprocessor[Normalize(htmlEntities, NFKC,"
                    + " apostrophes, whitespace) -> TweetTokenizer -> Elongation(maxRun=3) -> Lowercase(except EMOTICON)"
                    + " -> TypePolicy(URL=<url>, EMAIL=<email>, MENTION=<user>, HASHTAG=unwrap, NUMBER=<number>,"
                    + " PUNCT=drop) -> StopFilter(nltk-english minus negations (139 words))]");
        }
    }

    @Nested
    class TweetsWithPorter extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.tweets().withStemmer(Stemmer.PORTER);
        }

        @Test
        void stemsWordsButNotPlaceholdersOrEmoticons() {
            assertThat(preprocessor.tokens("loving the ponies @x :) http://a.b/c #running"))
                    .containsExactly("love", "poni", "<user>", ":)", "<url>", "run");
        }
    }

    @Nested
    class TweetsLemmatized extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.tweets().withLemmatization(Lemmatization.NOUN);
        }

        @Test
        void lemmatizesWordsAsNounsLikeNltk() {
            assertThat(preprocessor.tokens("the geese and mice have feet, lol @x #corpora"))
                    .containsExactly("goose", "mouse", "foot", "lol", "<user>", "corpus");
            assertThat(preprocessor.stages()).contains("LemmatizerFilter(WordNet 3.0, NOUN)");
        }
    }

    @Nested
    class ProseLemmatizedUntagged extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.english().withStemmer(Stemmer.NONE).withLemmatization(Lemmatization.UNTAGGED);
        }

        @Test
        void triesVerbFirstForUntaggedText() {
            assertThat(preprocessor.tokens("She ran home; the geese were singing")).containsExactly("run", "home",
                    "goose", "sing");
        }
    }

    @Nested
    class English extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.english();
        }

        @Test
        void tokenizesProseWithPorter2() {
            assertThat(preprocessor.tokens("The running dogs' owners weren't generously happy."))
                    .containsExactly("run", "dog", "owner", "generous", "happi");
        }
    }

    @Nested
    class Lesson extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.lesson();
        }

        @Test
        void isWordTokenizeLowercaseNltkStopWordsPorter() {
            assertThat(preprocessor.tokens("I can't believe the dogs were running!"))
                    .containsExactly("ca", "n't", "believ", "dog", "run", "!");
            assertThat(preprocessor.toString()).isEqualTo("TextPreprocessor[TreebankTokenizer(NLTK word_tokenize)"
                    + " -> Lowercase(except EMOTICON) -> StopFilter(nltk-english (179 words)) -> PorterStemFilter]");
        }
    }

    @Nested
    class EverythingOn extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.tweets()
                    .withNormalization(Normalization.tweets().withAsciiFolding(true).withElongationMaxRun(2))
                    .withAction(TokenType.MENTION, TokenAction.UNWRAP)
                    .withAction(TokenType.EMOTICON, TokenAction.REPLACE)
                    .withRemoveNonLetterTokens(true).withLength(2, 20)
                    .withStopWords(StopWords.smart()).withStemmer(Stemmer.KSTEM);
        }

        @Test
        void foldsUnwrapsReplacesAndFilters() {
            assertThat(preprocessor.tokens("@Zoe loves café :) a 42 ---")).containsExactly("zoe", "love", "cafe",
                    "<emoticon>", "<number>");
        }
    }

    @Nested
    class StandardRaw extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return RawOptions.tokenizerOnly(TokenizerKind.STANDARD).withStemmer(Stemmer.ENGLISH_MINIMAL);
        }
    }

    @Nested
    class TreebankNormalized extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return PreprocessOptions.lesson().withNormalization(Normalization.tweets()).withStemmer(Stemmer.PORTER2)
                    .withoutPunctuation().withoutNumbers();
        }
    }

    @Nested
    class TweetRaw extends PipelineContract {
        @Override
        protected PreprocessOptions options() {
            return RawOptions.tokenizerOnly(TokenizerKind.TWEET);
        }
    }
}
