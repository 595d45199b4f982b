package org.workbench.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.workbench.collection.DataSource;
import org.workbench.config.Suggest;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.Manifest;
import org.workbench.features.FrequencyEncoder;
import org.workbench.features.OneHotEncoder;
import org.workbench.features.OrdinalEncoder;
import org.workbench.features.TargetEncoder;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The bundle's raw input columns and how a JSON cell becomes a table cell, by the same rules the
 * bundle's CSV reading follows ({@code CsvSource.loadForModel}): a number column holds numbers,
 * missing as NaN; a text column holds text, missing as ""; a cell equal to one of the training
 * file's missing markers is missing. JSON is typed, so a cell of the wrong type (text in a number
 * column, a list, an object) is refused with its row and column instead of being read as missing.
 * Columns the model does not use and the target are ignored, as {@code workbench predict} ignores them.
 */
final class InputSchema {
    static final String NUMERIC = "numeric";

    private final List<DataSource.InputColumn> columns;
    private final List<String> required;
    private final Set<String> markers;
    private final Map<String, List<String>> levels;

    InputSchema(Bundle bundle) {
        Manifest m = bundle.manifest();
        this.columns = List.copyOf(m.inputColumns());
        this.required = List.copyOf(m.requiredColumns());
        this.markers = new HashSet<>(m.missingValues());
        this.levels = knownLevels(bundle.recipe().steps(), columns);
    }

    List<DataSource.InputColumn> columns() {
        return columns;
    }

    List<String> required() {
        return required;
    }

    /** For each text input column an encoder knows the levels of, those levels (sorted). */
    Map<String, List<String>> levels() {
        return levels;
    }

    /** The request's rows as a raw feature table with the training types, ready for {@code Bundle.predict}. */
    Table table(JsonRows rows) {
        List<String> missing = required.stream().filter(c -> !rows.hasColumn(c)).toList();
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            // suggest only among the request's columns the model does not know: a misspelling, not another column
            List<String> unknown = rows.columnNames().stream().filter(c -> columns.stream().noneMatch(k -> k.name().equals(c))).toList();
            String nearest = Suggest.nearest(first, unknown);
            throw BadRequest.invalid("missing column" + (missing.size() == 1 ? " '" + first + "'" : "s " + missing)
                    + (nearest == null ? "" : " (did you mean '" + nearest + "'?)") + "; the model needs " + required);
        }
        int n = rows.size();
        Table table = Table.create("request");
        for (DataSource.InputColumn column : columns) {
            String name = column.name();
            boolean isRequired = required.contains(name);
            if (!isRequired && !rows.hasColumn(name)) {
                continue; // a column the recipe drops: scored without it, as predict does with a file that lacks it
            }
            if (NUMERIC.equals(column.type())) {
                double[] values = new double[n];
                for (int r = 0; r < n; r++) {
                    values[r] = number(rows.cell(r, name), r, name, isRequired);
                }
                table.addColumns(DoubleColumn.create(name, values));
            } else {
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    values[r] = text(rows.cell(r, name), r, name, isRequired);
                }
                table.addColumns(StringColumn.create(name, values));
            }
        }
        return table;
    }

    private double number(JsonNode cell, int row, String column, boolean required) {
        if (cell == null) {
            absent(row, column, required);
            return Double.NaN;
        }
        if (cell.isNumber()) {
            return cell.doubleValue();
        }
        if (cell.isNull() || cell.isTextual() && isMissing(cell.textValue())) {
            return Double.NaN;
        }
        throw BadRequest.invalid("row " + (row + 1) + ", column '" + column + "': expected a number or null, got "
                + JsonRows.kind(cell) + " " + shown(cell));
    }

    private String text(JsonNode cell, int row, String column, boolean required) {
        if (cell == null) {
            absent(row, column, required);
            return "";
        }
        if (cell.isTextual()) {
            return isMissing(cell.textValue()) ? "" : cell.textValue();
        }
        if (cell.isNull()) {
            return "";
        }
        if (cell.isNumber()) {
            // a category written as a number (Pclass 3): the text a CSV cell would have held
            return cell.isIntegralNumber() ? cell.asText() : cell.numberValue().toString();
        }
        throw BadRequest.invalid("row " + (row + 1) + ", column '" + column + "': expected text, a number or null, got "
                + JsonRows.kind(cell) + " " + shown(cell));
    }

    private static void absent(int row, String column, boolean required) {
        if (required) {
            throw BadRequest.invalid("row " + (row + 1) + " has no column '" + column + "' (give null for a missing value)");
        }
    }

    private boolean isMissing(String text) {
        return text.isEmpty() || markers.contains(text);
    }

    private static String shown(JsonNode cell) {
        String s = cell.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The first encoder that reads a raw text column names the levels it learned for it. */
    private static Map<String, List<String>> knownLevels(List<FittedStep> steps, List<DataSource.InputColumn> columns) {
        Set<String> text = new HashSet<>();
        columns.stream().filter(c -> !NUMERIC.equals(c.type())).forEach(c -> text.add(c.name()));
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (FittedStep step : steps) {
            List<Map.Entry<String, List<String>>> found = new ArrayList<>();
            if (step instanceof OneHotEncoder.Fitted e) {
                e.columns().forEach(c -> found.add(Map.entry(c.column(), union(c.levels(), c.rare()))));
            } else if (step instanceof OrdinalEncoder.Fitted e) {
                e.columns().forEach(c -> found.add(Map.entry(c.column(), c.levels())));
            } else if (step instanceof FrequencyEncoder.Fitted e) {
                e.columns().forEach(c -> found.add(Map.entry(c.column(), c.levels())));
            } else if (step instanceof TargetEncoder.Fitted e) {
                e.columns().forEach(c -> found.add(Map.entry(c.column(), c.levels())));
            }
            for (Map.Entry<String, List<String>> f : found) {
                if (text.contains(f.getKey())) {
                    levels.putIfAbsent(f.getKey(), List.copyOf(new TreeSet<>(f.getValue())));
                }
            }
        }
        return levels;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
