package org.workbench.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.workbench.run.DataSource;

/**
 * The readable part of a model bundle: what the model predicts, which raw columns it needs and how
 * to read them, how well it scored, and where it came from (config, data hash, seed, versions).
 */
public record Manifest(int format, String name, String task, String target, List<String> classes,
                       String positiveClass, String model, List<DataSource.InputColumn> inputColumns,
                       List<String> requiredColumns, List<String> missingValues, String delimiter, String quote,
                       Map<String, Double> testMetrics, String dataFile, String dataSha256, long seed,
                       Map<String, String> versions, JsonNode config) {

    public static final int FORMAT = 1;
}
