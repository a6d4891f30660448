package dev.nlpkit.classify.linear;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed fixture of src/test/resources/linear and scikit-learn's values for it (sklearn_golden.py). */
final class LinearFixtures {

    /** Tokens and classes of one fixture file (tokens: the text split on single spaces, as the script does). */
    record Data(List<List<String>> tokens, int[] classes) {
    }

    /** scikit-learn's model of one configuration. */
    record Expected(double intercept, Map<String, Double> coefficients, double[] train, double[] test) {
    }

    private LinearFixtures() {
    }

    static Data read(String name) {
        List<List<String>> tokens = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (String line : lines(name)) {
            int tab = line.indexOf('\t');
            classes.add(Integer.parseInt(line.substring(0, tab)));
            String text = line.substring(tab + 1);
            tokens.add(text.isEmpty() ? List.of() : Arrays.asList(text.split(" ")));
        }
        return new Data(tokens, classes.stream().mapToInt(Integer::intValue).toArray());
    }

    static Expected expected(String config) {
        boolean inside = false;
        double intercept = Double.NaN;
        Map<String, Double> coefficients = new LinkedHashMap<>();
        List<Double> train = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        for (String line : lines("sklearn-expected.tsv")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("config")) {
                inside = f[1].equals(config);
            } else if (inside) {
                switch (f[0]) {
                    case "intercept" -> intercept = Double.parseDouble(f[1]);
                    case "coef" -> coefficients.put(f[1], Double.parseDouble(f[2]));
                    case "train" -> train.add(Double.parseDouble(f[2]));
                    case "test" -> test.add(Double.parseDouble(f[2]));
                    default -> throw new IllegalStateException("unexpected line " + line);
                }
            }
        }
        if (coefficients.isEmpty()) {
            throw new IllegalStateException("no configuration " + config + " in sklearn-expected.tsv");
        }
        return new Expected(intercept, coefficients, train.stream().mapToDouble(Double::doubleValue).toArray(),
                test.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<String> lines(String name) {
        try (InputStream in = LinearFixtures.class.getResourceAsStream("/linear/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /linear/" + name);
            }
            List<String> out = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.startsWith("#")).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
