package org.workbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, one immutable record per stage section. {@code tree} is the config as
 * given (after {@code --set}); {@code resolved} has every default filled in and is what a run records.
 */
public record PipelineConfig(Path file, String name, long seed, Problem problem, Data data,
                             Preprocess preprocess, Features features, Select select, Train train,
                             Evaluate evaluate, Tune tune, Deploy deploy, ObjectNode tree, ObjectNode resolved) {

    public record Problem(String target, String task, String metric, String positiveClass, String missingTarget) {
    }

    public record Split(double test, boolean stratify) {
    }

    public record Data(Path source, char delimiter, char quote, boolean header, List<String> missingValues,
                       Map<String, String> columnTypes, Split split) {
    }

    public record Impute(String numeric, String categorical, double fillNumeric, String fillCategorical) {
    }

    public record Preprocess(List<String> drop, Impute impute, String scale) {
    }

    public record Features(String encode) {
    }

    public record Select(String method, List<String> include, List<String> exclude) {
    }

    public record Train(String model, JsonNode params) {
    }

    public record Evaluate(int cvFolds, List<String> metrics) {
    }

    public record Tune(boolean enabled, String method, Map<String, List<JsonNode>> grid, int cvFolds) {
    }

    public record Deploy(boolean bundle) {
    }

    /** The directory relative paths in this config are resolved against. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
