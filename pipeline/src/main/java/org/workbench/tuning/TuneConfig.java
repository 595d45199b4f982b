package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.lab.LabConfig;

/**
 * The {@code tune:} section. Grid and space paths are any config paths; the loader checks each grid
 * path by re-parsing the config with its first value, the stage checks space paths the same way.
 *
 * @param grid       config path to the list of values to try (grid and halving; random search draws from it too)
 * @param space      config path to a distribution (random and halving)
 * @param threads    trials scored at once; 0 = one per processor. Results do not depend on it.
 * @param timeBudget seconds after which no new trial starts; 0 = no limit
 * @param adopt      "better": adopt the best setting when its mean beats the configured one;
 *                   "significant": only when the corrected t-test says so at the run's {@code evaluate.alpha}
 */
public record TuneConfig(boolean enabled, String method, Map<String, List<JsonNode>> grid,
                         Map<String, Distribution> space, int nTrials, int cvFolds, int threads, double timeBudget,
                         int factor, String adopt, LabConfig lab) {

    public static final List<Key> KEYS = List.of(
            Key.bool("enabled", false, "run the search"),
            Key.choice("method", "grid", List.of("grid", "random", "halving"), "search method"),
            Key.map("grid", "config path -> list of values, e.g. train.params.learning_rate: [0.01, 0.1]"),
            Key.map("space", "config path -> distribution for random search: {uniform: [a, b]}, {log_uniform: [a, b]},"
                    + " {integer: [a, b]}, {choice: [...]}"),
            Key.integer("n_trials", 20, "settings drawn by random search (and by halving from a space)"),
            Key.integer("cv_folds", 3, "folds per trial (on the training split, recipe refitted per fold)"),
            Key.integer("threads", 0, "trials scored in parallel; 0 = one per processor; results do not depend on it"),
            Key.number("time_budget", 0, "seconds after which no new trial starts; 0 = no limit"),
            Key.integer("factor", 3, "successive halving: keep the best 1/factor, give them factor times the rows"),
            Key.choice("adopt", "better", List.of("better", "significant"),
                    "adopt the best setting when it beats the configured one, or only when significantly (at evaluate.alpha)"),
            Key.section("lab", "learning and validation curves, bias-variance, leakage (see tune.lab.*)"));

    /** Every section of this stage, for {@code workbench stages}. */
    public static Map<String, List<Key>> sections() {
        Map<String, List<Key>> out = new LinkedHashMap<>();
        out.put("tune", KEYS);
        out.put("tune.lab", LabConfig.KEYS);
        out.put("tune.lab.validation_curve", LabConfig.VALIDATION_KEYS);
        out.put("tune.lab.learning_curve", LabConfig.LEARNING_KEYS);
        out.put("tune.lab.bias_variance", LabConfig.BIAS_VARIANCE_KEYS);
        return out;
    }

    public static TuneConfig parse(Section t) {
        Map<String, List<JsonNode>> grid = grid(t.raw("grid"), t.join("grid"));
        Map<String, Distribution> space = space(t.raw("space"), t.join("space"));
        TuneConfig tune = new TuneConfig(t.bool("enabled"), t.choice("method"), grid, space, t.integer("n_trials"),
                t.integer("cv_folds"), t.integer("threads"), t.number("time_budget"), t.integer("factor"),
                t.choice("adopt"), LabConfig.parse(t.section("lab", LabConfig.KEYS)));
        if (tune.enabled() && grid.isEmpty() && space.isEmpty()) {
            throw new ConfigException(t.join("grid"), "tuning is enabled but the grid is empty; add e.g. train.params.epochs: [5, 20]");
        }
        if (tune.enabled() && tune.method().equals("grid") && grid.isEmpty()) {
            throw new ConfigException(t.join("grid"), "method grid needs a grid (tune.space is for random and halving)");
        }
        if (tune.enabled() && tune.cvFolds() < 2) {
            throw new ConfigException(t.join("cv_folds"), "expected at least 2 folds, got " + tune.cvFolds());
        }
        if (tune.nTrials() < 1) {
            throw new ConfigException(t.join("n_trials"), "expected at least 1, got " + tune.nTrials());
        }
        if (tune.threads() < 0) {
            throw new ConfigException(t.join("threads"), "expected 0 (all processors) or more, got " + tune.threads());
        }
        if (tune.timeBudget() < 0) {
            throw new ConfigException(t.join("time_budget"), "expected seconds >= 0, got " + tune.timeBudget());
        }
        if (tune.factor() < 2) {
            throw new ConfigException(t.join("factor"), "expected at least 2, got " + tune.factor());
        }
        return tune;
    }

    /** Random search draws from the space and, for grid paths, picks one of the listed values. */
    public Map<String, Distribution> randomSpace() {
        Map<String, Distribution> all = new LinkedHashMap<>();
        grid.forEach((path, values) -> all.put(path, new Distribution.Choice(values)));
        all.putAll(space);
        return all;
    }

    private static Map<String, Distribution> space(JsonNode node, String path) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return space;
        }
        if (!node.isObject()) {
            throw new ConfigException(path, "expected a mapping of config paths to distributions");
        }
        node.fields().forEachRemaining(entry -> {
            String at = path + "." + entry.getKey();
            if (entry.getKey().startsWith("tune.")) {
                throw new ConfigException(at, "the tuning section itself cannot be searched");
            }
            space.put(entry.getKey(), Distribution.parse(entry.getValue(), at));
        });
        return space;
    }

    private static Map<String, List<JsonNode>> grid(JsonNode node, String path) {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return grid;
        }
        if (!node.isObject()) {
            throw new ConfigException(path, "expected a mapping of config paths to lists of values");
        }
        node.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("tune.")) {
                throw new ConfigException(path + "." + entry.getKey(), "the tuning section itself cannot be searched");
            }
            List<JsonNode> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(values::add);
            } else {
                values.add(entry.getValue());
            }
            if (values.isEmpty()) {
                throw new ConfigException(path + "." + entry.getKey(), "expected at least one value");
            }
            grid.put(entry.getKey(), List.copyOf(values));
        });
        return grid;
    }
}
