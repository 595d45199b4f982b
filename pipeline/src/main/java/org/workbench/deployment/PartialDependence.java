package org.workbench.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.data.Predictions;
import org.workbench.recipe.ApplyLog;
import org.workbench.stats.Quantiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The partial dependence of a bundle's predictions on one raw input column: the average output over
 * a sample of training rows when that column is set to each value of a grid, every other column kept.
 * The output is each class's probability (the share of rows predicted as the class for a model
 * without probabilities) or the predicted value. Kept cheap and bounded: at most {@value #ROWS}
 * training rows (evenly spaced over the training split, so no random draw) and at most
 * {@value #GRID} values per column (quantiles from 5% to 95% of a number, the most frequent levels
 * of a category, in name order), so one column costs at most {@value #ROWS} x {@value #GRID} predictions.
 * {@code spread} is the largest rise or fall of any curve: the columns with the largest are shown.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartialDependence(String column, List<Double> values, List<String> levels,
                                Map<String, List<Double>> curves, double spread, int rows) {
    public static final int ROWS = 200;
    public static final int GRID = 10;

    /** The {@code top} columns of {@code columns} whose curves move most, largest first (ties by name). */
    public static List<PartialDependence> top(Bundle bundle, Table trainingRows, List<String> columns, int top) {
        Table sample = sample(trainingRows);
        List<PartialDependence> all = new ArrayList<>();
        for (String column : columns) {
            if (sample.containsColumn(column)) {
                all.add(of(bundle, sample, column));
            }
        }
        all.sort(Comparator.comparingDouble(PartialDependence::spread).reversed().thenComparing(PartialDependence::column));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    static Table sample(Table rows) {
        if (rows.rowCount() <= ROWS) {
            return rows;
        }
        int[] picked = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            picked[i] = (int) ((long) i * rows.rowCount() / ROWS);
        }
        return rows.rows(picked);
    }

    static PartialDependence of(Bundle bundle, Table sample, String name) {
        Column<?> column = sample.column(name);
        List<Double> values = null;
        List<String> levels = null;
        List<Object> grid = new ArrayList<>();
        if (column instanceof DoubleColumn d) {
            double[] sorted = Arrays.stream(d.asDoubleArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
            values = new ArrayList<>();
            for (int k = 0; k < GRID && sorted.length > 0; k++) {
                double v = Quantiles.of(sorted, 0.05 + 0.9 * k / (GRID - 1));
                if (values.isEmpty() || v > values.get(values.size() - 1)) {
                    values.add(v);
                }
            }
            grid.addAll(values);
        } else {
            Map<String, Integer> counts = new TreeMap<>();
            for (String v : ((StringColumn) column).asObjectArray()) {
                if (!v.isEmpty()) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
            levels = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(GRID).map(Map.Entry::getKey).sorted().toList();
            grid.addAll(levels);
        }
        int n = sample.rowCount();
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        String target = bundle.manifest().target();
        if (!grid.isEmpty()) {
            Table all = sample.emptyCopy();
            for (Object value : grid) {
                Table copy = sample.copy();
                copy.replaceColumn(name, withValue(column, value, n));
                all.append(copy);
            }
            Predictions p = bundle.predict(all, new ApplyLog());
            if (p.labels() == null) {
                curves.put("predicted " + target, averages(grid.size(), n, i -> p.values()[i]));
            } else {
                for (int c = 0; c < p.classes().size(); c++) {
                    String label = p.classes().get(c);
                    int k = c;
                    curves.put((p.hasProbabilities() ? "P(" : "share predicted (") + target + "=" + label + ")",
                            averages(grid.size(), n, i -> p.hasProbabilities() ? p.probabilities()[i][k]
                                    : label.equals(p.labels()[i]) ? 1 : 0));
                }
                if (p.classes().size() == 2) { // one curve says it all
                    String positive = bundle.manifest().positiveClass() != null && p.classes().contains(bundle.manifest().positiveClass())
                            ? bundle.manifest().positiveClass() : p.classes().get(1);
                    curves.keySet().removeIf(k -> !k.endsWith("=" + positive + ")"));
                }
            }
        }
        double spread = 0;
        for (List<Double> curve : curves.values()) {
            double lo = curve.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double hi = curve.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            spread = Math.max(spread, hi - lo);
        }
        return new PartialDependence(name, values, levels, curves, spread, n);
    }

    private static List<Double> averages(int gridSize, int n, java.util.function.IntToDoubleFunction output) {
        List<Double> out = new ArrayList<>(gridSize);
        for (int g = 0; g < gridSize; g++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += output.applyAsDouble(g * n + i);
            }
            out.add(sum / n);
        }
        return out;
    }

    /** {@code column}'s name and type, every one of {@code rows} cells set to {@code value} (a Double or a String). */
    public static Column<?> withValue(Column<?> column, Object value, int rows) {
        if (column instanceof DoubleColumn) {
            double[] values = new double[rows];
            Arrays.fill(values, (Double) value);
            return DoubleColumn.create(column.name(), values);
        }
        if (column instanceof StringColumn) {
            String[] values = new String[rows];
            Arrays.fill(values, (String) value);
            return StringColumn.create(column.name(), values);
        }
        throw new IllegalArgumentException("column " + column.name() + " is neither numbers nor text: " + column.type());
    }
}
