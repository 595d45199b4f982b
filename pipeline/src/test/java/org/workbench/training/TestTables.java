package org.workbench.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Small processed tables built by hand from the shipped data sets. */
public final class TestTables {
    private TestTables() {
    }

    /** Iris: the four measurements as features, species as the target (150 rows, 50 per class). */
    public static Frame iris() {
        List<String[]> rows = read("iris");
        String[] names = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
        String[] species = rows.stream().map(r -> r[4]).toArray(String[]::new);
        return new Frame(numeric(rows, names, new int[] {0, 1, 2, 3}), Target.labels("species", species));
    }

    /** Auto MPG: the seven numeric columns as features, mpg as the target; rows with a '?' are dropped. */
    public static Frame autoMpg() {
        List<String[]> rows = read("auto_mpg").stream().filter(r -> !Arrays.asList(r).contains("?")).toList();
        String[] names = {"cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year", "origin"};
        double[] mpg = rows.stream().mapToDouble(r -> Double.parseDouble(r[0])).toArray();
        return new Frame(numeric(rows, names, new int[] {1, 2, 3, 4, 5, 6, 7}), Target.values("mpg", mpg));
    }

    /** Each column shifted to mean 0 and divided by its (population) standard deviation. */
    public static Table standardised(Table table) {
        Table out = Table.create(table.name());
        for (String name : table.columnNames()) {
            double[] v = table.doubleColumn(name).asDoubleArray();
            double mean = Arrays.stream(v).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
            out.addColumns(DoubleColumn.create(name, Arrays.stream(v).map(x -> (x - mean) / sd).toArray()));
        }
        return out;
    }

    private static Table numeric(List<String[]> rows, String[] names, int[] fields) {
        Table table = Table.create("features");
        for (int j = 0; j < names.length; j++) {
            int field = fields[j];
            table.addColumns(DoubleColumn.create(names[j], rows.stream().mapToDouble(r -> Double.parseDouble(r[field])).toArray()));
        }
        return table;
    }

    private static List<String[]> read(String dataset) {
        try {
            List<String> lines = Files.readAllLines(Path.of("../datasets", dataset, "data.csv"), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
