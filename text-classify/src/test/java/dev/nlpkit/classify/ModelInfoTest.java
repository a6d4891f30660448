package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nlpkit.classify.io.BundleFormatException;

/** The bundle's info section: what fit records, what withInfo adds, round trips, and bundles without it. */
class ModelInfoTest {

    private static Fixtures.Data train;
    private static Fixtures.Data validation;
    private static TextClassifier model;
    private static Instant before;

    @BeforeAll
    static void fit() {
        train = Fixtures.data(200, 41, false);
        validation = Fixtures.data(40, 42, false);
        before = Instant.now();
        model = TextClassifier.fit(train.texts(), train.labels(), validation.labeled(), Fixtures.tiny(),
                FitListener.NONE);
    }

    private static TextClassifier roundTrip(TextClassifier c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.save(out);
        return TextClassifier.load(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void fitRecordsTheTimeTheExampleCountsAndTheLabels() {
        ModelInfo info = model.info();
        assertThat(info.created()).hasValueSatisfying(c -> assertThat(c)
                .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1)));
        assertThat(info.trainingExamples()).hasValue(200);
        assertThat(info.validationExamples()).hasValue(40);
        assertThat(info.testExamples()).isEmpty();
        assertThat(info.testMetrics()).isEmpty();
        assertThat(info.labels()).containsExactly("neg", "pos");
        assertThat(info.recorded()).isTrue();
    }

    @Test
    void testMetricsAddedWithWithInfoAreSavedAndLoadedExactly() throws IOException {
        Fixtures.Data test = Fixtures.data(50, 43, false);
        Evaluation evaluation = model.evaluate(test.texts(), test.labels());
        TextClassifier evaluated = model.withInfo(model.info().withTest(50, ModelInfo.Metrics.of(evaluation)));
        assertThat(model.info().testMetrics()).as("the original is unchanged").isEmpty();
        assertThat(evaluated.predictProba(test.texts())).isEqualTo(model.predictProba(test.texts()));

        TextClassifier loaded = roundTrip(evaluated);
        assertThat(loaded.info()).isEqualTo(evaluated.info());
        assertThat(loaded.info().testExamples()).hasValue(50);
        assertThat(loaded.info().testMetrics()).hasValueSatisfying(m -> {
            assertThat(m.accuracy()).isEqualTo(evaluation.accuracy());
            assertThat(m.rocAuc()).isEqualTo(evaluation.rocAuc());
        });
    }

    @Test
    void aBundleWithoutTheInfoSectionLoadsAsNotRecorded() throws IOException {
        TextClassifier golden = GoldenBundleTest.load("golden/classifier-format2.nlpkit");
        assertThat(golden.info()).isEqualTo(ModelInfo.notRecorded());
        assertThat(golden.info().recorded()).isFalse();
        assertThat(golden.info().toString()).isEqualTo("ModelInfo[not recorded]");
    }

    @Test
    void labelsWithLineBreaksAndMissingFieldsRoundTripThroughTheSectionText() throws IOException {
        ModelInfo info = new ModelInfo(Optional.of(Instant.parse("2026-12-06T23:40:00Z")), Optional.empty(),
                OptionalLong.of(3), OptionalLong.empty(), OptionalLong.of(2),
                Optional.of(new ModelInfo.Metrics(0.5, 1, 0.25, 0.4, Double.NaN)), List.of("a\tb", "c\\n\nd"));
        assertThat(ModelInfo.parse(info.toText(), "m#info")).isEqualTo(info);
        assertThat(info.toText()).startsWith("nlpkit-model-info\t1\ncreated=2026-12-06T23:40:00Z\n"
                + "trainingExamples=3\ntestExamples=2\ntest.accuracy=0.5\n");
    }

    @Test
    void aBrokenOrNewerInfoSectionIsNamedWithItsLine() {
        assertThatThrownBy(() -> ModelInfo.parse("nlpkit-model-info\t1\ncreated=yesterday\nlabels=0\nend\n",
                "m.nlpkit#info")).isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith("m.nlpkit#info: line 2: field 'created': expected an ISO-8601 UTC time");
        assertThatThrownBy(() -> ModelInfo.parse("nlpkit-model-info\t3\nend\n", "m.nlpkit#info"))
                .hasMessage("m.nlpkit#info: info format 3 is newer than this nlpkit reads (2); upgrade nlpkit");
    }

    @Test
    void anEmbeddingTextIsWrittenAsVersionTwoAndRoundTrips() throws IOException {
        ModelInfo info = new ModelInfo(Optional.empty(), Optional.empty(), OptionalLong.of(3), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), List.of("neg", "pos"),
                Optional.of(new ModelInfo.EmbeddingTextInfo("books.txt.gz + a=b.txt", 473_589, 7_547_784)));
        assertThat(info.toText()).startsWith("nlpkit-model-info\t2\n").contains("embeddingText.name=books.txt.gz + "
                + "a=b.txt\nembeddingText.lines=473589\nembeddingText.tokens=7547784\n");
        assertThat(ModelInfo.parse(info.toText(), "m#info")).isEqualTo(info);
    }

    @Test
    void anEmbeddingTextWithoutItsCountsIsRefused() {
        assertThatThrownBy(() -> ModelInfo.parse("nlpkit-model-info\t2\nembeddingText.name=x\nlabels=0\nend\n",
                "m.nlpkit#info")).isInstanceOf(BundleFormatException.class)
                .hasMessage("m.nlpkit#info: the embeddingText fields need all of name, lines and tokens");
    }

    @Test
    void testMetricsNeedTheirExampleCount() {
        assertThatThrownBy(() -> new ModelInfo(Optional.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.of(new ModelInfo.Metrics(1, 1, 1, 1, 1)),
                List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number of test examples");
    }
}
