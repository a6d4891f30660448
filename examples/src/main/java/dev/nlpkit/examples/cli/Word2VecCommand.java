package dev.nlpkit.examples.cli;

import dev.nlpkit.core.Threads;
import dev.nlpkit.core.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.Optional;
import java.util.concurrent.Callable;

import dev.nlpkit.core.OutputClaim;
import dev.nlpkit.embeddings.Algorithm;
import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.Corpus;
import dev.nlpkit.embeddings.TrainingProgress;
import dev.nlpkit.embeddings.Word2Vec;
import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.embeddings.evaluation.AnalogyEvaluation;
import dev.nlpkit.embeddings.evaluation.AnalogyResult;
import dev.nlpkit.embeddings.evaluation.AnalogySection;
import dev.nlpkit.embeddings.evaluation.PairFormat;
import dev.nlpkit.embeddings.evaluation.SimilarityEvaluation;
import dev.nlpkit.embeddings.evaluation.SimilarityResult;
import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.embeddings.vectors.ScoredWord;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.examples.data.Dataset;
import dev.nlpkit.examples.data.DatasetRegistry;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.TextDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit word2vec train|similar|analogy|evaluate|course}: Word2Vec embeddings (embeddings module). */
@Command(name = "word2vec", mixinStandardHelpOptions = true,
        description = "Word2Vec (embeddings): train on a corpus file, query and evaluate word vectors.",
        subcommands = {Word2VecCommand.Train.class, Word2VecCommand.Similar.class, Word2VecCommand.Analogy.class,
            Word2VecCommand.Evaluate.class, Word2VecCommand.Course.class})
