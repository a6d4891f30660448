package dev.nlpkit.benchmarks;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON line of benchmark output. Build with {@link #of(String)}, add fields in order, then
 * {@link #print(PrintWriter)}. Numbers are written with up to 4 significant decimals; strings escaped.
 *
 * <pre>{@code
 * BenchReport.of("tfidf").put("impl", "nlpkit").put("docs_per_s", 812345.6).put("ratio_vs_sklearn", 4.1).print(out);
 * }</pre>
 */
public final class BenchReport {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private BenchReport(String benchmark) {
        fields.put("bench", benchmark);
    }

    public static BenchReport of(String benchmark) {
        return new BenchReport(benchmark);
    }

    public BenchReport put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Adds machine facts (cores, JDK, Vector API on/off) so a line stands on its own. */
    public BenchReport withMachine() {
        fields.put("cores", Runtime.getRuntime().availableProcessors());
        fields.put("java", System.getProperty("java.runtime.version"));
        fields.put("vector_api", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        return this;
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                json.append(", ");
            }
            first = false;
            json.append(quote(e.getKey())).append(": ").append(value(e.getValue()));
        }
        return json.append('}').toString();
    }

    public void print(PrintWriter out) {
        out.println(toJson());
        out.flush();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                return "null";
            }
            return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
