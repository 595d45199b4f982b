package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.collection.CollectionStage;
import org.workbench.recipe.RecipeRecord;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.evaluation.FinalModel;

/**
 * Each row is predicted once per final model, counted by the model itself over a whole run
 * (evaluation, tuning, predictions.csv, the bundle): only permutation importance (test rows, shuffled)
 * and partial dependence (training rows with one column set to each grid value) predict rows again, so
 * each test turns off those it does not measure.
 */
class PredictOnceTest {
    @TempDir
    Path out;

    private static long rows(Runner.Outcome run) {
        return run.context().get(CollectionStage.TARGETS).size();
    }

    @Test
    void permutationImportanceReusesTheTestPredictions() {
        Runner.Outcome run = Runner.run(ConfigLoader.load(Path.of("../configs/titanic.yaml"),
                List.of("evaluate.cv_folds=0", "evaluate.importance_repeats=2", "deploy.partial_dependence=0")), out, null,
                r -> { });
        Evaluation evaluation = run.context().get(EvaluationStage.EVALUATION);
        int groups = evaluation.importance().permutation().size();
        assertTrue(groups > 0);
        long testRows = run.context().get(CollectionStage.RAW_TEST).rows();
        FinalModel chosen = FinalModel.find(run.context()).orElseThrow();
        assertFalse(chosen.tuned());
        // every row once, plus each shuffle of the test rows: the unshuffled reference is the evaluation's own
        assertEquals(rows(run) + 2L * groups * testRows, chosen.trainedModel().predictedRows());
    }

    @Test
    void clusteringScoresAllRowsFromTheTrainAndTestPredictions() {
        Runner.Outcome run = Runner.run(ConfigLoader.load(Path.of("../configs/iris_kmeans.yaml"),
                List.of("preprocess.drop_duplicates=true", "deploy.partial_dependence=0")), out, null, r -> { });
        int deduplicated = run.results().stream().filter(r -> r.stage().equals("preprocessing")).findFirst()
                .orElseThrow().data(RecipeRecord.class).orElseThrow().trainingRowsOut();
        assertTrue(deduplicated < run.context().get(CollectionStage.RAW_TRAIN).rows(), "iris repeats a few flowers");
        // the deduplicated training rows once (as the model saw them), then every row once as the bundle sees it
        assertEquals(rows(run) + deduplicated, FinalModel.find(run.context()).orElseThrow().trainedModel().predictedRows());
    }

    @Test
    void anAdoptedSettingWithAnInSampleThresholdPredictsTheTrainingRowsOnce() throws IOException {
        Path config = out.resolve("tree.yaml");
        Files.writeString(config, """
                name: tree_in_sample
                problem: {task: classification, target: Survived, metric: f1, positive_class: "1"}
                data: {source: %s, missing_values: [""], column_types: {Pclass: categorical}}
                preprocess: {drop: [PassengerId, Name, Ticket, Cabin], impute: {numeric: median, categorical: most_frequent}}
                features: {encode: onehot}
                train: {model: decision_tree, params: {max_depth: 12}}
                evaluate: {cv_folds: 0, metrics: [accuracy, f1], threshold: f1, importance_repeats: 0}
                tune: {enabled: true, cv_folds: 5, grid: {train.params.max_depth: [3, 4]}}
                deploy: {partial_dependence: 0}
                seed: 42
                """.replace("%s", Path.of("../datasets/titanic/data.csv").toAbsolutePath().toString()));
        Runner.Outcome run = Runner.run(ConfigLoader.load(config, List.of()), out, null, r -> { });
        FinalModel chosen = FinalModel.find(run.context()).orElseThrow();
        assertTrue(chosen.tuned(), "the shallower tree is adopted");
        assertEquals("training rows (in-sample: no cross-validation)", chosen.threshold().chosenOn());
        // the threshold was chosen on the training rows' predictions, and predictions.csv reused them
        assertNotNull(chosen.trainPredictions());
        assertEquals(rows(run), chosen.trainedModel().predictedRows());
    }
}
