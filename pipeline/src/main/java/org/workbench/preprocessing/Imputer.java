package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.recipe.ColumnStats;

/**
 * Fills missing values (NaN numbers, "" categories) with a value learned from the training rows,
 * one strategy per column type plus per-column overrides, like scikit-learn's {@code SimpleImputer}.
 * <ul>
 *   <li>numeric: mean, median (middle value; the mean of the two middle values for an even count),
 *       most_frequent, constant ({@code fillNumeric}), drop_rows or none;</li>
 *   <li>categorical: most_frequent, constant ({@code fillCategorical}), drop_rows or none.</li>
 * </ul>
 * drop_rows removes the training rows missing that column; test and prediction rows are never
 * dropped, so there the gap is filled with the median (numeric) or most frequent value of the kept
 * training rows, and counted. With {@code indicator}, every column that had gaps in the training rows
 * also gets a 0/1 column {@code <name>_missing}, added before filling.
 * Ties in most_frequent go to the smallest number or the alphabetically first category (by
 * {@link String#compareTo}), as in scikit-learn, so refits give the same fill. A column with no value
 * at all in the training rows has nothing to learn from: it gets the constant, and the summary says so.
 */
public record Imputer(String numeric, String categorical, double fillNumeric, String fillCategorical,
                      Map<String, String> columns, boolean indicator) implements UnsupervisedStep {
    public static final List<String> NUMERIC_STRATEGIES =
            List.of("mean", "median", "most_frequent", "constant", "drop_rows", "none");
    public static final List<String> CATEGORICAL_STRATEGIES = List.of("most_frequent", "constant", "drop_rows", "none");

    public Imputer {
        if (!NUMERIC_STRATEGIES.contains(numeric)) {
            throw new IllegalArgumentException("numeric imputation must be one of " + NUMERIC_STRATEGIES
                    + ": " + numeric);
        }
        if (!CATEGORICAL_STRATEGIES.contains(categorical)) {
            throw new IllegalArgumentException("categorical imputation must be one of " + CATEGORICAL_STRATEGIES
                    + ": " + categorical);
        }
        columns = Map.copyOf(columns);
    }

    public Imputer(String numeric, String categorical, double fillNumeric, String fillCategorical) {
        this(numeric, categorical, fillNumeric, fillCategorical, Map.of(), false);
    }

    public static Imputer from(PreprocessConfig.Impute config) {
        return new Imputer(config.numeric(), config.categorical(), config.fillNumeric(), config.fillCategorical(),
                config.columns(), config.indicator());
    }

    /** True when every strategy is "none" and no indicator is asked for: the step would change nothing. */
    public boolean fillsNothing() {
        return numeric.equals("none") && categorical.equals("none") && !indicator
                && columns.values().stream().allMatch("none"::equals);
    }

    @Override
    public String name() {
        return "impute";
    }

    @Override
    public FittedImputer fit(Table train) {
        checkOverrides(train);
        List<FittedImputer.NumberFill> numbers = new ArrayList<>();
        List<FittedImputer.TextFill> texts = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        for (Column<?> column : train.columns()) {
            String strategy = columns.getOrDefault(column.name(),
                    column instanceof DoubleColumn ? numeric : categorical);
            if (indicator && column.countMissing() > 0) {
                indicators.add(column.name());
            }
            if (strategy.equals("none")) {
                continue;
            }
            if (column instanceof DoubleColumn values) {
                numbers.add(fitNumber(values, strategy));
            } else if (column instanceof StringColumn values) {
                texts.add(fitText(values, strategy));
            }
        }
        return new FittedImputer(train.rowCount(), numbers, texts, indicators, 0);
    }

    /** Drops the training rows missing a drop_rows column, then fills the remaining gaps. */
    @Override
    public Fit fitTransform(Frame train) {
        FittedImputer fitted = fit(train.features());
        int[] kept = fitted.rowsWithoutGapsInDropColumns(train.features());
        Frame rows = kept.length == train.rows() ? train : train.subset(kept);
        if (kept.length < train.rows()) {
            // the fill for other rows is learned from the rows that stay
            fitted = fit(rows.features()).withDroppedRows(train.rows(), train.rows() - kept.length);
        }
        return new Fit(fitted, rows.withFeatures(fitted.apply(rows.features(), new ApplyLog())), kept.length == train.rows());
    }

    private void checkOverrides(Table train) {
        columns.forEach((name, strategy) -> {
            String path = "preprocess.impute.columns." + name;
            if (!train.columnNames().contains(name)) {
                String nearest = Suggest.nearest(name, train.columnNames());
                throw new InputException(path + ": no column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
            boolean isNumeric = train.column(name) instanceof DoubleColumn;
            List<String> allowed = isNumeric ? NUMERIC_STRATEGIES : CATEGORICAL_STRATEGIES;
            if (!allowed.contains(strategy)) {
                throw new InputException(path + ": '" + strategy + "' is not a strategy for a "
                        + (isNumeric ? "numeric" : "categorical") + " column; use one of " + allowed);
            }
        });
    }

    private FittedImputer.NumberFill fitNumber(DoubleColumn column, String strategy) {
        double[] present = ColumnStats.present(column.asDoubleArray());
        int missing = column.size() - present.length;
        if (present.length == 0 || strategy.equals("constant")) {
            return new FittedImputer.NumberFill(column.name(), "constant", fillNumeric, missing);
        }
        double value = switch (strategy) {
            case "mean" -> ColumnStats.mean(present);
            case "median", "drop_rows" -> ColumnStats.median(present);
            case "most_frequent" -> mostFrequent(present);
            default -> throw new IllegalStateException("unknown numeric strategy " + strategy);
        };
        return new FittedImputer.NumberFill(column.name(), strategy, value, missing);
    }

    private FittedImputer.TextFill fitText(StringColumn column, String strategy) {
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
        if (counts.isEmpty() || strategy.equals("constant")) {
            return new FittedImputer.TextFill(column.name(), "constant", fillCategorical, missing);
        }
        return new FittedImputer.TextFill(column.name(), strategy, mostFrequent(counts), missing);
    }

    /** The most frequent value; on a tie the smallest, since runs are scanned in ascending order. */
    static double mostFrequent(double[] values) {
        double[] sorted = ColumnStats.sorted(values);
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
