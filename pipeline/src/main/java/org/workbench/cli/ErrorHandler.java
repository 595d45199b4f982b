package org.workbench.cli;

import org.workbench.core.InputException;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes: bad input (a typed {@link InputException} or a
 * command-line mistake) exits 2 with one line; anything else is an internal error and exits 1.
 * {@code workbench drift --fail-on-drift} exits 3 when it finds drift (a result, not a failure).
 * Stack traces are printed only with {@code --verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;
    static final int DRIFT = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = verbose(parsed);
        var err = cli.getErr();
        if (verbose) {
            e.printStackTrace(err);
        }
        InputException bad = inputCause(e);
        if (bad != null) {
            err.println("error: " + oneLine(bad.getMessage()));
            return BAD_INPUT;
        }
        err.println("internal error: " + oneLine(e.toString()) + (verbose ? "" : " (run with --verbose for the stack trace)"));
        return INTERNAL_ERROR;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("error: " + CommandLineMistake.describe(e));
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            e.printStackTrace(cli.getErr());
        }
        return BAD_INPUT;
    }

    /** The bad input behind {@code e}, also when a worker thread's wrapper carries it; else null. */
    private static InputException inputCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException input) {
                return input;
            }
        }
        return null;
    }

    /** A message that spans lines (e.g. a library's) is joined, so an error is always one line. */
    /** A message on one line: its lines stripped and joined by spaces. */
    static String oneLine(String message) {
        return message == null ? "" : String.join(" ", message.strip().lines().map(String::strip).toList());
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
