package org.workbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.workbench.run.ConfigLoader;
import org.workbench.config.Key;
import org.workbench.stage.Stage;
import org.workbench.run.Workbench;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "List the nine stages, what each does, and every config key with its default.")
final class StagesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Top-level keys:");
        ConfigLoader.KEYS.stream().filter(k -> k.kind() != Key.Kind.SECTION).forEach(k -> key(out, "", k));
        ConfigLoader.ENGINE_SECTIONS.forEach((section, keys) -> keys.forEach(k -> key(out, section + ".", k)));
        int n = 1;
        for (Stage stage : Workbench.pipeline().stages()) {
            out.printf(Locale.ROOT, "%n%d. %s - %s%n", n++, stage.name(), stage.description());
            stage.configKeys().forEach((section, keys) -> keys.stream().filter(k -> k.kind() != Key.Kind.SECTION)
                    .forEach(k -> key(out, section + ".", k)));
            if (stage.name().equals("training")) {
                out.println("   algorithms (train.model) and their params (train.params.*):");
                for (ModelSpec m : ModelCatalog.all()) {
                    out.printf(Locale.ROOT, "     %-20s %-14s %s%n", m.name(), m.task().label(), m.explanation());
                    m.params().forEach(p -> out.printf(Locale.ROOT, "         %-18s default %-8s %s%n", p.name(), p.describeDefault(), p.help()));
                }
            }
        }
        out.flush();
        return ErrorHandler.OK;
    }

    private static void key(PrintWriter out, String prefix, Key k) {
        String choices = k.choices().isEmpty() ? "" : " " + k.choices();
        out.printf(Locale.ROOT, "   %-36s default %-14s %s%s%n", prefix + k.name(), k.describeDefault(), k.help(), choices);
    }
}
