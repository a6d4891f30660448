package dev.nlpkit.preprocess.lemma;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Sets the {@link PartOfSpeechAttribute} of every token from a {@link PartOfSpeechTagger}, for a
 * {@link LemmatizerFilter} downstream. The Penn tag is mapped as {@link PartOfSpeech#fromPennTag}: {@code NN*}
 * noun, {@code VB*} verb, {@code JJ*} adjective, {@code RB*} adverb; any other tag leaves the attribute null
 * ("no part of speech").
 *
 * <p>A tagger needs the whole sentence (the tag of "run" depends on its neighbours), so the first call of
 * {@link #incrementToken()} reads every token of the text, keeping each one's full state, calls the tagger
 * <em>once</em> with the terms, then replays the tokens one by one with their part of speech set. The whole text
 * is one sentence: right for a tweet or a review line, the unit this toolkit classifies; a tagger that wants
 * sentences can split the array itself. Terms, offsets, types, position increments and keyword marks are
 * replayed exactly as they came. Memory: one captured state per token of the current text.
 */
public final class PartOfSpeechTaggerFilter extends TokenFilter {

    private final PartOfSpeechTagger tagger;
    private final String taggerName;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final PartOfSpeechAttribute partOfSpeechAttribute = addAttribute(PartOfSpeechAttribute.class);
    private final List<AttributeSource.State> states = new ArrayList<>();
    private final List<String> terms = new ArrayList<>();
    private PartOfSpeech[] partsOfSpeech;
    private int next;

    /**
     * Tags the tokens of {@code input} with {@code tagger}, one call per text.
     *
     * @param input      the tokens of one text
     * @param tagger     the tagger (thread-safe: one instance serves all the pipeline's threads)
     * @param taggerName the tagger's name, for messages and {@link #toString()}
     */
    public PartOfSpeechTaggerFilter(TokenStream input, PartOfSpeechTagger tagger, String taggerName) {
        super(input);
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.taggerName = Objects.requireNonNull(taggerName, "taggerName");
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (partsOfSpeech == null) {
            tagAll();
        }
        if (next == states.size()) {
            return false;
        }
        restoreState(states.get(next));
        partOfSpeechAttribute.setPartOfSpeech(partsOfSpeech[next]);
        next++;
        return true;
    }

    private void tagAll() throws IOException {
        while (input.incrementToken()) {
            states.add(captureState());
            terms.add(termAttribute.toString());
        }
        partsOfSpeech = new PartOfSpeech[terms.size()];
        if (terms.isEmpty()) {
            return;
        }
        String[] tags = tagger.tag(terms.toArray(String[]::new));
        if (tags == null || tags.length != terms.size()) {
            throw new IllegalStateException("the part-of-speech tagger '" + taggerName + "' returned "
                    + (tags == null ? "null" : tags.length + " tags") + " for " + terms.size() + " tokens");
        }
        for (int i = 0; i < tags.length; i++) {
            partsOfSpeech[i] = PartOfSpeech.fromPennTag(tags[i]).orElse(null);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        states.clear();
        terms.clear();
        partsOfSpeech = null;
        next = 0;
    }

    @Override
    public String toString() {
        return "PartOfSpeechTaggerFilter(" + taggerName + ")";
    }
}
