package dev.nlpkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.nlpkit.classify.metrics.BinaryMetrics;

class ComparisonTableTest {

    private static final int[] LABELS = {0, 0, 1, 1};

    @Test
    void putsModelsSideBySideInInsertionOrder() {
        ComparisonTable table = ComparisonTable.builder()
                .add("tfidf-logreg", BinaryMetrics.of(LABELS, new double[] {0.1, 0.6, 0.4, 0.9}))
                .add("lstm", BinaryMetrics.of(LABELS, new double[] {0.1, 0.2, 0.8, 0.9}))
                .build();
        String[] lines = table.render().split("\\R");
        assertThat(lines[0]).matches("metric\\s+tfidf-logreg\\s+lstm");
        assertThat(lines[1]).matches("accuracy\\s+0\\.5000\\s+1\\.0000");
        assertThat(lines[5]).matches("roc_auc\\s+0\\.7500\\s+1\\.0000");
        assertThat(lines[6]).matches("confusion \\(tn fp fn tp\\)\\s+1 1 1 1\\s+2 0 0 2");
    }

    @Test
    void duplicateModelNameIsRejected() {
        BinaryMetrics m = BinaryMetrics.of(LABELS, new double[] {0.1, 0.2, 0.8, 0.9});
        assertThatThrownBy(() -> ComparisonTable.builder().add("lstm", m).add("lstm", m))
                .hasMessage("model 'lstm' was added twice");
    }
}
