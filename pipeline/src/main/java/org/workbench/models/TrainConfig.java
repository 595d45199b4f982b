package org.workbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.config.Yaml;

/** The {@code train:} section: the algorithm and its parameters (checked by {@link ModelCatalog}). */
public record TrainConfig(String model, JsonNode params) {

    public static final List<Key> KEYS = List.of(
            Key.string("model", "auto", "algorithm name (see `workbench stages`); auto = logistic_regression, linear_regression or kmeans (clustering)"),
            Key.map("params", "algorithm parameters, checked against the algorithm's list"));

    public static TrainConfig parse(Section t) {
        JsonNode params = t.raw("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new ConfigException(t.join("params"), "expected a mapping of parameter names to values, got " + params);
        }
        return new TrainConfig(t.string("model"), params == null || params.isNull() ? Yaml.MAPPER.createObjectNode() : params);
    }
}
