package dev.nlpkit.examples.vectorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class OneHotCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new OneHotCommand());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void printsTheCoursesNineWordTable() {
        String out = run();
        assertThat(out).contains("9 dimensions");
        assertThat(out).contains("man       [1, 0, 0, 0, 0, 0, 0, 0, 0]");
        assertThat(out).contains("queen     [0, 0, 0, 0, 0, 0, 1, 0, 0]");
        assertThat(out).contains("monarch   [0, 0, 0, 0, 0, 0, 0, 0, 1]");
    }

    @Test
    void encodesASentenceWithUnknownWordsAsZeroRows() {
        String out = run("--sentence", "The King and Queen");
        assertThat(out).contains("4 x 9 one-hot sequence (2 unknown");
        assertThat(out).contains("king      [0, 0, 0, 0, 0, 0, 0, 1, 0]");
        assertThat(out).contains("and       [0, 0, 0, 0, 0, 0, 0, 0, 0]");
    }
}
