package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nlpkit.preprocess.lemma.PartOfSpeechTagger;
import dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers;

/**
 * A classifier whose preprocessing lemmatizes with a part-of-speech tagger: the bundle stores the tagger's name;
 * loading needs the tagger registered, and says so naming it when it is not.
 */
class PosLemmatizationBundleTest {

    private static final String TAGGER = "test-suffix-tagger";

    /** A deterministic stand-in for a real tagger: words ending in "ed" or "ing" are verbs, the rest nouns. */
    private static final PartOfSpeechTagger SUFFIXES = tokens -> {
        String[] tags = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            tags[i] = tokens[i].endsWith("ed") || tokens[i].endsWith("ing") ? "VBD" : "NN";
        }
        return tags;
    };

    @AfterEach
    void unregister() {
        PartOfSpeechTaggers.unregister(TAGGER);
    }

    private static byte[] trainAndSave() throws IOException {
        Fixtures.Data d = Fixtures.data(200, 51, false);
        TextClassifierOptions options = Fixtures.tiny().withPreprocess(Fixtures.tiny().preprocess()
                .withPartOfSpeechLemmatization(TAGGER));
        TextClassifier model = TextClassifier.fit(d.texts(), d.labels(), null, options, FitListener.NONE);
        assertThat(model.tokens("loved days")).containsExactly("love", "day");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }

    @Test
    void aPosBundleLoadsAndPredictsIdenticallyWhenTheTaggerIsRegistered() throws IOException {
        PartOfSpeechTaggers.register(TAGGER, SUFFIXES);
        byte[] bytes = trainAndSave();
        Fixtures.Data d = Fixtures.data(200, 51, false);
        TextClassifier model = TextClassifier.load(new ByteArrayInputStream(bytes));
        assertThat(model.options().preprocess().partOfSpeechTagger()).isEqualTo(TAGGER);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        model.save(again);
        assertThat(TextClassifier.load(new ByteArrayInputStream(again.toByteArray())).predictProba(d.texts()))
                .isEqualTo(model.predictProba(d.texts()));
    }

    @Test
    void loadingAPosBundleWithoutItsTaggerNamesTheTaggerAndHowToRegisterIt() throws IOException {
        PartOfSpeechTaggers.register(TAGGER, SUFFIXES);
        byte[] bytes = trainAndSave();
        PartOfSpeechTaggers.unregister(TAGGER);
        assertThatThrownBy(() -> TextClassifier.load(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the classifier stream: the preprocessing lemmatizes with the part-of-speech "
                        + "tagger '" + TAGGER + "', which is not registered in this program: register it with "
                        + "PartOfSpeechTaggers.register(\"" + TAGGER + "\", tagger) before building the pipeline or "
                        + "loading the model");
    }

    @Test
    void formatOnePosLemmatizationMapsToTheSmileTaggerStage() throws IOException {
        var options = Format1.preprocessing("preprocessing\t1\npreset=tweets\nstemmer=none\nlemmatization=pos\n",
                "old.nlpkit#preprocessing");
        assertThat(options.lemmatization()).isEqualTo(dev.nlpkit.preprocess.Lemmatization.POS);
        assertThat(options.partOfSpeechTagger()).isEqualTo("smile-hmm");
    }
}
