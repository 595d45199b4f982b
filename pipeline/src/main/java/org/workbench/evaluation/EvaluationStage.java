package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.core.RunContext;
import org.workbench.core.Stage;
import org.workbench.core.StageResult;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.run.Artifacts;
import org.workbench.training.Candidate;
import org.workbench.training.ModelCatalog;
import org.workbench.training.TrainedModel;

/**
 * Stage 7: scores the model on the held-out test split and on its own training rows, beside a
 * baseline, and cross-validates the whole candidate on the training split.
 */
public final class EvaluationStage implements Stage {
    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("evaluate", EvaluateConfig.KEYS);
    }

    @Override
    public String description() {
        return "hold-out test metrics, train-vs-test gap, baseline, k-fold cross-validation with per-fold refits";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        Problem problem = context.get(Artifacts.PROBLEM);
        Frame train = context.get(Artifacts.TRAIN);
        Frame test = context.get(Artifacts.TEST);
        TrainedModel model = context.get(Artifacts.MODEL);
        List<String> wanted = config.evaluate().metrics();
        wanted.forEach(m -> MetricNames.check(m, problem.task(), "evaluate.metrics"));

        Predictions testPredictions = model.predict(test.features());
        Map<String, Double> testScores = Scoring.headline(problem, test.target(), testPredictions, wanted);
        Map<String, Double> trainScores = Scoring.headline(problem, train.target(), model.predict(train.features()), wanted);
        TrainedModel baseline = TrainedModel.train(ModelCatalog.spec("baseline", problem.task()),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), config.seed(),
                train.features(), train.target());
        Map<String, Double> baselineScores = Scoring.headline(problem, test.target(), baseline.predict(test.features()), wanted);

        List<Map<String, Double>> folds = List.of();
        Map<String, double[]> cv = Map.of();
        int k = config.evaluate().cvFolds();
        if (k >= 2) {
            Candidate candidate = new Candidate(context.get(Artifacts.RECIPE),
                    ModelCatalog.spec(problem.model(), problem.task()), config.train().params(), config.seed());
            folds = CrossValidation.run(candidate, context.get(Artifacts.RAW_TRAIN), problem, k,
                    config.data().split().stratify(), config.seed(), wanted);
            cv = MetricSummary.meanStd(folds);
        }
        Object report = Scoring.report(problem, test.target(), testPredictions);
        Evaluation evaluation = new Evaluation(testScores, trainScores, baselineScores, folds, cv, report, testPredictions);
        context.put(Artifacts.EVALUATION, evaluation);

        String metric = problem.metric();
        List<String> details = new ArrayList<>();
        details.add(String.format("%-18s %10s %10s %10s", "metric", "test", "train", "baseline"));
        testScores.forEach((m, v) -> details.add(String.format("%-18s %10.4f %10s %10s", m, v,
                format(trainScores.get(m)), format(baselineScores.get(m)))));
        if (!cv.isEmpty()) {
            cv.forEach((m, ms) -> details.add(String.format("%d-fold CV %-18s %.4f +/- %.4f", k, m, ms[0], ms[1])));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("test", testScores);
        data.put("train", trainScores);
        data.put("baseline", baselineScores);
        data.put("cv_folds", folds);
        data.put("cv", cv);
        data.put("test_report", report);
        String summary = String.format("test %s %.4f (train %.4f, baseline %.4f)%s", metric,
                testScores.get(metric), trainScores.get(metric), baselineScores.get(metric),
                cv.isEmpty() ? "" : String.format("; %d-fold CV %.4f +/- %.4f", k, cv.get(metric)[0], cv.get(metric)[1]));
        if (problem.task() == Task.CLASSIFICATION && trainScores.get(metric) - testScores.get(metric) > 0.1) {
            details.add("train score exceeds test score by more than 0.1: a sign of overfitting");
        }
        return StageResult.of(name(), summary, details, data);
    }

    private static String format(Double v) {
        return v == null ? "-" : String.format("%.4f", v);
    }
}
