package org.workbench.collection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.core.Workers;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;
import org.workbench.stats.BinnedSample;
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
        return of(table, targetColumn, (int[]) null).profile();
    }

    /**
     * The profile, and for every number column but the target the training rows' values summarised as the
     * bundle's drift profile keeps them ({@link BinnedSample}; empty when {@code trainRows} is null):
     * profiling sorts each column anyway, so the training rows are sorted apart and merged ({@link
     * ColumnProfile#sorted}) rather than sorted a second time when the bundle is made.
     *
     * @param trainRows the training split's rows of {@code table}, or null
     */
    public static Profiled of(Table table, String targetColumn, int[] trainRows) {
        return of(table, targetColumn, () -> trainRows);
    }

    /**
     * As above, asking for the training rows only once the text columns and the duplicate rows, which
     * need no split, are done: the caller may still be cutting it.
     */
    public static Profiled of(Table table, String targetColumn, java.util.function.Supplier<int[]> trainRows) {
        Column<?> target = null;
        if (targetColumn != null) {
            if (!table.columnNames().contains(targetColumn)) {
                String nearest = Suggest.nearest(targetColumn, table.columnNames());
                throw new InputException("problem.target: no column '" + targetColumn + "' in the data"
                        + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
            }
            target = table.column(targetColumn);
        }
        ColumnProfile[] profiles = new ColumnProfile[table.columnCount()];
        for (int c = 0; c < profiles.length; c++) {
            if (!(table.column(c) instanceof NumericColumn<?>)) {
                profiles[c] = ColumnProfile.of(table.column(c));
            }
        }
        int duplicates = RowKeys.duplicates(table);
        int[] training = trainRows.get();
        boolean[] inTrain = null;
        if (training != null) {
            inTrain = new boolean[table.rowCount()];
            for (int row : training) {
                inTrain[row] = true;
            }
        }
        // each number column is sorted once, one column per core; a job keeps only what it summarised, so the
        // sorted copies die with it
        boolean[] mask = inTrain;
        int trainingRows = training == null ? 0 : training.length;
        List<Integer> numberColumns = new ArrayList<>();
        List<java.util.function.Supplier<NumberSummary>> jobs = new ArrayList<>();
        for (int c = 0; c < profiles.length; c++) {
            if (table.column(c) instanceof NumericColumn<?> numbers) {
                boolean isTarget = numbers == target;
                numberColumns.add(c);
                jobs.add(() -> {
                    ColumnProfile.SortedNumbers sorted = ColumnProfile.sorted(numbers, mask);
                    return new NumberSummary(ColumnProfile.numeric(numbers.name(), numbers.size(), sorted.all()),
                            isTarget ? quartiles(sorted.all()) : null, isTarget || mask == null ? null
                            : BinnedSample.of(sorted.train(), trainingRows - sorted.train().length));
                });
            }
        }
        List<NumberSummary> summaries = new Workers(Math.min(Runtime.getRuntime().availableProcessors(), MAX_SORTING_THREADS))
                .run(jobs);
        Map<String, BinnedSample> trainNumbers = new LinkedHashMap<>();
        Quartiles quartiles = null;
        for (int i = 0; i < summaries.size(); i++) {
            NumberSummary summary = summaries.get(i);
            profiles[numberColumns.get(i)] = summary.profile();
            if (summary.quartiles() != null) {
                quartiles = summary.quartiles();
            }
            if (summary.trainSample() != null) {
                trainNumbers.put(summary.profile().name(), summary.trainSample());
            }
        }
        Map<String, Integer> distribution = target == null || target instanceof NumericColumn<?> ? null : distribution(target);
        Double imbalance = null;
        if (distribution != null && !distribution.isEmpty()) {
            int most = distribution.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            int least = distribution.values().stream().mapToInt(Integer::intValue).min().orElse(1);
            imbalance = (double) most / least;
        }
        DataProfile profile = new DataProfile(table.rowCount(), table.columnCount(), duplicates, List.of(profiles),
                targetColumn, distribution, imbalance, quartiles, List.of());
        return new Profiled(profile, new TrainingNumbers(trainNumbers));
    }

    /** Columns sorted at once at most: each holds three copies of its values while it is sorted. */
    private static final int MAX_SORTING_THREADS = 4;

    /** What a number column's sort gave: its profile, the target's quartiles, the training rows' sample for drift. */
    private record NumberSummary(ColumnProfile profile, Quartiles quartiles, BinnedSample trainSample) {
    }

    /** A profile, with the training rows' number columns summarised for the bundle. */
    public record Profiled(DataProfile profile, TrainingNumbers trainingNumbers) {
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

    /** The five-number summary of the target's present values, sorted (null when there are none). */
    private static Quartiles quartiles(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        return new Quartiles(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[n - 1]);
    }

    static double quantile(double[] sorted, double p) {
        return org.workbench.stats.Quantiles.of(sorted, p);
    }
}
