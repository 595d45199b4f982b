package org.workbench.evaluation;

import org.workbench.stats.MeanStd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Summaries of a metric over cross-validation folds. */
public final class MetricSummary {
    private MetricSummary() {
    }

    /**
     * Mean and sample standard deviation (divisor n - 1) of each metric over the folds, keyed by
     * metric name in order of first appearance. A metric missing from a fold (undefined there, e.g.
     * ROC-AUC on a fold with one class) is summarised over the folds that have it. The value array is
     * {mean, std}; std is NaN when only one fold has the metric, since one value says nothing about spread.
     */
    public static Map<String, double[]> meanStd(List<Map<String, Double>> perFold) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map<String, Double> fold : perFold) {
            fold.forEach((metric, value) -> {
                if (value != null) {
                    values.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
                }
            });
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((metric, list) -> out.put(metric, MeanStd.of(list)));
        return out;
    }

}
