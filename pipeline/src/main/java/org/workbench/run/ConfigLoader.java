package org.workbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.workbench.table.DataConfig;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.definition.ProblemConfig;
import org.workbench.deployment.DeployConfig;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.fairness.FairnessConfig;
import org.workbench.features.FeaturesConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.models.ModelCatalog;
import org.workbench.models.TrainConfig;
import org.workbench.tuning.TuneConfig;
import org.workbench.config.Section;
import org.workbench.config.Yaml;
import org.workbench.config.ConfigFile;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;

/** Reads a YAML config, applies {@code --set path=value} overrides and checks every key. */
public final class ConfigLoader {
    /** Top-level keys; each section's own keys live beside its stage. */
    public static final List<Key> KEYS = List.of(
            Key.string("name", null, "run name; default: the config file name"),
            Key.integer("seed", 42, "seed of every random choice: split, folds, trainers, target-encoding folds,"
                    + " selection's model, shuffles and samples; each starts its own generator from it"),
            Key.section("problem", "definition stage"),
            Key.section("data", "collection stage"),
            Key.section("preprocess", "preprocessing stage"),
            Key.section("features", "feature engineering stage"),
            Key.section("select", "selection stage"),
            Key.section("train", "training stage"),
            Key.section("evaluate", "evaluation stage"),
            Key.section("tune", "tuning stage"),
            Key.section("deploy", "deployment stage"),
            Key.string("engine", "local", "where the stages run: local (this JVM) or spark (Apache Spark: local[*] or"
                    + " a cluster; --engine on the command line)"),
            Key.section("spark", "the Spark engine: master, conf"));

    /** Sections that say where the stages run rather than what a stage does, with their keys. */
    public static final java.util.Map<String, List<Key>> ENGINE_SECTIONS = java.util.Map.of("spark", EngineConfig.SPARK_KEYS);

    private ConfigLoader() {
    }

