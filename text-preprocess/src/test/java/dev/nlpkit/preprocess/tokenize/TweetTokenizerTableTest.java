package dev.nlpkit.preprocess.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.nlpkit.preprocess.RawOptions;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.Token;
import dev.nlpkit.preprocess.TokenizerKind;

/** The tweet tokenizer on the patterns real tweets are made of: one row per pattern, expected "TYPE term". */
class TweetTokenizerTableTest {

    private static final TextPreprocessor RAW = TextPreprocessor.of(RawOptions.tokenizerOnly(TokenizerKind.TWEET));

    record Row(String text, List<String> expected) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static Row row(String text, String... expected) {
        return new Row(text, List.of(expected));
    }

    static Stream<Row> rows() {
        return Stream.of(
                // URLs
                row("see http://bit.ly/abc123", "WORD see", "URL http://bit.ly/abc123"),
                row("https://t.co/XyZ?x=1&y=2#frag.", "URL https://t.co/XyZ?x=1&y=2#frag", "PUNCT ."),
                row("(http://example.com/a_(b))", "PUNCT (", "URL http://example.com/a_(b)", "PUNCT )"),
                row("go to www.twitpic.com/2y1z!", "WORD go", "WORD to", "URL www.twitpic.com/2y1z", "PUNCT !"),
                row("tinyurl.com/5n6d7 rocks", "URL tinyurl.com/5n6d7", "WORD rocks"),
                row("google.com, then", "URL google.com", "PUNCT ,", "WORD then"),
                row("node.js is fun", "WORD node", "PUNCT .", "WORD js", "WORD is", "WORD fun"),
                row("HTTP://CAPS.COM/X", "URL HTTP://CAPS.COM/X"),
                row("http:// alone", "WORD http", "PUNCT :", "PUNCT //", "WORD alone"),
                // mentions and e-mail
                row("@bob hi", "MENTION @bob", "WORD hi"),
                row("@user_1: thanks!", "MENTION @user_1", "PUNCT :", "WORD thanks", "PUNCT !"),
                row(".@CNN is live", "PUNCT .", "MENTION @CNN", "WORD is", "WORD live"),
                row("RT @jane_doe: lol", "WORD RT", "MENTION @jane_doe", "PUNCT :", "WORD lol"),
                row("mail john.doe+tw@mail.example.org now", "WORD mail", "EMAIL john.doe+tw@mail.example.org",
                        "WORD now"),
                row("me@x.com.", "EMAIL me@x.com", "PUNCT ."),
                row("at @ home", "WORD at", "PUNCT @", "WORD home"),
                // hashtags
                row("#happy day", "HASHTAG #happy", "WORD day"),
                row("#FollowFriday @a @b", "HASHTAG #FollowFriday", "MENTION @a", "MENTION @b"),
                row("so #blessed!!", "WORD so", "HASHTAG #blessed", "PUNCT !!"),
                row("#1 fan", "HASHTAG #1", "WORD fan"),
                row("#café", "HASHTAG #café"),
                row("# alone", "PUNCT #", "WORD alone"),
                // emoticons
                row("happy :)", "WORD happy", "EMOTICON :)"),
                row("sad :-(", "WORD sad", "EMOTICON :-("),
                row("wink ;D", "WORD wink", "EMOTICON ;D"),
                row("love <3 u", "WORD love", "EMOTICON <3", "WORD u"),
                row("broken </3", "WORD broken", "EMOTICON </3"),
                row(":P yes", "EMOTICON :P", "WORD yes"),
                row("xD lol", "EMOTICON xD", "WORD lol"),
                row("XD", "EMOTICON XD"),
                row("crying :'(", "WORD crying", "EMOTICON :'("),
                row("angry >:(", "WORD angry", "EMOTICON >:("),
                row("=] ok", "EMOTICON =]", "WORD ok"),
                row("cool 8-)", "WORD cool", "EMOTICON 8-)"),
                row("yay :)))", "WORD yay", "EMOTICON :)))"),
                row("haha :DDD", "WORD haha", "EMOTICON :DDD"),
                row("^_^ cute", "EMOTICON ^_^", "WORD cute"),
                row("-_- really", "EMOTICON -_-", "WORD really"),
                row("o_O what", "EMOTICON o_O", "WORD what"),
                row("T_T", "EMOTICON T_T"),
                row("(: smile", "EMOTICON (:", "WORD smile"),
                row("hmm :/ ok", "WORD hmm", "EMOTICON :/", "WORD ok"),
                row("thanks:)", "WORD thanks", "EMOTICON :)"),
                row(":Pizza", "PUNCT :", "WORD Pizza"),
                row("I \u2764\uFE0F NY", "WORD I", "EMOTICON \u2764\uFE0F", "WORD NY"),
                row("\uD83D\uDE02\uD83D\uDE02", "EMOTICON \uD83D\uDE02", "EMOTICON \uD83D\uDE02"),
                row("\uD83D\uDC4D\uD83C\uDFFD nice", "EMOTICON \uD83D\uDC4D\uD83C\uDFFD", "WORD nice"),
                row("\\o/ yes", "EMOTICON \\o/", "WORD yes"),
                // numbers
                row("ran 20km today", "WORD ran", "NUMBER 20km", "WORD today"),
                row("15,000 people", "NUMBER 15,000", "WORD people"),
                row("3.5 stars", "NUMBER 3.5", "WORD stars"),
                row("at 10:30pm", "WORD at", "NUMBER 10:30pm"),
                row("the 1st time", "WORD the", "NUMBER 1st", "WORD time"),
                row("50% off", "NUMBER 50%", "WORD off"),
                row("-5 degrees", "NUMBER -5", "WORD degrees"),
                row("the 90's", "WORD the", "NUMBER 90's"),
                row("9/11", "NUMBER 9/11"),
                row("see u 2day", "WORD see", "WORD u", "WORD 2day"),
                row("$5", "PUNCT $", "NUMBER 5"),
                // words
                row("I don't know", "WORD I", "WORD don't", "WORD know"),
                row("it\u2019s fine", "WORD it\u2019s", "WORD fine"),
                row("rock'n'roll", "WORD rock'n'roll"),
                row("well-known fact", "WORD well-known", "WORD fact"),
                row("the U.S. team", "WORD the", "WORD U.S.", "WORD team"),
                row("e.g. this", "WORD e.g.", "WORD this"),
                row("b4 mp3", "WORD b4", "WORD mp3"),
                row("soooooo goooood", "WORD soooooo", "WORD goooood"),
                row("caf\u00e9 na\u00efve", "WORD caf\u00e9", "WORD na\u00efve"),
                row("'quoted'", "PUNCT '", "WORD quoted", "PUNCT '"),
                row("end-", "WORD end", "PUNCT -"),
                // punctuation
                row("wait...", "WORD wait", "PUNCT ..."),
                row("what?!", "WORD what", "PUNCT ?", "PUNCT !"),
                row("NO!!!", "WORD NO", "PUNCT !!!"),
                row("a -- b", "WORD a", "PUNCT --", "WORD b"),
                row("\u201cquote\u201d", "PUNCT \u201c", "WORD quote", "PUNCT \u201d"),
                // whitespace and empties
                row("", new String[0]),
                row("   \t\n ", new String[0]),
                row("tab\tsep\nline", "WORD tab", "WORD sep", "WORD line"));
    }

    @Test
    void tableHasAtLeast60Patterns() {
        assertThat(rows().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void tokenizesThePattern(Row row) {
        List<String> actual = new ArrayList<>();
        for (Token t : RAW.typedTokens(row.text())) {
            actual.add(t.type() + " " + t.term());
        }
        assertThat(actual).containsExactlyElementsOf(row.expected());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void offsetsPointAtTheTokenInTheText(Row row) {
        for (Token t : RAW.typedTokens(row.text())) {
            assertThat(row.text().substring(t.start(), t.end())).isEqualTo(t.term());
        }
    }

    @AfterAll
    static void close() {
        RAW.close();
    }
}
