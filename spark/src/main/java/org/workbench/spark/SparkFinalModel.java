package org.workbench.spark;

import org.apache.spark.ml.Model;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
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
        return context.find(ADOPTED).orElseGet(() -> new SparkFinalModel(context.get(DefinitionStage.PROBLEM).model(), false,
                context.get(RecipeOnSpark.PREPARED), context.get(TrainingOnSpark.MODEL), context.get(EvaluationOnSpark.TRAIN_SCORED),
                context.get(EvaluationOnSpark.TEST_SCORED), context.get(EvaluationStage.EVALUATION).test(),
                context.find(EvaluationOnSpark.CHART_ROWS).orElse(null)));
    }

    /** metrics.json's {@code final} block after the run, from what the run keeps ({@link SparkEngine#READ_AFTER_RUN}). */
    static Optional<RunMetrics.Final> block(RunContext context) {
        Optional<SparkFinalModel> adopted = context.find(ADOPTED);
        if (adopted.isPresent()) {
            return Optional.of(new RunMetrics.Final(adopted.get().model(), true, null, adopted.get().test()));
        }
        return context.find(EvaluationStage.EVALUATION).flatMap(e -> context.find(DefinitionStage.PROBLEM)
                .map(p -> new RunMetrics.Final(p.model(), false, null, e.test())));
    }

    /** report.html's sample of the final model's scored test rows. */
    static Optional<ChartRows> charts(RunContext context) {
        Optional<SparkFinalModel> adopted = context.find(ADOPTED);
        return adopted.isPresent() ? Optional.ofNullable(adopted.get().chartRows()) : context.find(EvaluationOnSpark.CHART_ROWS);
    }
}
