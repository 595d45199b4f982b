package org.workbench.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.stage.StageResult;
import org.workbench.report.HtmlReport;
import org.workbench.report.RunRecord;
import org.workbench.run.Runner;
import org.workbench.tuning.TuningProgress;
import org.workbench.tuning.TuningRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a ready classroom demo on shipped data, print its diagnosis and where its report.html is."
                + " Demos: overfitting, underfitting, tuning, bias-variance, leakage, drift, fairness (configs in configs/demos/).",
        footer = {"", "Examples:", "  workbench demo overfitting", "  workbench demo bias-variance --out /tmp/class",
                "  workbench demo fairness"})
final class DemoCommand implements Callable<Integer> {
    static final List<String> DEMOS = List.of("overfitting", "underfitting", "tuning", "bias-variance", "leakage", "drift",
            "fairness");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "overfitting, underfitting, tuning, bias-variance, leakage, drift or fairness")
    String name;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "folder for run outputs (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "where the demo configs are (default: configs/demos here, or beside the workbench install)")
    Path configDir;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (!DEMOS.contains(name)) {
            throw new InputException("demo: unknown demo '" + name + "'; demos are " + String.join(", ", DEMOS));
        }
        Path file = configFile();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TuningProgress progress = Progress.of(output, err);
        Path runDir;
        List<String> findings;
        if (name.equals("fairness")) {
            FairnessDemo.Result fairness = FairnessDemo.run(file, config -> run(config, stdout, progress));
            runDir = fairness.firstRun();
            findings = fairness.lines();
        } else {
            DriftDemo drift = name.equals("drift") ? DriftDemo.slice(file, out) : null;
            PipelineConfig config = drift != null ? drift.trainingConfig() : ConfigLoader.load(file, List.of());
            runDir = run(config, stdout, progress).dir();
            findings = drift != null ? drift.findings(runDir) : findings(runDir);
        }
        stdout.println();
        for (String line : findings) {
            stdout.println(line);
        }
        stdout.println();
        stdout.println("config: " + file);
        stdout.println("report: " + runDir.resolve(HtmlReport.FILE));
        stdout.flush();
        return ErrorHandler.OK;
    }

    /** One run of the nine stages into {@code --out}, printing each stage's line unless quiet. */
    private Runner.Outcome run(PipelineConfig config, PrintWriter stdout, TuningProgress progress) {
        int[] index = {0};
        return Runner.run(config, out, null, r -> {
            index[0]++;
            if (!output.quiet) {
                stdout.printf(Locale.ROOT, "[%d/9] %-13s %s (%.2f s)%n", index[0], r.stage(), r.summary(), r.millis() / 1000.0);
                WarningLines.of(WarningLines.recorded(r)).forEach(stdout::println);
                stdout.flush();
            }
        }, context -> context.put(TuningProgress.KEY, progress));
    }

    /** The diagnosis and verdict texts exactly as recorded in the run's run.json. */
    static List<String> findings(Path runDir) {
        RunRecord run = RunRecord.read(runDir);
        List<String> lines = new ArrayList<>();
        for (StageResult stage : run.stages()) {
            stage.data(TuningRecord.class).ifPresent(tuning -> {
                if (tuning.verdict() != null) {
                    lines.add(stage.summary());
                    lines.add(tuning.verdict());
                }
                if (tuning.lab() != null && tuning.lab().diagnosis() != null) {
                    lines.addAll(tuning.lab().diagnosis());
                }
            });
        }
        return lines;
    }

    private Path configFile() throws URISyntaxException {
        String fileName = name + ".yaml";
        List<Path> candidates = new ArrayList<>();
        if (configDir != null) {
            candidates.add(configDir.resolve(fileName));
        } else {
            candidates.add(Path.of("configs", "demos", fileName));
            candidates.add(Path.of("..", "configs", "demos", fileName));
            Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // the jar (or classes folder) lives in <install>/pipeline/target/
            Path install = code.getParent() == null || code.getParent().getParent() == null ? null
                    : code.getParent().getParent().getParent();
            if (install != null) {
                candidates.add(install.resolve("configs").resolve("demos").resolve(fileName));
            }
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new InputException(
                "demo " + name + ": config not found; looked at " + candidates + " (use --config-dir DIR)"));
    }
}
