package dev.nlpkit.preprocess.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderColumnsTest {

    private static String detected(String... header) {
        HeaderColumns.Detected d = HeaderColumns.detect(List.of(header));
        return d.labelName() + "/" + d.textName();
    }

    @Test
    void exactNamesOfTheCommonTweetSets() {
        assertThat(detected("target", "id", "text", "sources")).isEqualTo("target/text");
        assertThat(detected("target", "ids", "date", "flag", "user", "text")).isEqualTo("target/text");
        assertThat(detected("polarity", "tweet")).isEqualTo("polarity/tweet");
        assertThat(detected("Label", "Sentence")).isEqualTo("Label/Sentence");
    }

    @Test
    void suffixMatchesWhenNoNameIsExact() {
        assertThat(detected("ItemID", "Sentiment", "SentimentText")).isEqualTo("Sentiment/SentimentText");
        assertThat(detected("Topic", "Sentiment", "TweetId", "TweetDate", "TweetText")).isEqualTo("Sentiment/TweetText");
        assertThat(detected("tweet_id", "airline_sentiment", "airline_sentiment_confidence", "text"))
                .isEqualTo("airline_sentiment/text");
    }

    @Test
    void exactNameWinsOverSuffixAndSpaceAndCaseAreIgnored() {
        assertThat(detected(" Text ", "tweet_sentiment", " LABEL")).isEqualTo(" LABEL/ Text ");
    }

    @Test
    void missingTextColumnIsReportedWithTheNamesLookedFor() {
        assertThatThrownBy(() -> HeaderColumns.detect(List.of("label", "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no text column in header ['label', 'id']")
                .hasMessageContaining("tweet");
    }

    @Test
    void unlabelledHeaderHasATextColumnButNoLabel() {
        List<String> header = List.of("tweet_id", " tweet_time", " tweet_text");
        assertThat(HeaderColumns.findText(header)).hasValue(2);
        assertThat(HeaderColumns.findLabel(header)).isEmpty();
    }
}
