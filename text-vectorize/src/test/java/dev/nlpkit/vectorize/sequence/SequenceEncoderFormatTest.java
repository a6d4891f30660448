package dev.nlpkit.vectorize.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.vectorize.io.FileFormatException;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/** {@link SequenceEncoder#write} and {@link SequenceEncoder#read}. */
class SequenceEncoderFormatTest {

    private static final List<List<String>> DOCS = List.of(List.of("good", "day", "good"), List.of("bad", "day"));

    private static SequenceEncoder encoder() {
        return SequenceEncoder.fit(DOCS, VocabularyOptions.defaults(), new SequenceOptions(5, Padding.POST,
                Truncation.POST, UnknownTokens.MAP_TO_UNK, 4));
    }

    private static String text(SequenceEncoder e) throws IOException {
        StringWriter out = new StringWriter();
        e.write(out);
        return out.toString();
    }

    private static SequenceEncoder read(String text) throws IOException {
        return SequenceEncoder.read(new LineReader(new BufferedReader(new StringReader(text)), "m#sequence"));
    }

    @Test
    void roundTripKeepsOptionsAndVocabulary() throws IOException {
        SequenceEncoder a = encoder();
        SequenceEncoder b = read(text(a));
        assertThat(b.options()).isEqualTo(a.options());
        assertThat(b.vocabulary().terms()).isEqualTo(a.vocabulary().terms());
        List<List<String>> probe = List.of(List.of("good", "bad", "new", "day"));
        assertThat(b.transform(probe)).usingRecursiveComparison().isEqualTo(a.transform(probe));
    }

    @Test
    void everyOptionIsWrittenByName() throws IOException {
        assertThat(text(encoder())).startsWith("nlpkit-sequence-encoder\t1\nmaxLength=5\npadding=POST\n"
                + "truncation=POST\nunknown=MAP_TO_UNK\nnumWords=4\nnlpkit-vocabulary\t1\n").endsWith("end\nend\n");
    }

    @Test
    void aBadValueNamesSourceLineAndField() throws IOException {
        String bad = text(encoder()).replace("padding=POST", "padding=MIDDLE");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("m#sequence:3: field 'padding'");
    }

    @Test
    void aNewerVersionIsRefused() throws IOException {
        String newer = text(encoder()).replace("nlpkit-sequence-encoder\t1", "nlpkit-sequence-encoder\t2");
        assertThatThrownBy(() -> read(newer)).hasMessageContaining("newer");
    }
}
