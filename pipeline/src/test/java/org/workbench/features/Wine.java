package org.workbench.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** All 178 wine rows, each measurement standardised (population deviation, as scikit-learn's StandardScaler). */
final class Wine {
    private Wine() {
    }

    static Frame standardised() {
        try {
            List<String> lines = Files.readAllLines(Path.of("../datasets/wine/data.csv"), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",");
            List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
            Table table = Table.create("wine");
            for (int c = 1; c < header.length; c++) {
                int field = c;
                double[] v = rows.stream().mapToDouble(r -> Double.parseDouble(r[field])).toArray();
                double mean = Arrays.stream(v).average().orElseThrow();
                double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
                table.addColumns(DoubleColumn.create(header[c], Arrays.stream(v).map(x -> (x - mean) / sd).toArray()));
            }
            return new Frame(table, Target.labels("class", rows.stream().map(r -> r[0]).toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sample variance (n - 1) of a column. */
    static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
    }

    static double covariance(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
