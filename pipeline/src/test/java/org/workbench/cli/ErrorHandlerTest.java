package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import picocli.CommandLine;

class ErrorHandlerTest {
    /** A command that throws whatever the test gives it. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        private final RuntimeException failure;

        Boom(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void run() {
            throw failure;
        }
    }

    private static String[] execute(RuntimeException failure) {
        StringWriter err = new StringWriter();
        ErrorHandler handler = new ErrorHandler();
        CommandLine cli = new CommandLine(new Boom(failure));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(handler);
        cli.setParameterExceptionHandler(handler);
        int code = cli.execute();
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void badInputFromAWorkerThreadIsStillBadInput() {
        String[] r = execute(new CompletionException(new InputException("data.csv: line 3 has 2 fields")));
        assertEquals("2", r[0]);
        assertEquals("error: data.csv: line 3 has 2 fields" + System.lineSeparator(), r[1]);
    }

    @Test
    void aMessageOverSeveralLinesIsPrintedAsOne() {
        String[] r = execute(new InputException("c.yaml: bad\n  more detail\n"));
        assertEquals("2", r[0]);
        assertEquals("error: c.yaml: bad more detail" + System.lineSeparator(), r[1]);
    }

    @Test
    void anythingElseIsAnInternalErrorOnOneLine() {
        String[] r = execute(new IllegalStateException("first\nsecond"));
        assertEquals("1", r[0]);
        assertEquals("internal error: java.lang.IllegalStateException: first second (run with --verbose for the stack trace)"
                + System.lineSeparator(), r[1]);
    }
}
