package org.workbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole configuration: one immutable record per stage section, each defined (keys, defaults,
 * parsing) in its stage's package and looked up here by its type, so this package names no stage.
 * {@code tree} is the config as given (after {@code --set}); {@code resolved} has every default
 * filled in and is what a run records. {@code parser} is what built it, so variants (a tuning
 * setting) are parsed and checked by the same rules.
 */
public record PipelineConfig(Path file, String name, long seed, Map<Class<?>, Object> sections, ObjectNode tree,
                             ObjectNode resolved, Parser parser) {

    /** Builds a whole config from a tree; supplied by the layer that knows every section. */
    public interface Parser {
        PipelineConfig parse(ObjectNode tree, Path file);
    }

    public PipelineConfig {
        sections = Map.copyOf(sections);
    }

    /** The section record of the given type, e.g. {@code section(ProblemConfig.class)}. */
    public <T> T section(Class<T> type) {
        Object section = sections.get(type);
        if (section == null) {
            throw new IllegalArgumentException("no config section of type " + type.getSimpleName());
        }
        return type.cast(section);
    }

    /** The directory relative paths in this config are resolved against. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** This config with the given paths overridden, re-validated as a whole. */
    public PipelineConfig with(Map<String, JsonNode> params) {
        if (params.isEmpty()) {
            return this;
        }
        ObjectNode changed = tree.deepCopy();
        params.forEach((path, value) -> set(changed, path, value));
        return parser.parse(changed, file);
    }

    /**
     * Checks that {@code path} is a real config path by parsing the config with it set to {@code value}.
     *
     * @throws ConfigException at {@code where} when it is not
     */
    public void checkPath(String path, JsonNode value, String where) {
        ObjectNode probe = tree.deepCopy();
        probe.remove("tune");
        set(probe, path, value);
        try {
            parser.parse(probe, file);
        } catch (ConfigException e) {
            throw new ConfigException(where, "not a valid config path or value (" + e.getMessage() + ")");
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
}
