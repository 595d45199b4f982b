package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigLoader;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.core.RunContext;
import org.workbench.core.Stage;
import org.workbench.core.StageResult;
import org.workbench.data.Frame;
import org.workbench.definition.Problem;
import org.workbench.evaluation.CrossValidation;
import org.workbench.evaluation.MetricNames;
import org.workbench.evaluation.MetricSummary;
import org.workbench.run.Artifacts;
import org.workbench.training.Candidate;
import org.workbench.training.ModelCatalog;

/**
 * Stage 8: grid search over any config paths. Each setting is a full candidate (recipe and model)
 * cross-validated on the training split; the test split is never looked at while searching. When
 * the best setting beats the configured one, it is refitted on the whole training split and replaces
 * the model the deployment stage ships.
 */
public final class TuningStage implements Stage {
    @Override
    public String name() {
        return "tuning";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("tune", TuneConfig.KEYS);
    }

    @Override
    public String description() {
        return "grid search over config values, each setting cross-validated on the training split";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        if (!config.tune().enabled()) {
            return StageResult.of(name(), "skipped (tune.enabled is false)", List.of(), Map.of("skipped", true));
        }
        Problem problem = context.get(Artifacts.PROBLEM);
        Frame rawTrain = context.get(Artifacts.RAW_TRAIN);
        int k = config.tune().cvFolds();
        String metric = problem.metric();
        boolean higher = MetricNames.higherIsBetter(metric);

        Trial configured = score(0, Map.of(), config, problem, rawTrain, k);
        List<Trial> trials = new ArrayList<>();
        List<Map<String, JsonNode>> settings = GridSearch.combinations(config.tune().grid());
        for (int i = 0; i < settings.size(); i++) {
            trials.add(score(i + 1, settings.get(i), config, problem, rawTrain, k));
        }
        Comparator<Trial> byScore = Comparator.comparingDouble(Trial::mean);
        Trial best = higher ? trials.stream().max(byScore).orElseThrow() : trials.stream().min(byScore).orElseThrow();
        boolean improves = higher ? best.mean() > configured.mean() : best.mean() < configured.mean();

        List<String> details = new ArrayList<>();
        details.add(String.format("configured setting: %d-fold CV %s %.4f +/- %.4f", k, metric, configured.mean(), configured.std()));
        for (Trial t : trials) {
            details.add(String.format("trial %d %s: %.4f +/- %.4f%s", t.number(), t.params(), t.mean(), t.std(),
                    t == best ? "  <- best" : ""));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metric", metric);
        data.put("cv_folds", k);
        data.put("configured", configured);
        data.put("trials", trials);
        data.put("best", best);
        data.put("adopted", improves);
        if (improves) {
            PipelineConfig bestConfig = apply(config, best.params());
            Candidate candidate = candidate(bestConfig, problem);
            Candidate.Fitted fitted = candidate.fit(rawTrain);
            context.put(Artifacts.RECIPE, candidate.recipe());
            context.put(Artifacts.FITTED_RECIPE, fitted.recipe());
            context.put(Artifacts.MODEL, fitted.model());
            context.put(Artifacts.TUNED_CONFIG, bestConfig);
            details.add("the best setting was refitted on the whole training split and replaces the configured model");
        } else {
            details.add("no setting beat the configured one; the configured model is kept");
        }
        String summary = String.format("%d settings x %d folds; best %s %.4f with %s (configured %.4f)%s",
                trials.size(), k, metric, best.mean(), best.params(), configured.mean(),
                improves ? "; adopted" : "; configured model kept");
        return StageResult.of(name(), summary, details, data);
    }

    private static Trial score(int number, Map<String, JsonNode> params, PipelineConfig config, Problem problem,
                               Frame rawTrain, int k) {
        long start = System.nanoTime();
        PipelineConfig trialConfig = apply(config, params);
        var folds = CrossValidation.run(candidate(trialConfig, problem), rawTrain, problem, k,
                config.data().split().stratify(), config.seed(), List.of(problem.metric()));
        double[] meanStd = MetricSummary.meanStd(folds).get(problem.metric());
        return new Trial(number, params, meanStd[0], meanStd[1], (System.nanoTime() - start) / 1_000_000);
    }

    /** The config with the given paths overridden, re-validated as a whole. */
    static PipelineConfig apply(PipelineConfig config, Map<String, JsonNode> params) {
        ObjectNode tree = config.tree().deepCopy();
        params.forEach((path, value) -> ConfigLoader.set(tree, path, value));
        return ConfigLoader.parse(tree, config.file());
    }

    private static Candidate candidate(PipelineConfig config, Problem problem) {
        String model = config.train().model().equals("auto") ? ModelCatalog.defaultModel(problem.task()) : config.train().model();
        return Candidate.from(config, problem.task(), model);
    }
}
