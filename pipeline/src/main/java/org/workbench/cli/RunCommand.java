package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.workbench.table.DataWarning;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.evaluation.Leaderboard;
import org.workbench.data.MetricNames;
import org.workbench.evaluation.DecisionThreshold;
import org.workbench.evaluation.FinalModel;
import org.workbench.run.EngineConfig;
import org.workbench.run.Runner;
import org.workbench.run.RunOutputs;
import org.workbench.report.RunMetrics;
import org.workbench.core.Json;
import org.workbench.core.StageProgress;
import org.workbench.stage.StageCache;
import org.workbench.stage.StageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.workbench.definition.DefinitionStage;

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

    @Option(names = "--no-cache", description = "run every stage; neither read nor fill the stage cache")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "stage cache folder (default: $WORKBENCH_CACHE_DIR, "
            + "else $XDG_CACHE_HOME/workbench/stages, else ~/.cache/workbench/stages)")
    Path cacheDir;

    @Option(names = "--cache-size", paramLabel = "SIZE", defaultValue = "2g",
            description = "bound of the stage cache; least recently used entries go first (default: ${DEFAULT-VALUE})")
    String cacheSize;

    @Option(names = "--engine", paramLabel = "NAME", description = "where the stages run: local (default) or spark;"
            + " the same as the config's engine key")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "the Spark engine's master, e.g. local[4] or"
            + " spark://host:7077 (default local[*]); the same as spark.master")
    String master;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        List<String> sets = new ArrayList<>(overrides);
        if (seed != null) {
            sets.add("seed=" + seed);
        }
        if (engine != null) {
            sets.add("engine=" + engine);
        }
        if (master != null) {
            sets.add("spark.master=" + master);
        }
        PipelineConfig cfg = ConfigLoader.load(config, sets);
        PrintWriter out = spec.commandLine().getOut();
        int total = 9;
        int[] index = {0};
        StageBar stages = Progress.stages(output);
        var progress = Progress.of(output, spec.commandLine().getErr(), stages);
        Consumer<StageResult> printStage = r -> {
            index[0]++;
            if (!output.quiet) {
                out.printf(Locale.ROOT, "[%d/%d] %-13s %s (%s%.2f s)%n", index[0], total, r.stage(), r.summary(),
                        r.fromCache() ? "cached, " : "", r.millis() / 1000.0);
                // data warnings are shown by default, not only with --verbose
                List<DataWarning> warnings = WarningLines.recorded(r);
                WarningLines.of(warnings).forEach(out::println);
                if (output.verbose) {
                    r.details().stream().filter(d -> warnings.isEmpty() || !d.startsWith("warning: "))
                            .forEach(d -> out.println("        " + d));
                }
            }
        };
        PrintWriter err = spec.commandLine().getErr();
        // the stage cache holds the local engine's artifacts
        StageCache cache = !cfg.section(EngineConfig.class).engine().equals("local") ? null : cache(line -> {
            if (!output.quiet) {
                err.println("warning: " + line);
                err.flush();
            }
        });
        Runner.Outcome outcome;
        try {
            outcome = Runner.run(cfg, this.out, until, printStage, context -> {
                context.put(org.workbench.tuning.TuningProgress.KEY, progress);
                context.reportProgressTo(SetUp.onFirstStage(stages != null ? stages : StageProgress.SILENT));
            }, cache);
        } finally {
            if (stages != null) {
                stages.close(); // the bar is gone before the run's last lines are printed
            }
        }
        outcome.staleRemoved().forEach(p -> out.println("removed " + p + ": an unfinished run whose process is gone"));
        if (cache != null && !output.quiet) {
            long restored = outcome.results().stream().filter(StageResult::fromCache).count();
            out.printf(Locale.ROOT, "stage cache: %d of %d stages restored from %s%n", restored, outcome.results().size(), cache.dir());
        }
        out.println("run folder: " + outcome.dir());
        outcome.results().stream().filter(r -> r.data() instanceof EvaluationRecord).findFirst()
                .ifPresent(r -> headline(out, r, outcome));
        out.flush();
        return ErrorHandler.OK;
    }

    /**
     * The stage cache this run uses, or null: {@code --no-cache}; else {@code --cache-dir}; else none
     * when {@code WORKBENCH_CACHE} is {@code off}; else {@code WORKBENCH_CACHE_DIR}, or the user's cache
     * folder ({@code XDG_CACHE_HOME}, else {@code ~/.cache}) under {@code workbench/stages}.
     */
    private StageCache cache(Consumer<String> warnings) {
        long size = StageCache.parseSize(cacheSize);
        if (noCache) {
            return null;
        }
        Path dir = cacheDir;
        if (dir == null) {
            if ("off".equalsIgnoreCase(System.getenv("WORKBENCH_CACHE"))) {
                return null;
            }
            dir = defaultCacheDir(System.getenv("WORKBENCH_CACHE_DIR"), System.getenv("XDG_CACHE_HOME"),
                    System.getProperty("user.home"));
        }
        return new StageCache(dir, size, warnings);
    }

    static Path defaultCacheDir(String workbenchDir, String xdgCacheHome, String home) {
        if (workbenchDir != null && !workbenchDir.isBlank()) {
            return Path.of(workbenchDir);
        }
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() ? Path.of(xdgCacheHome) : Path.of(home, ".cache");
        return base.resolve("workbench").resolve("stages");
    }

    /** metrics.json's final block, or null when the run folder has none. */
    private static RunMetrics.Final recordedFinal(Path dir) {
        Path metrics = dir.resolve(RunOutputs.METRICS_JSON);
        try {
            return java.nio.file.Files.exists(metrics) ? Json.MAPPER.readValue(metrics.toFile(), RunMetrics.class).finalModel() : null;
        } catch (java.io.IOException ex) {
            return null;
        }
    }

    /**
     * Leads with the final model (the one the bundle holds) on the test rows, then the other test
     * metrics on one line. When the final model is the configured one at its default rule, train,
     * baseline and CV follow on the first line; otherwise they are the configured setting's and get
     * their own labelled line: tuning adopted another setting, or a decision threshold relabels rows.
     */
    private static void headline(PrintWriter out, StageResult evaluation, Runner.Outcome outcome) {
        // the stage's record, not the evaluation itself: a run restored whole from the stage cache does not load that
        EvaluationRecord e = (EvaluationRecord) evaluation.data();
        String metric = outcome.context().get(DefinitionStage.PROBLEM).metric();
        String target = outcome.context().get(DefinitionStage.PROBLEM).target();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, " test %.4f", e.test().get(metric)));
        if (e.train().containsKey(metric)) {
            sb.append(String.format(Locale.ROOT, ", train %.4f", e.train().get(metric)));
        }
        if (e.baseline().containsKey(metric)) {
            sb.append(String.format(Locale.ROOT, ", baseline %.4f", e.baseline().get(metric)));
        }
        double[] cv = e.cv().get(metric);
        if (cv != null) {
            // repeated k-fold as the evaluation stage words it: "2x5-fold CV", not "10-fold"
            EvaluateConfig cfg = outcome.context().config().section(EvaluateConfig.class);
            int folds = e.cvFolds().size();
            sb.append(String.format(Locale.ROOT, ", %s %.4f +/- %.4f", folds == cfg.cvFolds() * cfg.cvRepeats() ? cfg.cvName()
                    : folds + "-fold CV", cv[0], cv[1]));
        }
        FinalModel chosen = FinalModel.find(outcome.context()).orElse(null);
        // an engine that keeps its own final model (spark) records it in metrics.json's final block
        RunMetrics.Final recorded = chosen == null ? recordedFinal(outcome.dir()) : null;
        Map<String, Double> test = MetricNames.inCatalogOrder(outcome.context().get(DefinitionStage.PROBLEM).task(),
                chosen != null ? chosen.test() : recorded != null && recorded.test() != null ? recorded.test() : e.test());
        boolean tuned = chosen != null ? chosen.tuned() : recorded != null && recorded.tuned();
        // a run whose files were reused from the stage cache has not loaded its final model: metrics.json says the same
        DecisionThreshold threshold = chosen != null ? chosen.threshold() : recorded == null || recorded.threshold() == null ? null
                : new DecisionThreshold(recorded.threshold().value(), recorded.threshold().positiveClass(),
                recorded.threshold().rule(), recorded.threshold().chosenOn());
        if (tuned || threshold != null) {
            List<String> how = new ArrayList<>();
            if (tuned) {
                how.add("with the setting tuning adopted");
            }
            if (threshold != null) {
                how.add("at the " + threshold.describe(target));
            }
            out.printf(Locale.ROOT, "%s: test %.4f %s (%s holds this model)%n", metric, test.get(metric),
                    String.join(", ", how), outcome.context().config().section(EngineConfig.class).engine().equals("local")
                            ? "the bundle" : "the saved model");
            out.println((tuned ? "configured setting" : "at the most probable class") + ":" + sb);
        } else {
            out.println(metric + ":" + sb);
        }
        StringBuilder others = new StringBuilder("test:");
        test.forEach((k, v) -> others.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
        out.println(others);
        Leaderboard.inDetails(evaluation.details()).forEach(out::println);
    }
}
