package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import org.workbench.evaluation.EvaluateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.Codec;
import org.workbench.stage.RunContext;
import org.workbench.stage.RunFile;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.definition.Problem;
import org.workbench.lab.Lab;
import org.workbench.evaluation.FinalModel;
import org.workbench.stats.CorrectedTTest;
import org.workbench.training.Candidate;
import org.workbench.core.Artifact;
import org.workbench.collection.CollectionStage;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.definition.DefinitionStage;
import org.workbench.core.Workers;

/**
 * Stage 8: searches config values (grid, random or successive halving), each setting a full
 * candidate (recipe and model) cross-validated on the training split; the test split is never looked
 * at while searching. The best setting is compared with the configured one on the same folds with a
 * corrected resampled t-test; when it is better it is refitted on the whole training split, replaces
 * the model the deployment stage ships, and is scored once on the test split. {@code tuned.yaml}
 * records the final config so the run can be repeated without searching. When {@code tune.lab} is
 * configured, the overfitting lab's curves are drawn here too, on the training split.
 */
public final class TuningStage implements Stage {
    /** The config of the setting tuning adopted, when it beat the configured one. */
    public static final Artifact<PipelineConfig> TUNED_CONFIG = new Artifact<>("tuned_config", PipelineConfig.class, "tuning");
    /** The adopted setting as the final model (its key is {@link FinalModel#ADOPTED_MODEL}, beside the accessor). */
    public static final Artifact<FinalModel> ADOPTED_MODEL = FinalModel.ADOPTED_MODEL;

    public static final String TUNED_YAML = "tuned.yaml";
    /** {@value #TUNED_YAML}, for the run folder: the final config, to repeat the run without searching. */
    public static final Artifact<RunFile> TUNED_YAML_FILE = new Artifact<>("tuned_yaml", RunFile.class, "tuning");

