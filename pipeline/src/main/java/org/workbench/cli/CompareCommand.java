package org.workbench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workbench.report.RunDiff;
import org.workbench.core.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Show the config values that differ between two runs and every metric side by side with its change.",
        footer = {"", "Examples:",
                "  workbench compare reports/titanic/<run A> reports/titanic_tune/<run B>",
                "  workbench compare RUN_A RUN_B --html diff.html"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "first run folder")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "second run folder")
    Path runB;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the comparison as a self-contained HTML page")
    Path html;

    @Override
    public Integer call() {
        RunDiff diff = RunDiff.of(runA, runB);
        var out = spec.commandLine().getOut();
        out.print(diff.text());
        if (html != null) {
            Json.writeAtomically(html, diff.html().getBytes(StandardCharsets.UTF_8));
            out.println("\nwrote " + html);
        }
        out.flush();
        return ErrorHandler.OK;
    }
}
