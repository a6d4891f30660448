package dev.nlpkit.preprocess.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer all = new TextNormalizer(Normalization.tweets());

    @Test
    void decodesNamedAndNumericEntitiesOnce() {
        TextNormalizer n = new TextNormalizer(Normalization.none().withHtmlEntities(true));
        assertThat(n.normalize("a &amp; b &lt;3 &quot;x&quot; &#39;y&#x27; &amp;lt; &eacute; &nosuch; & &#;"))
                .isEqualTo("a & b <3 \"x\" 'y' &lt; é &nosuch; & &#;");
    }

    @Test
    void readsNumericReferencesInTheC1RangeAsWindows1252AsHtml5Does() {
        TextNormalizer n = new TextNormalizer(Normalization.none().withHtmlEntities(true));
        assertThat(n.normalize("&#150; &#8211; &#128512;")).isEqualTo("\u2013 \u2013 \uD83D\uDE00");
    }

    @Test
    void appliesNfkc() {
        TextNormalizer n = new TextNormalizer(Normalization.none().withNfkc(true));
        assertThat(n.normalize("ﬁne ＡＢＣ cafe\u0301 ½")).isEqualTo("fine ABC café 1⁄2");
    }

    @Test
    void unifiesApostrophes() {
        assertThat(all.normalize("don\u2019t it\u02BCs")).isEqualTo("don't it's");
    }

    @Test
    void cleansWhitespaceAndInvisibleCharacters() {
        assertThat(all.normalize("  a\t\tb\u00A0\u200Bc\r\nsoft\u00ADhy\u200Ephen\u0007 "))
                .isEqualTo("  a\t\tb  c\r\nsofthyphen  ");
    }

    @Test
    void leavesCleanAsciiUntouchedWithoutCopying() {
        char[] text = "plain ascii text".toCharArray();
        assertThat(all.normalize(text, text.length)).isNull();
    }

    @Test
    void mapsEveryOutputCharacterBackToItsSource() {
        String in = "x &amp; ﬁ";
        char[] chars = in.toCharArray();
        TextNormalizer.Result r = all.normalize(chars, chars.length);
        assertThat(new String(r.text(), 0, r.length())).isEqualTo("x & fi");
        assertThat(r.origin()).startsWith(0, 1, 2, 7, 8, 8, 9);
    }

    @Test
    void rejectsARunLengthOfOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Normalization.none().withElongationMaxRun(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