public final class Word2VecCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Training options shared by {@code train} and {@code course}. */
    static final class TrainingOptions {
        @Option(names = "--size", defaultValue = "100", description = "Vector size. Default: ${DEFAULT-VALUE}.")
        int size;

        @Option(names = "--window", defaultValue = "5", description = "Context window. Default: ${DEFAULT-VALUE}.")
        int window;

        @Option(names = "--min-count", defaultValue = "5",
                description = "Ignore words with fewer occurrences. Default: ${DEFAULT-VALUE}.")
        int minCount;

        @Option(names = "--epochs", defaultValue = "5", description = "Passes over the corpus. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--negative", defaultValue = "5",
                description = "Negative samples (0 with --hs). Default: ${DEFAULT-VALUE}.")
        int negative;

        @Option(names = "--hs", description = "Hierarchical softmax output layer.")
        boolean hierarchicalSoftmax;

        @Option(names = "--threads", description = "Training threads (gensim's workers). Default: -Dnlpkit.threads, else the "
                + "number of cores; 1 is bit-reproducible.")
        Integer threads;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--algorithm", defaultValue = "auto",
                description = "auto (hogbatch for negative sampling, hogwild with --hs), hogwild (word2vec.c's "
                        + "exact algorithm, one pair at a time) or hogbatch (minibatches sharing their negatives: "
                        + "faster, negative sampling only; see the embeddings README). Default: ${DEFAULT-VALUE}.")
        String algorithm = "auto";

        /** Checks every option by its flag (before any data is read). */
        void validate() {
            FlagChecks.inRange("--size", size, 1, FlagChecks.MAX_DIMENSION);
            FlagChecks.atLeast("--window", window, 1);
            FlagChecks.atLeast("--min-count", minCount, 1);
            FlagChecks.atLeast("--epochs", epochs, 1);
            FlagChecks.atLeast("--negative", negative, 0);
            if (negative == 0 && !hierarchicalSoftmax) {
                throw new IllegalArgumentException("--negative 0 needs --hs: without either no output layer is trained");
            }
            if (threads != null) {
                FlagChecks.inRange("--threads", threads, 1, 1024);
            }
            if (algorithm() == Algorithm.HOGBATCH && hierarchicalSoftmax) {
                throw new IllegalArgumentException("--algorithm hogbatch trains with negative sampling only; "
                        + "drop --hs or use --algorithm hogwild");
            }
        }

        private Algorithm algorithm() {
            return Choices.parse(Algorithm.class, "--algorithm", algorithm);
        }

        Word2VecOptions options(Architecture architecture) {
            validate();
            return Word2VecOptions.defaults().withArchitecture(architecture).withVectorSize(size).withWindow(window)
                    .withMinCount(minCount).withEpochs(epochs).withNegative(negative)
                    .withHierarchicalSoftmax(hierarchicalSoftmax)
                    .withThreads(threads != null ? threads : Threads.defaultCount())
                    .withAlgorithm(algorithm())
                    .withSeed(seed);
        }
    }

    /** Renders training progress as a bar (or plain lines off a terminal). */
    static TrainingListener<TrainingProgress, TrainingProgress> progress(String task) {
        return new TrainingListener<>() {
            private Progress bar;

            @Override
            public void onProgress(TrainingProgress p) {
                if (bar == null) {
                    bar = Progress.start(task, p.totalWords(), "words");
                }
                bar.message(String.format(Locale.ROOT, "epoch %d/%d, %.0f words/s", p.epoch(), p.epochs(),
                        p.wordsPerSecond()));
                bar.stepTo(p.wordsProcessed());
            }

            @Override
            public void onEpochEnd(TrainingProgress p) {
                onProgress(p);
                if (p.epoch() == p.epochs() && bar != null) {
                    bar.close();
                    bar = null;
                }
            }

            @Override
            public long intervalMillis() {
                return 1000;
            }
        };
    }

    /** Loads vectors: a model saved by {@code train}, or a word2vec .txt/.vec/.bin file. */
    static WordVectors loadVectors(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist or is not a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".vec") || name.endsWith(".txt.gz")) {
            return Word2VecFormat.read(file, Word2VecFormat.Format.TEXT);
        }
        if (name.endsWith(".bin")) {
            return Word2VecFormat.read(file, Word2VecFormat.Format.BINARY);
        }
        return Word2Vec.load(file).vectors();
    }

    private static Architecture architecture(String value) {
        return Choices.parse(Architecture.class, "--architecture", value);
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train Word2Vec on FILE and save the model.",
                "FILE: one sentence per line, tokens separated by spaces (gensim's LineSentence; .gz allowed), or "
                    + "any text with --preset (tokenized by text-preprocess)."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The corpus.")
        Path file;

        @Option(names = "--architecture", defaultValue = "cbow",
                description = "cbow or skip-gram. Default: ${DEFAULT-VALUE}.")
        String architecture;

        @Mixin
        TrainingOptions training = new TrainingOptions();

        @Option(names = "--preset", description = "Tokenize each line with this preset (lesson, tweets, english) "
                + "instead of splitting on spaces.")
        String preset;

        @Option(names = "--out", defaultValue = "word2vec.model",
                description = "Where to save the model (our format; .txt/.bin: word2vec text/binary vectors). An "
                        + "existing file is replaced only if it is an nlpkit or word2vec file, or with --force. "
                        + "Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--force", description = "Replace an existing --out file even if it is not an nlpkit file.")
        boolean force;

        @Mixin
        ReadFlags read = new ReadFlags();

        @Override
        public Integer call() throws IOException {
            // options, then the input, then the output: all before the corpus is read
            Word2VecOptions options = training.options(architecture(architecture));
            TextPreprocessor pre = preset == null ? null : TextPreprocessor.of(Choices.preset(preset).options());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("corpus file " + file + " does not exist or is not a file");
            }
            OutputCheck.of(force).input("FILE", file).file("--out", out);
            // a second run writing the same --out is reported now, not discovered when one result is lost
            try (OutputClaim claim = OutputClaims.claim("--out", out)) {
                Corpus corpus;
                PrintWriter err = spec.commandLine().getErr();
                if (pre == null && streamable(file)) {
                    Charset charset = TextDecoder.charsetOf(file, read.apply(ReadOptions.defaults()),
                            w -> ReadFlags.warn(List.of(w), err));
                    corpus = Corpus.lines(file, charset);
                } else if (pre == null) { // a zip, or gzip without .gz in its name: through the corpus readers
                    List<List<String>> sentences = new ArrayList<>();
                    for (String line : read.lines(file, err)) {
                        List<String> tokens = List.of(line.strip().split("\\s+"));
                        if (!tokens.get(0).isEmpty()) {
                            sentences.add(tokens);
                        }
                    }
                    corpus = Corpus.of(sentences);
                } else {
                    List<List<String>> sentences = new ArrayList<>();
                    for (String line : read.lines(file, err)) {
                        List<String> tokens = pre.tokens(line);
                        if (!tokens.isEmpty()) {
                            sentences.add(tokens);
                        }
                    }
                    corpus = Corpus.of(sentences);
                }
                Word2Vec model;
                try {
                    model = Word2Vec.fit(corpus, options, progress("word2vec"));
                } catch (IllegalArgumentException e) {
                    if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                        throw new IllegalArgumentException(e.getMessage() + " (--charset NAME)", e);
                    }
                    throw e;
                }
                claim.checkStillHeld();
                save(model, out);
                PrintWriter pw = spec.commandLine().getOut();
                pw.printf(Locale.ROOT, "%s: %d words x %d dimensions, %s, %.1f s (%.0f words/s); saved %s%n",
                        options.architecture(), model.vectors().size(), model.vectors().dimension(),
                        options.hierarchicalSoftmax() ? "hierarchical softmax" : "negative " + options.negative(),
                        model.lastTraining().seconds(), model.lastTraining().effectiveWordsPerSecond(), out);
                pw.flush();
                return 0;
            }
        }
    }

    /**
     * Whether the embeddings module's line reader can stream {@code file}: plain text, or gzip named {@code .gz}
     * (it decompresses by name and knows no zip).
     */
    static boolean streamable(Path file) throws IOException {
        byte[] head = new byte[2];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 2);
        }
        boolean gzip = n == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        boolean zip = n == 2 && head[0] == 'P' && head[1] == 'K';
        return !zip && gzip == file.getFileName().toString().endsWith(".gz");
    }

    static void save(Word2Vec model, Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".vec")) {
            Word2VecFormat.write(model.vectors(), out, Word2VecFormat.Format.TEXT);
        } else if (name.endsWith(".bin")) {
            Word2VecFormat.write(model.vectors(), out, Word2VecFormat.Format.BINARY);
        } else {
            model.save(out);
        }
    }

    @Command(name = "similar", mixinStandardHelpOptions = true, description = "The nearest words to WORD by cosine.")
    static final class Similar implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "Model or word2vec vectors file.")
        Path model;

        @Parameters(paramLabel = "WORD", arity = "1..*", description = "Words to query.")
        List<String> words;

        @Option(names = "--top", defaultValue = "10", description = "How many neighbours. Default: ${DEFAULT-VALUE}.")
        int top;

        @Override
        public Integer call() throws IOException {
            WordVectors vectors = loadVectors(model);
            PrintWriter out = spec.commandLine().getOut();
            for (String word : words) {
                requireKnown(vectors, word);
                out.println(word + ":");
                for (ScoredWord s : vectors.mostSimilar(word, top)) {
                    out.printf(Locale.ROOT, "  %-20s %.4f%n", s.word(), s.score());
                }
            }
            out.flush();
            return 0;
        }
    }

    static void requireKnown(WordVectors vectors, String word) {
        if (!vectors.contains(word)) {
            throw new IllegalArgumentException(Messages.quote(word) + " is not in the model's vocabulary of " + vectors.size()
                    + " words");
        }
    }

    @Command(name = "analogy", mixinStandardHelpOptions = true,
            description = "A is to B as ? is to C... precisely: the words nearest to A - B + C "
                    + "('analogy king man woman' asks king - man + woman, expecting queen).")
    static final class Analogy implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "Model or word2vec vectors file.")
        Path model;

        @Parameters(index = "0", paramLabel = "A")
        String a;

        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Parameters(index = "2", paramLabel = "C")
        String c;

        @Option(names = "--top", defaultValue = "5", description = "How many answers. Default: ${DEFAULT-VALUE}.")
        int top;

        @Override
        public Integer call() throws IOException {
            WordVectors vectors = loadVectors(model);
            for (String w : List.of(a, b, c)) {
                requireKnown(vectors, w);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s - %s + %s:%n", a, b, c);
            for (ScoredWord s : vectors.mostSimilar(List.of(a, c), List.of(b), top)) {
                out.printf(Locale.ROOT, "  %-20s %.4f%n", s.word(), s.score());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Analogy accuracy (Google questions-words format) and similarity correlation (SimLex-999, MEN).")
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "Model or word2vec vectors file.")
        Path model;

        @Option(names = "--analogies", description = "questions-words.txt (default: the questions-words dataset).")
        Path analogies;

        @Option(names = "--similarity", description = "Word-pair file (default: the simlex-999 or men dataset, "
                + "as --pair-format says).")
        Path similarity;

        @Option(names = "--pair-format", defaultValue = "simlex-999",
                description = "simlex-999, men or tsv. Default: ${DEFAULT-VALUE}.")
        String pairFormat;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(model)) { // before any download
                throw new IllegalArgumentException("model file " + model + " does not exist or is not a file");
            }
            PairFormat format = Choices.parse(PairFormat.class, "--pair-format", pairFormat);
            Path questions = DataFiles.resolve(DatasetRegistry.QUESTIONS_WORDS, analogies, "--analogies");
            Optional<Dataset> pairSet = format == PairFormat.MEN ? Optional.of(DatasetRegistry.MEN)
                    : format == PairFormat.SIMLEX_999 ? Optional.of(DatasetRegistry.SIMLEX_999) : Optional.empty();
            Path pairs = similarity != null || pairSet.isEmpty() ? similarity
                    : DataFiles.resolve(pairSet.get(), null, "--similarity");
            WordVectors vectors = loadVectors(model);
            PrintWriter out = spec.commandLine().getOut();
            if (questions != null) {
                AnalogyResult result = AnalogyEvaluation.evaluate(vectors, questions);
                out.printf(Locale.ROOT, "analogies %s: accuracy %.4f on %d answerable of %d questions (%.1f%% OOV)%n",
                        questions, result.accuracy(), result.total().correct() + result.total().incorrect(),
                        result.questions(), result.oovRatioPercent());
                for (AnalogySection s : result.sections()) {
                    out.printf(Locale.ROOT, "  %-30s %.4f (%d/%d)%n", s.name(), s.accuracy(), s.correct(),
                            s.correct() + s.incorrect());
                }
            }
            if (pairs != null) {
                SimilarityResult result = SimilarityEvaluation.evaluate(vectors, pairs, format);
                out.printf(Locale.ROOT, "similarity %s: Spearman %.4f, Pearson %.4f on %d pairs (%.1f%% OOV)%n", pairs,
                        result.spearman(), result.pearson(), result.pairs(), result.oovRatioPercent());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "course", mixinStandardHelpOptions = true,
            description = {"The course's example: CBOW and skip-gram on Alice's Adventures in Wonderland "
                + "(min count 1, size 100, window 5), then the cosine similarity of alice and wonderland under each.",
                "Text: newlines to spaces, sentences split, words tokenized as NLTK's word_tokenize, lower-cased."})
    static final class Course implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ReadFlags read = new ReadFlags();

        @Option(names = "--file", description = "The book (default: the alice dataset, NLTK's carroll-alice.txt).")
        Path file;

        @Option(names = "--threads", description = "Training threads (gensim's workers). Default: -Dnlpkit.threads, else the "
                + "number of cores.")
        Integer threads;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws IOException {
            Path book = DataFiles.resolve(DatasetRegistry.ALICE, file, "--file");
            List<List<String>> sentences = courseSentences(String.join("\n",
                    read.lines(book, spec.commandLine().getErr())));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %d sentences, %d tokens%n", book, sentences.size(),
                    sentences.stream().mapToInt(List::size).sum());
            TrainingOptions o = new TrainingOptions();
            o.size = 100;
            o.window = 5;
            o.minCount = 1;
            o.epochs = 5;
            o.negative = 5;
            o.threads = threads;
            o.seed = seed;
            for (Architecture architecture : Architecture.values()) {
                Word2Vec model = Word2Vec.fit(Corpus.of(sentences), o.options(architecture),
                        progress(architecture.name().toLowerCase(Locale.ROOT)));
                WordVectors v = model.vectors();
                out.printf(Locale.ROOT, "%-9s cosine(alice, wonderland) = %.4f   cosine(alice, machines) = %s%n",
                        architecture == Architecture.CBOW ? "CBOW" : "skip-gram", v.similarity("alice", "wonderland"),
                        v.contains("machines") ? String.format(Locale.ROOT, "%.4f", v.similarity("alice", "machines"))
                                : "(machines not in the book)");
            }
            out.flush();
            return 0;
        }

        /** The course's tokenization: newlines to spaces, sentence split, word_tokenize, lower-case. */
        static List<List<String>> courseSentences(String text) {
            String flat = text.replace('\n', ' ').replace('\r', ' ');
            TextPreprocessor words = TextPreprocessor.of(PreprocessOptions.lesson()
                    .withStopWords(PreprocessOptions.NO_STOP_WORDS).withStemmer(Stemmer.NONE));
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            sentences.setText(flat);
            List<List<String>> out = new ArrayList<>();
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                List<String> tokens = words.tokens(flat.substring(start, end));
                if (!tokens.isEmpty()) {
                    out.add(tokens);
                }
            }
            return out;
        }
    }

}
