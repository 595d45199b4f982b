package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.workbench.table.DataWarning;
import org.workbench.config.ConfigException;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Workbench;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.PrefitCheck;
import org.workbench.run.Preflight;
import org.workbench.definition.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.table.DataConfig;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check CONFIG and its data (every key, the CSV, the target, the metric, the algorithm) without training.",
        footer = {"", "Example:", "  workbench validate configs/titanic.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "pipeline config (YAML)")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config value (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SetUp.tables();
        PipelineConfig cfg = ConfigLoader.load(config, overrides);
        // the run's own first two stages: the pre-fit check ends stage 1, the data warnings come from stage 2;
        // neither fits anything or writes a file
        RunContext context = new RunContext(cfg);
        List<StageResult> results = ConfigException.namingFile(cfg.file(), () ->
                Workbench.checks().run(context, null, r -> { }));
        Table table = context.get(DefinitionStage.RAW_TABLE);
        Problem problem = context.get(DefinitionStage.PROBLEM);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "config ok: %s%n", config);
        out.printf(Locale.ROOT, "data ok: %s, %d rows x %d columns%n", cfg.section(DataConfig.class).source(), table.rowCount(), table.columnCount());
        // how the file was read: what was sniffed, and columns dropped while reading
        context.find(DefinitionStage.CSV_READ).ifPresent(read -> out.println("read with " + String.join("; ", read.notes())));
        for (Column<?> c : table.columns()) {
            out.printf(Locale.ROOT, "  %-28s %-11s %d missing%s%n", c.name(), c instanceof DoubleColumn ? "numeric" : "categorical",
                    c.countMissing(), c.name().equals(problem.target()) ? "  <- target" : "");
        }
        String what = problem.task() != org.workbench.data.Task.CLUSTERING ? " of '" + problem.target() + "'"
                : problem.target() == null ? " (no label column)" : " (label column '" + problem.target() + "' scores agreement)";
        out.printf(Locale.ROOT, "problem: %s%s, metric %s, algorithm %s%n", problem.task().label(), what, problem.metric(), problem.model());
        results.get(0).data(org.workbench.definition.DefinitionRecord.class)
                .ifPresent(d -> out.println(d.preflight().describe()));
        List<DataWarning> warnings = WarningLines.recorded(results.get(1));
        if (!output.quiet) {
            out.println(warnings.isEmpty() ? "no data warnings" : warnings.size() + (warnings.size() == 1 ? " data warning:"
                    : " data warnings:"));
            WarningLines.all(warnings).forEach(out::println);
        }
        return ErrorHandler.OK;
    }
}
