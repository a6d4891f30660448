package dev.nlpkit.preprocess.lemma;

/**
 * Tags the tokens of one sentence with Penn Treebank part-of-speech tags ({@code NN}, {@code VBD},
 * {@code JJ}, ...). text-preprocess ships no tagger (a statistical tagger brings a model and often a licence
 * of its own); an application supplies one, registers it under a name with
 * {@link PartOfSpeechTaggers#register}, and a {@link dev.nlpkit.preprocess.PreprocessOptions} with
 * {@link dev.nlpkit.preprocess.Lemmatization#POS} names it. {@link PartOfSpeechTaggerFilter} calls it inside a
 * Lucene chain.
 *
 * <pre>{@code
 * PartOfSpeechTaggers.register("my-tagger", tokens -> myModel.tag(tokens));
 * TextPreprocessor pre = TextPreprocessor.of(PreprocessOptions.tweets().withPartOfSpeechLemmatization("my-tagger"));
 * }</pre>
 *
 * <p><b>Threads.</b> One instance serves every thread of every pipeline that names it (a
 * {@link dev.nlpkit.preprocess.TextPreprocessor} is used from many threads at once), so {@link #tag} must be
 * safe to call concurrently: a tagger that only reads its model while tagging, as an HMM or a perceptron tagger
 * does, is.
 */
@FunctionalInterface
public interface PartOfSpeechTagger {

    /**
     * The Penn Treebank tag of each token.
     *
     * @param tokens the tokens of one sentence, in order (never null, may be empty)
     * @return one tag per token, in the same order; a tag that is not a Penn tag, or null, means "no part of
     *         speech" (the token is left as it is by the lemmatizer)
     */
    String[] tag(String[] tokens);
}
