package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.run.ConfigLoader;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.DeploymentStage;
import org.workbench.deployment.PredictionsCsv;
import org.workbench.core.Json;
import org.workbench.run.Runner;
import org.workbench.run.PredictionFiles;
import org.workbench.models.TrainConfig;

/**
 * The bundle is the model that was scored: with a decision threshold (chosen by the evaluation, or
 * again for a setting tuning adopted) the bundle stores it, {@code predict} replays predictions.csv,
 * and metrics.json's {@code final} block is exactly what predictions.csv gives on the test rows.
 */
class FinalModelTest {
    @TempDir
    static Path out;
    static Runner.Outcome thresholded;
    static Runner.Outcome tunedAndThresholded;

    @BeforeAll
    static void runBoth() throws IOException {
        // seed 7 puts titanic's F1 threshold well below 0.5, so it changes labels; permutation importance and
        // partial dependence predict shuffled and edited rows on purpose, so they are off for the row count
        thresholded = Runner.run(ConfigLoader.load(Path.of("../configs/titanic.yaml"),
                List.of("evaluate.threshold=f1", "seed=7", "evaluate.importance_repeats=0", "deploy.partial_dependence=0")),
                out, null, r -> { });
        Path config = out.resolve("tree.yaml");
        Files.writeString(config, """
                name: tree_threshold
                problem: {task: classification, target: Survived, metric: f1, positive_class: "1"}
                data: {source: %s, missing_values: [""], column_types: {Pclass: categorical}}
                preprocess: {drop: [PassengerId, Name, Ticket, Cabin], impute: {numeric: median, categorical: most_frequent}}
                features: {encode: onehot}
                train: {model: decision_tree, params: {max_depth: 12}}
                evaluate: {cv_folds: 5, metrics: [accuracy, f1], threshold: f1, importance_repeats: 0}
                tune: {enabled: true, cv_folds: 5, grid: {train.params.max_depth: [3, 4]}}
                deploy: {partial_dependence: 0}
                seed: 42
                """.replace("%s", Path.of("../datasets/titanic/data.csv").toAbsolutePath().toString()));
        tunedAndThresholded = Runner.run(ConfigLoader.load(config, List.of()), out, null, r -> { });
    }

    @Test
    void theBundleHoldsTheEvaluationsThresholdAndPredictReplaysIt() throws IOException {
        JsonNode metrics = metrics(thresholded);
        JsonNode chosen = metrics.path("evaluation").path("threshold");
        double value = chosen.path("value").asDouble();
        assertTrue(Math.abs(value - 0.5) > 0.05, "the threshold should differ from 0.5 to show anything: " + value);

        DecisionThreshold stored = bundle(thresholded).manifest().threshold();
        assertNotNull(stored, "the bundle keeps the threshold");
        assertEquals(new DecisionThreshold(value, "1", "f1", "out-of-fold training predictions"), stored);

        JsonNode finalBlock = metrics.path("final");
        assertEquals("logistic_regression", finalBlock.path("model").asText());
        assertEquals(false, finalBlock.path("tuned").asBoolean());
        assertEquals(value, finalBlock.path("threshold").path("value").asDouble());
        assertEquals("1", finalBlock.path("threshold").path("positive_class").asText());
        assertEquals(chosen.path("test"), finalBlock.path("test"), "final = the thresholded test scores");

        Rows rows = Rows.of(thresholded);
        int positives = 0;
        int mostProbable = 0;
        for (int i = 0; i < rows.prediction.size(); i++) {
            assertEquals(rows.probability.get(i) >= value ? "1" : "0", rows.prediction.get(i), "row " + (i + 1));
            positives += rows.prediction.get(i).equals("1") ? 1 : 0;
            mostProbable += rows.probability.get(i) > 0.5 ? 1 : 0;
        }
        assertNotEquals(mostProbable, positives, "the threshold labels other rows positive than the most probable class");
        assertReplays(thresholded);
        assertFinalIsWhatPredictionsCsvScores(thresholded, finalBlock);
    }

    @Test
    void aSettingTuningAdoptsGetsAThresholdChosenForIt() throws IOException {
        JsonNode metrics = metrics(tunedAndThresholded);
        assertTrue(metrics.path("tuning").path("adopted").asBoolean(), "the shallower tree is adopted: " + metrics.path("tuning"));
        JsonNode finalBlock = metrics.path("final");
        assertEquals("decision_tree", finalBlock.path("model").asText());
        assertTrue(finalBlock.path("tuned").asBoolean());
        assertEquals("out-of-fold training predictions", finalBlock.path("threshold").path("chosen_on").asText());
        assertEquals(metrics.path("tuning").path("test"), finalBlock.path("test"), "tuning reports the final model's test scores");

        DecisionThreshold stored = bundle(tunedAndThresholded).manifest().threshold();
        assertEquals(finalBlock.path("threshold").path("value").asDouble(), stored.value());
        FinalModel inRun = FinalModel.find(tunedAndThresholded.context()).orElseThrow();
        assertEquals(stored, inRun.threshold());
        assertTrue(List.of(3, 4).contains(inRun.config().section(TrainConfig.class).params().path("max_depth").asInt()), "the adopted depth");
        assertReplays(tunedAndThresholded);
        assertFinalIsWhatPredictionsCsvScores(tunedAndThresholded, finalBlock);
    }

