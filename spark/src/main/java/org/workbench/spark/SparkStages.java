package org.workbench.spark;

import org.workbench.stage.Stage;

import java.util.List;

/** The nine stages on Spark, in process order, under the local stages' names and writing the local stages' records. */
final class SparkStages {
    private SparkStages() {
    }

    static List<Stage> all(SparkRun run) {
        return List.of(new DefinitionOnSpark(run), new CollectionOnSpark(run), RecipeOnSpark.preprocessing(run),
                RecipeOnSpark.features(run), RecipeOnSpark.selection(run), new TrainingOnSpark(run), new EvaluationOnSpark(run),
                new TuningOnSpark(run), new DeploymentOnSpark(run));
    }
}
