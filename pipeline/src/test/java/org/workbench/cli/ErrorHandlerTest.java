package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorHandlerTest {
    @Test
    void runningOutOfMemoryOnAWorkerThreadIsOneLineWithTheLimitAndExitsOne() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new WorkbenchCli());
        cli.setErr(new PrintWriter(err, true));
        // a worker's error comes back wrapped, as Background and Workers carry it
        int exit = new ErrorHandler().handleExecutionException(new IllegalStateException("worker failed",
                new OutOfMemoryError("Java heap space")), cli, cli.parseArgs());
        assertEquals(ErrorHandler.INTERNAL_ERROR, exit);
        String printed = err.toString();
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("error: out of memory (Java heap space): this command needed more than the "), printed);
        assertTrue(printed.strip().endsWith("(WORKBENCH_JAVA_OPTS=-Xmx...) or ask for less (a sample of the rows, fewer one-hot"
                + " levels with features.max_levels, fewer features); run with --verbose for the stack trace"), printed);
    }
}
