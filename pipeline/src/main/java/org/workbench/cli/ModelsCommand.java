package org.workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.workbench.config.Key;
import org.workbench.data.Task;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List every algorithm (train.model) with its task, parameters (train.params), defaults and what it does.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK", description = "only this task: ${COMPLETION-CANDIDATES}")
    TaskName task;

    @Option(names = "--engine", paramLabel = "NAME", description = "the algorithms of this engine: local (default) or spark")
    String engine;

    enum TaskName { classification, regression, clustering }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (engine != null && !engine.equals("local")) {
            org.workbench.run.Engines.named(engine).modelLines(task == null ? null : task.name()).forEach(out::println);
            out.flush();
            return ErrorHandler.OK;
        }
        for (Task t : Task.values()) {
            if (task != null && !task.name().equals(t.label())) {
                continue;
            }
            List<ModelSpec> models = ModelCatalog.forTask(t);
            out.printf(Locale.ROOT, "%s (%d algorithms; default %s)%n", t.label(), models.size(), ModelCatalog.defaultModel(t));
            for (ModelSpec m : models) {
                out.printf(Locale.ROOT, "  %-20s %s%n", m.name(), m.explanation());
                for (Key p : m.params()) {
                    String choices = p.choices().isEmpty() ? "" : " " + p.choices();
                    out.printf(Locale.ROOT, "      %-18s default %-8s %s%s%n", p.name(), p.describeDefault(), p.help(), choices);
                }
            }
            out.println();
        }
        out.println("Set them in a config, e.g.  train: {model: random_forest, params: {trees: 200}}");
        out.flush();
        return ErrorHandler.OK;
    }
}
