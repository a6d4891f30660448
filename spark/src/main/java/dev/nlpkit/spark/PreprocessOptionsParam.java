package dev.nlpkit.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable;

import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.PreprocessOptionsFormat;

/**
 * A Spark ML {@link Param} holding a whole {@link PreprocessOptions}. It is saved in a stage's metadata as the
 * text of text-preprocess's {@link PreprocessOptionsFormat} (every field, stop words spelled out), so a saved
 * pipeline tokenizes the same way whatever a preset means in a later release.
 */
public final class PreprocessOptionsParam extends Param<PreprocessOptions> {

    private static final long serialVersionUID = 1L;

    /** A parameter of {@code parent} called {@code name}. */
    public PreprocessOptionsParam(Identifiable parent, String name, String doc) {
        super(parent, name, doc);
    }

    /** The options as a JSON string holding their {@link PreprocessOptionsFormat} text. */
    @Override
    public String jsonEncode(PreprocessOptions value) {
        return Json.quote(toText(value));
    }

    /** Reads what {@link #jsonEncode} wrote; a malformed value fails naming this parameter. */
    @Override
    public PreprocessOptions jsonDecode(String json) {
        return fromText(Json.unquote(json, "parameter '" + name() + "'"), "parameter '" + name() + "'");
    }

    /** The versioned text form of {@code options}. */
    static String toText(PreprocessOptions options) {
        StringWriter out = new StringWriter();
        try {
            PreprocessOptionsFormat.write(options, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail; got " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Options from their text form; {@code source} names them in error messages. */
    static PreprocessOptions fromText(String text, String source) {
        try {
            return PreprocessOptionsFormat.read(new StringReader(text), source);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
