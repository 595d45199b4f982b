package org.workbench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTest {
    private static CurvePoint p(int value, double train, double validation) {
        return new CurvePoint(JsonNodeFactory.instance.numberNode(value), 100, train, 0, validation, 0);
    }

    // accuracy with a baseline of 0.60: room 0.40, gap limit 0.10 * 0.40 = 0.04, underfit level 0.60 + 0.5 * 0.40 = 0.80
    private final Diagnosis accuracy = new Diagnosis("accuracy", 0.60, 0.10, 0.50, 0.01);

    @Test
    void thresholdsAreSharesOfTheRoomAboveTheBaseline() {
        assertEquals(0.40, accuracy.room(), 1e-12);
        assertEquals(0.04, accuracy.gapLimit(), 1e-12);
        assertEquals(0.80, accuracy.underfitLevel(), 1e-12);
        assertTrue(accuracy.overfits(p(1, 0.90, 0.86)));   // gap 0.04: at the limit
        assertFalse(accuracy.overfits(p(1, 0.90, 0.865))); // gap 0.035
        assertTrue(accuracy.underfits(p(1, 0.79, 0.79)));
        assertFalse(accuracy.underfits(p(1, 0.80, 0.79)));
    }

    @Test
    void forErrorsTheRoomIsBelowTheBaseline() {
        // rmse with a baseline of 8: room 8, gap limit 0.8, underfit above 8 - 0.5 * 8 = 4
        Diagnosis rmse = new Diagnosis("rmse", 8.0, 0.10, 0.50, 0.01);
        assertEquals(0.8, rmse.gapLimit(), 1e-12);
        assertEquals(4.0, rmse.underfitLevel(), 1e-12);
        assertEquals(1.0, rmse.gap(p(1, 2.0, 3.0)), 1e-12);
        assertTrue(rmse.overfits(p(1, 2.0, 3.0)));
        assertTrue(rmse.underfits(p(1, 4.5, 4.6)));
        assertFalse(rmse.underfits(p(1, 3.9, 4.6)));
    }

    @Test
    void validationCurveNamesTheBestSettingAndBothRegions() {
        List<CurvePoint> curve = List.of(p(1, 0.78, 0.77), p(2, 0.84, 0.82), p(3, 0.87, 0.81), p(4, 0.95, 0.79));
        Diagnosis.Finding f = accuracy.validationCurve("max_depth", curve);
        assertEquals("both", f.kind());
        assertEquals("Best validation accuracy 0.820 at max_depth = 2 (training 0.840, gap 0.020)."
                + " Overfitting from max_depth = 3 on: at max_depth = 4 training accuracy 0.950 vs validation 0.790"
                + " (gap 0.160, above the limit 0.040)."
                + " From max_depth = 2 to max_depth = 4 the training score moves by +0.110 while validation moves by -0.030."
                + " Underfitting at max_depth = 1: training accuracy 0.780 and validation 0.770 are below 0.800"
                + " (50% of the way from the baseline 0.600 to a perfect score).", f.text());
        assertEquals(0.82, (double) f.numbers().get("best_validation"), 1e-12);
        assertEquals(3, ((com.fasterxml.jackson.databind.JsonNode) f.numbers().get("overfitting_from")).intValue());
        assertEquals(0.16, (double) f.numbers().get("largest_gap"), 1e-12);
    }

    @Test
    void aCurveWithinTheLimitsIsAGoodFit() {
        List<CurvePoint> curve = List.of(p(1, 0.85, 0.83), p(2, 0.86, 0.84));
        Diagnosis.Finding f = accuracy.validationCurve("k", curve);
        assertEquals("good fit", f.kind());
        assertTrue(f.text().endsWith("Neither overfitting nor underfitting over these values: the largest gap is 0.020"
                + " (limit 0.040) and every training score clears 0.800."), f.text());
    }

    @Test
    void tiesGoToTheSimplestSetting() {
        assertEquals(0, accuracy.best(List.of(p(1, 0.85, 0.83), p(2, 0.90, 0.83))));
    }

    @Test
    void learningCurveSaysWhetherMoreRowsHelp() {
        List<CurvePoint> rising = List.of(new CurvePoint(JsonNodeFactory.instance.numberNode(0.5), 200, 0.95, 0, 0.78, 0),
                new CurvePoint(JsonNodeFactory.instance.numberNode(1.0), 400, 0.93, 0, 0.80, 0));
        Diagnosis.Finding f = accuracy.learningCurve(rising);
        assertEquals("overfitting", f.kind());
        // gain 0.02 >= 1% of the room (0.004): still improving
        assertEquals("With 400 training rows per fold: training accuracy 0.930 vs validation 0.800 (gap 0.130),"
                + " overfitting: the gap is above the limit 0.040. From 200 to 400 rows validation accuracy changed by +0.020:"
                + " still improving, so more data would likely help.", f.text());
        assertEquals(true, f.numbers().get("still_rising"));
    }

    @Test
    void forErrorsALearningCurveReportsTheRawChangeAndJudgesItAsAGain() {
        // rmse, baseline 8: room 8, underfit above 4, "still improving" needs a fall of at least 0.08
        Diagnosis rmse = new Diagnosis("rmse", 8.0, 0.10, 0.50, 0.01);
        List<CurvePoint> flat = List.of(new CurvePoint(JsonNodeFactory.instance.numberNode(0.78), 199, 5.09, 0, 5.29, 0),
                new CurvePoint(JsonNodeFactory.instance.numberNode(1.0), 255, 5.09, 0, 5.25, 0));
        Diagnosis.Finding f = rmse.learningCurve(flat);
        assertEquals("underfitting", f.kind());
        assertEquals("With 255 training rows per fold: training rmse 5.090 vs validation 5.250 (gap 0.160), underfitting:"
                + " training 5.090 is above the level 4.000. From 199 to 255 rows validation rmse changed by -0.040: flat,"
                + " so more of the same data will not help much.", f.text());
        assertEquals(false, f.numbers().get("still_rising"));
    }
}
