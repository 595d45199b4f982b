package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    private static final double TOL = 1e-12;

    @Test
    void worseThanTheMeanGivesNegativeR2() {
        // residuals truth - predicted = [-2, -1, 2, 2]
        RegressionReport r = RegressionMetrics.compute(new double[] {1, 2, 3, 4}, new double[] {3, 3, 1, 2});
        assertEquals(4, r.rows());
        assertEquals(3.25, r.mse(), TOL); // (4 + 1 + 4 + 4) / 4 = 13 / 4
        assertEquals(Math.sqrt(3.25), r.rmse(), TOL); // 1.8027756...
        assertEquals(1.75, r.mae(), TOL); // (2 + 1 + 2 + 2) / 4 = 7 / 4
        // mean truth 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5, SS_res = 13: 1 - 13/5
        assertEquals(-1.6, r.r2(), TOL);
        // (2/1 + 1/2 + 2/3 + 2/4) / 4 = (11/3) / 4 = 11/12
        assertEquals(11.0 / 12, r.mape(), TOL);
        // sorted residuals [-2, -1, 2, 2]; positions q (n - 1): 0.75 -> -1.25, 1.5 -> 0.5, 2.25 -> 2
        assertEquals(new RegressionReport.Residuals(-2, -1.25, 0.5, 2, 2), r.residuals());
        assertEquals(List.of("mse", "rmse", "mae", "r2", "mape"), List.copyOf(r.headline().keySet()));
        assertEquals(-1.6, r.headline().get("r2"), TOL);
    }

    @Test
    void mapeIsSkippedWhenATrueValueIsZero() {
        // residuals [0, -1, 1]
        RegressionReport r = RegressionMetrics.compute(new double[] {0, 1, 2}, new double[] {0, 2, 1});
        assertNull(r.mape());
        assertEquals(List.of("mse", "rmse", "mae", "r2"), List.copyOf(r.headline().keySet()));
        assertEquals(2.0 / 3, r.mse(), TOL); // (0 + 1 + 1) / 3
        assertEquals(2.0 / 3, r.mae(), TOL);
        assertEquals(0.0, r.r2(), TOL); // SS_tot = 1 + 0 + 1 = 2 = SS_res
        assertEquals(0.0, r.residuals().median(), TOL);
    }

    @Test
    void constantTruthLeavesR2Undefined() {
        // 0.1 three times: the float mean is not exactly 0.1, yet R2 must be undefined, not a huge number
        RegressionReport r = RegressionMetrics.compute(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.2, 0.1});
        assertNull(r.r2());
        assertEquals(0.01 / 3, r.mse(), 1e-15); // (0 + 0.01 + 0) / 3
        assertEquals(List.of("mse", "rmse", "mae", "mape"), List.copyOf(r.headline().keySet()));
    }

    @Test
    void reportSerialisesToPlainJson() {
        // residuals [-1, 1]; SS_res = 2 = SS_tot (mean 1) so r2 = 0; a zero in the truth leaves mape null
        RegressionReport r = RegressionMetrics.compute(new double[] {0, 2}, new double[] {1, 1});
        assertEquals("{\"rows\":2,\"mse\":1.0,\"rmse\":1.0,\"mae\":1.0,\"r2\":0.0,\"mape\":null,"
                + "\"residuals\":{\"min\":-1.0,\"q1\":-0.5,\"median\":0.0,\"q3\":0.5,\"max\":1.0}}",
                new ObjectMapper().valueToTree(r).toString());
    }

    @Test
    void perfectPredictions() {
        RegressionReport r = RegressionMetrics.compute(new double[] {1, 5, 9}, new double[] {1, 5, 9});
        assertEquals(0.0, r.rmse());
        assertEquals(1.0, r.r2());
        assertEquals(0.0, r.mape());
    }
}
