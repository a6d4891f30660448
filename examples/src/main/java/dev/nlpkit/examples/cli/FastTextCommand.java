package dev.nlpkit.examples.cli;

import dev.nlpkit.core.Threads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.nlpkit.embeddings.Architecture;
import dev.nlpkit.embeddings.Algorithm;
import dev.nlpkit.embeddings.Corpus;
import dev.nlpkit.embeddings.FastText;
import dev.nlpkit.embeddings.FastTextOptions;
import dev.nlpkit.embeddings.FastTextVectors;
import dev.nlpkit.embeddings.io.Word2VecFormat;
import dev.nlpkit.embeddings.vectors.ScoredWord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit fasttext train|similar}: FastText subword embeddings (embeddings module). */
@Command(name = "fasttext", mixinStandardHelpOptions = true,
        description = "FastText (embeddings): subword vectors, so every word has one, seen in training or not.",
        subcommands = {FastTextCommand.Train.class, FastTextCommand.Similar.class})
public final class FastTextCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train FastText on FILE and save the model.",
                "FILE: one sentence per line, tokens separated by spaces (gensim's LineSentence; .gz allowed)."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The corpus.")
        Path file;

        @Option(names = "--architecture", defaultValue = "cbow",
                description = "cbow or skip-gram. Default: ${DEFAULT-VALUE}.")
        String architecture;

        @Option(names = "--size", defaultValue = "100", description = "Vector size. Default: ${DEFAULT-VALUE}.")
        int size;

        @Option(names = "--window", defaultValue = "5", description = "Context window. Default: ${DEFAULT-VALUE}.")
        int window;

        @Option(names = "--min-count", defaultValue = "5",
                description = "Ignore words with fewer occurrences. Default: ${DEFAULT-VALUE}.")
        int minCount;

        @Option(names = "--epochs", defaultValue = "5", description = "Passes over the corpus. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--negative", defaultValue = "5", description = "Negative samples. Default: ${DEFAULT-VALUE}.")
        int negative;

        @Option(names = "--min-n", defaultValue = "3", description = "Shortest character n-gram. Default: ${DEFAULT-VALUE}.")
        int minN;

        @Option(names = "--max-n", defaultValue = "6",
                description = "Longest character n-gram (below --min-n: none). Default: ${DEFAULT-VALUE}.")
        int maxN;

        @Option(names = "--bucket", defaultValue = "2000000",
                description = "Rows the n-grams are hashed into (x --size x 4 bytes of heap). Default: ${DEFAULT-VALUE}.")
        int bucket;

        @Option(names = "--threads", description = "Training threads (gensim's workers). Default: -Dnlpkit.threads, else the "
                + "number of cores; 1 is bit-reproducible.")
        Integer threads;

        @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--algorithm", defaultValue = "auto",
                description = "auto (= hogbatch), hogwild (gensim's and fastText's order of updates, one prediction "
                        + "at a time) or hogbatch (each word's vector composed once per window and its n-gram rows "
                        + "written once: faster; see the embeddings README). Default: ${DEFAULT-VALUE}.")
        String algorithm = "auto";

        @Option(names = "--out", defaultValue = "fasttext.model",
                description = "Where to save the model (our format; .vec/.txt: word2vec text vectors of the vocabulary). "
                        + "An existing file is replaced only if it is an nlpkit or word2vec file, or with --force. "
                        + "Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--force", description = "Replace an existing --out file even if it is not an nlpkit file.")
        boolean force;

        private FastTextOptions options() {
            FlagChecks.inRange("--size", size, 1, FlagChecks.MAX_DIMENSION);
            FlagChecks.atLeast("--window", window, 1);
            FlagChecks.atLeast("--min-count", minCount, 1);
            FlagChecks.atLeast("--epochs", epochs, 1);
            FlagChecks.atLeast("--negative", negative, 1);
            FlagChecks.atLeast("--min-n", minN, 1);
            FlagChecks.atLeast("--max-n", maxN, 0);
            FlagChecks.atLeast("--bucket", bucket, maxN >= minN ? 1 : 0);
            if (maxN >= minN && (long) bucket * size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("--bucket " + bucket + " x --size " + size
                        + " floats exceed what one Java array holds; lower --bucket");
            }
            if (threads != null) {
                FlagChecks.inRange("--threads", threads, 1, 1024);
            }
            return FastTextOptions.defaults().withArchitecture(Choices.parse(Architecture.class, "--architecture",
                            architecture))
                    .withVectorSize(size).withWindow(window).withMinCount(minCount).withEpochs(epochs)
                    .withNegative(negative).withNgramLengths(minN, maxN).withBucket(bucket)
                    .withThreads(threads != null ? threads : Threads.defaultCount())
                    .withAlgorithm(Choices.parse(Algorithm.class, "--algorithm", algorithm));
        }

        @Override
        public Integer call() throws IOException {
            FastTextOptions options = options();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("corpus file " + file + " does not exist or is not a file");
            }
            OutputCheck.of(force).input("FILE", file).file("--out", out);
            FastText model = FastText.fit(Corpus.lines(file), options, seed, Word2VecCommand.progress("fasttext"));
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".vec") || name.endsWith(".txt")) {
                Word2VecFormat.write(model.vectors().wordVectors(), out, Word2VecFormat.Format.TEXT);
            } else {
                model.save(out);
            }
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf(Locale.ROOT, "%s: %d words + %d n-gram buckets x %d dimensions, %.1f s (%.0f words/s); saved %s%n",
                    options.architecture(), model.vocabulary().size(), options.ngramRows(), options.vectorSize(),
                    model.lastTraining().seconds(), model.lastTraining().effectiveWordsPerSecond(), out);
            pw.flush();
            return 0;
        }
    }

    @Command(name = "similar", mixinStandardHelpOptions = true,
            description = "The nearest vocabulary words to WORD by cosine; WORD need not be in the vocabulary.")
    static final class Similar implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true,
                description = "A model saved by 'fasttext train', or a fastText .bin (Facebook or gensim).")
        Path model;

        @Parameters(paramLabel = "WORD", arity = "1..*", description = "Words to query.")
        List<String> words;

        @Option(names = "--top", defaultValue = "10", description = "How many neighbours. Default: ${DEFAULT-VALUE}.")
        int top;

        @Override
        public Integer call() throws IOException {
            FlagChecks.atLeast("--top", top, 1);
            if (!Files.isRegularFile(model)) {
                throw new IllegalArgumentException("model file " + model + " does not exist or is not a file");
            }
            FastTextVectors vectors = model.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin")
                    ? FastText.loadFacebookModel(model).vectors() : FastText.load(model).vectors();
            PrintWriter out = spec.commandLine().getOut();
            for (String word : words) {
                out.println(word + (vectors.contains(word) ? ":" : " (not in the vocabulary, from its n-grams):"));
                for (ScoredWord s : vectors.mostSimilar(word, top)) {
                    out.printf(Locale.ROOT, "  %-20s %.4f%n", s.word(), s.score());
                }
            }
            out.flush();
            return 0;
        }
    }
}
