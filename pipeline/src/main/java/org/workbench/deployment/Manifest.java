package org.workbench.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.workbench.table.DataConfig;
import org.workbench.evaluation.DecisionThreshold;
import org.workbench.collection.DataSource;

/**
 * The readable part of a model bundle: what the model predicts, which raw columns it needs and how
 * to read them, how well it scored, and where it came from (config, data hash, seed, versions).
 * {@code header} says whether the training file had a header row (absent in older bundles: it had).
 * {@code decimal}, {@code thousands} and {@code encoding} are the training file's resolved number
 * format and encoding (absent in older bundles: '.', none, UTF-8).
 * {@code threshold} is the decision threshold of a binary model, applied to every prediction; null
 * (or absent in older bundles) means the most probable class.
 */
public record Manifest(int format, String name, String task, String target, List<String> classes,
                       String positiveClass, String model, List<DataSource.InputColumn> inputColumns,
                       List<String> requiredColumns, List<String> missingValues, String delimiter, String quote, Boolean header,
                       String decimal, String thousands, String encoding,
                       Map<String, Double> testMetrics, String dataFile, String dataSha256, long seed,
                       Map<String, String> versions, JsonNode config,
                       DecisionThreshold threshold) {

    public static final int FORMAT = 1;

    /** Rows to score are read like the training file: with a header row, or with columns named C0, C1, ... */
    public boolean hasHeader() {
        return header == null || header;
    }

    /** The reading settings of the training file, for rows to score. */
    public DataConfig dataConfig(java.nio.file.Path input, Map<String, String> columnTypes) {
        char thousandsChar = thousands == null || thousands.equals("none") ? DataConfig.NONE : thousands.charAt(0);
        return new DataConfig(input, delimiter.charAt(0), quote.charAt(0), hasHeader(), missingValues, columnTypes,
                new DataConfig.Split(0.2, false), decimal == null ? '.' : decimal.charAt(0), thousandsChar,
                encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding));
    }
}
