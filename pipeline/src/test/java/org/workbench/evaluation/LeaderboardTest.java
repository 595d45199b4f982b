package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
    /** Five folds of 20 validation and 80 training rows with the given accuracies, 100 ms each. */
    private static CrossValidation.Result folds(double... accuracy) {
        List<CrossValidation.Fold> out = new ArrayList<>();
        for (double a : accuracy) {
            out.add(new CrossValidation.Fold(Map.of("accuracy", a), 100, 80, 20));
        }
        return new CrossValidation.Result(out, null);
    }

    @Test
    void ranksBestFirstAndTestsEachAgainstTheBest() {
        Map<String, CrossValidation.Result> results = new LinkedHashMap<>();
        results.put("tree", folds(0.8, 0.8, 0.8, 0.9, 0.85));
        results.put("svm", folds(0.9, 0.8, 0.85, 0.95, 0.9));
        results.put("same", folds(0.9, 0.8, 0.85, 0.95, 0.9));
        Leaderboard board = Leaderboard.of("accuracy", results, 0.05);
        assertEquals(List.of("svm", "same", "tree"), board.rows().stream().map(Leaderboard.Row::model).toList());
        Leaderboard.Row best = board.rows().get(0);
        assertNull(best.pValue());
        assertEquals(0.88, best.cv().get("accuracy")[0], 1e-12);
        assertEquals(0.5, best.fitSeconds(), 1e-12);
        // identical fold scores: no evidence of a difference
        assertEquals(1.0, board.rows().get(1).pValue(), 1e-12);
        // tree - svm per fold: -0.1 0 -0.05 -0.05 -0.05; mean -0.05, sample variance 0.005 / 4 = 0.00125;
        // t = -0.05 / sqrt((1/5 + 20/80) * 0.00125) = -2.108185, 4 degrees of freedom
        Leaderboard.Row tree = board.rows().get(2);
        assertEquals(-0.05, tree.meanDifference(), 1e-12);
        double t = -0.05 / Math.sqrt(0.45 * 0.00125);
        assertEquals(-2.1081851067789, t, 1e-9);
        assertEquals(2 * new TDistribution(4).cumulativeProbability(t), tree.pValue(), 1e-12);
        assertFalse(tree.significant()); // p = 0.10 > 0.05
        List<String> lines = board.lines();
        assertEquals("1    svm                  0.8800 +/- 0.0570         0.50          -         - best", lines.get(1));
        assertTrue(lines.get(3).startsWith("3    tree                 0.8300 +/- 0.0447         0.50    -0.0500    0.1027 no"),
                lines.get(3));
    }

    @Test
    void significanceIsJudgedAtTheRunsAlpha() {
        Map<String, CrossValidation.Result> results = new LinkedHashMap<>();
        results.put("svm", folds(0.9, 0.8, 0.85, 0.95, 0.9));
        results.put("tree", folds(0.8, 0.8, 0.8, 0.9, 0.85));
        // the tree's p-value is 0.1027 (see above): not significant at 0.05, significant at evaluate.alpha 0.2
        assertFalse(Leaderboard.of("accuracy", results, 0.05).rows().get(1).significant());
        Leaderboard lenient = Leaderboard.of("accuracy", results, 0.2);
        assertTrue(lenient.rows().get(1).significant());
        assertTrue(lenient.lines().get(2).endsWith("yes (p < 0.2)"), lenient.lines().get(2));
    }

    @Test
    void lowerIsBetterForErrors() {
        Map<String, CrossValidation.Result> results = new LinkedHashMap<>();
        results.put("a", foldsOf("rmse", 3.0, 3.2));
        results.put("b", foldsOf("rmse", 2.0, 2.1));
        assertEquals("b", Leaderboard.of("rmse", results, 0.05).rows().get(0).model());
    }

    private static CrossValidation.Result foldsOf(String metric, double... values) {
        List<CrossValidation.Fold> out = new ArrayList<>();
        for (double v : values) {
            out.add(new CrossValidation.Fold(Map.of(metric, v), 1, 50, 50));
        }
        return new CrossValidation.Result(out, null);
    }
}
