package org.workbench.spark;

import org.apache.spark.ml.Model;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.report.RunMetrics;
import org.workbench.stage.RunContext;

import java.util.Map;
import java.util.Optional;

/**
 * The model a Spark run ends with, decided in one place as the local engine's {@code FinalModel}: the setting
 * tuning adopted, refitted on every training row, when there is one, else the configured model as training fitted
 * and the evaluation scored it. Deployment saves it and writes its predictions; metrics.json's {@code final} block
 * and report.html's charts are its test scores.
 *
 * @param model       the algorithm's catalog name
 * @param tuned       whether tuning adopted it
 * @param recipe      the fitted recipe (stages 3-5) it replays
 * @param fitted      the fitted Spark ML model after the recipe
 * @param trainScored the training rows with its predictions (persisted)
 * @param testScored  the test rows with its predictions (persisted)
 * @param test        its test metrics
 * @param chartRows   a sample of its scored test rows for report.html (null for clustering)
 */
record SparkFinalModel(String model, boolean tuned, SparkRecipe.Built recipe, Model<?> fitted, Dataset<Row> trainScored,
                       Dataset<Row> testScored, Map<String, Double> test, ChartRows chartRows) {
    /** The setting tuning adopted, when it adopted one. */
    static final Artifact<SparkFinalModel> ADOPTED = new Artifact<>("spark_adopted_model", SparkFinalModel.class, "tuning");

    /** The final model; a stage that calls this declares {@link #ADOPTED} and the configured model's keys among its inputs. */
    static SparkFinalModel find(RunContext context) {
        return context.find(ADOPTED).orElseGet(() -> {
            Problem problem = context.get(DefinitionStage.PROBLEM);
            Evaluation evaluation = context.get(EvaluationStage.EVALUATION);
            Model<?> fitted = context.get(TrainingOnSpark.MODEL);
            Dataset<Row> train = context.get(EvaluationOnSpark.TRAIN_SCORED);
            Dataset<Row> test = context.get(EvaluationOnSpark.TEST_SCORED);
            Map<String, Double> scores = evaluation.test();
            Evaluation.Threshold t = evaluation.threshold();
            if (t != null) {
                // evaluate.threshold: the model predicts with it, and its rows and scores are those at it, as locally
                int positive = problem.classes().indexOf(problem.positiveClass());
                fitted = SparkThreshold.applied(fitted, positive, t.value());
                train = SparkThreshold.relabel(train, positive, t.value());
                test = SparkThreshold.relabel(test, positive, t.value());
                scores = t.test();
            }
            return new SparkFinalModel(problem.model(), false, context.get(RecipeOnSpark.PREPARED), fitted, train, test, scores,
                    context.find(EvaluationOnSpark.CHART_ROWS).orElse(null));
        });
    }

    /** metrics.json's {@code final} block after the run, from what the run keeps ({@link SparkEngine#READ_AFTER_RUN}). */
    static Optional<RunMetrics.Final> block(RunContext context) {
        Optional<SparkFinalModel> adopted = context.find(ADOPTED);
        if (adopted.isPresent()) {
            return Optional.of(new RunMetrics.Final(adopted.get().model(), true, null, adopted.get().test()));
        }
        return context.find(EvaluationStage.EVALUATION).flatMap(e -> context.find(DefinitionStage.PROBLEM)
                .map(p -> {
                    Evaluation.Threshold t = e.threshold();
                    return new RunMetrics.Final(p.model(), false, t == null ? null : new RunMetrics.Threshold(t.value(),
                            p.positiveClass(), t.rule(), t.chosenOn()), t == null ? e.test() : t.test());
                }));
    }

    /** report.html's sample of the final model's scored test rows. */
    static Optional<ChartRows> charts(RunContext context) {
        Optional<SparkFinalModel> adopted = context.find(ADOPTED);
        return adopted.isPresent() ? Optional.ofNullable(adopted.get().chartRows()) : context.find(EvaluationOnSpark.CHART_ROWS);
    }
}
