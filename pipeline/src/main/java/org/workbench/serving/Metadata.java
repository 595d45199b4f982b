package org.workbench.serving;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.collection.DataSource;
import org.workbench.collection.FileHash;
import org.workbench.core.Versions;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.Manifest;

/**
 * What {@code /metadata} and {@code /version} say about the served model, built once at start from
 * the bundle's manifest: input columns with their types, whether each is required, and the levels
 * the fitted encoders know; task, classes, decision threshold; the test metrics recorded at training;
 * the training data's hash and the bundle file's own; the versions it was trained and is served with.
 */
final class Metadata {
    private final String name;
    private final Map<String, Object> document;
    private final Map<String, Object> versions;

    Metadata(Bundle bundle, Path bundleFile, InputSchema schema) {
        Manifest m = bundle.manifest();
        this.name = m.name();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (DataSource.InputColumn c : schema.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("type", c.type());
            column.put("required", schema.required().contains(c.name()));
            List<String> levels = schema.levels().get(c.name());
            if (levels != null) {
                column.put("levels", levels);
            }
            inputs.add(column);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("serving", Versions.all());
        v.put("trained_with", m.versions());
        v.put("bundle_format", m.format());
        this.versions = v;

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", m.name());
        d.put("task", m.task());
        d.put("target", m.target());
        d.put("model", m.model());
        d.put("classes", m.classes());
        d.put("positive_class", m.positiveClass());
        d.put("threshold", m.threshold());
        d.put("input_columns", inputs);
        d.put("training_metrics", Map.of("test", m.testMetrics() == null ? Map.of() : m.testMetrics()));
        d.put("data", mapOf("file", m.dataFile(), "sha256", m.dataSha256()));
        d.put("bundle", mapOf("file", bundleFile.getFileName().toString(), "sha256", FileHash.sha256(bundleFile)));
        d.put("seed", m.seed());
        d.put("versions", v);
        d.put("protocol", mapOf("invocations", "POST application/json (dataframe_split, dataframe_records, instances;"
                + " params.probabilities) or text/csv (?probabilities=true)", "answer", "{\"predictions\": [...]}"));
        this.document = d;
    }

    String name() {
        return name;
    }

    Map<String, Object> document() {
        return document;
    }

    Map<String, Object> versions() {
        return versions;
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
