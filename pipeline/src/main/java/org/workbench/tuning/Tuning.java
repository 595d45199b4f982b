package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.definition.Problem;
import org.workbench.evaluation.MetricNames;
import org.workbench.training.Candidate;
import org.workbench.training.ModelCatalog;

/** Small shared pieces of the search: settings as config overrides, candidates, and "which is better". */
public final class Tuning {
    private Tuning() {
    }

    /** The config with the given paths overridden, re-validated as a whole. */
    public static PipelineConfig apply(PipelineConfig config, Map<String, JsonNode> params) {
        if (params.isEmpty()) {
            return config;
        }
        ObjectNode tree = config.tree().deepCopy();
        params.forEach((path, value) -> ConfigLoader.set(tree, path, value));
        return ConfigLoader.parse(tree, config.file());
    }

    /** The search's settings (the config's {@code tune} section), each with its config; empty when tuning is off. */
    public static Map<Map<String, JsonNode>, PipelineConfig> settings(PipelineConfig config) {
        Map<Map<String, JsonNode>, PipelineConfig> settings = new java.util.LinkedHashMap<>();
        if (config.tune().enabled()) {
            Search.settings(config.tune(), config.seed()).forEach(s -> settings.put(s, apply(config, s)));
        }
        return settings;
    }

    /**
     * Checks that {@code path} is a real config path by parsing the config with it set to {@code value}.
     *
     * @throws ConfigException at {@code where} when it is not
     */
    public static void checkPath(PipelineConfig config, String path, JsonNode value, String where) {
        ObjectNode probe = config.tree().deepCopy();
        probe.remove("tune");
        ConfigLoader.set(probe, path, value);
        try {
            ConfigLoader.parse(probe, config.file());
        } catch (ConfigException e) {
            throw new ConfigException(where, "not a valid config path or value (" + e.getMessage() + ")");
        }
    }

    /** The unfitted recipe and algorithm a config describes. */
    public static Candidate candidate(PipelineConfig config, Problem problem) {
        String model = config.train().model().equals("auto") ? ModelCatalog.defaultModel(problem.task()) : config.train().model();
        return Candidate.from(config, problem.task(), model);
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