    @Test
    void theFinalModelPredictsEachRowOnce() {
        // the evaluated model: test rows by the evaluation, training rows by the evaluation too (reused by predictions.csv)
        assertEquals(891, FinalModel.find(thresholded.context()).orElseThrow().trainedModel().predictedRows());
        // the adopted model: test rows when tuning scores it, training rows once for predictions.csv
        FinalModel adopted = FinalModel.find(tunedAndThresholded.context()).orElseThrow();
        assertTrue(adopted.tuned());
        assertEquals(891, adopted.trainedModel().predictedRows());
        // the evaluated model stays as it was, under its own key
        FinalModel evaluated = tunedAndThresholded.context().get(EvaluationStage.EVALUATED_MODEL);
        assertFalse(evaluated.tuned());
        assertEquals(891, evaluated.trainedModel().predictedRows());
    }

    @Test
    void aFixedThresholdFromTheConfigIsStoredAndApplied(@TempDir Path elsewhere) throws IOException {
        Runner.Outcome fixed = Runner.run(ConfigLoader.load(Path.of("../configs/titanic.yaml"),
                List.of("evaluate.threshold=0.3", "evaluate.cv_folds=0")), elsewhere, null, r -> { });
        assertEquals(new DecisionThreshold(0.3, "1", DecisionThreshold.FIXED, "evaluate.threshold"),
                bundle(fixed).manifest().threshold());
        Rows rows = Rows.of(fixed);
        for (int i = 0; i < rows.prediction.size(); i++) {
            assertEquals(rows.probability.get(i) >= 0.3 ? "1" : "0", rows.prediction.get(i), "row " + (i + 1));
        }
        assertEquals("fixed", metrics(fixed).path("final").path("threshold").path("rule").asText());
        assertReplays(fixed);
        assertFinalIsWhatPredictionsCsvScores(fixed, metrics(fixed).path("final"));
    }

    /** `predict` on the raw data file gives predictions.csv, threshold included. */
    private static void assertReplays(Runner.Outcome run) throws IOException {
        BatchScorer.Result scored = BatchScorer.score(bundle(run), Path.of("../datasets/titanic/data.csv"));
        String expected = Files.readString(run.dir().resolve("predictions.csv")).lines()
                .map(PredictionFiles::withoutSplitAndTruth).map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
        assertEquals(expected, PredictionsCsv.render(scored.rowNumbers(), scored.predictions(), Map.of()));
        assertTrue(scored.notes().get(0).contains("labels by the threshold"), scored.notes().get(0));
    }

    /** Accuracy and F1 of the positive class, counted from predictions.csv's test rows, are the final block's. */
    private static void assertFinalIsWhatPredictionsCsvScores(Runner.Outcome run, JsonNode finalBlock) throws IOException {
        Rows rows = Rows.of(run);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int correct = 0;
        int n = 0;
        for (int i = 0; i < rows.prediction.size(); i++) {
            if (!rows.split.get(i).equals("test")) {
                continue;
            }
            boolean predicted = rows.prediction.get(i).equals("1");
            boolean truth = rows.truth.get(i).equals("1");
            tp += predicted && truth ? 1 : 0;
            fp += predicted && !truth ? 1 : 0;
            fn += !predicted && truth ? 1 : 0;
            correct += predicted == truth ? 1 : 0;
            n++;
        }
        assertEquals(178, n, "titanic's test split: 20% of 891 rows");
        assertEquals((double) correct / n, finalBlock.path("test").path("accuracy").asDouble(), 1e-12);
        assertEquals(2.0 * tp / (2 * tp + fp + fn), finalBlock.path("test").path("f1").asDouble(), 1e-12);
    }

    private static JsonNode metrics(Runner.Outcome run) throws IOException {
        return Json.MAPPER.readTree(run.dir().resolve("metrics.json").toFile());
    }

    private static Bundle bundle(Runner.Outcome run) {
        return Bundle.read(run.dir().resolve(DeploymentStage.BUNDLE_FILE));
    }

    /** predictions.csv's columns: row, prediction, prob_0, prob_1, split, truth. */
    private record Rows(List<String> prediction, List<Double> probability, List<String> split, List<String> truth) {
        static Rows of(Runner.Outcome run) throws IOException {
            List<String> lines = Files.readAllLines(run.dir().resolve("predictions.csv"));
            assertEquals("row,prediction,prob_0,prob_1,split,truth", lines.get(0));
            List<String[]> cells = lines.stream().skip(1).map(l -> l.split(",")).toList();
            return new Rows(cells.stream().map(c -> c[1]).toList(), cells.stream().map(c -> Double.parseDouble(c[3])).toList(),
                    cells.stream().map(c -> c[4]).toList(), cells.stream().map(c -> c[5]).toList());
        }
    }
}
