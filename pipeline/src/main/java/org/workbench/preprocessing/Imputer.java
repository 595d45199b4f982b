package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Fills missing values (NaN numbers, "" categories) with a value learned from the training rows,
 * one strategy per column type, like scikit-learn's {@code SimpleImputer}.
 * <ul>
 *   <li>numeric: mean, median (middle value; the mean of the two middle values for an even count),
 *       most_frequent, constant ({@code fillNumeric}) or none;</li>
 *   <li>categorical: most_frequent, constant ({@code fillCategorical}) or none.</li>
 * </ul>
 * Ties in most_frequent go to the smallest number or the alphabetically first category (by
 * {@link String#compareTo}), as in scikit-learn, so refits give the same fill. A column with no value
 * at all in the training rows has nothing to learn from: it gets the constant, and the summary says so.
 */
public record Imputer(String numeric, String categorical, double fillNumeric, String fillCategorical)
        implements Step {
    public static final List<String> NUMERIC_STRATEGIES =
            List.of("mean", "median", "most_frequent", "constant", "none");
    public static final List<String> CATEGORICAL_STRATEGIES = List.of("most_frequent", "constant", "none");

    public Imputer {
        if (!NUMERIC_STRATEGIES.contains(numeric)) {
            throw new IllegalArgumentException("numeric imputation must be one of " + NUMERIC_STRATEGIES
                    + ": " + numeric);
        }
        if (!CATEGORICAL_STRATEGIES.contains(categorical)) {
            throw new IllegalArgumentException("categorical imputation must be one of " + CATEGORICAL_STRATEGIES
                    + ": " + categorical);
        }
    }

    public static Imputer from(PreprocessConfig.Impute config) {
        return new Imputer(config.numeric(), config.categorical(), config.fillNumeric(), config.fillCategorical());
    }

    /** True when both strategies are "none": the step would change nothing. */
    public boolean fillsNothing() {
        return numeric.equals("none") && categorical.equals("none");
    }

    @Override
    public String name() {
        return "impute";
    }

    @Override
    public FittedImputer fit(Table train) {
        List<FittedImputer.NumberFill> numbers = new ArrayList<>();
        List<FittedImputer.TextFill> texts = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            if (column instanceof DoubleColumn values && !numeric.equals("none")) {
                numbers.add(fitNumber(values));
            } else if (column instanceof StringColumn values && !categorical.equals("none")) {
                texts.add(fitText(values));
            }
        }
        return new FittedImputer(train.rowCount(), numbers, texts);
    }

    private FittedImputer.NumberFill fitNumber(DoubleColumn column) {
        double[] present = Arrays.stream(column.asDoubleArray()).filter(v -> !Double.isNaN(v)).toArray();
        int missing = column.size() - present.length;
        if (present.length == 0 || numeric.equals("constant")) {
            return new FittedImputer.NumberFill(column.name(), "constant", fillNumeric, missing);
        }
        double value = switch (numeric) {
            case "mean" -> mean(present);
            case "median" -> median(present);
            case "most_frequent" -> mostFrequent(present);
            default -> throw new IllegalStateException("unknown numeric strategy " + numeric);
        };
        return new FittedImputer.NumberFill(column.name(), numeric, value, missing);
    }

    private FittedImputer.TextFill fitText(StringColumn column) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (int i = 0; i < column.size(); i++) {
            String value = column.get(i);
            if (value.isEmpty()) {
                missing++;
            } else {
                counts.merge(value, 1, Integer::sum);
            }
        }
        if (counts.isEmpty() || categorical.equals("constant")) {
            return new FittedImputer.TextFill(column.name(), "constant", fillCategorical, missing);
        }
        return new FittedImputer.TextFill(column.name(), categorical, mostFrequent(counts), missing);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The most frequent value; on a tie the smallest, since runs are scanned in ascending order. */
    static double mostFrequent(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        int bestRun = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                if (i - start > bestRun) {
                    bestRun = i - start;
                    best = sorted[start];
                }
                start = i;
            }
        }
        return best;
    }

    /** The most frequent category; on a tie the alphabetically first. */
    static String mostFrequent(Map<String, Integer> counts) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int count = e.getValue();
            if (count > bestCount || (count == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}
