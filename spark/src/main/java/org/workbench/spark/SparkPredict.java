package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.workbench.core.InputException;
import org.workbench.core.Json;
import org.workbench.run.EngineConfig;
import org.workbench.table.DataConfig;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * {@code workbench predict --model model.spark}: the saved PipelineModel scores a CSV read with the
 * training run's dialect and column types, in Spark {@code local[*]}; the rows go to a folder of
 * part files, each input row with its prediction (and class probabilities).
 */
final class SparkPredict {
    private SparkPredict() {
    }

    static String predict(Path model, Path input, Path output) {
        if (Files.exists(output)) {
            throw new InputException("--output " + output + ": exists; Spark writes a new folder, so name one that does not exist");
        }
        JsonNode manifest;
        try {
            manifest = Json.MAPPER.readTree(model.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new InputException("--model " + model + ": cannot read its manifest.json: " + e.getMessage());
        }
        Map<String, String> types = new LinkedHashMap<>();
        manifest.path("column_types").fields().forEachRemaining(f -> types.put(f.getKey(), f.getValue().asText()));
        JsonNode d = manifest.path("dialect");
        List<String> missing = new ArrayList<>();
        d.path("missing_values").forEach(v -> missing.add(v.asText()));
        SparkSession spark = Sessions.start(new EngineConfig(SparkEngine.NAME, EngineConfig.DEFAULT_MASTER, Map.of()), "predict");
        // the header tells which columns the file has; the training types apply to those the model knows
        Dataset<Row> header = spark.read().option("header", d.path("header").asBoolean(true)).option("sep", d.path("delimiter").asText(","))
                .option("quote", d.path("quote").asText("\"")).option("encoding", d.path("encoding").asText("UTF-8"))
                .csv(input.toAbsolutePath().toString());
        List<String> present = List.of(header.columns());
        for (JsonNode required : manifest.path("required_columns")) {
            if (!present.contains(required.asText())) {
                throw new InputException("--input " + input + ": no column '" + required.asText() + "', which the model needs");
            }
        }
        Map<String, String> forced = new LinkedHashMap<>();
        for (String c : present) {
            forced.put(c, types.getOrDefault(c, DataConfig.CATEGORICAL));
        }
        String delimiter = d.path("delimiter").asText(",");
        DataConfig data = new DataConfig(input.toAbsolutePath(), delimiter.charAt(0), d.path("quote").asText("\"").charAt(0),
                d.path("header").asBoolean(true), missing, forced, new DataConfig.Split(0.2, false), '.', DataConfig.NONE,
                Charset.forName(d.path("encoding").asText("UTF-8")));
        Dataset<Row> rows = SparkData.read(spark, data).rows();
        Dataset<Row> scored = PipelineModel.load(model.resolve("pipeline").toAbsolutePath().toString()).transform(rows);
        List<Column> out = new ArrayList<>();
        for (String c : present) {
            out.add(col(SparkData.quoted(c)).cast("string").as(c));
        }
        List<String> classes = new ArrayList<>();
        manifest.path("classes").forEach(c -> classes.add(c.asText()));
        if (!classes.isEmpty()) {
            out.add(functions.element_at(functions.array(classes.stream().map(functions::lit).toArray(Column[]::new)),
                    col(SparkRun.PREDICTION).cast("int").plus(1)).as("prediction"));
            if (List.of(scored.columns()).contains(SparkRun.PROBABILITY)) {
                Column probs = org.apache.spark.ml.functions.vector_to_array(col(SparkRun.PROBABILITY), "float64");
                for (int c = 0; c < classes.size(); c++) {
                    out.add(functions.element_at(probs, c + 1).as("prob_" + classes.get(c)));
                }
            }
        } else {
            out.add(col(SparkRun.PREDICTION).cast("string").as("prediction"));
        }
        scored.select(out.toArray(Column[]::new)).write().option("header", "true").csv(output.toAbsolutePath().toString());
        rows.unpersist();
        return "predictions: " + output + "/part-*.csv";
    }
}
