package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@link Messages}: quoting, cutting and escaping of user text in error messages. */
class MessagesTest {

    @Test
    void quotedTextIsCutAfterEightyCharactersWithAnEllipsis() {
        String quoted = Messages.quote("x".repeat(200));
        assertThat(quoted).isEqualTo("'" + "x".repeat(80) + "...'");
        assertThat(Messages.quote("short")).isEqualTo("'short'");
    }

    @Test
    void controlAndFormatCharactersAreEscapedNotPrinted() {
        assertThat(Messages.quote("a\u001b[2Jb\u0000c\u202Ed\ne")).isEqualTo("'a\\u001B[2Jb\\u0000c\\u202Ed\\u000Ae'");
    }

    @Test
    void emojiAndAccentsArePrintedAsTheyAre() {
        assertThat(Messages.quote("café 😀")).isEqualTo("'café 😀'");
    }

    @Test
    void aLongPathKeepsItsFileName() {
        Path path = Path.of("/" + "deep/".repeat(40) + "model.nlpkit");
        String quoted = Messages.quote(path);
        assertThat(quoted).startsWith("'...").endsWith("/model.nlpkit'");
        assertThat(quoted.length()).isEqualTo(80 + 5);
    }

    @Test
    void aGuardedMessageIsOnePrintableLineWithinTheLimit() {
        StringBuilder binary = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            binary.append((char) (i % 40));
        }
        String guarded = Messages.guard("section '" + binary + "' is corrupt");
        assertThat(guarded.length()).isLessThanOrEqualTo(Messages.MAX_LINE - "nlpkit: ".length());
        assertThat(guarded).endsWith("more characters cut)").doesNotContain("\n");
        assertThat(guarded.codePoints().allMatch(Messages::printable)).isTrue();
        assertThat(guarded).doesNotContainPattern("\\\\u[0-9A-F]{0,3}\\.\\.\\. \\(");
    }

    @Test
    void aShortMessageIsUnchanged() {
        assertThat(Messages.guard("--units must be >= 1, got 0")).isEqualTo("--units must be >= 1, got 0");
    }
}
