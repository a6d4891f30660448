package dev.nlpkit.examples.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import dev.nlpkit.classify.metrics.BinaryMetrics;
import dev.nlpkit.classify.metrics.ConfusionMatrix;

/**
 * Several models' metrics side by side as a plain-text table, one column per model in the order added:
 * <pre>
 * metric       tfidf-logreg  tfidf-nb  lstm
 * accuracy           0.7912    0.7750  0.8120
 * precision          ...
 * </pre>
 * Built with {@link #builder()}; immutable once built.
 */
public final class ComparisonTable {

    private record Row(String name, ToDoubleFunction<BinaryMetrics> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("accuracy", BinaryMetrics::accuracy),
            new Row("precision", BinaryMetrics::precision),
            new Row("recall", BinaryMetrics::recall),
            new Row("f1", BinaryMetrics::f1),
            new Row("roc_auc", BinaryMetrics::rocAuc));

    private final Map<String, BinaryMetrics> models;

    private ComparisonTable(Map<String, BinaryMetrics> models) {
        this.models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The models in column order. */
    public Map<String, BinaryMetrics> models() {
        return models;
    }

    /** The table with four decimals, then each model's confusion counts (tn fp fn tp). */
    public String render() {
        List<String> names = new ArrayList<>(models.keySet());
        int firstWidth = "confusion (tn fp fn tp)".length();
        List<Integer> widths = new ArrayList<>();
        for (String name : names) {
            ConfusionMatrix c = models.get(name).confusion();
            String counts = c.trueNegatives() + " " + c.falsePositives() + " " + c.falseNegatives() + " "
                    + c.truePositives();
            widths.add(Math.max(Math.max(name.length(), counts.length()), 8));
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + firstWidth + "s", "metric"));
        for (int j = 0; j < names.size(); j++) {
            text.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(j) + "s", names.get(j)));
        }
        text.append(System.lineSeparator());
        for (Row row : ROWS) {
            text.append(String.format(Locale.ROOT, "%-" + firstWidth + "s", row.name()));
            for (int j = 0; j < names.size(); j++) {
                double value = row.value().applyAsDouble(models.get(names.get(j)));
                text.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(j) + ".4f", value));
            }
            text.append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "%-" + firstWidth + "s", "confusion (tn fp fn tp)"));
        for (int j = 0; j < names.size(); j++) {
            ConfusionMatrix c = models.get(names.get(j)).confusion();
            String counts = c.trueNegatives() + " " + c.falsePositives() + " " + c.falseNegatives() + " "
                    + c.truePositives();
            text.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(j) + "s", counts));
        }
        text.append(System.lineSeparator());
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Collects named models; names must be unique and non-blank. */
    public static final class Builder {
        private final Map<String, BinaryMetrics> models = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(String modelName, BinaryMetrics metrics) {
            Objects.requireNonNull(metrics, "metrics");
            if (modelName == null || modelName.isBlank()) {
                throw new IllegalArgumentException("a model needs a non-blank name");
            }
            if (models.putIfAbsent(modelName, metrics) != null) {
                throw new IllegalArgumentException("model '" + modelName + "' was added twice");
            }
            return this;
        }

        public ComparisonTable build() {
            if (models.isEmpty()) {
                throw new IllegalStateException("a comparison table needs at least one model");
            }
            return new ComparisonTable(models);
        }
    }
}
