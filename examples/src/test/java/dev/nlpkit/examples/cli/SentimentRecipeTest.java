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
    void recipesChooseTheNetwork() {
        assertThat(optionsOf("--recipe", "lstm").network()).isEqualTo(TextClassifierOptions.Network.lesson());
        assertThat(optionsOf("--recipe", "gru").network())
                .isEqualTo(TextClassifierOptions.Network.lesson().withCell(RecurrentOptions.Cell.GRU));
        assertThat(optionsOf("--recipe", "cnn").network()).isEqualTo(TextClassifierOptions.Network.cnn());
        TextClassifierOptions transformer = optionsOf("--recipe", "transformer", "--layers", "2");
        assertThat(transformer.network()).isEqualTo(TextClassifierOptions.Network.transformer().withLayers(2));
        assertThat(SentimentCommand.modelName(transformer.network())).isEqualTo("2xtransformer");
        assertThat(SentimentCommand.describe(optionsOf("--recipe", "transformer"))).isEqualTo("Embedding(Word2Vec, "
                + "fine-tuned at 0.1 x the rate) -> PositionEmbedding(learned, 40) -> TransformerEncoder(2 heads, feed-forward 128, dropout "
                + "0.1) -> AttentionPooling -> Dense(1, sigmoid)");
        assertThat(SentimentCommand.describe(optionsOf("--recipe", "cnn"))).isEqualTo("Embedding(Word2Vec, "
                + "fine-tuned at 0.1 x the rate) -> Dropout(0.2) -> Conv1D(128, kernel 5, same, relu) -> GlobalMaxPooling1D -> Dropout(0.2) "
                + "-> Dense(1, sigmoid)");
    }

    @Test
    void aRecipeWithTheCellFlagIsRefusedNamingBothFlagsBeforeReadingData() throws IOException {
        Path data = Files.writeString(dir.resolve("tweets.csv"), "label,text\npositive,good\nnegative,bad\n");
        CommandRun run = CommandRun.of("sentiment", "train", "--data", data.toString(), "--recipe", "transformer",
                "--cell", "gru", "--out", dir.resolve("m.nlpkit").toString(), "--plots", dir.resolve("p").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: --recipe transformer and --cell cannot be used together: "
                + "the recipe sets the network's cell; drop one of them");
        assertThat(run.out()).doesNotContain("data:");
    }

    @Test
    void cnnAndTransformerRecipesRefuseTheRecurrentFlags() {
        for (String flag : new String[] {"--units=8", "--bidirectional", "--recurrent-dropout=0"}) {
            SentimentCommand.Train train = new SentimentCommand.Train();
            new CommandLine(train).parseArgs("--recipe", "cnn", flag);
            org.assertj.core.api.Assertions.assertThatThrownBy(train::call).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--recipe cnn and " + flag.replaceFirst("=.*", "")
                            + " cannot be used together");
        }
    }

    @Test
    void theTransformerRecipeNeedsAVectorSizeItsHeadsDivide() {
        SentimentCommand.Train train = new SentimentCommand.Train();
        new CommandLine(train).parseArgs("--recipe", "transformer", "--vector-size", "201");
        org.assertj.core.api.Assertions.assertThatThrownBy(train::call).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--vector-size 201 must be divisible by the transformer recipe's 2 attention heads");
    }

    @Test
    void anUnknownRecipeNamesTheFlagAndTheChoices() {
        SentimentCommand.Train train = new SentimentCommand.Train();
        new CommandLine(train).parseArgs("--recipe", "rnn");
        org.assertj.core.api.Assertions.assertThatThrownBy(train::call).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--recipe");
    }

    @Test
    void epochTimesAreReportedPerEpochAndAsAMean() {
        assertThat(SentimentCommand.epochTimes(java.util.List.of(12.94, 12.1, 11.9)))
                .isEqualTo("time per epoch: mean 12.3 s over 3 epochs (12.9, 12.1, 11.9 s); from epoch 2 on: 12.0 s");
        assertThat(SentimentCommand.epochTimes(java.util.List.of(3.0))).isEqualTo("time per epoch: mean 3.0 s over 1 "
                + "epochs (3.0 s)");
    }

    @Test
    void posLemmatizationIsTheSmileTaggerStageOfThePreprocessing() {
        TextClassifierOptions options = optionsOf("--lemmatize", "pos");
        assertThat(options.preprocess().lemmatization()).isEqualTo(dev.nlpkit.preprocess.Lemmatization.POS);
        assertThat(options.preprocess().partOfSpeechTagger()).isEqualTo("smile-hmm");
        assertThat(options.preprocess().stemmer()).isEqualTo(dev.nlpkit.preprocess.Stemmer.NONE);
    }
}
