package org.workbench.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.data.Predictions;
import org.workbench.stats.BinnedSample;
import org.workbench.stats.RadixSort;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What the training rows looked like, stored in the bundle so new rows can be compared with them
 * ({@code workbench drift}, the serving monitor): per input column the model reads, and for the
 * model's predictions on those rows, one {@link Distribution}. Built from the training split only;
 * the test rows never enter it.
 */
public record TrainingProfile(int format, int rows, List<ColumnProfile> columns, Distribution predictions) {
    public static final int FORMAT = 1;
    /** Decile edges: 10 bins, the usual choice for the population stability index. */
    public static final int BINS = BinnedSample.BINS;
    /** Up to this many values a column keeps all of them; with more, this many evenly spaced quantiles. */
    public static final int SAMPLE = BinnedSample.SAMPLE;
    /** Up to this many levels are kept by name; rarer ones are counted together. */
    public static final int MAX_LEVELS = 100;

    public record ColumnProfile(String name, Distribution distribution) {
    }

    /**
     * One column's values. Numbers: {@code edges} are the distinct inner decile edges
     * ({@link org.workbench.stats.Quantiles}), so bin i holds values up to {@code edges[i]} and the last bin those above
     * the last edge; {@code binCounts} are the training rows per bin; {@code sample} is every sorted
     * value, or {@link #SAMPLE} quantiles standing in for them when there are more (the
     * two-sample test's reference). Categories: {@code levels} counts each level by name, up to
     * {@link #MAX_LEVELS} of the most frequent; {@code otherLevels} counts the rest. {@code missing}
     * counts missing cells (NaN, ""), which the bins and levels leave out.
     */
    public record Distribution(String type, long count, long missing, List<Double> edges, List<Long> binCounts,
                               List<Double> sample, Map<String, Long> levels, long otherLevels) {

        public boolean numeric() {
            return "numeric".equals(type);
        }

        public double missingRate() {
            return count + missing == 0 ? 0 : missing / (double) (count + missing);
        }

        /** The bin a number falls into: how many edges lie below it. */
        public int bin(double value) {
            int lo = 0;
            int hi = edges.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (edges.get(mid) < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Whether the profile named every training level (false when rarer ones were counted together). */
        public boolean allLevels() {
            return otherLevels == 0;
        }

        public static Distribution numbers(double[] values) {
            double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            RadixSort.sort(sorted, sorted.length); // Arrays.sort's order, in about half its time
            return numbers(BinnedSample.of(sorted, values.length - sorted.length));
        }

        /** The numbers' distribution from their bins and sample, as {@link #numbers(double[])} makes them. */
        public static Distribution numbers(BinnedSample binned) {
            return new Distribution("numeric", binned.count(), binned.missing(), binned.edges(), binned.binCounts(),
                    binned.sample(), Map.of(), 0);
        }

        public static Distribution levels(String[] values) {
            // counted in a hash map, then ordered: a tree map would compare names on every row
            Map<String, long[]> counts = new java.util.HashMap<>();
            long missing = 0;
            for (String v : values) {
                if (v == null || v.isEmpty()) {
                    missing++;
                } else {
                    counts.computeIfAbsent(v, k -> new long[1])[0]++;
                }
            }
            Map<String, Long> all = new TreeMap<>();
            counts.forEach((level, n) -> all.put(level, n[0]));
            // the most frequent first, ties by name, so the kept levels do not depend on row order
            List<Map.Entry<String, Long>> ranked = new ArrayList<>(all.entrySet());
            ranked.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
            Map<String, Long> kept = new TreeMap<>();
            long other = 0;
            for (int i = 0; i < ranked.size(); i++) {
                if (i < MAX_LEVELS) {
                    kept.put(ranked.get(i).getKey(), ranked.get(i).getValue());
                } else {
                    other += ranked.get(i).getValue();
                }
            }
            return new Distribution("categorical", values.length - missing, missing, List.of(), List.of(), List.of(),
                    kept, other);
        }

        /** A table column as it is read for the model: numbers (NaN missing) or text ("" missing). */
        public static Distribution of(Column<?> column) {
            if (column instanceof DoubleColumn d) {
                return numbers(d.asDoubleArray());
            }
            if (column instanceof StringColumn s) {
                return levels(s.asObjectArray());
            }
            throw new IllegalArgumentException("column " + column.name() + " is neither numbers nor text: " + column.type());
        }

        /** The predictions' distribution: predicted classes (or clusters) as levels, predicted values as numbers. */
        public static Distribution of(Predictions predictions) {
            return predictions.labels() != null ? levels(predictions.labels()) : numbers(predictions.values());
        }
    }

    /** The profile of the raw training rows, for the given input columns, and of the model's predictions on them. */
    public static TrainingProfile of(Table rawTrain, List<String> columns, Predictions trainPredictions) {
        return of(rawTrain, columns, trainPredictions, Map.of());
    }

    /**
     * As above, taking a number column's distribution from {@code binned} when it holds the column (its
     * summary of these very rows, made where they were already sorted) instead of sorting it again.
     */
    public static TrainingProfile of(Table rawTrain, List<String> columns, Predictions trainPredictions,
                                     Map<String, BinnedSample> binned) {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (String name : columns) {
            Column<?> column = rawTrain.column(name);
            BinnedSample known = binned.get(name);
            boolean usable = known != null && column instanceof DoubleColumn && known.count() + known.missing() == column.size();
            profiles.add(new ColumnProfile(name, usable ? Distribution.numbers(known) : Distribution.of(column)));
        }
        return new TrainingProfile(FORMAT, rawTrain.rowCount(), List.copyOf(profiles), Distribution.of(trainPredictions));
    }

    /** The profile of one column by name, or null. */
    public Distribution column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).map(ColumnProfile::distribution).findFirst().orElse(null);
    }

    /** Column name to distribution, in profile order. */
    public Map<String, Distribution> byName() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c.name(), c.distribution()));
        return out;
    }
}
