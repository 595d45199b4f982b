package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.models.TrainConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.training.TrainingRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Stage 6 on Spark: fits the Spark ML estimator that matches train.model on the prepared training rows. */
final class TrainingOnSpark extends SparkStage {
    /** The fitted Spark ML model (without the recipe before it). */
    @SuppressWarnings("unchecked")
    static final Artifact<Model<?>> MODEL = new Artifact<>("spark_model", (Class<Model<?>>) (Class<?>) Model.class, "training");

    TrainingOnSpark(SparkRun run) {
        super(run, "training", "fits the Spark ML algorithm that matches train.model on the prepared training rows");
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, CollectionOnSpark.TRAIN, RecipeOnSpark.PREPARED);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(MODEL);
    }

    @Override
    StageResult runJobs(RunContext context) {
        long started = System.nanoTime();
        Problem problem = context.get(DefinitionStage.PROBLEM);
        SparkRows train = context.get(CollectionOnSpark.TRAIN);
        SparkRecipe.Built recipe = context.get(RecipeOnSpark.PREPARED);
        SparkModels.Model m = SparkModels.of(problem.model(), problem.task());
        JsonNode params = m.spec().resolvedParams(run.config.section(TrainConfig.class).params());
        // the rows the recipe was fitted on: every training row, or those left after drop_duplicates
        Dataset<Row> rows = recipe.parts().rows();
        long count = train.count() - recipe.parts().duplicates();
        Dataset<Row> prepared = recipe.transformed(rows);
        context.put(MODEL, fit(m, params, run.config.seed(), count, prepared));
        int features = recipe.width(rows);
        List<String> details = new ArrayList<>();
        details.add(problem.model() + " -> Spark ML " + m.sparkClass() + "; params " + params);
        m.mapped().forEach((k, v) -> details.add("  " + k + " -> " + v));
        return StageResult.of(name(), String.format(Locale.ROOT, "trained %s (Spark ML %s) on %d rows x %d features in %.2f s",
                problem.model(), m.sparkClass(), count, features, (System.nanoTime() - started) / 1e9), details,
                new TrainingRecord(problem.model(), params, (int) count, features));
    }

    /** Fits the estimator; k-means keeps the best of its restarts by training cost. */
    static Model<?> fit(SparkModels.Model m, JsonNode params, long seed, long trainRows, Dataset<Row> prepared) {
        if (m.name().equals("kmeans")) {
            int restarts = Math.max(1, params.get("restarts").asInt());
            KMeansModel best = null;
            for (int i = 0; i < restarts; i++) {
                KMeansModel k = (KMeansModel) SparkModels.estimator(m, params, seed + i, trainRows).fit(prepared);
                if (best == null || k.summary().trainingCost() < best.summary().trainingCost()) {
                    best = k;
                }
            }
            return best;
        }
        try {
            return (Model<?>) SparkModels.estimator(m, params, seed, trainRows).fit(prepared);
        } catch (Exception e) { // SparkException is a checked exception that Scala code throws undeclared
            // Spark's multinomial naive Bayes fails its job on a negative feature: the local engine's input error instead
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("MUST NOT be Negative")) {
                    throw new org.workbench.core.InputException("train.model: " + m.name() + " needs features >= 0, but the prepared"
                            + " training rows hold negative values; set preprocess.scale: minmax");
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }
}
