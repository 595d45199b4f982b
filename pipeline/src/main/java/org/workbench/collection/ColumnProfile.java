package org.workbench.collection;

import org.workbench.table.DataConfig;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.stats.RadixSort;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Summary of one column. Numeric columns fill min, quartiles (interpolated as numpy does), max, mean,
 * std (sample standard deviation) and the number of IQR outliers (beyond the quartiles -/+ 1.5 IQR);
 * categorical columns fill top (most frequent value, ties broken alphabetically), topCount and the
 * five most frequent values. Flags: constant (at most one distinct value), near-constant (one value in
 * at least 95% of the present rows), identifier-like (every present value distinct: whole numbers for a
 * numeric column, or at least 95% distinct text). Statistics that do not apply or cannot be computed
 * are null, never NaN, so the record writes cleanly as JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(String name, String type, int missing, int distinct, Double min, Double mean,
                            Double max, Double std, String top, Integer topCount, Double q1, Double median,
                            Double q3, Integer outliers, List<ValueCount> topValues, boolean constant,
                            boolean nearConstant, boolean identifierLike) {

    public static final String NUMERIC = DataConfig.NUMERIC;
    public static final String CATEGORICAL = DataConfig.CATEGORICAL;
    /** Share of present rows one value must hold for a near-constant column. */
    static final double NEAR_CONSTANT = 0.95;
    /** Share of distinct values among present text values for an identifier-like column. */
    static final double IDENTIFIER_SHARE = 0.95;
    /** Fewer present rows than this are too few to call a column an identifier. */
    static final int IDENTIFIER_MIN_ROWS = 20;

    /** The rule for a text column: at least 95% of its present values distinct, on at least 20 present values. */
    public static boolean identifierLike(int distinct, int present) {
        return present >= IDENTIFIER_MIN_ROWS && distinct >= IDENTIFIER_SHARE * present;
    }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, int count) {
    }

    public static ColumnProfile of(Column<?> column) {
        return column instanceof NumericColumn<?> numbers ? numeric(numbers.name(), numbers.size(), sorted(numbers, null).all())
                : categorical(column);
    }

    /** A number column's present values (not missing, not NaN) in sorted order; {@code train}, the training rows' alone. */
    record SortedNumbers(double[] all, double[] train) {
    }

    /**
     * The column's present values sorted ({@code Arrays.sort} order). With a training mask the training rows'
     * values are sorted apart from the others and the two merged, which gives the same order: the training
     * rows' sorted values come with it for the bundle's drift profile at no second sort.
     */
    static SortedNumbers sorted(NumericColumn<?> column, boolean[] inTrain) {
        int size = column.size();
        double[] train = new double[size];
        double[] rest = inTrain == null ? null : new double[size];
        int inTrainCount = 0;
        int restCount = 0;
        for (int row = 0; row < size; row++) {
            double v = column.getDouble(row);
            if (!column.isMissing(row) && !Double.isNaN(v)) {
                if (inTrain == null || inTrain[row]) {
                    train[inTrainCount++] = v;
                } else {
                    rest[restCount++] = v;
                }
            }
        }
        // a radix sort gives Arrays.sort's order (-0.0 before 0.0; NaN is left out above) in about half the time, and
        // DataProfile sorts one column per core
        RadixSort.sort(train, inTrainCount);
        if (inTrain == null) {
            return new SortedNumbers(Arrays.copyOf(train, inTrainCount), null);
        }
        RadixSort.sort(rest, restCount);
        double[] all = new double[inTrainCount + restCount];
        int a = 0;
        int b = 0;
        int k = 0;
        while (a < inTrainCount && b < restCount) {
            // Double.compare puts -0.0 before 0.0, as Arrays.sort does
            all[k++] = Double.compare(train[a], rest[b]) <= 0 ? train[a++] : rest[b++];
        }
        System.arraycopy(train, a, all, k, inTrainCount - a);
        System.arraycopy(rest, b, all, k + inTrainCount - a, restCount - b);
        return new SortedNumbers(all, Arrays.copyOf(train, inTrainCount));
    }

    /** The profile of a number column of {@code size} rows from its present values, sorted. */
    static ColumnProfile numeric(String name, int size, double[] sorted) {
        int n = sorted.length;
        int missing = size - n;
        if (n == 0) {
            return new ColumnProfile(name, NUMERIC, missing, 0, null, null, null, null, null, null,
                    null, null, null, null, null, true, false, false);
        }
        double sum = 0;
        int distinct = 0;
        int longestRun = 0;
        int run = 0;
        boolean whole = true;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            distinct += run == 1 ? 1 : 0;
            longestRun = Math.max(longestRun, run);
            whole &= sorted[i] == Math.rint(sorted[i]);
        }
        double mean = sum / n;
        // second pass: summing squared deviations from the mean loses less precision than sum of squares
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (sorted[i] - mean) * (sorted[i] - mean);
        }
        Double std = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
        double q1 = DataProfile.quantile(sorted, 0.25);
        double q3 = DataProfile.quantile(sorted, 0.75);
        int outliers = 0;
        for (int i = 0; i < n; i++) {
            if (sorted[i] < q1 - 1.5 * (q3 - q1) || sorted[i] > q3 + 1.5 * (q3 - q1)) {
                outliers++;
            }
        }
        boolean identifier = whole && distinct == n && n >= IDENTIFIER_MIN_ROWS;
        return new ColumnProfile(name, NUMERIC, missing, distinct, sorted[0], mean, sorted[n - 1], std, null,
                null, q1, DataProfile.quantile(sorted, 0.5), q3, outliers, null, distinct <= 1,
                longestRun >= NEAR_CONSTANT * n, identifier);
    }

    private static ColumnProfile categorical(Column<?> column) {
        int missing = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                missing++;
            } else {
                counts.merge(column.getString(row), 1, Integer::sum);
            }
        }
        List<ValueCount> ranked = new ArrayList<>();
        counts.forEach((value, count) -> ranked.add(new ValueCount(value, count)));
        ranked.sort(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value));
        List<ValueCount> top = List.copyOf(ranked.subList(0, Math.min(5, ranked.size())));
        int present = column.size() - missing;
        ValueCount first = ranked.isEmpty() ? null : ranked.get(0);
        boolean identifier = identifierLike(counts.size(), present);
        return new ColumnProfile(column.name(), CATEGORICAL, missing, counts.size(), null, null, null, null,
                first == null ? null : first.value(), first == null ? null : first.count(), null, null, null, null,
                top, counts.size() <= 1, first != null && first.count() >= NEAR_CONSTANT * present, identifier);
    }

    /**
     * e.g. {@code Age: numeric, 177 missing (19.9%), 88 distinct, min 0.42 mean 29.70 max 80.00 std 14.53,
     * quartiles 20.12 / 28.00 / 38.00, 11 outliers (IQR)}.
     */
    public String describe(int rows) {
        StringBuilder line = new StringBuilder(name).append(": ").append(type).append(", ")
                .append(missing).append(" missing (").append(percent(missing, rows)).append("), ")
                .append(distinct).append(" distinct");
        if (mean != null) {
            line.append(", min ").append(number(min)).append(" mean ").append(number(mean))
                    .append(" max ").append(number(max));
            if (std != null) {
                line.append(" std ").append(number(std));
            }
            line.append(", quartiles ").append(number(q1)).append(" / ").append(number(median)).append(" / ")
                    .append(number(q3)).append(", ").append(outliers).append(" outliers (IQR)");
        }
        if (top != null) {
            line.append(", top \"").append(top).append("\" (").append(topCount).append(')');
        }
        List<String> flags = new ArrayList<>();
        if (constant) {
            flags.add("constant");
        } else if (nearConstant) {
            flags.add("near-constant");
        }
        if (identifierLike) {
            flags.add("identifier-like");
        }
        return flags.isEmpty() ? line.toString() : line + " [" + String.join(", ", flags) + "]";
    }

    static String percent(long count, long total) {
        return String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : 100.0 * count / total);
    }

    /** Two decimals, or three significant digits for small magnitudes so they do not print as 0.00. */
    static String number(double x) {
        if (x != 0 && Math.abs(x) < 0.1) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
