package dev.nlpkit.examples.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.TextPreprocessor;

class PreprocessingTest {

    private static final String TWEET = "@bob but it was not too bad!!! http://t.co/x";

    private static java.util.List<String> tokens(Preprocessing p) {
        try (TextPreprocessor pre = TextPreprocessor.of(p.options())) {
            return pre.tokens(TWEET);
        }
    }

    @Test
    void thePresetDropsStopWordsAndPunctuation() {
        assertThat(tokens(Preprocessing.defaults())).containsExactly("<user>", "not", "bad", "<url>");
    }

    @Test
    void theSwitchesKeepStopWordsAndPunctuation() {
        assertThat(tokens(Preprocessing.defaults().withKeepStopWords(true)))
                .containsExactly("<user>", "but", "it", "was", "not", "too", "bad", "<url>");
        assertThat(tokens(Preprocessing.defaults().withKeepStopWords(true).withKeepPunctuation(true)))
                .containsExactly("<user>", "but", "it", "was", "not", "too", "bad", "!!!", "<url>");
    }

    @Test
    void theSwitchesSurviveTheBundleText() {
        Preprocessing p = Preprocessing.defaults().withKeepStopWords(true).withKeepPunctuation(true);
        assertThat(Preprocessing.parse(p.toText(), "test")).isEqualTo(p);
        assertThat(Preprocessing.parse(Preprocessing.defaults().toText(), "test")).isEqualTo(Preprocessing.defaults());
    }

    @Test
    void aBundleWrittenBeforeTheSwitchesReadsAsThePreset() {
        String old = "preprocessing\t1\npreset=tweets\nstemmer=none\nlemmatization=none\n";
        assertThat(Preprocessing.parse(old, "old bundle")).isEqualTo(Preprocessing.defaults());
    }

    @Test
    void aBadSwitchValueNamesTheKey() {
        String bad = "preprocessing\t1\npreset=tweets\nstemmer=none\nlemmatization=none\nkeep_stop_words=yes\n";
        assertThatThrownBy(() -> Preprocessing.parse(bad, "b.nlpkit"))
                .hasMessageContaining("b.nlpkit").hasMessageContaining("keep_stop_words").hasMessageContaining("yes");
    }

    @Test
    void labelsInWordsMatchSentiment140sNumbers() {
        var classes = java.util.List.of("0", "4");
        assertThat(SentimentData.samePolarity("positive", classes)).isEqualTo("4");
        assertThat(SentimentData.samePolarity("Negative", classes)).isEqualTo("0");
        assertThat(SentimentData.samePolarity("4", java.util.List.of("negative", "positive"))).isEqualTo("positive");
        assertThat(SentimentData.samePolarity("mixed", classes)).isNull();
    }
}
