package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;
import org.workbench.run.ConfigLoader;
import org.workbench.core.Json;
import org.workbench.run.Runner;

/** Every classifier trained end to end on shipped data, with the quality bars each must clear. */
class ClassificationQualityTest {
    @TempDir
    static Path out;

    private static Evaluation evaluate(String config, String... overrides) {
        List<String> sets = new ArrayList<>(List.of(overrides));
        return Runner.run(ConfigLoader.load(Path.of("../configs", config), sets), out, "evaluation", r -> { })
                .context().get(EvaluationStage.EVALUATION);
    }

    private static double cvMean(Evaluation e, String model, String metric) {
        return e.leaderboard().rows().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow()
                .cv().get(metric)[0];
    }

    @Test
    void wineComparePrintsALeaderboardWithTheTTest() throws Exception {
        Cli cli = Cli.run("run", "../configs/wine_compare.yaml", "--out", out.toString(), "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("t-test"), "OUT[" + cli.out() + "] ERR[" + cli.err() + "]");
        assertTrue(cli.out().contains("rank model                accuracy (mean +/- std)   fit (s)    vs best         p"
                + " significant\n"), cli.out());
        assertTrue(cli.out().contains("t-test: corrected resampled (Nadeau & Bengio) on per-fold accuracy"), cli.out());
        Path dir = Path.of(cli.out().lines().filter(l -> l.startsWith("run folder: ")).findFirst().orElseThrow()
                .substring("run folder: ".length()));
        JsonNode board = Json.MAPPER.readTree(dir.resolve("metrics.json").toFile()).path("evaluation").path("leaderboard");
        assertEquals(4, board.size());
        double previous = 1;
        for (int i = 0; i < board.size(); i++) {
            JsonNode row = board.get(i);
            double accuracy = row.path("cv").path("accuracy").get(0).asDouble();
            // wine: at least 0.90 cross-validated accuracy for every compared algorithm, best first
            assertTrue(accuracy >= 0.90, row.toString());
            assertTrue(accuracy <= previous, "sorted best first");
            previous = accuracy;
            assertEquals(i == 0, row.path("p_value").isNull(), row.toString());
            assertEquals(10, row.path("cv").size() > 0 ? 10 : 0); // 2 x 5 folds per algorithm
        }
    }

    @Test
    void breastCancerClearsTheBarWithAChosenThreshold() {
        Evaluation e = evaluate("breast_cancer_wisconsin.yaml", "evaluate.compare=[svm, random_forest, xgboost]",
                "evaluate.compare_params={xgboost: {trees: 30, max_depth: 3}, random_forest: {trees: 30}}",
                "evaluate.threshold=f1");
        for (String model : List.of("logistic_regression", "svm", "random_forest", "xgboost")) {
            assertTrue(cvMean(e, model, "accuracy") >= 0.93, model + " " + cvMean(e, model, "accuracy"));
        }
        Evaluation.Threshold t = e.threshold();
        assertEquals("f1", t.rule());
        assertEquals("out-of-fold training predictions", t.chosenOn());
        assertTrue(t.value() > 0 && t.value() < 1, String.valueOf(t.value()));
        assertTrue(t.test().get("f1") >= 0.85, t.toString());
        // ROC / PR curve of the positive class on the test split: from (0, 0) to (1, 1)
        Curves.Point first = e.curve().get(0);
        Curves.Point last = e.curve().get(e.curve().size() - 1);
        assertEquals(0.0, first.tpr());
        assertEquals(1.0, last.tpr());
        assertEquals(1.0, last.fpr());
        assertNotNull(e.test().get("average_precision"));
    }

    @Test
    void everyOtherClassifierLearnsWine() {
        // naive Bayes needs features >= 0, hence min-max scaling for all of them here
        Evaluation e = evaluate("wine.yaml", "preprocess.scale=minmax", "evaluate.cv_folds=3",
                "evaluate.compare=[baseline, linear_svm, decision_tree, extra_trees, knn, naive_bayes]",
                "evaluate.compare_params={extra_trees: {trees: 30}}");
        assertEquals(7, e.leaderboard().rows().size());
        Map<String, Double> bars = Map.of("linear_svm", 0.90, "decision_tree", 0.85, "extra_trees", 0.93, "knn", 0.90,
                "naive_bayes", 0.85, "logistic_regression", 0.90);
        bars.forEach((model, bar) -> assertTrue(cvMean(e, model, "accuracy") >= bar, model + " " + cvMean(e, model, "accuracy")));
        assertTrue(cvMean(e, "baseline", "accuracy") < 0.45);
        assertNull(e.threshold());
    }
}