    public static PipelineConfig load(Path file, List<String> overrides) {
        ObjectNode tree = read(file);
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--set " + override + ": expected path=value, e.g. train.params.epochs=20");
            }
            String path = override.substring(0, eq).trim();
            if (!path.matches("[^.\\s]+(\\.[^.\\s]+)*")) {
                throw new InputException("--set " + override + ": '" + path + "' is not a config path; expected dotted keys"
                        + " without spaces, e.g. train.params.epochs=20");
            }
            PipelineConfig.set(tree, path, Yaml.scalar(override.substring(eq + 1)));
        }
        PipelineConfig config = parse(tree, file);
        try {
            config.section(TuneConfig.class).grid().forEach((path, values) -> values.stream().skip(1)
                    .forEach(v -> checkSearchPath(tree, file, "tune.grid.", path, v)));
        } catch (ConfigException e) {
            throw e.inFile(file);
        }
        return config;
    }

    static ObjectNode read(Path file) {
        return ConfigFile.read(file);
    }

    /** Builds the immutable config from a tree; every problem names the file and the key path. */
    public static PipelineConfig parse(ObjectNode tree, Path file) {
        try {
            return parseTree(tree, file);
        } catch (ConfigException e) {
            throw e.inFile(file);
        }
    }

    private static PipelineConfig parseTree(ObjectNode tree, Path file) {
        Section top = new Section(tree, "", KEYS);
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = top.has("name") ? top.string("name") : fileName;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigException("name", "use letters, digits, '.', '_' or '-' (it names the report folder), got \"" + name + "\"");
        }
        long seed = top.longValue("seed");
        Path base = file.toAbsolutePath().getParent();
        var problem = ProblemConfig.parse(top.section("problem", ProblemConfig.KEYS));
        var data = DataConfig.parse(top.section("data", DataConfig.KEYS), base);
        var preprocess = PreprocessConfig.parse(top.section("preprocess", PreprocessConfig.KEYS));
        refuseMovedKey(tree.path("features").path("target"), "seed", "features.target.seed", "seed");
        var features = FeaturesConfig.parse(top.section("features", FeaturesConfig.KEYS), seed);
        var select = SelectConfig.parse(top.section("select", SelectConfig.KEYS));
        var train = TrainConfig.parse(top.section("train", TrainConfig.KEYS));
        Section evaluateSection = top.section("evaluate", EvaluateConfig.KEYS);
        var evaluate = EvaluateConfig.parse(evaluateSection);
        var fairness = FairnessConfig.parse(evaluateSection);
        refuseMovedKey(tree.path("tune"), "alpha", "tune.alpha", "evaluate.alpha");
        refuseMovedKey(tree.path("tune").path("lab"), "overfit_gap", "tune.lab.overfit_gap", "evaluate.overfit_gap");
        var tune = TuneConfig.parse(top.section("tune", TuneConfig.KEYS));
        // first values only: tuning parses the config again for every trial; load checks every value once
        tune.grid().forEach((path, values) -> checkSearchPath(tree, file, "tune.grid.", path, values.get(0)));
        tune.space().forEach((path, d) -> checkSearchPath(tree, file, "tune.space.", path, d.sample(new Random(seed))));
        var deploy = DeployConfig.parse(top.section("deploy", DeployConfig.KEYS));
        var engine = EngineConfig.parse(top);
        top.resolved().put("name", name);
        Map<Class<?>, Object> sections = new LinkedHashMap<>();
        for (Object section : List.of(problem, data, preprocess, features, select, train, evaluate, fairness, tune, deploy, engine)) {
            sections.put(section.getClass(), section);
        }
        return new PipelineConfig(file, name, seed, sections, tree.deepCopy(), top.resolved(), ConfigLoader::parse);
    }

    /** A key that became one run-wide key, so that no two stages judge the same thing differently. */
    private static void refuseMovedKey(JsonNode section, String key, String path, String now) {
        if (section.has(key)) {
            throw new ConfigException(path, "moved to " + now + ", which every stage of the run uses; set " + now + " instead");
        }
    }

    /**
     * A searched path must be a real config path and every value valid there: the config is parsed with
     * the path set to the value, and model parameters are checked against the model now, so a bad search
     * is reported before any fitting rather than in the middle of the search.
     */
    private static void checkSearchPath(ObjectNode tree, Path file, String section, String path, JsonNode value) {
        ObjectNode probe = tree.deepCopy();
        probe.remove("tune"); // the search section itself is not searched, and must not recurse
        PipelineConfig.set(probe, path, value);
        try {
            PipelineConfig config = parseTree(probe, file);
            if (path.startsWith("train.params.")) {
                checkModelParams(config, searchedModels(tree));
            }
        } catch (ConfigException e) {
            throw new ConfigException(section + path, "not a valid config path or value for " + value
                    + " (" + e.getMessage() + ")");
        }
    }

    /** The models a search may set with {@code train.model}, besides the configured one. */
    private static List<String> searchedModels(ObjectNode tree) {
        List<String> models = new java.util.ArrayList<>();
        tree.path("tune").path("grid").path("train.model").forEach(v -> models.add(v.asText()));
        tree.path("tune").path("space").path("train.model").path("choice").forEach(v -> models.add(v.asText()));
        return models;
    }

    /**
     * The model's parameters are valid for the configured task (or one "auto" may infer) and the configured
     * model, or one the search may choose.
     */
    private static void checkModelParams(PipelineConfig config, List<String> searchedModels) {
        List<Task> tasks = switch (config.section(ProblemConfig.class).task()) {
            case "classification" -> List.of(Task.CLASSIFICATION);
            case "regression" -> List.of(Task.REGRESSION);
            case "clustering" -> List.of(Task.CLUSTERING);
            default -> List.of(Task.CLASSIFICATION, Task.REGRESSION);
        };
        ConfigException first = null;
        List<String> models = new java.util.ArrayList<>(List.of(config.section(TrainConfig.class).model()));
        models.addAll(searchedModels);
        for (Task task : tasks) {
            for (String model : models) {
                try {
                    ModelCatalog.spec(model, task).resolvedParams(config.section(TrainConfig.class).params());
                    return;
                } catch (ConfigException e) {
                    first = first == null ? e : first;
                }
            }
        }
        throw first;
    }
}
