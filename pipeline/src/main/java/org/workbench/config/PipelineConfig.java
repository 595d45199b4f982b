package org.workbench.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.workbench.collection.DataConfig;
import org.workbench.definition.ProblemConfig;
import org.workbench.deployment.DeployConfig;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.features.FeaturesConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.models.TrainConfig;
import org.workbench.tuning.TuneConfig;

/**
 * The whole configuration: one immutable record per stage section, each defined (keys, defaults,
 * parsing) in its stage's package. {@code tree} is the config as given (after {@code --set});
 * {@code resolved} has every default filled in and is what a run records.
 */
public record PipelineConfig(Path file, String name, long seed, ProblemConfig problem, DataConfig data,
                             PreprocessConfig preprocess, FeaturesConfig features, SelectConfig select,
                             TrainConfig train, EvaluateConfig evaluate, TuneConfig tune, DeployConfig deploy,
                             ObjectNode tree, ObjectNode resolved) {

    /** Top-level keys; each section's own keys live beside its stage. */
    public static final List<Key> KEYS = List.of(
            Key.string("name", null, "run name; default: the config file name"),
            Key.integer("seed", 42, "seed for splits, folds and trainers"),
            Key.section("problem", "definition stage"),
            Key.section("data", "collection stage"),
            Key.section("preprocess", "preprocessing stage"),
            Key.section("features", "feature engineering stage"),
            Key.section("select", "selection stage"),
            Key.section("train", "training stage"),
            Key.section("evaluate", "evaluation stage"),
            Key.section("tune", "tuning stage"),
            Key.section("deploy", "deployment stage"));

    /** The directory relative paths in this config are resolved against. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** This config with the given paths overridden, re-validated as a whole. */
    public PipelineConfig with(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> params) {
        if (params.isEmpty()) {
            return this;
        }
        ObjectNode changed = tree.deepCopy();
        params.forEach((path, value) -> ConfigLoader.set(changed, path, value));
        return ConfigLoader.parse(changed, file);
    }

    /**
     * Checks that {@code path} is a real config path by parsing the config with it set to {@code value}.
     *
     * @throws ConfigException at {@code where} when it is not
     */
    public void checkPath(String path, com.fasterxml.jackson.databind.JsonNode value, String where) {
        ObjectNode probe = tree.deepCopy();
        probe.remove("tune");
        ConfigLoader.set(probe, path, value);
        try {
            ConfigLoader.parse(probe, file);
        } catch (ConfigException e) {
            throw new ConfigException(where, "not a valid config path or value (" + e.getMessage() + ")");
        }
    }
}
