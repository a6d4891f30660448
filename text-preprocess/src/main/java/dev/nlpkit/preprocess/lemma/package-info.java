/**
 * WordNet lemmatization: NLTK's {@code WordNetLemmatizer} (WordNet's morphy: exception lists, then
 * suffix-detachment rules checked against the lemma index) over the WordNet 3.0 files of the
 * {@code net.sf.extjwnl:extjwnl-data-wn30} jar, held in memory, and a Lucene {@link
 * org.apache.lucene.analysis.TokenFilter} that plugs it into an analysis chain. It agrees with NLTK 3.8 on
 * a committed reference list of more than 1,200 (word, part of speech) pairs from tweets and prose. A
 * {@link dev.nlpkit.preprocess.lemma.PartOfSpeechTaggerFilter} feeds it the part of speech a
 * {@link dev.nlpkit.preprocess.lemma.PartOfSpeechTagger} (registered by name in
 * {@link dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers}; none ships here) gives each word.
 *
 * <pre>{@code
 * WordNetLemmatizer wn = WordNetLemmatizer.load();           // once per JVM, thread-safe
 * wn.lemmatize("geese");                                      // "goose" (noun by default, as NLTK)
 * wn.lemmatize("ran", PartOfSpeech.VERB);                     // "run"
 * wn.lemmatize("better", PartOfSpeech.fromTag('a'));          // "good"
 * wn.lemmatize("leaves", PartOfSpeech.fromPennTag("VBZ").orElseThrow()); // "leave"
 * wn.lemmatizeUntagged("was");                                // "be" (verb, noun, adjective, adverb)
 * TokenStream lemmas = new LemmatizerFilter(new LowerCaseFilter(tokenizer), wn, LemmaMode.UNTAGGED);
 * TokenStream tagged = new LemmatizerFilter(new PartOfSpeechTaggerFilter(lowerCased, myTagger, "mine"), wn,
 *         LemmaMode.UNCHANGED);                                // each word with its tag; DT, IN, ... as they are
 * }</pre>
 */
package dev.nlpkit.preprocess.lemma;
