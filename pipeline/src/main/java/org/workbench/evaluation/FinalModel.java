package org.workbench.evaluation;

import java.util.Map;
import java.util.Optional;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.definition.Problem;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedRecipe;
import org.workbench.training.Candidate;
import org.workbench.models.ModelCatalog;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.Table;
import org.workbench.collection.CollectionStage;
import org.workbench.training.TrainingStage;
import org.workbench.definition.DefinitionStage;
import org.workbench.recipe.RecipeStage;
import org.workbench.table.DataConfig;
import org.workbench.models.TrainConfig;

/**
 * The model a run ends with, decided in one place: the configured model as the evaluation scored
 * it, or the setting tuning adopted. The bundle ships it, {@code predictions.csv} writes its
 * predictions, the run's headline leads with its test metrics and {@code metrics.json} records them
 * in its {@code final} block.
 *
 * <p>{@code threshold} is null unless a decision threshold was chosen (binary problems). The test
 * predictions and metrics have it applied. {@code trainPredictions} are the training rows'
 * predictions when the evaluation's are exactly what the bundle gives for those raw rows, else null.
 */
public record FinalModel(String model, boolean tuned, PipelineConfig config, Candidate candidate, FittedRecipe recipe,
                         TrainedModel trainedModel, DecisionThreshold threshold, Predictions testPredictions,
                         Predictions trainPredictions, Map<String, Double> test) {

    /** Replays the fitted recipe on raw rows, predicts and applies the threshold: what the bundle does. */
    public Predictions predict(Table rawFeatures, ApplyLog log) {
        return DecisionThreshold.apply(threshold, trainedModel.predict(recipe.apply(rawFeatures, log)));
    }

    public static Optional<FinalModel> find(RunContext context) {
        return context.find(EvaluationStage.FINAL_MODEL);
    }

    /**
     * The configured model as the evaluation scored it. Its predictions are reused: the test rows'
     * always (the recipe applied to them is what the bundle replays), the training rows' only when
     * no step dropped or encoded them out of fold.
     */
    public static FinalModel evaluated(RunContext context, Evaluation evaluation) {
        PipelineConfig config = context.config();
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Candidate candidate = new Candidate(context.get(RecipeStage.RECIPE), ModelCatalog.spec(problem.model(), problem.task()),
                config.section(TrainConfig.class).params(), config.seed());
        DecisionThreshold threshold = evaluation.threshold() == null ? null
                : evaluation.threshold().decision(problem.positiveClass());
        Map<String, Double> test = evaluation.threshold() == null ? evaluation.test() : evaluation.threshold().test();
        Predictions train = evaluation.trainPredictions();
        boolean trainReusable = train != null && context.find(RecipeStage.TRAIN_AS_APPLIED).orElse(false)
                && train.size() == context.get(CollectionStage.RAW_TRAIN).rows();
        return new FinalModel(modelName(config, problem), false, config, candidate, context.get(RecipeStage.FITTED_RECIPE),
                context.get(TrainingStage.MODEL), threshold, DecisionThreshold.apply(threshold, evaluation.testPredictions()),
                trainReusable ? DecisionThreshold.apply(threshold, train) : null, test);
    }

    /**
     * The setting tuning adopted, refitted on the whole training split: its threshold is chosen again
     * the way the evaluation chose the configured one, then the test rows are predicted and scored once.
     */
    public static FinalModel adopted(RunContext context, PipelineConfig tuned, Candidate candidate, Candidate.Fitted fitted) {
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Frame rawTrain = context.get(CollectionStage.RAW_TRAIN);
        Frame rawTest = context.get(CollectionStage.RAW_TEST);
        Predictions scored = fitted.predict(rawTest.features());
        DecisionThreshold threshold = Thresholds.forAdopted(tuned.section(EvaluateConfig.class), tuned.section(DataConfig.class).split().stratify(), tuned.seed(),
                problem, candidate, fitted, rawTrain, scored);
        Predictions test = DecisionThreshold.apply(threshold, scored);
        Map<String, Double> metrics = Scoring.headline(problem, rawTest.target(), test, context.config().section(EvaluateConfig.class).metrics());
        return new FinalModel(modelName(tuned, problem), true, tuned, candidate, fitted.recipe(), fitted.model(), threshold,
                test, null, metrics);
    }

    private static String modelName(PipelineConfig config, Problem problem) {
        return config.section(TrainConfig.class).model().equals("auto") ? problem.model() : config.section(TrainConfig.class).model();
    }
}
