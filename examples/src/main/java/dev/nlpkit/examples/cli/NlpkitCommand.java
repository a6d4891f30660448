package dev.nlpkit.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code nlpkit} command line. Subcommands are listed only once they work; each is a small class
 * in this module that wires the library modules together.
 */
@Command(name = "nlpkit", mixinStandardHelpOptions = true, versionProvider = NlpkitCommand.Version.class,
        description = "nlpkit: tweets to tokens, vectors, word embeddings and recurrent sentiment models.",
        subcommands = {InfoCommand.class, DataCommand.class,
                dev.nlpkit.examples.vectorize.OneHotCommand.class, PreprocessCommand.class, TfidfCommand.class,
                Word2VecCommand.class, FastTextCommand.class, SentimentCommand.class, TagCommand.class, Seq2SeqCommand.class, GenerateCommand.class,
                dev.nlpkit.examples.serve.ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class NlpkitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Inherited by every subcommand: show stack traces of errors (read by {@link ErrorHandler}). */
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every working subcommand registered. */
    public static CommandLine commandLine() {
        // before any command builds a pipeline or loads a model whose preprocessing names it
        dev.nlpkit.examples.sentiment.SmileHmmTagger.register();
        CommandLine cli = new CommandLine(new NlpkitCommand());
        CommandLine bench = dev.nlpkit.benchmarks.BenchCommand.commandLineOrNull(new BenchDatasets());
        if (bench != null) {
            bench.addSubcommand(new dev.nlpkit.examples.serve.ServeBench()); // needs the server, which lives here
            cli.addSubcommand("bench", bench);
        }
        ErrorHandler errors = new ErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@code --version}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "nlpkit " + BuildInfo.version(),
                "JVM: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
