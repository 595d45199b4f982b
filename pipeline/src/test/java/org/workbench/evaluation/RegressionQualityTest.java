package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;

/** Every regressor trained end to end on shipped data, with the quality bars each must clear. */
class RegressionQualityTest {
    @TempDir
    static Path out;

    private static Evaluation evaluate(String config, String... overrides) {
        return Runner.run(ConfigLoader.load(Path.of("../configs", config), List.of(overrides)), out, "evaluation", r -> { })
                .context().get(EvaluationStage.EVALUATION);
    }

    @Test
    void everyRegressorBeatsTheMeanOnAutoMpg() {
        Evaluation e = evaluate("auto_mpg.yaml", "evaluate.cv_folds=3",
                "evaluate.compare=[baseline, least_squares, ridge, lasso, elastic_net, decision_tree, random_forest, knn, xgboost]",
                "evaluate.compare_params={xgboost: {trees: 30, max_depth: 3}, random_forest: {trees: 30}}");
        assertEquals(10, e.leaderboard().rows().size());
        Leaderboard.Row last = e.leaderboard().rows().get(9);
        assertEquals("baseline", last.model());
        double baseline = last.cv().get("rmse")[0];
        for (Leaderboard.Row r : e.leaderboard().rows().subList(0, 9)) {
            assertTrue(r.cv().get("rmse")[0] < 0.6 * baseline, r.model() + " " + r.cv().get("rmse")[0] + " vs " + baseline);
            assertTrue(r.pValue() == null || r.pValue() >= 0 && r.pValue() <= 1);
        }
        assertTrue(last.significant(), "the mean is significantly worse than the best model");
    }

    @Test
    void californiaHousingXgboostExplainsThreeQuartersOfTheVariance() {
        Evaluation e = evaluate("california_housing.yaml", "evaluate.cv_folds=0", "train.params={trees: 100, eta: 0.2}");
        double r2 = e.test().get("r2");
        assertTrue(r2 >= 0.75, "R2 " + r2);
        // XGBoost's own importance names source columns; one-hot ocean_proximity=... is grouped back
        assertTrue(e.importance().model().stream().anyMatch(i -> i.feature().equals("ocean_proximity")), e.importance().toString());
        assertTrue(e.importance().model().stream().noneMatch(i -> i.feature().startsWith("ocean_proximity=")));
    }
}
