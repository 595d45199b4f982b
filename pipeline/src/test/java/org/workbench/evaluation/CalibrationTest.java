package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final double TOL = 1e-12;

    @Test
    void reliabilityBinsCountAverageAndSkipEmptyBins() {
        // bins [0, 0.1], (0.1, 0.2], ... as scikit-learn's calibration_curve(strategy="uniform") cuts them
        double[] p = {0.05, 0.1, 0.15, 0.42, 0.48, 0.95, 1.0};
        boolean[] positive = {false, true, false, true, false, true, true};
        List<Calibration.Bin> bins = Calibration.reliability(p, positive);
        assertEquals(4, bins.size()); // (0.2, 0.4] and the others between are empty and left out
        // [0, 0.1]: 0.05 and 0.1 (an edge belongs to the bin below it); one positive of two
        assertEquals(new Calibration.Bin(0.0, 0.1, 2, 0.075, 0.5), rounded(bins.get(0)));
        assertEquals(new Calibration.Bin(0.1, 0.2, 1, 0.15, 0.0), rounded(bins.get(1)));
        assertEquals(new Calibration.Bin(0.4, 0.5, 2, 0.45, 0.5), rounded(bins.get(2)));
        // 1.0 lands in the last bin, not an eleventh
        assertEquals(new Calibration.Bin(0.9, 1.0, 2, 0.975, 1.0), rounded(bins.get(3)));
        assertThrows(IllegalArgumentException.class, () -> Calibration.reliability(new double[] {0.5}, new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> Calibration.reliability(new double[] {Double.NaN}, new boolean[1]));
    }

    private static Calibration.Bin rounded(Calibration.Bin b) {
        return new Calibration.Bin(round(b.lower()), round(b.upper()), b.rows(), round(b.meanPredicted()), round(b.observed()));
    }

    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    @Test
    void brierByHand() {
        // binary, positive class in column 1: (0.8 - 1)^2 + (0.3 - 0)^2 = 0.04 + 0.09 = 0.13; / 2
        double[][] probs = {{0.2, 0.8}, {0.7, 0.3}};
        assertEquals(0.065, Calibration.brier(new int[] {1, 0}, probs, 1), TOL);
        // the same rows in the multiclass form count both columns: twice the binary score
        assertEquals(0.13, Calibration.brier(new int[] {1, 0}, probs, -1), TOL);
        // perfect and certain-but-wrong
        assertEquals(0.0, Calibration.brier(new int[] {1}, new double[][] {{0, 1}}, 1), TOL);
        assertEquals(2.0, Calibration.brier(new int[] {0}, new double[][] {{0, 1, 0}}, -1), TOL);
    }
}
