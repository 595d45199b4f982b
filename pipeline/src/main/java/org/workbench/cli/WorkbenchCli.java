package org.workbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.workbench.core.SuppressForbidden;
import org.workbench.core.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code workbench run | validate | stages | models | predict | serve | export | drift | demo | report | compare}. */
@Command(name = "workbench", mixinStandardHelpOptions = true, versionProvider = WorkbenchCli.Version.class,
        description = "Runs a machine-learning pipeline, stage by stage, from a YAML config.",
        subcommands = {RunCommand.class, ValidateCommand.class, StagesCommand.class, ModelsCommand.class,
                PredictCommand.class, ExplainCommand.class, ServeCommand.class, ExportCommand.class, DriftCommand.class, DemoCommand.class, ReportCommand.class, CompareCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  workbench run configs/iris.yaml",
                "  workbench run configs/titanic.yaml --set train.model=xgboost --seed 7",
                "  workbench predict --model reports/iris/<run>/model.bundle --input new.csv",
                "", "Exit codes: 0 ok, 2 bad input (config, data, arguments), 1 internal error, 3 drift found (drift --fail-on-drift)."})
public final class WorkbenchCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @SuppressForbidden("the terminal's own encoding is the right one for what a person reads there")
    public static void main(String[] args) {
        // Workbench formats with Locale.ROOT itself, but libraries use the machine's default where no locale can be
        // passed: Tribuo 4.3.2 upper-cases protobuf field names with it (Turkish makes "info" "İnfo", and saving
        // the model fails) and XChart writes the confusion matrix's counts with it (Arabic-Indic digits)
        Locale.setDefault(Locale.ROOT);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests too). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WorkbenchCli());
        ErrorHandler handler = new ErrorHandler();
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(handler);
        cli.setParameterExceptionHandler(handler);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's exception handler; the run folder is already removed (Runner)
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            if (verbose) {
                e.printStackTrace(err);
            }
            return ErrorHandler.outOfMemory(e, verbose, err);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var v = Versions.all();
            return new String[] {"workbench " + v.get("workbench"),
                    "tribuo " + v.get("tribuo") + ", tablesaw " + v.get("tablesaw") + ", java " + v.get("java")};
        }
    }
}
