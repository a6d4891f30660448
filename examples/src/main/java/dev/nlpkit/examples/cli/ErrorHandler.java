package dev.nlpkit.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a subcommand into one clear line on stderr and exit code 1. The stack trace
 * is printed only when {@code --debug} is on the command line or {@code NLPKIT_DEBUG} is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        boolean debug = System.getenv("NLPKIT_DEBUG") != null
                || parseResult.originalArgs().contains("--debug");
        String message = ex instanceof dev.nlpkit.preprocess.corpus.CorpusException corpus ? ReadFlags.describe(corpus)
                : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cli.getErr().println(cli.getColorScheme().errorText("nlpkit: " + message));
        if (debug) {
            ex.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return 1;
    }
}
