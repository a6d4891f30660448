package dev.nlpkit.vectorize.bow;

import java.io.IOException;
import java.io.Writer;

import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.vocab.DocumentFrequencyLimit;
import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.TermOrder;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/** Writes and reads {@link VocabularyOptions} as {@code key=value} lines inside a vectorizer file. */
final class OptionsText {

    private OptionsText() {
    }

    static void write(Writer out, VocabularyOptions options) throws IOException {
        out.write("vocabulary.minCount=" + options.minCount() + "\n");
        out.write("vocabulary.minDocumentFrequency=" + limit(options.minDocumentFrequency()) + "\n");
        out.write("vocabulary.maxDocumentFrequency=" + limit(options.maxDocumentFrequency()) + "\n");
        out.write("vocabulary.maxSize=" + options.maxSize() + "\n");
        out.write("vocabulary.order=" + options.order() + "\n");
        out.write("vocabulary.reserved=" + options.reserved() + "\n");
    }

    private static String limit(DocumentFrequencyLimit limit) {
        return limit.fraction() ? "fraction:" + limit.value() : "documents:" + (long) limit.value();
    }

    static VocabularyOptions read(LineReader in) throws IOException {
        int minCount = (int) in.parseLong("vocabulary.minCount", in.nextKeyValue("vocabulary.minCount"), 1,
                Integer.MAX_VALUE);
        DocumentFrequencyLimit min = limit(in, "vocabulary.minDocumentFrequency");
        DocumentFrequencyLimit max = limit(in, "vocabulary.maxDocumentFrequency");
        int maxSize = (int) in.parseLong("vocabulary.maxSize", in.nextKeyValue("vocabulary.maxSize"), 0,
                Integer.MAX_VALUE);
        TermOrder order = in.parseEnum("vocabulary.order", in.nextKeyValue("vocabulary.order"), TermOrder.class);
        ReservedTokens reserved = in.parseEnum("vocabulary.reserved", in.nextKeyValue("vocabulary.reserved"),
                ReservedTokens.class);
        try {
            return new VocabularyOptions(minCount, min, max, maxSize, order, reserved);
        } catch (IllegalArgumentException e) {
            throw in.error("invalid vocabulary options: " + e.getMessage());
        }
    }

    private static DocumentFrequencyLimit limit(LineReader in, String key) throws IOException {
        String text = in.nextKeyValue(key);
        try {
            if (text.startsWith("fraction:")) {
                return DocumentFrequencyLimit.fraction(in.parseDouble(key, text.substring(9)));
            }
            if (text.startsWith("documents:")) {
                return DocumentFrequencyLimit.documents(in.parseLong(key, text.substring(10), 0, Long.MAX_VALUE));
            }
        } catch (IllegalArgumentException e) {
            throw in.error("field '" + key + "': " + e.getMessage());
        }
        throw in.error("field '" + key + "': expected 'fraction:<f>' or 'documents:<n>', found \"" + text + "\"");
    }
}
