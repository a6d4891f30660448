package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.ModelInfo;
import dev.nlpkit.classify.TextClassifier;

/** The model card reports the bundle's info section when it has one, and lists what it lacks as not recorded. */
class ModelCardTest {

    @TempDir
    Path dir;

    private static Map<String, Object> card(TextClassifier model, Path file) throws Exception {
        return ModelCard.of(model, file, Neighbours.of(model.network(), model.encoder().vocabulary()));
    }

    @Test
    void aBundleWithAnInfoSectionShowsItsDateCountsAndTestMetrics() throws Exception {
        TextClassifier tiny = ServeFixture.load(ServeFixture.bundle(dir));
        ModelInfo info = new ModelInfo(Optional.of(Instant.parse("2026-12-06T23:40:00Z")), Optional.of("9.9.9"),
                OptionalLong.of(1600), OptionalLong.of(200), OptionalLong.empty(), Optional.empty(), tiny.labels())
                .withTest(200, new ModelInfo.Metrics(0.75, 0.7, 0.8, 0.746, Double.NaN));
        Path file = dir.resolve("with-info.nlpkit");
        tiny.withInfo(info).save(file);
        Map<String, Object> card = card(TextClassifier.load(file), file);
        assertThat(card.get("created")).isEqualTo("2026-12-06T23:40:00Z");
        assertThat(card.get("trained_by_nlpkit")).isEqualTo("9.9.9");
        assertThat(card.get("examples")).isEqualTo(Map.of("training", 1600L, "validation", 200L, "test", 200L));
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) card.get("test_metrics");
        assertThat(metrics).containsEntry("accuracy", 0.75).containsEntry("f1", 0.746).containsEntry("roc_auc", null);
        assertThat(card.get("not_recorded")).isEqualTo(List.of());
    }

    @Test
    void aBundleWithoutTheSectionListsEverythingAsNotRecorded() throws Exception {
        Path file = ServeFixture.bundle(dir);
        Map<String, Object> card = card(ServeFixture.load(file), file);
        assertThat(card.get("created")).isNull();
        assertThat(card.get("test_metrics")).isNull();
        assertThat(card.get("not_recorded")).isEqualTo(List.of("creation time", "training nlpkit version",
                "training data size", "validation data size", "test data size", "test metrics"));
    }
}
