package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.workbench.config.PipelineConfig;
import org.workbench.data.MetricNames;

/** Small shared pieces of the search: settings as config overrides, candidates, and "which is better". */
public final class Tuning {
    private Tuning() {
    }

    /** The search's settings (the config's {@code tune} section), each with its config; empty when tuning is off. */
    public static Map<Map<String, JsonNode>, PipelineConfig> settings(PipelineConfig config) {
        TuneConfig tune = config.section(TuneConfig.class);
        Map<Map<String, JsonNode>, PipelineConfig> settings = new java.util.LinkedHashMap<>();
        if (tune.enabled()) {
            Search.settings(tune, config.seed()).forEach(s -> settings.put(s, config.with(s)));
        }
        return settings;
    }

    /** Whether score {@code a} beats {@code b} on {@code metric} (lower is better for errors and losses). */
    public static boolean better(double a, double b, String metric) {
        return MetricNames.higherIsBetter(metric) ? a > b : a < b;
    }

    /** Trials best first; ties keep the earlier trial first. NaN scores go last. */
    public static List<Trial> ranked(List<Trial> trials, String metric) {
        Comparator<Trial> byScore = Comparator.comparingDouble(t -> Double.isNaN(t.mean())
                ? Double.NEGATIVE_INFINITY : MetricNames.higherIsBetter(metric) ? t.mean() : -t.mean());
        return trials.stream().sorted(byScore.reversed().thenComparingInt(Trial::number)).toList();
    }
}
