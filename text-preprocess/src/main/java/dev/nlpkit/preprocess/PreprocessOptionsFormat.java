package dev.nlpkit.preprocess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.nlpkit.preprocess.normalize.Normalization;
import dev.nlpkit.preprocess.stop.StopWords;

/**
 * The versioned text form of a {@link PreprocessOptions}: every field by name, the stop words spelled out. A
 * model saved with it tokenizes the same way whatever a preset such as {@link PreprocessOptions#tweets()} means
 * in a later release, because nothing is looked up by name on reading.
 *
 * <pre>
 * nlpkit-preprocess-options&lt;TAB&gt;1
 * normalization.htmlEntities=true
 * ... (the six Normalization fields)
 * tokenizer=TWEET
 * action.WORD=KEEP          (one line per TokenType)
 * placeholder.WORD=&lt;word&gt;   (one line per TokenType)
 * lowercase=true
 * removeNonLetterTokens=false
 * minLength=1
 * maxLength=2147483647
 * keepNegations=true
 * stemmer=NONE
 * lemmatization=NONE
 * partOfSpeechTagger=smile-hmm  (version 2, written for lemmatization POS only: the tagger's name)
 * stopWords.name=nltk-english
 * stopWords.count=179
 * a                         (one word per line, sorted)
 * ...
 * end
 * </pre>
 * Values are UTF-8; a backslash, tab, carriage return or line feed inside a value is written as {@code \\},
 * {@code \t}, {@code \r}, {@code \n}. Reading checks the header and the version (a newer one is refused with a
 * message to upgrade) and names the source, the line and the field of anything wrong.
 *
 * <pre>{@code
 * PreprocessOptionsFormat.write(PreprocessOptions.tweets(), out);
 * PreprocessOptions same = PreprocessOptionsFormat.read(in, "model.nlpkit#preprocessing");
 * }</pre>
 */
public final class PreprocessOptionsFormat {

    /** The header's kind. */
    public static final String KIND = "nlpkit-preprocess-options";
    /**
     * The newest version this build reads and writes. Version 2 added {@code partOfSpeechTagger}; options without
     * a tagger are still written as version 1, so that builds before it keep reading them.
     */
    public static final int VERSION = 2;

    private PreprocessOptionsFormat() {
    }

    /**
     * Writes {@code options} as UTF-8 text to {@code out} (flushed, not closed).
     *
     * @param options the options to write
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void write(PreprocessOptions options, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(options, writer);
        writer.flush();
    }

    /**
     * Writes {@code options} to {@code out} (not closed).
     *
     * @param options the options to write
     * @param out where to write
     * @throws IOException when writing fails
     */
    public static void write(PreprocessOptions options, Writer out) throws IOException {
        StringBuilder text = new StringBuilder(4096);
        boolean tagged = !options.partOfSpeechTagger().isEmpty();
        text.append(KIND).append('\t').append(tagged ? 2 : 1).append('\n');
        Normalization n = options.normalization();
        line(text, "normalization.htmlEntities", n.htmlEntities());
        line(text, "normalization.nfkc", n.nfkc());
        line(text, "normalization.unifyApostrophes", n.unifyApostrophes());
        line(text, "normalization.cleanWhitespace", n.cleanWhitespace());
        line(text, "normalization.asciiFolding", n.asciiFolding());
        line(text, "normalization.elongationMaxRun", n.elongationMaxRun());
        line(text, "tokenizer", options.tokenizer());
        for (TokenType type : TokenType.values()) {
            line(text, "action." + type, options.actions().get(type));
        }
        for (TokenType type : TokenType.values()) {
            line(text, "placeholder." + type, escape(options.placeholders().get(type)));
        }
        line(text, "lowercase", options.lowercase());
        line(text, "removeNonLetterTokens", options.removeNonLetterTokens());
        line(text, "minLength", options.minLength());
        line(text, "maxLength", options.maxLength());
        line(text, "keepNegations", options.keepNegations());
        line(text, "stemmer", options.stemmer());
        line(text, "lemmatization", options.lemmatization());
        if (tagged) {
            line(text, "partOfSpeechTagger", options.partOfSpeechTagger());
        }
        line(text, "stopWords.name", escape(options.stopWords().name()));
        line(text, "stopWords.count", options.stopWords().size());
        for (String word : options.stopWords().words()) {
            text.append(escape(word)).append('\n');
        }
        text.append("end\n");
        out.write(text.toString());
    }

