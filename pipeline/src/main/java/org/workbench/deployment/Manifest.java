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
 * {@code integrity} (format 2 on) holds the SHA-256 and size of every other entry of the bundle and the
 * SHA-256 of this manifest itself; {@link Bundle#read} checks them. Format 1 bundles have none.
 */
public record Manifest(int format, String name, String task, String target, List<String> classes,
                       String positiveClass, String model, List<DataSource.InputColumn> inputColumns,
                       List<String> requiredColumns, List<String> missingValues, String delimiter, String quote, Boolean header,
                       String decimal, String thousands, String encoding,
                       Map<String, Double> testMetrics, String dataFile, String dataSha256, long seed,
                       Map<String, String> versions, JsonNode config,
                       DecisionThreshold threshold, Integrity integrity) {

    /** 2: the manifest carries {@link Integrity}. 1: no hashes (still read, with a warning). */
    public static final int FORMAT = 2;

    /** The oldest format still read. */
    public static final int OLDEST_FORMAT = 1;

    /**
     * What the bundle's entries must be: per entry name, its SHA-256 (hex) and size in bytes; and the
     * SHA-256 of manifest.json as written with {@code manifest} set to null.
     */
    public record Integrity(String manifest, Map<String, Entry> entries) {
        public record Entry(String sha256, long bytes) {
        }
    }

    /** A manifest before its bundle is written: {@link Bundle#write} adds the integrity block. */
    public Manifest(int format, String name, String task, String target, List<String> classes,
                    String positiveClass, String model, List<DataSource.InputColumn> inputColumns,
                    List<String> requiredColumns, List<String> missingValues, String delimiter, String quote, Boolean header,
                    String decimal, String thousands, String encoding,
                    Map<String, Double> testMetrics, String dataFile, String dataSha256, long seed,
                    Map<String, String> versions, JsonNode config,
                    DecisionThreshold threshold) {
        this(format, name, task, target, classes, positiveClass, model, inputColumns, requiredColumns, missingValues,
                delimiter, quote, header, decimal, thousands, encoding, testMetrics, dataFile, dataSha256, seed, versions,
                config, threshold, null);
    }

    /** The same manifest with the given integrity block. */
    public Manifest withIntegrity(Integrity integrity) {
        return new Manifest(format, name, task, target, classes, positiveClass, model, inputColumns, requiredColumns,
                missingValues, delimiter, quote, header, decimal, thousands, encoding, testMetrics, dataFile, dataSha256,
                seed, versions, config, threshold, integrity);
    }

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
