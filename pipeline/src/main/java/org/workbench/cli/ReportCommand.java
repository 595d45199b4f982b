package org.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workbench.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render RUN_DIR/report.html from the run's run.json (and predictions.csv).",
        footer = {"", "Example:", "  workbench report reports/titanic/20261126T101500Z"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder (it holds run.json)")
    Path runDir;

    @Override
    public Integer call() {
        Path file = HtmlReport.write(runDir);
        spec.commandLine().getOut().println("report: " + file);
        spec.commandLine().getOut().flush();
        return ErrorHandler.OK;
    }
}
