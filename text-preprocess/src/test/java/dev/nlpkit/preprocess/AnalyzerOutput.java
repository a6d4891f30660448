package dev.nlpkit.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Test helper: everything a Lucene consumer sees of an analyzer's stream, to compare two analyzers. */
final class AnalyzerOutput {

    /** One token as Lucene's indexer sees it; the last element of a stream is its end state (term "END"). */
    record Emitted(String term, int start, int end, String type, int positionIncrement, boolean keyword) {
    }

    private AnalyzerOutput() {
    }

    /** The tokens of {@code text} (terms, offsets, types, position increments, keyword flags), then the end state. */
    static List<Emitted> of(Analyzer analyzer, String text) {
        List<Emitted> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Emitted(term.toString(), offset.startOffset(), offset.endOffset(), type.type(),
                        increment.getPositionIncrement(), keyword.isKeyword()));
            }
            ts.end();
            out.add(new Emitted("END", offset.startOffset(), offset.endOffset(), "", increment.getPositionIncrement(),
                    false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
