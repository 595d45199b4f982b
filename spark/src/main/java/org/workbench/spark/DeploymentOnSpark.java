package org.workbench.spark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.core.Artifact;
import org.workbench.core.Json;
import org.workbench.data.Task;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.deployment.DeployConfig;
import org.workbench.deployment.DeploymentRecord;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.table.DataConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Stage 9 on Spark: saves the final model ({@link SparkFinalModel}: the setting tuning adopted, else the configured
 * model) as one fitted Spark PipelineModel with a manifest, and every row's prediction as partitioned CSV.
 */
final class DeploymentOnSpark extends SparkStage {
    static final String MODEL_DIR = "model.spark";
    static final String PREDICTIONS_DIR = "predictions";

    DeploymentOnSpark(SparkRun run) {
        super(run, "deployment", "saves the fitted Spark PipelineModel with a manifest and writes every row's prediction as"
                + " partitioned CSV files");
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(RunContext.RUN_DIR, DefinitionStage.PROBLEM, DefinitionOnSpark.READ, RecipeOnSpark.PREPARED,
                TrainingOnSpark.MODEL, EvaluationOnSpark.TRAIN_SCORED, EvaluationOnSpark.TEST_SCORED, EvaluationStage.EVALUATION,
                EvaluationOnSpark.CHART_ROWS, SparkFinalModel.ADOPTED);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of();
    }

    @Override
    StageResult runJobs(RunContext context) {
        java.nio.file.Path dir = context.get(RunContext.RUN_DIR);
        Problem problem = context.get(DefinitionStage.PROBLEM);
        SparkData.Read read = context.get(DefinitionOnSpark.READ);
        SparkFinalModel chosen = SparkFinalModel.find(context);
        SparkRecipe.Built recipe = chosen.recipe();
        List<String> required = new ArrayList<>(recipe.parts().numeric());
        required.addAll(recipe.parts().categorical());
        // predictions: every row with its split, truth and prediction, written by the executors
        Column truth = problem.target() == null ? null : col(SparkData.quoted(problem.target()));
        List<Column> out = new ArrayList<>();
        out.add(lit("train").as("split"));
        if (truth != null) {
            out.add(truth.cast("string").as("truth"));
        }
        Column prediction = problem.task() == Task.CLASSIFICATION
                ? functions.element_at(functions.array(problem.classes().stream().map(functions::lit).toArray(Column[]::new)),
                col(SparkRun.PREDICTION).cast("int").plus(1))
                : col(SparkRun.PREDICTION).cast("string");
        out.add(prediction.as("prediction"));
        SparkModels.Model m = SparkModels.of(chosen.model(), problem.task());
        if (problem.task() == Task.CLASSIFICATION && m.probabilities()) {
            Column probs = org.apache.spark.ml.functions.vector_to_array(col(SparkRun.PROBABILITY), "float64");
            for (int c = 0; c < problem.classes().size(); c++) {
                out.add(functions.element_at(probs, c + 1).as("prob_" + problem.classes().get(c)));
            }
        }
        Column[] trainCols = out.toArray(Column[]::new);
        List<Column> testOut = new ArrayList<>(out);
        testOut.set(0, lit("test").as("split"));
        Dataset<Row> predictions = chosen.testScored().select(testOut.toArray(Column[]::new))
                .union(chosen.trainScored().select(trainCols));
        predictions.write().option("header", "true").csv(dir.resolve(PREDICTIONS_DIR).toAbsolutePath().toString());
        if (!run.config.section(DeployConfig.class).bundle()) {
            return StageResult.of(name(), "wrote " + PREDICTIONS_DIR + "/ (deploy.bundle is false: no model saved)",
                    List.of(), new DeploymentRecord(null, null, required, true, null));
        }
        List<Transformer> stages = new ArrayList<>(List.of(recipe.model().stages()));
        stages.add(chosen.fitted());
        PipelineModel whole = new PipelineModel(org.apache.spark.ml.util.Identifiable.randomUID("workbench"), stages.toArray(Transformer[]::new));
        java.nio.file.Path modelDir = dir.resolve(MODEL_DIR);
        try {
            whole.write().save(modelDir.resolve("pipeline").toAbsolutePath().toString());
            ObjectNode manifest = JsonNodeFactory.instance.objectNode();
            manifest.put("format", 1);
            manifest.put("engine", "spark");
            manifest.put("spark", run.session().version());
            manifest.put("task", problem.task().label());
            if (problem.target() != null) {
                manifest.put("target", problem.target());
            }
            manifest.put("model", chosen.model());
            manifest.put("tuned", chosen.tuned());
            manifest.set("classes", JsonNodeFactory.instance.pojoNode(problem.classes()));
            if (problem.positiveClass() != null) {
                manifest.put("positive_class", problem.positiveClass());
            }
            manifest.set("required_columns", JsonNodeFactory.instance.pojoNode(required));
            manifest.set("column_types", JsonNodeFactory.instance.pojoNode(read.types()));
            DataConfig data = run.config.section(DataConfig.class);
            ObjectNode dialect = manifest.putObject("dialect");
            dialect.put("delimiter", String.valueOf(read.delimiter()));
            dialect.put("quote", String.valueOf(data.quote()));
            dialect.put("header", data.header());
            dialect.put("encoding", data.encoding().name());
            dialect.set("missing_values", JsonNodeFactory.instance.pojoNode(data.missingValues()));
            manifest.put("prediction_column", SparkRun.PREDICTION);
            manifest.put("note", "workbench predict --model model.spark --input new.csv --output scored (a folder) scores rows"
                    + " with Spark; pipeline/ loads with org.apache.spark.ml.PipelineModel.load, its prediction column holding the"
                    + " class index into classes");
            Json.writeFile(modelDir.resolve("manifest.json"), manifest);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save the Spark model: " + e.getMessage(), e);
        }
        long bytes = size(modelDir);
        return StageResult.of(name(), String.format(Locale.ROOT, "wrote %s/ (%.1f KB): %s with %d fitted Spark ML stages, needs %d input"
                        + " columns%s; %s/ (partitioned CSV)", MODEL_DIR, bytes / 1024.0, chosen.model() + (chosen.tuned() ? " (tuned)" : ""),
                stages.size() - 1, required.size(), SparkFinalModel.block(context).map(f -> f.threshold()).filter(t -> t != null)
                        .map(t -> "; " + new org.workbench.evaluation.DecisionThreshold(t.value(), t.positiveClass(), t.rule(),
                                t.chosenOn()).onProbability(context.get(org.workbench.definition.DefinitionStage.PROBLEM).target()))
                        .orElse(""),
                PREDICTIONS_DIR), List.of("needs columns " + required, "score new rows: workbench predict --model " + MODEL_DIR
                        + " --input new.csv --output scored (with --engine spark's class path: scripts/workbench adds it)"),
                new DeploymentRecord(MODEL_DIR, bytes, required, null, null));
    }

    private static long size(java.nio.file.Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
