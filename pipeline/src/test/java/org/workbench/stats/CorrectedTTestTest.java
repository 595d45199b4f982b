package org.workbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrectedTTestTest {
    @Test
    void matchesAHandComputation() {
        // differences d = [0.02, 0.04, 0.01, 0.03, 0.05]: mean 0.03, sample variance 0.00025
        double[] a = {0.82, 0.84, 0.81, 0.83, 0.85};
        double[] b = {0.80, 0.80, 0.80, 0.80, 0.80};
        // 5-fold CV of 100 rows: n_test = 20, n_train = 80 -> factor 1/5 + 20/80 = 0.45
        // t = 0.03 / sqrt(0.45 * 0.00025) = 0.03 / 0.0106066 = 2.828427
        CorrectedTTest.Result r = CorrectedTTest.test(a, b, 20, 80);
        assertEquals(0.03, r.meanDifference(), 1e-12);
        assertEquals(2.8284271, r.t(), 1e-6);
        assertEquals(4, r.degreesOfFreedom());
        // two-sided p for t = 2.8284 with 4 df (Student t table: t_0.025,4 = 2.776, t_0.02,4 = 2.999)
        assertEquals(0.04742, r.pValue(), 1e-4);
        assertTrue(r.significantAt(0.05));
        assertFalse(r.significantAt(0.01));
    }

    @Test
    void theCorrectionMakesTheTestStricterThanThePairedTTest() {
        double[] a = {0.82, 0.84, 0.81, 0.83, 0.85};
        double[] b = {0.80, 0.80, 0.80, 0.80, 0.80};
        // the plain paired t uses factor 1/k = 0.2: t = 0.03 / sqrt(0.2 * 0.00025) = 4.2426
        CorrectedTTest.Result r = CorrectedTTest.test(a, b, 0, 80);
        assertEquals(4.2426407, r.t(), 1e-6);
    }

    @Test
    void identicalScoresAreNotSignificant() {
        double[] a = {0.8, 0.7, 0.9};
        CorrectedTTest.Result r = CorrectedTTest.test(a, a.clone(), 10, 20);
        assertEquals(0, r.meanDifference());
        assertEquals(1, r.pValue());
    }
}
