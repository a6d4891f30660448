package dev.nlpkit.embeddings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Counts the words of a corpus and applies minCount, maxVocabSize and maxFinalVocab (one pass). */
final class TrainingVocabularyBuilder {

    private static final class Counter {
        long count;
        final long first;

        Counter(long first) {
            this.first = first;
        }
    }

    private final Map<String, Counter> counts = new HashMap<>();
    private final int maxVocabSize;
    private long tokens;
    private long sentences;
    private long distinctSeen;
    private int minReduce = 1;

    private TrainingVocabularyBuilder(int maxVocabSize) {
        this.maxVocabSize = maxVocabSize;
    }

    static TrainingVocabulary build(Corpus corpus, Word2VecOptions options) {
        TrainingVocabularyBuilder builder = new TrainingVocabularyBuilder(options.maxVocabSize());
        CorpusItems.read(corpus, item -> {
            builder.add(item);
            return true;
        });
        return builder.finish(options);
    }

    @SuppressWarnings("unchecked")
    private void add(Object item) {
        sentences++;
        if (item instanceof String line) {
            CorpusItems.tokenize(line, (l, start, end) -> count(l.substring(start, end)));
        } else {
            for (String token : (List<String>) item) {
                if (token == null) {
                    throw new IllegalArgumentException("corpus: sentence " + sentences + " contains a null token");
                }
                count(token);
            }
        }
        if (maxVocabSize > 0 && counts.size() > maxVocabSize) {
            // word2vec.c's ReduceVocab: drop the rarest words, raising the bar each time.
            counts.values().removeIf(c -> c.count <= minReduce);
            minReduce++;
        }
    }

    private void count(String token) {
        tokens++;
        Counter c = counts.get(token);
        if (c == null) {
            c = new Counter(distinctSeen++);
            counts.put(token, c);
        }
        c.count++;
    }

    private TrainingVocabulary finish(Word2VecOptions options) {
        if (tokens == 0) {
            throw new IllegalArgumentException("the corpus is empty: " + sentences + " sentences and no tokens;"
                    + " Word2Vec needs words to train on");
        }
        List<Map.Entry<String, Counter>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue().count != b.getValue().count
                ? Long.compare(b.getValue().count, a.getValue().count)
                : Long.compare(a.getValue().first, b.getValue().first));
        long minCount = options.minCount();
        int maxFinal = options.maxFinalVocab();
        if (maxFinal > 0 && entries.size() > maxFinal) {
            // gensim: raise min_count so that no more than max_final_vocab words remain.
            minCount = Math.max(minCount, entries.get(maxFinal).getValue().count + 1);
        }
        int kept = 0;
        while (kept < entries.size() && entries.get(kept).getValue().count >= minCount) {
            kept++;
        }
        if (kept == 0) {
            Map.Entry<String, Counter> top = entries.getFirst();
            throw new IllegalArgumentException("no word reaches minCount=" + minCount
                    + (minCount != options.minCount() ? " (raised by maxFinalVocab=" + maxFinal + ")" : "")
                    + ": the corpus has " + tokens + " tokens, " + counts.size() + " distinct words, the most "
                    + "frequent ('" + top.getKey() + "') occurs " + top.getValue().count
                    + " times; lower the option minCount");
        }
        String[] words = new String[kept];
        long[] wordCounts = new long[kept];
        Iterator<Map.Entry<String, Counter>> it = entries.iterator();
        for (int i = 0; i < kept; i++) {
            Map.Entry<String, Counter> e = it.next();
            words[i] = e.getKey();
            wordCounts[i] = e.getValue().count;
        }
        return new TrainingVocabulary(words, wordCounts, tokens);
    }
}
