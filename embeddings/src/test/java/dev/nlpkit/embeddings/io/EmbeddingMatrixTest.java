package dev.nlpkit.embeddings.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nlpkit.embeddings.io.EmbeddingMatrix.OovPolicy;
import dev.nlpkit.embeddings.vectors.WordVectors;

class EmbeddingMatrixTest {

    private static final WordVectors WV = WordVectors.of(List.of("good", "bad", "movie"),
            new float[][] {{1f, 2f}, {3f, 4f}, {-1f, 0f}});
    private static final List<String> TOKENS = List.of("<pad>", "<unk>", "movie", "great", "good");

    @Test
    void rowsFollowTheTokenOrderWithPadZerosAndOovCounted() {
        EmbeddingMatrix.Result r = EmbeddingMatrix.build(WV, TOKENS, EmbeddingMatrix.Options.defaults());
        assertThat(r.matrix()).hasDimensions(5, 2);
        assertThat(r.matrix()[0]).containsExactly(0f, 0f);
        assertThat(r.matrix()[2]).containsExactly(-1f, 0f);
        assertThat(r.matrix()[4]).containsExactly(1f, 2f);
        assertThat(r.matrix()[3]).containsExactly(0f, 0f);
        assertThat(r.oovCount()).isEqualTo(1);
        assertThat(r.oovTokens()).containsExactly("great");
    }

    @Test
    void meanPolicyUsesTheMeanVector() {
        EmbeddingMatrix.Result r = EmbeddingMatrix.build(WV, TOKENS,
                EmbeddingMatrix.Options.defaults().withOovPolicy(OovPolicy.MEAN));
        assertThat(r.matrix()[3][0]).isCloseTo(1f, within(1e-6f));
        assertThat(r.matrix()[3][1]).isCloseTo(2f, within(1e-6f));
        assertThat(r.matrix()[1]).containsExactly(r.matrix()[3]); // UNK gets the OOV row too
        assertThat(r.matrix()[0]).containsExactly(0f, 0f);
    }

    @Test
    void randomPolicyIsSeededAndScaledLikeTheVectors() {
        var o = EmbeddingMatrix.Options.defaults().withOovPolicy(OovPolicy.RANDOM).withSeed(5);
        EmbeddingMatrix.Result a = EmbeddingMatrix.build(WV, TOKENS, o);
        EmbeddingMatrix.Result b = EmbeddingMatrix.build(WV, TOKENS, o);
        EmbeddingMatrix.Result c = EmbeddingMatrix.build(WV, TOKENS, o.withSeed(6));
        assertThat(a.matrix()[3]).containsExactly(b.matrix()[3]);
        assertThat(a.matrix()[3]).isNotEqualTo(c.matrix()[3]);
        assertThat(a.matrix()[1]).isNotEqualTo(a.matrix()[3]);
        // std of all components {1,2,3,4,-1,0} is 1.70...; bound sqrt(3)*std = 2.95
        for (float x : a.matrix()[3]) {
            assertThat(Math.abs(x)).isLessThanOrEqualTo(2.96f);
        }
    }
}
