package dev.nlpkit.classify.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads golden/metrics.txt (made by golden/make_golden.py with scikit-learn). */
record GoldenMetrics(String name, int[] labels, double[] scores, double accuracy, double precision, double recall,
        double f1, double rocAuc, long[] confusion, double[] rocFpr, double[] rocTpr) {

    static List<GoldenMetrics> load() {
        List<GoldenMetrics> cases = new ArrayList<>();
        try (var in = GoldenMetrics.class.getResourceAsStream("golden/metrics.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String[]> fields = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.equals("end")) {
                    cases.add(new GoldenMetrics(fields.get("case")[0],
                            Arrays.stream(fields.get("labels")).mapToInt(Integer::parseInt).toArray(),
                            doubles(fields.get("scores")), one(fields, "accuracy"), one(fields, "precision"),
                            one(fields, "recall"), one(fields, "f1"), one(fields, "roc_auc"),
                            Arrays.stream(fields.get("confusion")).mapToLong(Long::parseLong).toArray(),
                            doubles(fields.get("roc_fpr")), doubles(fields.get("roc_tpr"))));
                    fields.clear();
                    continue;
                }
                String[] parts = line.split(" ");
                fields.put(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static double one(Map<String, String[]> fields, String key) {
        return Double.parseDouble(fields.get(key)[0]);
    }

    private static double[] doubles(String[] values) {
        return Arrays.stream(values).mapToDouble(Double::parseDouble).toArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
