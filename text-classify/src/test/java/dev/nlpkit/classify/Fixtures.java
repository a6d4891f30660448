package dev.nlpkit.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.embeddings.Architecture;

/** Small seeded data sets and a tiny recipe, so that fitting takes well under a second. */
final class Fixtures {

    static final List<String> GOOD = List.of("good", "great", "love", "happy", "lovely", "awesome");
    static final List<String> BAD = List.of("bad", "awful", "hate", "sad", "terrible", "worst");
    static final List<String> CALM = List.of("table", "chair", "window", "paper", "street", "train");
    static final List<String> FILLER = List.of("the", "a", "today", "was", "my", "this", "it", "day", "so", "is");

    private Fixtures() {
    }

    /** Texts of filler words with one to three words of the label's list; labels "neg"/"pos" (and "calm"). */
    static Data data(int n, long seed, boolean threeClasses) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(n);
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(threeClasses ? 3 : 2);
            List<String> words = k == 0 ? BAD : k == 1 ? GOOD : CALM;
            StringBuilder text = new StringBuilder();
            int length = 3 + random.nextInt(6);
            int marked = 1 + random.nextInt(3);
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                boolean mark = random.nextInt(length) < marked;
                text.append(mark ? words.get(random.nextInt(words.size()))
                        : FILLER.get(random.nextInt(FILLER.size())));
            }
            text.append(random.nextBoolean() ? "!" : ".");
            texts.add(text.toString());
            labels.add(k == 0 ? "neg" : k == 1 ? "pos" : "calm");
        }
        return new Data(texts, labels);
    }

    /** A tiny, one-worker (bit-reproducible) recipe. */
    static TextClassifierOptions tiny() {
        return TextClassifierOptions.defaults()
                .withSequence(TextClassifierOptions.Sequence.defaults().withMaxLength(12).withMinCount(1))
                .withEmbedding(new TextClassifierOptions.Embedding(new TextClassifierOptions.Word2VecSource(
                        Word2VecOptions.defaults().withArchitecture(Architecture.SKIP_GRAM).withVectorSize(8)
                                .withWindow(3).withMinCount(1).withEpochs(3).withThreads(1).withSeed(3)), true))
                .withNetwork(TextClassifierOptions.Network.lesson().withUnits(8).withDropouts(0.1, 0.0, 0.1))
                .withTraining(TextClassifierOptions.Training.defaults().withOptimizer(
                        TextClassifierOptions.Optimizer.ADAM, 0.02).withBatchSize(32).withEpochs(4).withPatience(0)
                        .withSeed(11));
    }

    record Data(List<String> texts, List<String> labels) {
        LabeledTexts labeled() {
            return new LabeledTexts(texts, labels);
        }
    }
}
