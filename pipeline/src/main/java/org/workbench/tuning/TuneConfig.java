package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/**
 * The {@code tune:} section. Grid paths are any config paths; the loader checks each one by
 * re-parsing the config with its first value.
 */
public record TuneConfig(boolean enabled, String method, Map<String, List<JsonNode>> grid, int cvFolds) {

    public static final List<Key> KEYS = List.of(
            Key.bool("enabled", false, "run the search"),
            Key.choice("method", "grid", List.of("grid"), "search method"),
            Key.map("grid", "config path -> list of values, e.g. train.params.learning_rate: [0.01, 0.1]"),
            Key.integer("cv_folds", 3, "folds per trial (on the training split)"));

    public static TuneConfig parse(Section t) {
        TuneConfig tune = new TuneConfig(t.bool("enabled"), t.choice("method"), grid(t.raw("grid"), t.join("grid")),
                t.integer("cv_folds"));
        if (tune.enabled() && tune.grid().isEmpty()) {
            throw new ConfigException(t.join("grid"), "tuning is enabled but the grid is empty; add e.g. train.params.epochs: [5, 20]");
        }
        if (tune.enabled() && tune.cvFolds() < 2) {
            throw new ConfigException(t.join("cv_folds"), "expected at least 2 folds, got " + tune.cvFolds());
        }
        return tune;
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
