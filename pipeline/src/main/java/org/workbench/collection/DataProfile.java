package org.workbench.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;
import org.workbench.table.DataWarning;

/**
 * A first look at a table: its size, exact duplicate rows, a profile per column, and how the
 * target is distributed (label counts and the largest-to-smallest class ratio for a categorical target,
 * quartiles for a numeric one), and the data-quality warnings of {@link DataWarnings}.
 * Absent parts are null, so the record writes cleanly as JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataProfile(int rows, int columns, int duplicateRows, List<ColumnProfile> columnProfiles,
                          String target, Map<String, Integer> targetDistribution, Double imbalanceRatio,
                          Quartiles targetQuartiles, List<DataWarning> warnings) {

    /** Five-number summary; quartiles interpolate linearly between order statistics (numpy's default). */
    public record Quartiles(double min, double q1, double median, double q3, double max) {
    }

    public DataProfile {
        columnProfiles = List.copyOf(columnProfiles);
        warnings = List.copyOf(warnings);
    }

    /** The same profile with the linter's warnings. */
    public DataProfile withWarnings(List<DataWarning> found) {
        return new DataProfile(rows, columns, duplicateRows, columnProfiles, target, targetDistribution, imbalanceRatio,
                targetQuartiles, found);
    }

    /** Profiles every column; {@code targetColumn} may be null when there is no target yet. */
    public static DataProfile of(Table table, String targetColumn) {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            profiles.add(ColumnProfile.of(column));
        }
        Map<String, Integer> distribution = null;
        Quartiles quartiles = null;
        if (targetColumn != null) {
            if (!table.columnNames().contains(targetColumn)) {
                String nearest = Suggest.nearest(targetColumn, table.columnNames());
                throw new InputException("problem.target: no column '" + targetColumn + "' in the data"
                        + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
            }
            Column<?> target = table.column(targetColumn);
            if (target instanceof NumericColumn<?> numbers) {
                quartiles = quartiles(numbers);
            } else {
                distribution = distribution(target);
            }
        }
        Double imbalance = null;
        if (distribution != null && !distribution.isEmpty()) {
            int most = distribution.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            int least = distribution.values().stream().mapToInt(Integer::intValue).min().orElse(1);
            imbalance = (double) most / least;
        }
        return new DataProfile(table.rowCount(), table.columnCount(), RowKeys.duplicates(table), profiles,
                targetColumn, distribution, imbalance, quartiles, List.of());
    }

    /** Readable lines for a report: size, one line per column, then the target. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(rows + " rows, " + columns + " columns, " + duplicateRows + " duplicate rows");
        for (ColumnProfile column : columnProfiles) {
            lines.add(column.describe(rows));
        }
        if (targetDistribution != null) {
            int labelled = targetDistribution.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder line = new StringBuilder("target " + target + ":");
            targetDistribution.forEach((label, count) -> line.append(line.charAt(line.length() - 1) == ':' ? " " : ", ")
                    .append(label).append(' ').append(count)
                    .append(" (").append(ColumnProfile.percent(count, labelled)).append(')'));
            if (imbalanceRatio != null && targetDistribution.size() > 1) {
                line.append("; imbalance ratio ").append(ColumnProfile.number(imbalanceRatio)).append(" (largest / smallest class)");
            }
            lines.add(line.toString());
        }
        if (targetQuartiles != null) {
            Quartiles q = targetQuartiles;
            lines.add("target " + target + ": min " + ColumnProfile.number(q.min()) + " q1 " + ColumnProfile.number(q.q1())
                    + " median " + ColumnProfile.number(q.median()) + " q3 " + ColumnProfile.number(q.q3())
                    + " max " + ColumnProfile.number(q.max()));
        }
        for (DataWarning w : warnings) {
            lines.add("warning: " + w.message());
        }
        return lines;
    }

    /** Label counts in label order; missing labels are left out (the column profile counts them). */
    private static Map<String, Integer> distribution(Column<?> target) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int row = 0; row < target.size(); row++) {
            if (!target.isMissing(row)) {
                counts.merge(target.getString(row), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Quartiles quartiles(NumericColumn<?> target) {
        double[] values = new double[target.size()];
        int n = 0;
        for (int row = 0; row < target.size(); row++) {
            double v = target.getDouble(row);
            if (!target.isMissing(row) && !Double.isNaN(v)) {
                values[n++] = v;
            }
        }
        if (n == 0) {
            return null;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new Quartiles(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[n - 1]);
    }

    static double quantile(double[] sorted, double p) {
        return org.workbench.stats.Quantiles.of(sorted, p);
    }
}
