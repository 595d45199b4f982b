package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSummaryTest {
    @Test
    void meanAndSampleStdOverFolds() {
        Map<String, Double> third = new LinkedHashMap<>();
        third.put("accuracy", 0.7);
        third.put("kappa", 0.5);
        Map<String, double[]> s = MetricSummary.meanStd(List.of(
                Map.of("accuracy", 0.8, "f1", 0.6), Map.of("accuracy", 0.9, "f1", 0.7), third));
        // accuracy: mean 0.8; deviations 0, 0.1, -0.1 -> sqrt(0.02 / (3 - 1)) = 0.1
        assertEquals(0.8, s.get("accuracy")[0], 1e-12);
        assertEquals(0.1, s.get("accuracy")[1], 1e-12);
        // f1 is in two folds only: mean 0.65, std sqrt((0.05^2 + 0.05^2) / 1) = 0.0707106781
        assertEquals(0.65, s.get("f1")[0], 1e-12);
        assertEquals(Math.sqrt(0.005), s.get("f1")[1], 1e-12);
        // one value: mean only, spread unknown
        assertEquals(0.5, s.get("kappa")[0]);
        assertTrue(Double.isNaN(s.get("kappa")[1]));
    }
}
