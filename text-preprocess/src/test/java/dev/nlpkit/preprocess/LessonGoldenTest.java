package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lesson()} against the course chain run by NLTK 3.8 on the 170 Treebank golden sentences
 * (golden/lesson_golden.tsv, made by golden/make_lesson_golden.py): word_tokenize, lower-case, NLTK's English
 * stop words, PorterStemmer in MARTIN_EXTENSIONS mode, which Lucene's Porter follows. NLTK's default
 * PorterStemmer mode (NLTK_EXTENSIONS) differs on some words (say -> say, not sai); the third column of the
 * golden file keeps that output for reference.
 */
class LessonGoldenTest {

    private static final TextPreprocessor LESSON = TextPreprocessor.lesson();

    record Case(String text, List<String> expected) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = LessonGoldenTest.class.getResourceAsStream("golden/lesson_golden.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0].replace("\\t", "\t"), f[1].isEmpty() ? List.of() : List.of(f[1].split(" "))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void equalsTheNltkCourseChainWithMartinPorter(Case c) {
        assertThat(LESSON.tokens(c.text())).containsExactlyElementsOf(c.expected());
    }

    @AfterAll
    static void close() {
        LESSON.close();
    }
}
