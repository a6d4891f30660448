package dev.nlpkit.embeddings.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import dev.nlpkit.embeddings.vectors.ScoredWord;
import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * Word-analogy accuracy on the Google {@code questions-words.txt} format, as gensim 4's
 * {@code KeyedVectors.evaluate_word_analogies}: sections start with {@code ": name"}, other lines are
 * {@code a b c d} meaning a:b :: c:d. Only the {@code restrictVocab} most frequent words take part; a question
 * with any word outside them counts as OOV and is left out of the accuracy. The answer is the best 3CosAdd
 * word for {@code b - a + c} among the restricted words, skipping a, b and c. With {@code caseInsensitive}
 * words are compared upper-cased and each upper-cased form maps to its most frequent variant.
 * Questions are answered in parallel (common fork-join pool).
 */
public final class AnalogyEvaluation {

    /** gensim's default {@code restrict_vocab}. */
    public static final int DEFAULT_RESTRICT_VOCAB = 300_000;

    private AnalogyEvaluation() {
    }

    /**
     * gensim's defaults: restrict to 300,000 words, case-insensitive.
     *
     * @param vectors the vectors to evaluate
     * @param questions the analogy file (sections start with {@code :}, then four words per line)
     * @return the accuracy per section and in total
     * @throws IOException when the file cannot be read
     */
    public static AnalogyResult evaluate(WordVectors vectors, Path questions) throws IOException {
        return evaluate(vectors, questions, DEFAULT_RESTRICT_VOCAB, true);
    }

    /**
     * Answers every question {@code a : b :: c : ?} with the nearest word to {@code b - a + c}, as gensim's {@code
     * evaluate_word_analogies}; questions with a word outside the restricted vocabulary are skipped and counted.
     *
     * @param vectors the vectors to evaluate
     * @param questions the analogy file (sections start with {@code :}, then four words per line)
     * @param restrictVocab only the most frequent words count, >= 1 (gensim's {@code restrict_vocab})
     * @param caseInsensitive true to compare words upper-cased, as gensim's {@code case_insensitive}
     * @return the accuracy per section and in total
     * @throws IOException when the file cannot be read
     */
    public static AnalogyResult evaluate(WordVectors vectors, Path questions, int restrictVocab,
            boolean caseInsensitive) throws IOException {
        WordVectors restricted = vectors.restrictToMostFrequent(restrictVocab);
        Map<String, Integer> ok = okVocabulary(restricted, caseInsensitive);
        List<String> names = new ArrayList<>();
        List<int[]> answerable = new ArrayList<>(); // {section, a, b, c, expected}
        int questionsRead = 0;
        int oov = 0;
        int skipped = 0;
        int lineNo = 0;
        try (BufferedReader reader = Files.newBufferedReader(questions, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.startsWith(": ")) {
                    names.add(line.substring(2).strip());
                    continue;
                }
                if (names.isEmpty()) {
                    throw new IllegalArgumentException(questions + ":" + lineNo + ": a question before the first "
                            + "': section' line");
                }
                String[] w = line.strip().split("\\s+");
                if (w.length != 4) {
                    skipped++;
                    continue;
                }
                questionsRead++;
                int[] q = new int[5];
                q[0] = names.size() - 1;
                boolean known = true;
                for (int k = 0; k < 4; k++) {
                    Integer idx = ok.get(key(w[k], caseInsensitive));
                    if (idx == null) {
                        known = false;
                        break;
                    }
                    q[k + 1] = idx;
                }
                if (!known) {
                    oov++;
                    continue;
                }
                answerable.add(q);
            }
        }
        boolean[] right = new boolean[answerable.size()];
        IntStream.range(0, answerable.size()).parallel().forEach(i -> {
            int[] q = answerable.get(i);
            right[i] = answer(restricted, q, caseInsensitive) == q[4];
        });
        int[] correct = new int[names.size()];
        int[] incorrect = new int[names.size()];
        for (int i = 0; i < right.length; i++) {
            if (right[i]) {
                correct[answerable.get(i)[0]]++;
            } else {
                incorrect[answerable.get(i)[0]]++;
            }
        }
        List<AnalogySection> sections = new ArrayList<>();
        int totalCorrect = 0;
        int totalIncorrect = 0;
        for (int s = 0; s < names.size(); s++) {
            sections.add(new AnalogySection(names.get(s), correct[s], incorrect[s]));
            totalCorrect += correct[s];
            totalIncorrect += incorrect[s];
        }
        return new AnalogyResult(sections, new AnalogySection("Total accuracy", totalCorrect, totalIncorrect),
                questionsRead, oov, skipped);
    }

    /** The predicted row, compared by (upper-cased) word to the expected one via its ok-vocabulary row. */
    private static int answer(WordVectors restricted, int[] q, boolean caseInsensitive) {
        List<ScoredWord> top = restricted.mostSimilar(new int[] {q[2], q[3]}, new int[] {q[1]}, 5);
        String a = key(restricted.word(q[1]), caseInsensitive);
        String b = key(restricted.word(q[2]), caseInsensitive);
        String c = key(restricted.word(q[3]), caseInsensitive);
        String expected = key(restricted.word(q[4]), caseInsensitive);
        for (ScoredWord s : top) {
            String predicted = key(s.word(), caseInsensitive);
            if (!predicted.equals(a) && !predicted.equals(b) && !predicted.equals(c)) {
                return predicted.equals(expected) ? q[4] : -1;
            }
        }
        return -1;
    }

    static String key(String word, boolean caseInsensitive) {
        return caseInsensitive ? word.toUpperCase(Locale.ROOT) : word;
    }

    /** Key to row for the restricted words; upper-cased keys map to their most frequent variant. */
    static Map<String, Integer> okVocabulary(WordVectors restricted, boolean caseInsensitive) {
        Map<String, Integer> ok = new HashMap<>(restricted.size() * 2);
        for (int i = restricted.size() - 1; i >= 0; i--) {
            ok.put(key(restricted.word(i), caseInsensitive), i);
        }
        return ok;
    }
}
