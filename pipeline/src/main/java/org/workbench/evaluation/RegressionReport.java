package org.workbench.evaluation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression scores for one set of predictions. Undefined values are null, never NaN.
 *
 * @param rows      number of rows scored
 * @param r2        1 - SS_res / SS_tot; negative when worse than predicting the mean, null when the truth is constant
 * @param mape      mean of |truth - predicted| / |truth| as a fraction (0.05 = 5 %); null when any truth is 0
 * @param residuals five-number summary of truth - predicted
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegressionReport(int rows, double mse, double rmse, double mae, Double r2, Double mape,
                               Residuals residuals) implements ScoreReport {

    /** Quantiles of the residuals (truth - predicted), linearly interpolated between sorted values. */
    public record Residuals(double min, double q1, double median, double q3, double max) {
    }

    /** mse, rmse, mae, r2 and mape as a flat map; undefined ones are left out. */
    public Map<String, Double> headline() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("mse", mse);
        out.put("rmse", rmse);
        out.put("mae", mae);
        ClassificationReport.putIfDefined(out, "r2", r2);
        ClassificationReport.putIfDefined(out, "mape", mape);
        return out;
    }
}
