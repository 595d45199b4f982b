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
        InputException bad = cause(e, InputException.class);
        if (bad != null) {
            err.println("error: " + oneLine(bad.getMessage()));
            return BAD_INPUT;
        }
        OutOfMemoryError oom = cause(e, OutOfMemoryError.class); // a worker thread's, carried back inside a wrapper
        if (oom != null) {
            return outOfMemory(oom, verbose, err); // the trace, with --verbose, is printed above
        }
        err.println("internal error: " + oneLine(e.toString()) + (verbose ? "" : " (run with --verbose for the stack trace)"));
        return INTERNAL_ERROR;
    }

    /**
     * The heap ran out: one line with the limit and what asks for less, exit 1 (the input may be fine for a
     * bigger heap). The steps that can tell in advance refuse before allocating ({@code core.Memory}).
     */
    static int outOfMemory(OutOfMemoryError e, boolean verbose, java.io.PrintWriter err) {
        err.println("error: out of memory (" + oneLine(e.getMessage()) + "): this command needed more than the "
                + org.workbench.core.Memory.size(org.workbench.core.Memory.maxHeap()) + " this JVM may use; give it more"
                + " (WORKBENCH_JAVA_OPTS=-Xmx...) or ask for less (a sample of the rows, fewer one-hot levels with"
                + " features.max_levels, fewer features)" + (verbose ? "" : "; run with --verbose for the stack trace"));
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

    /** The first {@code type} in {@code e}'s cause chain (a worker thread's wrapper may carry it), or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A message on one line (e.g. a library's that spans lines): its lines stripped and joined by spaces. */
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
