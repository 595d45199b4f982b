package org.workbench.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.workbench.data.MetricNames;

/**
 * How the model scores on new rows that carry the target, next to its score at training (the
 * bundle's test-split metrics): {@code change} is now minus then, per metric both have.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Performance(String metric, int rows, Map<String, Double> now, Map<String, Double> atTraining,
                          Map<String, Double> change, String summary) {

    static Performance of(String metric, int rows, Map<String, Double> now, Map<String, Double> atTraining) {
        Map<String, Double> kept = new LinkedHashMap<>();
        Map<String, Double> then = new LinkedHashMap<>();
        Map<String, Double> change = new LinkedHashMap<>();
        now.forEach((name, value) -> {
            Double before = atTraining == null ? null : atTraining.get(name);
            if (before != null) {
                kept.put(name, value);
                then.put(name, before);
                change.put(name, value - before);
            }
        });
        return new Performance(metric, rows, kept, then, change, summary(metric, rows, kept, then, change));
    }

    /** "rmse now 71234.5 on 6551 rows, at training 48012.3 (test split): +23222.2 (worse)". */
    private static String summary(String metric, int rows, Map<String, Double> now, Map<String, Double> then,
                                  Map<String, Double> change) {
        Double value = now.get(metric);
        if (value == null) {
            return metric + ": not comparable (the bundle holds no test score for it)";
        }
        double delta = change.get(metric);
        String direction = delta == 0 ? "unchanged" : (delta > 0) == MetricNames.higherIsBetter(metric) ? "better" : "worse";
        return String.format(Locale.ROOT, "%s now %s on %d rows with the target, at training %s (test split): %s%s (%s)",
                metric, number(value), rows, number(then.get(metric)), delta >= 0 ? "+" : "", number(delta), direction);
    }

    static String number(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
