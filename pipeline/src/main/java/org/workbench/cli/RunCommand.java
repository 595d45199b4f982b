package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.workbench.config.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.evaluation.Evaluation;
import org.workbench.run.Artifacts;
import org.workbench.run.FinalModel;
import org.workbench.run.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline stages of CONFIG and write a run folder with run.json, metrics.json, report.md, predictions.csv and model.bundle.",
        footer = {"", "Examples:",
                "  workbench run configs/titanic.yaml",
                "  workbench run configs/titanic.yaml --set train.params.epochs=50 --set preprocess.scale=minmax",
                "  workbench run configs/auto_mpg.yaml --until preprocessing --verbose"})
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "pipeline config (YAML)")
    Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config value, e.g. train.params.epochs=20 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "folder for run outputs (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "override the config's seed")
    Long seed;

    @Option(names = "--until", paramLabel = "STAGE", description = "stop after this stage (definition, collection, ..., deployment)")
    String until;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SetUp.tablesModelsAndCharts();
        List<String> sets = new ArrayList<>(overrides);
        if (seed != null) {
            sets.add("seed=" + seed);
        }
        PipelineConfig cfg = ConfigLoader.load(config, sets);
        PrintWriter out = spec.commandLine().getOut();
        int total = 9;
        int[] index = {0};
        var progress = Progress.of(output, spec.commandLine().getErr());
        Runner.Outcome outcome = Runner.run(cfg, this.out, until, r -> {
            index[0]++;
            if (!output.quiet) {
                out.printf("[%d/%d] %-13s %s (%.2f s)%n", index[0], total, r.stage(), r.summary(), r.millis() / 1000.0);
                if (output.verbose) {
                    r.details().forEach(d -> out.println("        " + d));
                }
            }
        }, context -> context.put(org.workbench.tuning.TuningProgress.KEY, progress));
        outcome.staleRemoved().forEach(p -> out.println("removed " + p + ": an unfinished run whose process is gone"));
        out.println("run folder: " + outcome.dir());
        outcome.context().find(Artifacts.EVALUATION).ifPresent(e -> headline(out, e, outcome));
        out.flush();
        return ErrorHandler.OK;
    }

    /**
     * The primary metric on test, train, baseline and CV, then the other test metrics on one line.
     * After tuning adopted another setting, its test scores (the bundle's model) come first and the
     * configured setting's line follows, labelled as such.
     */
    private static void headline(PrintWriter out, Evaluation e, Runner.Outcome outcome) {
        String metric = outcome.context().get(Artifacts.PROBLEM).metric();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(" test %.4f", e.test().get(metric)));
        if (e.train().containsKey(metric)) {
            sb.append(String.format(", train %.4f", e.train().get(metric)));
        }
        if (e.baseline().containsKey(metric)) {
            sb.append(String.format(", baseline %.4f", e.baseline().get(metric)));
        }
        double[] cv = e.cv().get(metric);
        if (cv != null) {
            sb.append(String.format(", %d-fold CV %.4f +/- %.4f", e.folds().size(), cv[0], cv[1]));
        }
        Map<String, Double> test = e.test();
        if (FinalModel.isTuned(outcome.context())) {
            test = FinalModel.testMetrics(outcome.context());
            out.printf("%s: test %.4f with the setting tuning adopted (the bundle holds this model)%n", metric, test.get(metric));
            out.println("configured setting:" + sb);
        } else {
            out.println(metric + ":" + sb);
        }
        StringBuilder others = new StringBuilder("test:");
        test.forEach((k, v) -> others.append(String.format(" %s=%.4f", k, v)));
        out.println(others);
        if (e.leaderboard() != null) {
            e.leaderboard().lines().forEach(out::println);
        }
    }
}
