package dev.nlpkit.vectorize.bow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.vectorize.matrix.CsrMatrix;

class CountVectorizerTest {

    @TempDir
    Path dir;

    private static final List<List<String>> DOCS = List.of(List.of("to", "be", "or", "not", "to", "be"),
            List.of("be", "happy"));

    @Test
    void countsOccurrences() {
        CountVectorizer bow = CountVectorizer.fit(DOCS, CountOptions.defaults());
        CsrMatrix x = bow.transform(DOCS);
        assertThat(bow.vocabulary().terms()).containsExactly("be", "happy", "not", "or", "to");
        assertThat(x.toDense().toArray()).isEqualTo(new float[][] {{2, 0, 1, 1, 2}, {1, 1, 0, 0, 0}});
    }

    @Test
    void bigramsJoinTokensWithOneSpace() {
        CountVectorizer bow = CountVectorizer.fit(DOCS, CountOptions.defaults().withMaxNgram(2));
        assertThat(bow.vocabulary().terms()).contains("to be", "be or", "be happy");
        assertThat(bow.transformDocument(DOCS.get(0)).get(bow.vocabulary().indexOf("to be"))).isEqualTo(2f);
    }

    @Test
    void trigramsCountEveryWindow() {
        CountVectorizer bow = CountVectorizer.fit(DOCS, CountOptions.defaults().withMaxNgram(3));
        // 6 + 5 + 4 terms in the first document, 2 + 1 in the second
        assertThat(bow.vocabulary().terms()).contains("to be or", "or not to", "not to be");
        assertThat(bow.transform(DOCS).row(1).size()).isEqualTo(3);
    }

    @Test
    void binaryModeCapsAtOne() {
        CountVectorizer bow = CountVectorizer.fit(DOCS, CountOptions.defaults().withMode(CountMode.BINARY));
        assertThat(bow.transform(DOCS).values()).containsOnly(1f);
    }

    @Test
    void saveLoadRoundTrip() throws IOException {
        CountVectorizer bow = CountVectorizer.fit(DOCS, CountOptions.defaults().withMaxNgram(2).withMaxFeatures(3));
        Path file = dir.resolve("bow.txt");
        bow.save(file);
        CountVectorizer loaded = CountVectorizer.load(file);
        assertThat(loaded.options()).isEqualTo(bow.options());
        assertThat(loaded.transform(DOCS).toDense().toArray()).isEqualTo(bow.transform(DOCS).toDense().toArray());
    }
}
