package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {
    private static final double TOL = 1e-12;
    // truth 0 0 1 1 with scores 0.1 0.4 0.35 0.8 (scikit-learn's documentation example)
    private static final boolean[] TRUTH = {false, false, true, true};
    private static final double[] SCORE = {0.1, 0.4, 0.35, 0.8};

    @Test
    void oneRocAndPrPointPerDistinctScore() {
        List<Curves.Point> p = Curves.points(TRUTH, SCORE);
        // descending: 0.8 (pos), 0.4 (neg), 0.35 (pos), 0.1 (neg)
        assertEquals(List.of(
                new Curves.Point(Double.POSITIVE_INFINITY, 0, 0, 1),
                new Curves.Point(0.8, 0, 0.5, 1),
                new Curves.Point(0.4, 0.5, 0.5, 0.5),
                new Curves.Point(0.35, 0.5, 1, 2.0 / 3),
                new Curves.Point(0.1, 1, 1, 0.5)), p);
    }

    @Test
    void averagePrecisionIsTheRecallWeightedSumOfPrecisions() {
        // recall steps 0.5 at precision 1 and 0.5 at precision 2/3: 0.5 + 1/3
        assertEquals(0.5 + 1.0 / 3, Curves.averagePrecision(TRUTH, SCORE), TOL);
        // tied scores cross together: 0.9 (pos) then 0.5 x3 (neg, pos, pos) then 0.2 (neg);
        // recall 1/3 at precision 1, then +2/3 at precision 3/4
        assertEquals(1.0 / 3 + 2.0 / 3 * 0.75,
                Curves.averagePrecision(new boolean[] {false, false, true, true, true}, new double[] {0.2, 0.5, 0.5, 0.9, 0.5}),
                TOL);
        // perfect ranking: 1; one class only: undefined
        assertEquals(1.0, Curves.averagePrecision(new boolean[] {true, false}, new double[] {0.9, 0.1}), TOL);
        assertNull(Curves.averagePrecision(new boolean[] {true, true}, new double[] {0.9, 0.1}));
        assertTrue(Curves.points(new boolean[] {false}, new double[] {0.3}).isEmpty());
    }

    @Test
    void thresholdsThatMaximiseF1OrYouden() {
        // F1 at 0.8: 2/3; at 0.4: 1/2; at 0.35: 2*2 / (2*2 + 1 + 0) = 0.8; at 0.1: 2/3
        assertEquals(0.35, Curves.bestThreshold(TRUTH, SCORE, Curves.Rule.F1));
        // J = tpr - fpr: 0.5 at 0.8 and at 0.35; the tie goes to the higher threshold
        assertEquals(0.8, Curves.bestThreshold(TRUTH, SCORE, Curves.Rule.YOUDEN));
        assertTrue(Double.isNaN(Curves.bestThreshold(new boolean[] {true}, new double[] {0.3}, Curves.Rule.F1)));
    }
}
