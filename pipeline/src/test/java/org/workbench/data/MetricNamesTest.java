package org.workbench.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.evaluation.RegressionMetrics;
import org.workbench.evaluation.ClassificationMetrics;

class MetricNamesTest {
    private static final String CLASSIFICATION_LIST = "accuracy, balanced_accuracy, precision, recall, f1, precision_macro, "
            + "recall_macro, f1_macro, f1_weighted, roc_auc, average_precision, log_loss, brier, mcc, kappa";

    @Test
    void misspeltMetricGetsASuggestion() {
        InputException e = assertThrows(InputException.class,
                () -> MetricNames.check("f1_macr", Task.CLASSIFICATION, "problem.metric"));
        assertEquals("problem.metric: 'f1_macr' is not a classification metric; did you mean 'f1_macro'? valid: "
                + CLASSIFICATION_LIST, e.getMessage());
    }

    @Test
    void metricOfTheOtherTaskIsNamedAsSuch() {
        InputException e = assertThrows(InputException.class,
                () -> MetricNames.check("rmse", Task.CLASSIFICATION, "problem.metric"));
        assertEquals("problem.metric: 'rmse' is not a classification metric (it is a regression metric); valid: "
                + CLASSIFICATION_LIST, e.getMessage());
        InputException far = assertThrows(InputException.class,
                () -> MetricNames.check("banana", Task.REGRESSION, "evaluate.metrics[1]"));
        assertEquals("evaluate.metrics[1]: 'banana' is not a regression metric; valid: mse, rmse, mae, r2, mape",
                far.getMessage());
    }

    @Test
    void validNamesAutoAndDirection() {
        assertDoesNotThrow(() -> MetricNames.check("roc_auc", Task.CLASSIFICATION, "problem.metric"));
        assertEquals("accuracy", MetricNames.resolve("auto", Task.CLASSIFICATION, "problem.metric"));
        assertEquals("rmse", MetricNames.resolve("auto", Task.REGRESSION, "problem.metric"));
        assertEquals("r2", MetricNames.resolve("r2", Task.REGRESSION, "problem.metric"));
        assertFalse(MetricNames.higherIsBetter("log_loss"));
        assertFalse(MetricNames.higherIsBetter("brier"));
        assertFalse(MetricNames.higherIsBetter("mape"));
        assertTrue(MetricNames.higherIsBetter("r2"));
        assertTrue(MetricNames.higherIsBetter("kappa"));
        assertThrows(IllegalArgumentException.class, () -> MetricNames.higherIsBetter("auc"));
    }

    @Test
    void namesAreTheHeadlineKeys() {
        List<String> classes = List.of("a", "b");
        double[][] probs = {{0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}};
        var report = ClassificationMetrics.compute(new String[] {"a", "b", "b"},
                Predictions.classification(new String[] {"a", "b", "a"}, probs, classes), classes, null);
        assertEquals(MetricNames.classification(), List.copyOf(report.headline().keySet()));
        var regression = RegressionMetrics.compute(new double[] {1, 2, 4}, new double[] {1, 3, 3});
        assertEquals(MetricNames.regression(), List.copyOf(regression.headline().keySet()));
    }
}
