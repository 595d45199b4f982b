package org.workbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a run's {@code predictions.csv} (row, prediction, prob_&lt;class&gt;..., split, truth),
 * read back for the report's ROC, precision-recall and residual charts.
 */
record PredictionRows(List<String> header, List<String[]> rows) {

    static PredictionRows read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) {
                    rows.add(split(lines.get(i)));
                }
            }
            return new PredictionRows(List.of(split(lines.get(0))), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    int column(String name) {
        return header.indexOf(name);
    }

    /** The values of one column for the rows of one split ("train" or "test"). */
    List<String> values(String name, String split) {
        int c = column(name);
        int s = column("split");
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            if (split == null || s < 0 || row[s].equals(split)) {
                out.add(row[c]);
            }
        }
        return out;
    }

    double[] numbers(String name, String split) {
        return values(name, split).stream().mapToDouble(v -> v.isEmpty() ? Double.NaN : Double.parseDouble(v)).toArray();
    }

    /** One CSV line; double quotes may wrap a field, and "" inside is a quote. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out.toArray(String[]::new);
    }
}
