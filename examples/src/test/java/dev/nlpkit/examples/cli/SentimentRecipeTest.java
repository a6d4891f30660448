package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The one recipe ({@link TextClassifierOptions}) behind the flags, the help text and the PyTorch anchor. */
class SentimentRecipeTest {

    @TempDir
    Path dir;

    private static TextClassifierOptions optionsOf(String... args) {
        SentimentCommand.Train train = new SentimentCommand.Train();
        new CommandLine(train).parseArgs(args);
        return train.options();
    }

    @Test
    void theDefaultFlagsAreTheCoursesNetwork() {
        TextClassifierOptions options = optionsOf();
        assertThat(options.network()).isEqualTo(TextClassifierOptions.Network.lesson());
        assertThat(options.training().withSeed(42)).isEqualTo(TextClassifierOptions.Training.defaults());
        assertThat(options.sequence()).isEqualTo(TextClassifierOptions.Sequence.defaults());
    }

    @Test
    void theHelpTextDescribesTheDefaultRecipe() {
        String help = new CommandLine(new SentimentCommand.Train()).getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        assertThat(help).contains(SentimentCommand.describe(optionsOf()));
    }

    @Test
    void networkFlagsReachTheRecipe() {
        TextClassifierOptions options = optionsOf("--cell", "gru", "--layers", "2", "--bidirectional", "--units", "7",
                "--recurrent-dropout", "0", "--clip-norm", "1");
        assertThat(options.network()).isEqualTo(new TextClassifierOptions.Network(RecurrentOptions.Cell.GRU, 7, 2,
                true, 0.2, 0.0, 0.5));
        assertThat(options.training().clipNorm()).isEqualTo(1.0);
        assertThat(SentimentCommand.modelName(options.network())).isEqualTo("2xbigru");
    }

    @Test
    void torchWithARecipePyTorchCannotTrainStopsBeforeReadingData() throws IOException {
        Path data = Files.writeString(dir.resolve("tweets.csv"), "label,text\npositive,good\nnegative,bad\n");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", data.toString(), "--cell", "gru",
                "--layers", "2", "--torch", "--out", dir.resolve("m.nlpkit").toString(),
                "--plots", dir.resolve("plots").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --torch: the PyTorch reference (sentiment_torch.py) trains "
                + "only the course's one-layer, one-direction LSTM, so it cannot train the same recipe with --cell "
                + "gru, --layers 2; drop --torch or those flags");
        assertThat(run.out()).doesNotContain("data:");
    }

    @Test
    void posLemmatizationIsTheSmileTaggerStageOfThePreprocessing() {
        TextClassifierOptions options = optionsOf("--lemmatize", "pos");
        assertThat(options.preprocess().lemmatization()).isEqualTo(dev.nlpkit.preprocess.Lemmatization.POS);
        assertThat(options.preprocess().partOfSpeechTagger()).isEqualTo("smile-hmm");
        assertThat(options.preprocess().stemmer()).isEqualTo(dev.nlpkit.preprocess.Stemmer.NONE);
    }
}
