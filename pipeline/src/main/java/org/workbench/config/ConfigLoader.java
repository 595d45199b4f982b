package org.workbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.workbench.collection.DataConfig;
import org.workbench.core.InputException;
import org.workbench.definition.ProblemConfig;
import org.workbench.deployment.DeployConfig;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.features.FeaturesConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.training.TrainConfig;
import org.workbench.tuning.TuneConfig;

/** Reads a YAML config, applies {@code --set path=value} overrides and checks every key. */
public final class ConfigLoader {
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
            set(tree, path, Yaml.scalar(override.substring(eq + 1)));
        }
        return parse(tree, file);
    }

    static ObjectNode read(Path file) {
        return ConfigFile.read(file);
    }

    /** Sets a dotted path in the tree, creating mappings on the way. */
    public static void set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
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
        Section top = new Section(tree, "", PipelineConfig.KEYS);
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
        var features = FeaturesConfig.parse(top.section("features", FeaturesConfig.KEYS));
        var select = SelectConfig.parse(top.section("select", SelectConfig.KEYS));
        var train = TrainConfig.parse(top.section("train", TrainConfig.KEYS));
        var evaluate = EvaluateConfig.parse(top.section("evaluate", EvaluateConfig.KEYS));
        var tune = TuneConfig.parse(top.section("tune", TuneConfig.KEYS));
        tune.grid().forEach((path, values) -> checkGridPath(tree, file, path, values.get(0)));
        var deploy = DeployConfig.parse(top.section("deploy", DeployConfig.KEYS));
        top.resolved().put("name", name);
        return new PipelineConfig(file, name, seed, problem, data, preprocess, features, select, train, evaluate,
                tune, deploy, tree.deepCopy(), top.resolved());
    }

    /** A grid path must be a real config path: parse the config with the path set to its first value. */
    private static void checkGridPath(ObjectNode tree, Path file, String path, JsonNode firstValue) {
        ObjectNode probe = tree.deepCopy();
        probe.remove("tune"); // the search section itself is not searched, and must not recurse
        set(probe, path, firstValue);
        try {
            parseTree(probe, file);
        } catch (ConfigException e) {
            throw new ConfigException("tune.grid." + path, "not a valid config path or value (" + e.getMessage() + ")");
        }
    }


}