    @Override
    public String name() {
        return "tuning";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return TuneConfig.sections();
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, CollectionStage.RAW_TRAIN, CollectionStage.RAW_TEST,
                EvaluationStage.EVALUATED_MODEL, TuningProgress.KEY);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(TUNED_CONFIG, ADOPTED_MODEL, TUNED_YAML_FILE);
    }

    @Override
    public Map<String, Codec<?>> codecs() {
        return Map.of(TUNED_CONFIG.name(), Codec.config(), ADOPTED_MODEL.name(), FinalModel.CODEC,
                TUNED_YAML_FILE.name(), RunFile.CODEC);
    }

    /** A search cut short by {@code tune.time_budget} depends on the clock: it runs again every time. */
    @Override
    public boolean repeatable(PipelineConfig config) {
        return !(config.section(TuneConfig.class).enabled() && config.section(TuneConfig.class).timeBudget() > 0);
    }

    @Override
    public String description() {
        return "grid, random or halving search over config values, each setting cross-validated on the training split;"
                + " learning and validation curves";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        TuneConfig tune = config.section(TuneConfig.class);
        if (!tune.enabled() && !tune.lab().any()) {
            return StageResult.of(name(), "skipped (tune.enabled is false)", List.of(), TuningRecord.skippedRun());
        }
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Frame rawTrain = context.get(CollectionStage.RAW_TRAIN);
        Workers workers = new Workers(tune.threads());
        TuningProgress progress = context.find(TuningProgress.KEY).orElse(TuningProgress.silent());
        long deadline = tune.timeBudget() > 0 ? System.nanoTime() + (long) (tune.timeBudget() * 1e9) : 0;

        List<String> details = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        PipelineConfig finalConfig = config;
        TuningRecord data = TuningRecord.NO_SEARCH;
        if (tune.enabled()) {
            Searched searched = search(context, workers, progress, deadline, details, summary);
            finalConfig = searched.config();
            data = searched.record();
        }
        if (tune.lab().any()) {
            Lab.Result lab = Lab.run(finalConfig, finalConfig.section(TuneConfig.class).lab(), problem, rawTrain, workers, progress);
            data = data.withLab(lab.data());
            details.addAll(lab.details());
            summary.add(lab.summary());
        }
        return StageResult.of(name(), String.join("; ", summary), details, data);
    }

    /** The config the run goes on with (the adopted setting's, or the configured one) and what the search recorded. */
    private record Searched(PipelineConfig config, TuningRecord record) {
    }

    private Searched search(RunContext context, Workers workers, TuningProgress progress, long deadline,
                            List<String> details, List<String> summary) {
        PipelineConfig config = context.config();
        TuneConfig tune = config.section(TuneConfig.class);
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Frame rawTrain = context.get(CollectionStage.RAW_TRAIN);
        String metric = problem.metric();
        int k = tune.cvFolds();

        TrialScorer scorer = new TrialScorer(config, problem, k, workers, deadline, progress);
        Search.Outcome outcome = Search.run(tune, config.seed(), rawTrain, scorer, metric);
        Trial configured = outcome.configured() != null ? outcome.configured()
                : scorer.score("configured setting", List.of(Map.of()), 0, rawTrain, 0).get(0);
        if (outcome.finalRound().isEmpty()) {
            details.add("the time budget ran out before any setting was scored; the configured model is kept");
            summary.add(tune.method() + ": no setting scored within the time budget of " + tune.timeBudget() + " s");
            return new Searched(config, TuningRecord.outOfTime(tune.method()));
        }
        List<Trial> ranked = Tuning.ranked(outcome.finalRound(), metric);
        Trial best = ranked.get(0);
        boolean improves = Tuning.better(best.mean(), configured.mean(), metric);
        CorrectedTTest.Result test = helpTest(best, configured, rawTrain.rows(), k, metric);
        double alpha = config.section(EvaluateConfig.class).alpha();
        boolean significant = test.significantAt(alpha);
        boolean adopted = improves && (tune.adopt().equals("better") || significant);
        String verdict = verdict(best, configured, test, alpha, metric, improves, adopted);

        PipelineConfig finalConfig = adopted ? config.with(best.params()) : config;
        Map<String, Double> testScores;
        if (adopted) {
            // the adopted setting is the final model under its own key: the evaluated one stays as it was
            Candidate candidate = Candidate.from(finalConfig, problem.task());
            FinalModel tuned = FinalModel.adopted(context, finalConfig, candidate, candidate.fit(rawTrain));
            context.put(TuningStage.TUNED_CONFIG, finalConfig);
            context.put(TuningStage.ADOPTED_MODEL, tuned);
            testScores = tuned.test();
        } else {
            testScores = context.find(EvaluationStage.EVALUATED_MODEL).map(FinalModel::test).orElse(Map.of());
        }
        context.put(TUNED_YAML_FILE, new RunFile(TUNED_YAML,
                TunedYaml.render(finalConfig, adopted).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        TuningRecord data = new TuningRecord(null, tune.method(), metric, k, workers.threads(),
                Search.settings(tune, config.seed()).size(), configured, outcome.trials(),
                ranked.stream().map(Trial::number).toList(), best, outcome.rungs().isEmpty() ? null : outcome.rungs(),
                outcome.outOfTime(), TuningRecord.Significance.of(test, alpha, significant), verdict, adopted, testScores,
                TUNED_YAML, null);

        details.add(String.format(Locale.ROOT, "configured setting: %d-fold CV %s %.4f +/- %.4f", k, metric, configured.mean(), configured.std()));
        details.add("leaderboard (" + tune.method() + ", best first):");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            Trial t = ranked.get(i);
            details.add(String.format(Locale.ROOT, "  %2d. trial %d %s: %.4f +/- %.4f (%.2f s)", i + 1, t.number(), t.params(),
                    t.mean(), t.std(), t.millis() / 1000.0));
        }
        if (outcome.outOfTime()) {
            details.add("the time budget of " + tune.timeBudget() + " s ran out; settings not scored in time are left out");
        }
        details.add(verdict);
        details.add(adopted ? "the best setting was refitted on the whole training split and replaces the configured model"
                : "the configured model is kept");
        if (testScores.containsKey(metric)) {
            details.add(String.format(Locale.ROOT, "test split (scored once, after the search): %s %.4f", metric, testScores.get(metric)));
        }
        details.add("wrote " + TUNED_YAML + ": the final config, to repeat this run without searching");
        int settings = Search.settings(tune, config.seed()).size();
        String scope = outcome.rungs().isEmpty() ? settings + " settings"
                : settings + " settings raced in " + outcome.rungs().size() + " rounds (" + outcome.trials().size() + " trials)";
        summary.add(String.format(Locale.ROOT, "%s: %s x %d folds; best %s %.4f with %s (configured %.4f); %s%s", tune.method(), scope, k,
                metric, best.mean(), describe(best.params()), configured.mean(),
                adopted ? "adopted" : "configured model kept",
                testScores.containsKey(metric) ? String.format(Locale.ROOT, "; test %s %.4f", metric, testScores.get(metric)) : ""));
        return new Searched(finalConfig, data);
    }

    /** Best vs configured on the same folds; a positive mean difference means the best setting is better. */
    public static CorrectedTTest.Result helpTest(Trial best, Trial configured, int rows, int k, String metric) {
        boolean higher = org.workbench.data.MetricNames.higherIsBetter(metric);
        double[] a = higher ? best.folds() : configured.folds();
        double[] b = higher ? configured.folds() : best.folds();
        double testRows = (double) rows / k;
        return CorrectedTTest.test(a, b, testRows, rows - testRows);
    }

    public static String verdict(Trial best, Trial configured, CorrectedTTest.Result test, double alpha, String metric,
                          boolean improves, boolean adopted) {
        String numbers = String.format(Locale.ROOT, "(corrected resampled t-test: t = %.2f, %d df, p = %.3f)", test.t(),
                test.degreesOfFreedom(), test.pValue());
        if (!improves) {
            return String.format(Locale.ROOT, "did tuning help? no: the best setting (%s %.4f) does not beat the configured one (%.4f) %s;"
                    + " the configured model is kept", metric, best.mean(), configured.mean(), numbers);
        }
        String gain = String.format(Locale.ROOT, "did tuning help? the best setting gains %+.4f %s over the configured one %s", test.meanDifference(),
                metric, numbers);
        if (test.significantAt(alpha)) {
            return gain + String.format(Locale.ROOT, ": significant at %.2f", alpha);
        }
        return gain + String.format(Locale.ROOT, ": not significant at %.2f, so the gain may be noise%s", alpha,
                adopted ? "" : "; the configured model is kept");
    }

    /** The tuned values of a trial as "path = value" text. */
    static String describe(Map<String, JsonNode> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((p, v) -> parts.add(p + " = " + v));
        return String.join(", ", parts);
    }
}
