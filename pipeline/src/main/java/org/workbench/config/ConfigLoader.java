package org.workbench.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.core.InputException;

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
            set(tree, override.substring(0, eq).trim(), Yaml.scalar(override.substring(eq + 1)));
        }
        return parse(tree, file);
    }

    static ObjectNode read(Path file) {
        try {
            JsonNode node = Yaml.MAPPER.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new InputException(file + ": the config file is empty");
            }
            if (!node.isObject()) {
                throw new InputException(file + ": expected a mapping of sections (problem:, data:, ...)");
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": config file not found");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InputException(file + where + ": invalid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read config: " + e.getMessage());
        }
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
        Section top = new Section(tree, "", ConfigSchema.TOP);
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = top.has("name") ? top.string("name") : fileName;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ConfigException("name", "use letters, digits, '.', '_' or '-' (it names the report folder), got \"" + name + "\"");
        }
        long seed = top.longValue("seed");

        Section p = top.section("problem", ConfigSchema.PROBLEM);
        var problem = new PipelineConfig.Problem(p.string("target"), p.choice("task"), p.string("metric"),
                p.string("positive_class"), p.choice("missing_target"));

        Section d = top.section("data", ConfigSchema.DATA);
        Section s = d.section("split", ConfigSchema.SPLIT);
        var split = new PipelineConfig.Split(s.fraction("test", false), s.bool("stratify"));
        Path base = file.toAbsolutePath().getParent();
        Path source = base.resolve(d.string("source")).normalize();
        Map<String, String> types = d.stringMap("column_types");
        types.forEach((col, type) -> {
            if (!type.equals("numeric") && !type.equals("categorical")) {
                throw new ConfigException("data.column_types." + col, "expected numeric or categorical, got \"" + type + "\"");
            }
        });
        var data = new PipelineConfig.Data(source, oneChar(d, "delimiter"), oneChar(d, "quote"), d.bool("header"),
                d.strings("missing_values"), types, split);

        Section pre = top.section("preprocess", ConfigSchema.PREPROCESS);
        Section imp = pre.section("impute", ConfigSchema.IMPUTE);
        var preprocess = new PipelineConfig.Preprocess(pre.strings("drop"),
                new PipelineConfig.Impute(imp.choice("numeric"), imp.choice("categorical"),
                        imp.number("fill_numeric"), imp.string("fill_categorical")),
                pre.choice("scale"));

        Section f = top.section("features", ConfigSchema.FEATURES);
        var features = new PipelineConfig.Features(f.choice("encode"));

        Section sel = top.section("select", ConfigSchema.SELECT);
        var select = new PipelineConfig.Select(sel.choice("method"), sel.strings("include"), sel.strings("exclude"));

        Section t = top.section("train", ConfigSchema.TRAIN);
        JsonNode params = t.raw("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new ConfigException("train.params", "expected a mapping of parameter names to values, got " + Section.describe(params));
        }
        var train = new PipelineConfig.Train(t.string("model"),
                params == null || params.isNull() ? Yaml.MAPPER.createObjectNode() : params);

        Section e = top.section("evaluate", ConfigSchema.EVALUATE);
        int folds = e.integer("cv_folds");
        if (folds < 0) {
            throw new ConfigException("evaluate.cv_folds", "expected 0 or more, got " + folds);
        }
        var evaluate = new PipelineConfig.Evaluate(folds, e.strings("metrics"));

        Section tu = top.section("tune", ConfigSchema.TUNE);
        var tune = new PipelineConfig.Tune(tu.bool("enabled"), tu.choice("method"), grid(tu.raw("grid"), tree, file),
                tu.integer("cv_folds"));
        if (tune.enabled() && tune.grid().isEmpty()) {
            throw new ConfigException("tune.grid", "tuning is enabled but the grid is empty; add e.g. train.params.epochs: [5, 20]");
        }
        if (tune.enabled() && tune.cvFolds() < 2) {
            throw new ConfigException("tune.cv_folds", "expected at least 2 folds, got " + tune.cvFolds());
        }

        Section dep = top.section("deploy", ConfigSchema.DEPLOY);
        var deploy = new PipelineConfig.Deploy(dep.bool("bundle"));

        top.resolved().put("name", name);
        return new PipelineConfig(file, name, seed, problem, data, preprocess, features, select, train, evaluate,
                tune, deploy, tree.deepCopy(), top.resolved());
    }

    /** Grid paths must be real config paths: each is checked by parsing the config with its first value. */
    private static Map<String, List<JsonNode>> grid(JsonNode node, ObjectNode tree, Path file) {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return grid;
        }
        if (!node.isObject()) {
            throw new ConfigException("tune.grid", "expected a mapping of config paths to lists of values");
        }
        node.fields().forEachRemaining(entry -> {
            String path = entry.getKey();
            if (path.startsWith("tune.")) {
                throw new ConfigException("tune.grid." + path, "the tuning section itself cannot be searched");
            }
            List<JsonNode> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(values::add);
            } else {
                values.add(entry.getValue());
            }
            if (values.isEmpty()) {
                throw new ConfigException("tune.grid." + path, "expected at least one value");
            }
            ObjectNode probe = tree.deepCopy();
            set(probe, path, values.get(0));
            probe.remove("tune"); // the search section itself is not searched, and must not recurse
            try {
                parseTree(probe, file);
            } catch (ConfigException e) {
                throw new ConfigException("tune.grid." + path, "not a valid config path or value (" + e.getMessage() + ")");
            }
            grid.put(path, List.copyOf(values));
        });
        return grid;
    }

    private static char oneChar(Section s, String key) {
        String v = s.string(key);
        if (v.equals("\\t") || v.equals("tab")) {
            return '\t';
        }
        if (v.length() != 1) {
            throw new ConfigException(s.join(key), "expected one character, got \"" + v + "\"");
        }
        return v.charAt(0);
    }
}
