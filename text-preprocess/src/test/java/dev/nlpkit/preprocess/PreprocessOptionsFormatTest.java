package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.stop.StopWords;

/** {@link PreprocessOptionsFormat}: every field round-trips; errors name source, line and field. */
class PreprocessOptionsFormatTest {

    static List<PreprocessOptions> options() {
        return List.of(PreprocessOptions.tweets(), PreprocessOptions.english(), PreprocessOptions.lesson(),
                PreprocessOptions.tweets().withStemmer(Stemmer.KSTEM).withLemmatization(Lemmatization.NOUN)
                        .withPlaceholder(TokenType.URL, "<link\tx\\y>").withLength(2, 30)
                        .withStopWords(StopWords.of("mine", List.of("a", "b\nc"))).withLowercase(false)
                        .withRemoveNonLetterTokens(true),
                PreprocessOptions.tweets().withPartOfSpeechLemmatization("smile-hmm"));
    }

    private static String text(PreprocessOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreprocessOptionsFormat.write(o, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PreprocessOptions read(String text) throws IOException {
        return PreprocessOptionsFormat.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "m#preprocessing");
    }

    @ParameterizedTest
    @MethodSource("options")
    void everyFieldRoundTrips(PreprocessOptions o) throws IOException {
        assertThat(read(text(o))).isEqualTo(o);
    }

    @Test
    void theStopWordsAreSpelledOutNotNamed() throws IOException {
        String t = text(PreprocessOptions.lesson());
        assertThat(t).contains("stopWords.count=" + StopWords.nltkEnglish().size() + "\n").contains("\nyourselves\n");
    }

    @Test
    void aBadValueNamesSourceLineAndField() throws IOException {
        String bad = text(PreprocessOptions.tweets()).replace("tokenizer=TWEET", "tokenizer=SPACES");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("m#preprocessing: line 8: field 'tokenizer'");
    }

    @Test
    void aNewerVersionIsRefused() throws IOException {
        String newer = text(PreprocessOptions.tweets()).replace("options\t1", "options\t3");
        assertThatThrownBy(() -> read(newer)).hasMessageContaining("newer than this nlpkit reads (2)");
    }

    @Test
    void aTruncatedTextIsReported() throws IOException {
        String t = text(PreprocessOptions.tweets());
        assertThatThrownBy(() -> read(t.substring(0, t.length() / 2))).hasMessageContaining("truncated");
    }

    @Test
    void optionsWithoutATaggerAreWrittenAsVersionOneWhichOlderBuildsRead() throws IOException {
        assertThat(text(PreprocessOptions.tweets())).startsWith(PreprocessOptionsFormat.KIND + "\t1\n")
                .doesNotContain("partOfSpeechTagger");
    }

    @Test
    void theTaggerNameIsWrittenAsVersionTwo() throws IOException {
        String text = text(PreprocessOptions.tweets().withPartOfSpeechLemmatization("smile-hmm"));
        assertThat(text).startsWith(PreprocessOptionsFormat.KIND + "\t2\n")
                .contains("\nlemmatization=POS\npartOfSpeechTagger=smile-hmm\n");
        assertThat(read(text).partOfSpeechTagger()).isEqualTo("smile-hmm");
    }
}
