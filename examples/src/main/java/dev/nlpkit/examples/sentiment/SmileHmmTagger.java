package dev.nlpkit.examples.sentiment;

import dev.nlpkit.preprocess.lemma.PartOfSpeechTagger;
import dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers;
import smile.nlp.pos.HMMPOSTagger;
import smile.nlp.pos.PennTreebankPOS;

/**
 * Smile's hidden-Markov-model part-of-speech tagger (smile-nlp, trained on the Penn Treebank) as the
 * text-preprocess tagger {@value #NAME}: it lives here because Smile is GPL-3.0 and the libraries stay free of it.
 * The command line registers it ({@link #register()}) before any pipeline is built, so {@code --lemmatize pos}
 * and models trained with it work in every command.
 *
 * <p>Thread-safe: Smile's {@code HMMPOSTagger.tag} only reads its model (the Viterbi tables are local to the
 * call). The model is loaded on the first tag, not at registration, so commands that do not tag pay nothing.
 */
public final class SmileHmmTagger implements PartOfSpeechTagger {

    /** The name under which the command line registers this tagger, and that POS models store. */
    public static final String NAME = "smile-hmm";

    /** Loads Smile's default model once, on first use (holder idiom: Smile's own getDefault() is not guarded). */
    private static final class Model {
        static final HMMPOSTagger TAGGER = HMMPOSTagger.getDefault();
    }

    /** Registers a tagger under {@value #NAME} in {@link PartOfSpeechTaggers}; calling it again does no harm. */
    public static void register() {
        PartOfSpeechTaggers.register(NAME, new SmileHmmTagger());
    }

    @Override
    public String[] tag(String[] tokens) {
        PennTreebankPOS[] tags = Model.TAGGER.tag(tokens);
        String[] out = new String[tags.length];
        for (int i = 0; i < tags.length; i++) {
            // Smile's enum prints the Penn spelling (e.g. PRP$), which is what fromPennTag reads
            out[i] = tags[i] == null ? null : tags[i].toString();
        }
        return out;
    }

    @Override
    public String toString() {
        return "Smile HMMPOSTagger (" + NAME + ")";
    }
}
