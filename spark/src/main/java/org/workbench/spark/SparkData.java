package org.workbench.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.workbench.core.InputException;
import org.workbench.table.DataConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The CSV as Spark reads it, with the config's dialect: delimiter (sniffed from the header line when
 * {@code auto}), quote, header, encoding, missing markers; then each column's type by the core's rule
 * (numeric when every present cell is a number, unless {@code data.column_types} says otherwise), decided
 * in one pass of aggregates.
 */
final class SparkData {
    private SparkData() {
    }

    /** The typed rows (persisted), the column types in file order, and the dialect used. */
    record Read(Dataset<Row> rows, Map<String, String> types, char delimiter, boolean sniffed) {
        List<String> columns(String type) {
            return types.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).toList();
        }
    }

    static Read read(SparkSession spark, DataConfig data) {
        Path file = data.source();
        if (!Files.isRegularFile(file)) {
            throw new InputException("data.source: " + file + " not found; give a CSV file relative to the config");
        }
        if (org.workbench.table.CsvSource.startsWithSeparatorLine(data)) {
            throw new InputException(file + ": line 1 is Excel's 'sep=' line, which Spark's CSV reader would take for the header;"
                    + " remove that line (and set data.delimiter to the character it names) to read the file on Spark");
        }
        boolean sniffed = data.delimiter() == DataConfig.AUTO;
        char delimiter = sniffed ? sniff(file, data) : data.delimiter();
        Dataset<Row> raw = spark.read()
                .option("header", data.header())
                .option("sep", String.valueOf(delimiter))
                .option("quote", String.valueOf(data.quote()))
                .option("escape", String.valueOf(data.quote())) // a doubled quote inside quotes, as RFC 4180 writes it
                .option("encoding", data.encoding().name())
                .option("inferSchema", "false")
                .option("mode", "FAILFAST")
                .option("ignoreLeadingWhiteSpace", "true")
                .option("ignoreTrailingWhiteSpace", "true")
                .csv(file.toAbsolutePath().toString());
        for (String name : raw.columns()) {
            if (name.startsWith("__")) {
                throw new InputException(file + ": column '" + name + "': names starting with __ are the Spark engine's own; rename it");
            }
        }
        List<String> names = List.of(raw.columns());
        data.columnTypes().keySet().forEach(c -> {
            if (!names.contains(c)) {
                throw new InputException("data.column_types." + c + ": no column '" + c + "' in " + file);
            }
        });
        Object[] markers = data.missingValues().toArray();
        List<Column> marked = new ArrayList<>();
        for (String name : names) {
            Column c = col(quoted(name));
            marked.add(markers.length == 0 ? c.as(name) : when(c.isin(markers), lit(null).cast("string")).otherwise(c).as(name));
        }
        Dataset<Row> strings = raw.select(marked.toArray(Column[]::new));
        // one pass: for every column, how many present cells are not numbers
        List<Column> checks = new ArrayList<>();
        for (String name : names) {
            Column c = col(quoted(name));
            checks.add(functions.sum(when(c.isNotNull().and(c.cast("double").isNull()), 1).otherwise(0)).as("bad_" + checks.size()));
            checks.add(functions.count(c).as("present_" + (checks.size() - 1)));
        }
        Row counts = strings.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first();
        Map<String, String> types = new LinkedHashMap<>();
        List<Column> typed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            long bad = counts.isNullAt(2 * i) ? 0 : counts.getLong(2 * i);
            long present = counts.getLong(2 * i + 1);
            String forced = data.columnTypes().get(name);
            String type = forced != null ? forced : bad == 0 && present > 0 ? DataConfig.NUMERIC : DataConfig.CATEGORICAL;
            if (type.equals(DataConfig.NUMERIC) && bad > 0) {
                throw new InputException("data.column_types." + name + ": numeric, but " + bad + " cells of '" + name
                        + "' are not numbers; add their code to data.missing_values or make it categorical");
            }
            types.put(name, type);
            Column c = col(quoted(name));
            typed.add(type.equals(DataConfig.NUMERIC) ? c.cast("double").as(name) : c.as(name));
        }
        Dataset<Row> rows = strings.select(typed.toArray(Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
        return new Read(rows, types, delimiter, sniffed);
    }

    /** A column name as Spark's col() reads it literally (dots and spaces included). */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A numeric target's value as a class label: 1.0 reads "1", as in the local engine. */
    static Column labelText(Column c, boolean numeric) {
        if (!numeric) {
            return c;
        }
        return functions.when(c.equalTo(functions.floor(c)).and(functions.abs(c).lt(1e15)), c.cast("long").cast("string"))
                .otherwise(c.cast("string"));
    }

    /** The most frequent of , ; tab | on the first line (the core's candidates). */
    private static char sniff(Path file, DataConfig data) {
        try (BufferedReader r = Files.newBufferedReader(file, data.encoding())) {
            String line = r.readLine();
            if (line == null) {
                throw new InputException("data.source: " + file + " is empty");
            }
            char best = ',';
            long most = -1;
            for (char c : new char[] {',', ';', '\t', '|'}) {
                long n = line.chars().filter(x -> x == c).count();
                if (n > most) {
                    most = n;
                    best = c;
                }
            }
            return best;
        } catch (IOException e) {
            throw new InputException("data.source: cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * A number in [0, 1) from a seeded hash of the row's values: the same for a row whatever the
     * partitioning or the number of executors, so the split and the folds do not depend on the cluster.
     */
    static Column unit(long seed, String[] columns) {
        List<Column> cols = new ArrayList<>();
        cols.add(lit(seed));
        for (String c : columns) {
            cols.add(col(quoted(c)));
        }
        Column h = functions.xxhash64(cols.toArray(Column[]::new));
        return functions.pmod(h, lit(1_000_000_007L)).cast("double").divide(1_000_000_007.0);
    }
}
