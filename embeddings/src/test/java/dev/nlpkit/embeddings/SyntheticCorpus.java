package dev.nlpkit.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated corpus with known structure: {@code topics} topics of {@code wordsPerTopic} words ("t3w7");
 * each sentence picks a topic and draws 85% of its words from it (Zipf-like within the topic) and 15% from a
 * few shared function words. Words of one topic should end up as nearest neighbours.
 */
final class SyntheticCorpus {

    private SyntheticCorpus() {
    }

    static List<List<String>> generate(int sentences, int topics, int wordsPerTopic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] function = {"the", "of", "and", "a", "to", "in"};
        List<List<String>> corpus = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            int topic = random.nextInt(topics);
            int length = 8 + random.nextInt(12);
            List<String> sentence = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                if (random.nextDouble() < 0.15) {
                    sentence.add(function[random.nextInt(function.length)]);
                } else {
                    int w = (int) Math.floor(Math.pow(random.nextDouble(), 1.5) * wordsPerTopic);
                    sentence.add("t" + topic + "w" + w);
                }
            }
            corpus.add(sentence);
        }
        return corpus;
    }

    static String topicOf(String word) {
        return word.startsWith("t") ? word.substring(0, word.indexOf('w')) : "";
    }
}
