package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.workbench.collection.CsvSource;
import org.workbench.config.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

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
        Table table = CsvSource.read(cfg.data());
        // the same check a run makes before its first fit
        DefinitionStage.Checked checked = DefinitionStage.check(cfg, table);
        Problem problem = checked.problem();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("config ok: %s%n", config);
        out.printf("data ok: %s, %d rows x %d columns%n", cfg.data().source(), table.rowCount(), table.columnCount());
        for (Column<?> c : table.columns()) {
            out.printf("  %-28s %-11s %d missing%s%n", c.name(), c instanceof DoubleColumn ? "numeric" : "categorical",
                    c.countMissing(), c.name().equals(problem.target()) ? "  <- target" : "");
        }
        String what = problem.task() != org.workbench.data.Task.CLUSTERING ? " of '" + problem.target() + "'"
                : problem.target() == null ? " (no label column)" : " (label column '" + problem.target() + "' scores agreement)";
        out.printf("problem: %s%s, metric %s, algorithm %s%n", problem.task().label(), what, problem.metric(), problem.model());
        out.println(checked.findings().describe());
        return ErrorHandler.OK;
    }
}
