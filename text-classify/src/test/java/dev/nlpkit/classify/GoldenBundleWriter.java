package dev.nlpkit.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.Sentiment140Reader;
import dev.nlpkit.testdata.SharedData;

/**
 * Writes the current-format golden bundle and its expected probabilities (not a test: run once, by hand, when
 * the format changes; see src/test/resources/golden/README.md). Trains the tiny recipe of {@link Fixtures} on the
 * first 2,000 tweets of the Sentiment140 random 20k sample, with one kernel thread.
 */
final class GoldenBundleWriter {

    private GoldenBundleWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        dev.nlpkit.recurrent.runtime.RecurrentRuntime.setThreads(1);
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (Sentiment140Reader reader = Sentiment140Reader.open(
                SharedData.require("sentiment140-random-20k/sentiment140_sample.csv"),
                Sentiment140Reader.defaultOptions().withCharset(StandardCharsets.UTF_8))) {
            reader.stream().limit(2000).forEach((LabelledText t) -> {
                texts.add(t.text());
                labels.add(t.label());
            });
        }
        TextClassifier model = TextClassifier.fit(texts, labels, null, Fixtures.tiny(), FitListener.NONE);
        model.save(dir.resolve("classifier-format2.nlpkit"));
        List<String> probe = GoldenBundleTest.lines("golden/sentiment-format1.expected.tsv").stream()
                .map(l -> l.split("\t", -1)[2]).toList();
        TextClassifier loaded = TextClassifier.load(dir.resolve("classifier-format2.nlpkit"));
        double[][] p = loaded.predictProba(probe);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < probe.size(); i++) {
            out.append(loaded.predict(probe.get(i))).append('\t').append(p[i][1]).append('\t').append(probe.get(i))
                    .append('\n');
        }
        Files.writeString(dir.resolve("classifier-format2.expected.tsv"), out.toString());
    }
}
