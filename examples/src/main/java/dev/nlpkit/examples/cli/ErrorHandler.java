package dev.nlpkit.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import dev.nlpkit.preprocess.corpus.CorpusException;
import dev.nlpkit.recurrent.model.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a subcommand, or a command-line syntax error, into one clear line on stderr: exit code
 * 1 for a failed command, 2 for a usage error (with a pointer to {@code --help} instead of the whole usage). Every
 * line goes through {@link Messages#guard(String)}: at most {@value Messages#MAX_LINE} characters, printable. The
 * stack trace is printed only when {@code --debug} is on the command line or {@code NLPKIT_DEBUG} is set, with its
 * messages guarded the same way.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        boolean debug = System.getenv("NLPKIT_DEBUG") != null
                || parseResult.originalArgs().contains("--debug");
        PrintWriter err = cli.getErr();
        err.println(cli.getColorScheme().errorText("nlpkit: " + Messages.guard(message(ex))));
        if (debug) {
            printTrace(ex, err);
        }
        err.flush();
        return 1;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
        err.println(cli.getColorScheme().errorText("nlpkit: " + Messages.guard(message)));
        String command = cli.getCommandSpec().qualifiedName();
        err.println("Try '" + command + " --help' for more information.");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The user-facing message of an exception: the file-system ones in words, no Java class names. */
    static String message(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException u && u.getCause() != null && u.getMessage() != null
                && u.getMessage().equals(String.valueOf(u.getCause())) ? u.getCause() : ex;
        if (e instanceof CorpusException corpus) {
            return ReadFlags.describe(corpus);
        }
        if (e instanceof TrainingDivergedException diverged) {
            String text = diverged.getMessage();
            int cut = text.indexOf("; the weights are");
            return (cut > 0 ? text.substring(0, cut) : text) + "; nothing was saved. Lower --learning-rate or pass "
                    + "--clip-norm (e.g. --clip-norm 1).";
        }
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : Messages.quote(fs.getFile());
            String other = fs.getOtherFile() == null ? "" : " -> " + Messages.quote(fs.getOtherFile());
            if (e instanceof AccessDeniedException) {
                return file + other + ": permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return file + other + ": no such file or folder";
            }
            if (e instanceof NotDirectoryException) {
                return file + ": is not a folder";
            }
            return file + other + ": " + (fs.getReason() == null ? "file system error" : fs.getReason());
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return "internal error (" + e.getClass().getSimpleName() + "); run again with --debug for the stack trace";
        }
        return e.getMessage();
    }

    /** A stack trace with every message guarded (a crafted file's bytes never reach the terminal). */
    private static void printTrace(Throwable ex, PrintWriter err) {
        String prefix = "";
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            err.println(prefix + t.getClass().getName()
                    + (t.getMessage() == null ? "" : ": " + Messages.guard(t.getMessage())));
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("    at " + frame);
            }
            prefix = "Caused by: ";
        }
    }
}
