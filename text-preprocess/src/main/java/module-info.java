/**
 * Lucene-based text analysis: tweet and Treebank tokenizers, normalisation, stop words, stemmers, WordNet
 * lemmatisation, corpus readers; every stage also a Lucene SPI factory.
 *
 * <p>The WordNet data jar ({@code net.sf.extjwnl:extjwnl-data-wn30}) is optional and read as resources, so this
 * module does not require it: on the module path, add it with {@code --add-modules extjwnl.data.wn30} when you use
 * the lemmatizer (on the class path it is found as it is).
 */
module dev.nlpkit.preprocess {
    requires transitive dev.nlpkit.core;
    requires transitive org.apache.lucene.core;
    requires transitive org.apache.lucene.analysis.common;
    requires org.apache.commons.csv;

    exports dev.nlpkit.preprocess;
    exports dev.nlpkit.preprocess.corpus;
    exports dev.nlpkit.preprocess.filter;
    exports dev.nlpkit.preprocess.lemma;
    exports dev.nlpkit.preprocess.normalize;
    exports dev.nlpkit.preprocess.stem;
    exports dev.nlpkit.preprocess.stop;
    exports dev.nlpkit.preprocess.tokenize;

    // The same factories META-INF/services lists for the class path: CustomAnalyzer, Solr and Elasticsearch find
    // them by SPI name on the module path too.
    provides org.apache.lucene.analysis.CharFilterFactory
            with dev.nlpkit.preprocess.normalize.NormalizingCharFilterFactory;
    provides org.apache.lucene.analysis.TokenFilterFactory
            with dev.nlpkit.preprocess.filter.CodePointLengthFilterFactory,
                    dev.nlpkit.preprocess.filter.NonLetterFilterFactory,
                    dev.nlpkit.preprocess.filter.StandardTypeFilterFactory,
                    dev.nlpkit.preprocess.filter.TypeAwareLowercaseFilterFactory,
                    dev.nlpkit.preprocess.filter.TypePolicyFilterFactory,
                    dev.nlpkit.preprocess.lemma.LemmatizerFilterFactory,
                    dev.nlpkit.preprocess.normalize.ElongationFilterFactory,
                    dev.nlpkit.preprocess.stop.StopWordsFilterFactory;
    provides org.apache.lucene.analysis.TokenizerFactory
            with dev.nlpkit.preprocess.tokenize.TreebankTokenizerFactory,
                    dev.nlpkit.preprocess.tokenize.TweetTokenizerFactory;
}
