package org.workbench.spark;

import org.junit.jupiter.api.Test;
import org.workbench.core.Artifact;
import org.workbench.stage.Pipeline;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark stages' wiring, checked by the core pipeline without starting Spark. */
class SparkStagesTest {
    private final List<Stage> stages = SparkStages.all(new SparkRun(null, null, List.of()));

    @Test
    void nineStagesInProcessOrderWiredByTypedArtifacts() {
        assertEquals(List.of("definition", "collection", "preprocessing", "features", "selection", "training", "evaluation",
                "tuning", "deployment"), stages.stream().map(Stage::name).toList());
        Pipeline pipeline = new Pipeline(stages, List.of(RunContext.RUN_DIR), SparkEngine.READ_AFTER_RUN);
        assertEquals(9, pipeline.stages().size());
        assertEquals(List.of(RecipeOnSpark.PREPROCESSED, CollectionOnSpark.TRAIN), stages.get(3).inputs());
        assertEquals(List.of(RecipeOnSpark.PREPARED), stages.get(4).outputs());
        assertTrue(stages.get(8).inputs().containsAll(List.of(EvaluationOnSpark.TRAIN_SCORED, EvaluationOnSpark.TEST_SCORED,
                TrainingOnSpark.MODEL, RecipeOnSpark.PREPARED)));
        // the setting tuning adopts is the model deployment saves, and the writer reads it after the run
        assertTrue(stages.get(7).outputs().contains(SparkFinalModel.ADOPTED));
        assertTrue(stages.get(8).inputs().contains(SparkFinalModel.ADOPTED));
        assertTrue(SparkEngine.READ_AFTER_RUN.contains(SparkFinalModel.ADOPTED));
        for (Stage s : stages) {
            for (Artifact<?> a : s.outputs()) {
                assertEquals(s.name(), a.producedBy(), a.name());
            }
        }
    }

    @Test
    void theRunFolderComesFromTheCaller() {
        // tuning (tuned.yaml) is the first stage to read it, deployment the next
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Pipeline(stages));
        assertTrue(e.getMessage().contains("stage 'tuning'") && e.getMessage().contains("run_dir"), e.getMessage());
    }
}