    /**
     * Reads options written by {@link #write} from UTF-8 bytes (to the {@code end} line).
     *
     * @param in UTF-8 bytes; read up to the {@code end} line, not closed
     * @param source what to call the text in error messages (a file, or a section of a model file)
     * @return the options
     * @throws IOException naming source, line and field when the text is not this format, is newer, truncated or
     *                     holds an invalid value
     */
    public static PreprocessOptions read(InputStream in, String source) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    /**
     * Reads options written by {@link #write}.
     *
     * @param reader the text; read up to the {@code end} line, not closed
     * @param source what to call the text in error messages (a file, or a section of a model file)
     * @return the options
     * @throws IOException naming source, line and field when the text is not this format, is newer, truncated or
     *                     holds an invalid value
     */
    public static PreprocessOptions read(Reader reader, String source) throws IOException {
        Lines in = new Lines(reader instanceof BufferedReader b ? b : new BufferedReader(reader), source);
        String header = in.next("the header '" + KIND + "<TAB><version>'");
        String[] fields = header.split("\t", -1);
        if (fields.length != 2 || !fields[0].equals(KIND)) {
            throw in.error("not preprocessing options: expected the header '" + KIND + "<TAB><version>'");
        }
        int version = in.integer("version", fields[1]);
        if (version > VERSION || version < 1) {
            throw in.error("preprocessing options format " + version + " is newer than this nlpkit reads ("
                    + VERSION + "); upgrade nlpkit");
        }
        Normalization normalization = in.wrap("normalization", () -> new Normalization(
                in.bool("normalization.htmlEntities"), in.bool("normalization.nfkc"),
                in.bool("normalization.unifyApostrophes"), in.bool("normalization.cleanWhitespace"),
                in.bool("normalization.asciiFolding"), in.integer("normalization.elongationMaxRun")));
        TokenizerKind tokenizer = in.enumValue("tokenizer", TokenizerKind.class);
        Map<TokenType, TokenAction> actions = new EnumMap<>(TokenType.class);
        for (TokenType type : TokenType.values()) {
            actions.put(type, in.enumValue("action." + type, TokenAction.class));
        }
        Map<TokenType, String> placeholders = new EnumMap<>(TokenType.class);
        for (TokenType type : TokenType.values()) {
            placeholders.put(type, in.unescape("placeholder." + type, in.value("placeholder." + type)));
        }
        boolean lowercase = in.bool("lowercase");
        boolean removeNonLetter = in.bool("removeNonLetterTokens");
        int minLength = in.integer("minLength");
        int maxLength = in.integer("maxLength");
        boolean keepNegations = in.bool("keepNegations");
        Stemmer stemmer = in.enumValue("stemmer", Stemmer.class);
        Lemmatization lemmatization = in.enumValue("lemmatization", Lemmatization.class);
        String tagger = version >= 2 ? in.value("partOfSpeechTagger") : "";
        String stopName = in.unescape("stopWords.name", in.value("stopWords.name"));
        int count = in.integer("stopWords.count");
        if (count < 0) {
            throw in.error("field 'stopWords.count': expected a count >= 0, found " + count);
        }
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(in.unescape("stop word", in.next("stop word " + (i + 1) + " of " + count)));
        }
        String end = in.next("the line 'end'");
        if (!end.equals("end")) {
            throw in.error("expected the line 'end', found '" + end + "'");
        }
        return in.wrap("options", () -> new PreprocessOptions(normalization, tokenizer, actions, placeholders,
                lowercase, removeNonLetter, minLength, maxLength, StopWords.of(stopName, words), keepNegations,
                stemmer, lemmatization, tagger));
    }

    private static void line(StringBuilder text, String key, Object value) {
        text.append(key).append('=').append(value).append('\n');
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The lines of a text being read, with the line number for messages. */
    private static final class Lines {
        private final BufferedReader reader;
        private final String source;
        private int lineNumber;

        Lines(BufferedReader reader, String source) {
            this.reader = reader;
            this.source = source;
        }

        String next(String what) throws IOException {
            String line = reader.readLine();
            if (line == null) {
                throw new IOException(source + ": line " + (lineNumber + 1) + ": truncated: expected " + what
                        + " but the text ends here");
            }
            lineNumber++;
            return line;
        }

        String value(String key) throws IOException {
            String line = next("the line '" + key + "=...'");
            if (!line.startsWith(key + "=")) {
                throw error("expected '" + key + "=...', found '" + (line.length() > 60 ? line.substring(0, 57)
                        + "..." : line) + "'");
            }
            return line.substring(key.length() + 1);
        }

        boolean bool(String key) throws IOException {
            String v = value(key);
            return switch (v) {
                case "true" -> true;
                case "false" -> false;
                default -> throw error("field '" + key + "': expected true or false, found '" + v + "'");
            };
        }

        int integer(String key) throws IOException {
            return integer(key, value(key));
        }

        int integer(String key, String v) throws IOException {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw error("field '" + key + "': expected an integer, found '" + v + "'");
            }
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) throws IOException {
            String v = value(key);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw error("field '" + key + "': expected one of " + java.util.Arrays.toString(
                        type.getEnumConstants()) + ", found '" + v + "'");
            }
        }

        String unescape(String field, String value) throws IOException {
            StringBuilder b = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (++i == value.length()) {
                    throw error("field '" + field + "': a lone backslash ends the value");
                }
                switch (value.charAt(i)) {
                    case '\\' -> b.append('\\');
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    default -> throw error("field '" + field + "': unknown escape '\\" + value.charAt(i) + "'");
                }
            }
            return b.toString();
        }

        <T> T wrap(String field, IoSupplier<T> build) throws IOException {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                throw error("invalid " + field + ": " + e.getMessage());
            }
        }

        IOException error(String message) {
            return new IOException(source + ": line " + Math.max(1, lineNumber) + ": " + message);
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
