package org.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.core.StageProgress;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.fairness.FairnessConfig;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;
import org.workbench.training.TrainedModel;
import org.workbench.training.ModelRows;
import org.workbench.core.Artifact;
import org.workbench.collection.CollectionStage;
import org.workbench.training.TrainingStage;
import org.workbench.definition.DefinitionStage;
import org.workbench.recipe.RecipeStage;
import org.workbench.data.MetricNames;
import org.workbench.table.DataConfig;
import org.workbench.models.TrainConfig;

/**
 * Stage 7: scores the model on the held-out test split and on its own training rows, beside a
 * baseline; cross-validates the whole candidate on the training split; and, when asked, compares
 * algorithms on the same folds, chooses a decision threshold and measures feature importance.
 */
public final class EvaluationStage implements Stage {
    public static final Artifact<Evaluation> EVALUATION = new Artifact<>("evaluation", Evaluation.class, "evaluation");
    /**
     * The configured model as evaluated: the final model unless tuning adopts a setting
     * ({@link FinalModel#find} decides). The bundle, predictions.csv, the headline and metrics.json read
     * only that accessor.
     */
    public static final Artifact<FinalModel> EVALUATED_MODEL = new Artifact<>("evaluated_model", FinalModel.class, "evaluation");

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Key.sections("evaluate", EvaluateConfig.KEYS, "evaluate.fairness", FairnessConfig.KEYS);
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, RecipeStage.PREPARED, CollectionStage.RAW_TRAIN, CollectionStage.RAW_TEST,
                CollectionStage.SPLIT, TrainingStage.MODEL, TrainingStage.TRAINING_ROWS);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(EVALUATION, EVALUATED_MODEL);
    }

    @Override
    public Map<String, org.workbench.stage.Codec<?>> codecs() {
        return Map.of(EVALUATION.name(), Evaluation.CODEC, EVALUATED_MODEL.name(), FinalModel.CODEC);
    }

    @Override
    public String description() {
        return "hold-out test metrics, train-vs-test gap, baseline, (repeated) k-fold cross-validation with per-fold"
                + " refits, model comparison with a corrected t-test, threshold choice, feature importance";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        EvaluateConfig cfg = config.section(EvaluateConfig.class);
        Problem problem = context.get(DefinitionStage.PROBLEM);
        if (problem.task() == org.workbench.data.Task.CLUSTERING) {
            return ClusteringEvaluation.run(name(), context);
        }
        RecipeStage.Prepared prepared = context.get(RecipeStage.PREPARED);
        Frame train = prepared.train();
        Frame test = prepared.test();
        Frame rawTrain = context.get(CollectionStage.RAW_TRAIN);
        TrainedModel model = context.get(TrainingStage.MODEL);
        List<String> wanted = cfg.metrics();
        wanted.forEach(m -> MetricNames.check(m, problem.task(), "evaluate.metrics"));
        Map<String, ModelSpec> compared = comparedModels(cfg, problem);

        // the training rows are scored by a second thread, helped by this one once the test rows are done:
        // predicting is read-only on a fitted model
        ModelRows trainingRows = context.find(TrainingStage.TRAINING_ROWS).filter(r -> r.size() == train.rows()).orElse(null);
        StageProgress progress = context.progress();
        progress.begin("rows scored", (long) train.rows() + test.rows());
        SharedPredictions trainPredicting = SharedPredictions.start(model,
                trainingRows != null ? trainingRows : model.rows(train.features()), progress);
        ModelRows testRows = model.rows(test.features()); // read once: the model and the baseline score them
        Predictions testPredictions = model.predict(testRows);
        progress.advance(test.rows());
        Map<String, Double> testScores = Scoring.headline(problem, test.target(), testPredictions, wanted);
        // the baseline reads only the target: it is fitted on the training rows as the model read them
        ModelSpec baselineSpec = ModelCatalog.spec("baseline", problem.task());
        TrainedModel baseline = trainingRows != null
                ? TrainedModel.train(baselineSpec, JsonNodeFactory.instance.objectNode(), config.seed(), trainingRows)
                : TrainedModel.train(baselineSpec, JsonNodeFactory.instance.objectNode(), config.seed(), train.features(), train.target());
        Map<String, Double> baselineScores = Scoring.headline(problem, test.target(), baseline.predict(testRows), wanted);
        Predictions trainPredictions = trainPredicting.finish();
        context.finishedWith(TrainingStage.TRAINING_ROWS); // scored: free the training rows before cross-validation
        Map<String, Double> trainScores = Scoring.headline(problem, train.target(), trainPredictions, wanted);

        int k = cfg.cvFolds();
        CrossValidation.Result cvResult = null;
        Map<String, double[]> cv = Map.of();
        List<Split> folds = List.of();
        Candidate candidate = Candidate.from(config, problem.task());
        FairnessEvaluation fairness = FairnessEvaluation.start(config, problem, rawTrain);
        if (k >= 2) {
            folds = Splits.repeatedKFold(rawTrain.target(), k, cfg.cvRepeats(),
                    cfg.stratify(config.section(DataConfig.class).split().stratify()), config.seed());
            cvResult = CrossValidation.run(candidate, rawTrain, problem, folds, wanted, progress, fairness);
            cv = MetricSummary.meanStd(cvResult.scores());
        }

        Leaderboard leaderboard = null;
        if (!compared.isEmpty()) {
            if (folds.isEmpty()) {
                throw new ConfigException("evaluate.compare", "needs cross-validation: set evaluate.cv_folds to 2 or more");
            }
            Map<String, CrossValidation.Result> results = new LinkedHashMap<>();
            for (Map.Entry<String, ModelSpec> e : compared.entrySet()) {
                results.put(e.getKey(), e.getKey().equals(problem.model()) ? cvResult : CrossValidation.run(
                        candidate.withModel(e.getValue(), paramsFor(e.getKey(), cfg, config, problem)), rawTrain, problem,
                        folds, wanted, progress));
            }
            leaderboard = Leaderboard.of(problem.metric(), results, cfg.alpha());
        }

        Evaluation.Threshold threshold = threshold(cfg, problem, trainPredictions, train, rawTrain, cvResult, test,
                testPredictions, wanted);
        List<Curves.Point> curve = problem.isBinary() && testPredictions.hasProbabilities()
                ? Curves.points(Thresholds.isPositive(test.target().labels(), problem.positiveClass()),
                        Thresholds.column(testPredictions, problem.positiveClass()))
                : List.of();
        int sourceColumns = rawTrain.features().columnCount();
        Importance importance = Importance.compute(model, test, testPredictions, problem, rawTrain.features().columnNames(),
                cfg.importanceRepeats(test.rows(), sourceColumns), config.seed());

        ScoreReport report = Scoring.report(problem, test.target(), testPredictions);
        List<Map<String, Double>> foldScores = cvResult == null ? List.of() : cvResult.scores();
        Evaluation evaluation = new Evaluation(testScores, trainScores, baselineScores, foldScores, cv, report,
                testPredictions, trainPredictions, leaderboard, threshold, importance, curve);
        context.put(EvaluationStage.EVALUATION, evaluation);
        // the training rows' predictions serve predictions.csv only when they are what the bundle predicts for the raw rows
        boolean trainAsApplied = prepared.trainAsApplied() && trainPredictions.size() == rawTrain.rows();
        FinalModel evaluated = FinalModel.evaluated(context, evaluation, trainAsApplied ? trainPredictions : null);
        context.put(EvaluationStage.EVALUATED_MODEL, evaluated);
        StageResult result = EvaluationSummary.result(name(), problem, cfg, evaluation);
        String note = cfg.importanceNote(test.rows(), sourceColumns);
        if (note != null) {
            List<String> details = new java.util.ArrayList<>(result.details());
            details.add(note);
            result = new StageResult(result.stage(), result.summary(), details, result.data(), result.millis());
        }
        return fairness.finish(result, context.get(CollectionStage.RAW_TEST), evaluated.testPredictions(),
                evaluated.threshold() != null);
    }

    /** The algorithms of {@code evaluate.compare}, checked for the task (the configured one is always included). */
    private static Map<String, ModelSpec> comparedModels(EvaluateConfig cfg, Problem problem) {
        Map<String, ModelSpec> out = new LinkedHashMap<>();
        if (cfg.compare().isEmpty()) {
            return out;
        }
        out.put(problem.model(), ModelCatalog.spec(problem.model(), problem.task()));
        for (int i = 0; i < cfg.compare().size(); i++) {
            String name = cfg.compare().get(i);
            try {
                out.put(name, ModelCatalog.spec(name, problem.task()));
            } catch (ConfigException e) {
                throw new ConfigException("evaluate.compare[" + i + "]", e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            }
        }
        cfg.compareParams().fieldNames().forEachRemaining(name -> {
            if (!out.containsKey(name)) {
                throw new ConfigException("evaluate.compare_params." + name, "'" + name + "' is not in evaluate.compare "
                        + List.copyOf(out.keySet()));
            }
        });
        return out;
    }

    private static JsonNode paramsFor(String model, EvaluateConfig cfg, PipelineConfig config, Problem problem) {
        JsonNode given = cfg.compareParams().get(model);
        if (given != null) {
            return given;
        }
        return model.equals(problem.model()) ? config.section(TrainConfig.class).params() : JsonNodeFactory.instance.objectNode();
    }

    /**
     * The decision threshold for binary problems: the config's number, or chosen on out-of-fold
     * predictions of the training rows when cross-validation ran, else on the model's own training
     * rows (optimistic, and said so).
     */
    private static Evaluation.Threshold threshold(EvaluateConfig cfg, Problem problem, Predictions trainPredictions, Frame train,
                                                  Frame rawTrain, CrossValidation.Result cv, Frame test,
                                                  Predictions testPredictions, List<String> wanted) {
        Thresholds.check(cfg.threshold(), problem, testPredictions);
        if (cfg.threshold().equals("default")) {
            return null;
        }
        String positive = problem.positiveClass();
        DecisionThreshold chosen = Thresholds.fixed(cfg.threshold(), problem);
        if (chosen == null && cv != null && cv.outOfFold() != null) {
            chosen = Thresholds.choose(cfg.threshold(), problem, Thresholds.isPositive(rawTrain.target().labels(), positive),
                    cv.outOfFold(), Thresholds.OUT_OF_FOLD);
        } else if (chosen == null) {
            chosen = Thresholds.choose(cfg.threshold(), problem, Thresholds.isPositive(train.target().labels(), positive),
                    Thresholds.column(trainPredictions, positive), Thresholds.IN_SAMPLE);
        }
        if (chosen == null) {
            return null;
        }
        Map<String, Double> scored = Scoring.headline(problem, test.target(), chosen.apply(testPredictions), wanted);
        return new Evaluation.Threshold(chosen.rule(), chosen.value(), chosen.chosenOn(), scored);
    }
}
