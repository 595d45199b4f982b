package org.workbench.cli;

import picocli.CommandLine.Option;

/** How much a command prints. */
final class OutputOptions {
    @Option(names = "--verbose", description = "print stack traces and every detail line")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "print only errors and the final result")
    boolean quiet;
}
