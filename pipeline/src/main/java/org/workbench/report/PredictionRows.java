package org.workbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test rows of a run's predictions (row, prediction, prob_&lt;class&gt;..., truth), column by
 * column, for the report's ROC, precision-recall and residual charts: read back from
 * {@code predictions.csv}, or handed over by the run that is writing it, numbers as numbers.
 */
record PredictionRows(Map<String, String[]> text, Map<String, double[]> numbers) {

    /** The rows of {@code predictions.csv} whose split is "test" (all rows when it has no split column). */
    static PredictionRows read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = split(lines.get(0));
            int splitColumn = Arrays.asList(header).indexOf("split");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) {
                    String[] row = split(lines.get(i));
                    if (splitColumn < 0 || row[splitColumn].equals("test")) {
                        rows.add(row);
                    }
                }
            }
            Map<String, String[]> columns = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                String[] values = new String[rows.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = rows.get(r)[c];
                }
                columns.put(header[c], values);
            }
            return new PredictionRows(columns, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    boolean has(String column) {
        return text.containsKey(column) || numbers.containsKey(column);
    }

    /** One column's values as text. */
    List<String> values(String column) {
        String[] values = text.get(column);
        if (values != null) {
            return Arrays.asList(values);
        }
        return Arrays.stream(numbers.get(column)).mapToObj(Double::toString).toList();
    }

    /** One column's values as numbers; an empty cell is NaN. */
    double[] numbers(String column) {
        double[] values = numbers.get(column);
        if (values != null) {
            return values;
        }
        return Arrays.stream(text.get(column)).mapToDouble(v -> v.isEmpty() ? Double.NaN : Double.parseDouble(v)).toArray();
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
