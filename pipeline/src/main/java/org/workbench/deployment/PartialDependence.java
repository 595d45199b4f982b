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

    /** Above this many input columns, a quick first pass ({@link #screen}) picks the columns to chart from. */
    static final int CANDIDATES = 20;
    /** Training rows per column in the first pass. */
    static final int SCREEN_ROWS = 10;
    /** Columns varied in one prediction call of the first pass. */
    private static final int SCREEN_CHUNK = 100;

    /**
     * The {@code top} columns of {@code columns} whose curves move most, largest first (ties by name).
     * Every candidate's curve is predicted on one stacked table of the sample ({@value #GRID} copies),
     * only the column under study swapped in: a copy of the table per grid value made wide files slow
     * (500 columns: 48 s, most of it Tablesaw checking column names). With more than
     * {@value #CANDIDATES} columns (or {@code top}, when larger), the candidates are those that move
     * the predictions most between their 5% and 95% values (or two most frequent levels) over
     * {@value #SCREEN_ROWS} rows, all columns varied in a few prediction calls, since one call per
     * column costs columns x columns.
     */
    public static List<PartialDependence> top(Bundle bundle, Table trainingRows, List<String> columns, int top) {
        List<String> present = columns.stream().filter(trainingRows::containsColumn).toList();
        int wanted = Math.max(top, CANDIDATES);
        Table sample = sample(trainingRows, ROWS);
        List<String> candidates = present.size() <= wanted ? present : screen(bundle, trainingRows, sample, present, wanted);
        Table stacked = repeated(sample, GRID);
        List<PartialDependence> all = new ArrayList<>();
        for (String column : candidates) {
            all.add(of(bundle, sample, stacked, column));
        }
        all.sort(Comparator.comparingDouble(PartialDependence::spread).reversed().thenComparing(PartialDependence::column));
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }

    /**
     * The {@code wanted} columns whose two end values ({@link #ends}, over the chart's sample {@code chartSample})
     * move the average prediction most over {@value #SCREEN_ROWS} evenly spaced training rows; ties by name,
     * columns kept in their order.
     */
    static List<String> screen(Bundle bundle, Table trainingRows, Table chartSample, List<String> columns, int wanted) {
        Table rows = sample(trainingRows, SCREEN_ROWS);
        int n = rows.rowCount();
        Map<String, Double> moved = new java.util.HashMap<>();
        for (int from = 0; from < columns.size(); from += SCREEN_CHUNK) {
            List<String> chunk = columns.subList(from, Math.min(columns.size(), from + SCREEN_CHUNK));
            // block 2i holds the rows with chunk column i at its low end, block 2i + 1 at its high end
            Table stacked = repeated(rows, 2 * chunk.size());
            List<String> varied = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                String name = chunk.get(i);
                List<Object> ends = ends(chartSample.column(name));
                if (ends.size() < 2) {
                    moved.put(name, 0.0); // one value: nothing to vary
                    continue;
                }
                Column<?> column = stacked.column(name).copy();
                for (int r = 0; r < n; r++) {
                    set(column, 2 * i * n + r, ends.get(0));
                    set(column, (2 * i + 1) * n + r, ends.get(ends.size() - 1));
                }
                stacked.replaceColumn(name, column);
                varied.add(name);
            }
            if (varied.isEmpty()) {
                continue;
            }
            double[][] outputs = outputs(bundle.predict(stacked, new ApplyLog()));
            for (int i = 0; i < chunk.size(); i++) {
                if (!varied.contains(chunk.get(i))) {
                    continue;
                }
                double most = 0;
                for (double[] output : outputs) {
                    double low = 0;
                    double high = 0;
                    for (int r = 0; r < n; r++) {
                        low += output[2 * i * n + r];
                        high += output[(2 * i + 1) * n + r];
                    }
                    most = Math.max(most, Math.abs(high - low) / n);
                }
                moved.put(chunk.get(i), most);
            }
        }
        java.util.Set<String> picked = new java.util.HashSet<>(columns.stream()
                .sorted(Comparator.comparingDouble((String c) -> moved.get(c)).reversed().thenComparing(c -> c))
                .limit(wanted).toList());
        return columns.stream().filter(picked::contains).toList();
    }

    /** A number's 5% and 95% quantiles, a category's two most frequent levels (ties by name); fewer when there are not two. */
    private static List<Object> ends(Column<?> column) {
        if (column instanceof DoubleColumn) {
            List<Object> values = grid(column).values();
            return values.size() < 2 ? values : List.of(values.get(0), values.get(values.size() - 1));
        }
        return new ArrayList<>(levelsByCount((StringColumn) column).stream().limit(2).toList());
    }

    /**
     * {@code rows} {@code times} over, built column by column: {@code Table.append} finds each column by
     * name, so appending 200 copies of a 2,000-column table took over a minute.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Table repeated(Table rows, int times) {
        List<Column<?>> columns = new ArrayList<>();
        for (Column<?> column : rows.columns()) {
            Column out = column.emptyCopy();
            for (int t = 0; t < times; t++) {
                out.append(column);
            }
            columns.add(out);
        }
        return Table.create(rows.name(), columns);
    }

    /** Each output of the predictions as one row-indexed array: the class probabilities (or shares), or the value. */
    private static double[][] outputs(Predictions p) {
        if (p.labels() == null) {
            return new double[][] {p.values()};
        }
        double[][] out = new double[p.classes().size()][p.labels().length];
        for (int c = 0; c < out.length; c++) {
            String label = p.classes().get(c);
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = p.hasProbabilities() ? p.probabilities()[i][c] : label.equals(p.labels()[i]) ? 1 : 0;
            }
        }
        return out;
    }

    private static void set(Column<?> column, int row, Object value) {
        if (column instanceof DoubleColumn d) {
            d.set(row, (double) (Double) value);
        } else if (column instanceof StringColumn t) {
            t.set(row, (String) value);
        } else {
            throw new IllegalArgumentException("column " + column.name() + " is neither numbers nor text: " + column.type());
        }
    }

    /** At most {@code size} rows, evenly spaced (no random draw); all of them when there are no more. */
    static Table sample(Table rows, int size) {
        if (rows.rowCount() <= size) {
            return rows;
        }
        int[] picked = new int[size];
        for (int i = 0; i < size; i++) {
            picked[i] = (int) ((long) i * rows.rowCount() / size);
        }
        return rows.rows(picked);
    }

    /** A column's grid: its quantiles (numbers) or most frequent levels (text), in ascending order. */
    private record Grid(List<Double> numbers, List<String> levels) {
        List<Object> values() {
            return new ArrayList<>(numbers != null ? numbers : levels);
        }
    }

    private static Grid grid(Column<?> column) {
        if (column instanceof DoubleColumn d) {
            double[] sorted = Arrays.stream(d.asDoubleArray()).filter(v -> !Double.isNaN(v)).sorted().toArray();
            List<Double> values = new ArrayList<>();
            for (int k = 0; k < GRID && sorted.length > 0; k++) {
                double v = Quantiles.of(sorted, 0.05 + 0.9 * k / (GRID - 1));
                if (values.isEmpty() || v > values.get(values.size() - 1)) {
                    values.add(v);
                }
            }
            return new Grid(values, null);
        }
        return new Grid(null, levelsByCount((StringColumn) column).stream().limit(GRID).sorted().toList());
    }

    /** A text column's non-empty levels, most frequent first (ties by name). */
    private static List<String> levelsByCount(StringColumn column) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String v : column.asObjectArray()) {
            if (!v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * One column's curves: {@code stacked} is {@code sample} {@value #GRID} times over; block g gets grid
     * value g (the last value again past the grid's end, predicted but not averaged). The stacked
     * table's own column is put back afterwards.
     */
    static PartialDependence of(Bundle bundle, Table sample, Table stacked, String name) {
        Column<?> column = sample.column(name);
        Grid fitted = grid(column);
        List<Double> values = fitted.numbers();
        List<String> levels = fitted.levels();
        List<Object> grid = fitted.values();
        int n = sample.rowCount();
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        String target = bundle.manifest().target();
        if (!grid.isEmpty()) {
            Column<?> own = stacked.column(name);
            Column<?> varied = own.copy();
            for (int g = 0; g < GRID; g++) {
                Object value = grid.get(Math.min(g, grid.size() - 1));
                for (int r = 0; r < n; r++) {
                    set(varied, g * n + r, value);
                }
            }
            Predictions p;
            stacked.replaceColumn(name, varied);
            try {
                p = bundle.predict(stacked, new ApplyLog());
            } finally {
                stacked.replaceColumn(name, own);
            }
            double[][] outputs = outputs(p);
            if (p.labels() == null) {
                curves.put("predicted " + target, averages(grid.size(), n, outputs[0]));
            } else {
                for (int c = 0; c < p.classes().size(); c++) {
                    curves.put((p.hasProbabilities() ? "P(" : "share predicted (") + target + "=" + p.classes().get(c) + ")",
                            averages(grid.size(), n, outputs[c]));
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

    private static List<Double> averages(int gridSize, int n, double[] output) {
        List<Double> out = new ArrayList<>(gridSize);
        for (int g = 0; g < gridSize; g++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += output[g * n + i];
            }
            out.add(sum / n);
        }
        return out;
    }
}
