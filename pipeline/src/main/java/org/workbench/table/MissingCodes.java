package org.workbench.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds numbers that look like a missing-value code ({@code -200}, {@code -1}, {@code 999},
 * {@code -9999}) in number columns. A value is flagged when all of these hold:
 * <ul>
 * <li>it is the column's minimum or maximum, and not 0;</li>
 * <li>it is a whole number made of one digit repeated ({@code 99}, {@code -999}) or one digit
 *     followed by zeros ({@code -1}, {@code -200}, {@code 1000}), and not a positive single digit; or
 *     at least {@link #FILL_VALUE} in size (a scientific file's fill value, {@code 9.96921e36});</li>
 * <li>it fills at least {@link #MIN_SHARE} of the rows (and at least 2);</li>
 * <li>it is far from the column's other values: outside their IQR fences (1.5 IQR beyond the
 *     quartiles), or negative while every other value is 0 or more;</li>
 * <li>the other values take at least {@link #MIN_OTHER_DISTINCT} distinct values (so the 1 of a
 *     0/1 column, or the top of a short rating scale, is no code).</li>
 * </ul>
 * One warning per value, naming every column where it is flagged.
 */
final class MissingCodes {
    static final double MIN_SHARE = 0.01;
    /** From this size on, a repeated extreme value far from the others is a fill value, whatever its digits. */
    static final double FILL_VALUE = 1e20;
    /** Fewer distinct other values than this say too little about "far". */
    static final int MIN_OTHER_DISTINCT = 5;

    private MissingCodes() {
    }

    /** The warnings for number columns given as their values (the first {@code rows} of each array), by name in file order. */
    static List<DataWarning> find(Map<String, double[]> numberColumns, int rows) {
        Map<Double, List<String>> columnsByCode = new LinkedHashMap<>();
        Map<Double, List<Double>> sharesByCode = new LinkedHashMap<>();
        numberColumns.forEach((name, values) -> {
            for (double code : candidates(values, rows)) {
                columnsByCode.computeIfAbsent(code, c -> new ArrayList<>()).add(name);
                sharesByCode.computeIfAbsent(code, c -> new ArrayList<>()).add(count(values, rows, code) / (double) rows);
            }
        });
        List<DataWarning> warnings = new ArrayList<>();
        columnsByCode.forEach((code, columns) -> {
            List<Double> shares = sharesByCode.get(code);
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < columns.size() && i < 8; i++) {
                shown.add(String.format(Locale.ROOT, "'%s' %.1f%%", columns.get(i), 100 * shares.get(i)));
            }
            String more = columns.size() > 8 ? " and " + (columns.size() - 8) + " more" : "";
            String value = text(code);
            String message = String.format(Locale.ROOT, "%s looks like a missing-value code: it is the extreme value of "
                    + "%d column%s (%s%s of rows), repeated and far from the other values; if it means \"no value\", "
                    + "add it to data.missing_values (e.g. [\"\", \"NA\", \"%s\"])",
                    value, columns.size(), columns.size() == 1 ? "" : "s", String.join(", ", shown), more, value);
            warnings.add(new DataWarning("missing_code", String.join(", ", columns), code, message));
        });
        return warnings;
    }

    /** The column's minimum and/or maximum (of its first {@code rows} values) when they pass the rule. */
    static List<Double> candidates(double[] values, int rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
            double v = values[i];
            // NaN fails both comparisons
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        List<Double> found = new ArrayList<>();
        if (min > max || min == max) {
            return found;
        }
        for (double code : new double[] {min, max}) {
            if (looksLikeCode(code) && count(values, rows, code) >= Math.max(2, MIN_SHARE * rows)
                    && farFromOthers(values, rows, code)) {
                found.add(code);
            }
        }
        return found;
    }

    /**
     * -1, -200, 1000, 99, -999: one digit repeated, or one digit then zeros; never 0, and never a
     * positive single digit: 8 is the top of many counts and rating scales, not a code.
     */
    static boolean looksLikeCode(double v) {
        if (Math.abs(v) >= FILL_VALUE) {
            return true; // a fill value of scientific files: 9.96921e36 (netCDF), 1e20, the largest float
        }
        if (v == 0 || v != Math.rint(v) || Math.abs(v) >= 1e15 || v > 0 && v < 10) {
            return false;
        }
        String digits = Long.toString(Math.abs((long) v));
        boolean repeated = digits.chars().allMatch(c -> c == digits.charAt(0));
        boolean round = digits.substring(1).chars().allMatch(c -> c == '0');
        return repeated || round;
    }

    private static boolean farFromOthers(double[] values, int rows, double code) {
        double[] others = Arrays.stream(values, 0, rows).filter(v -> !Double.isNaN(v) && v != code).sorted().toArray();
        if (Arrays.stream(others).distinct().limit(MIN_OTHER_DISTINCT).count() < MIN_OTHER_DISTINCT) {
            return false;
        }
        if (code < 0 && others[0] >= 0) {
            return true;
        }
        double q1 = org.workbench.stats.Quantiles.of(others, 0.25);
        double q3 = org.workbench.stats.Quantiles.of(others, 0.75);
        double iqr = q3 - q1;
        return code < q1 - 1.5 * iqr || code > q3 + 1.5 * iqr;
    }


    private static int count(double[] values, int rows, double code) {
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (values[i] == code) {
                n++;
            }
        }
        return n;
    }

    private static String text(double v) {
        return Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
