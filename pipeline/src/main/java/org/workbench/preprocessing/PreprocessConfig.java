package org.workbench.preprocessing;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code preprocess:} section: columns and rows to drop, missing values, outliers, scaling. */
public record PreprocessConfig(List<String> drop, boolean dropConstant, boolean dropDuplicates, Impute impute,
                               Outliers outliers, String scale, Map<String, String> scaleColumns) {

    /** Drop, impute and scale only: the options every earlier config used. */
    public PreprocessConfig(List<String> drop, Impute impute, String scale) {
        this(drop, false, false, impute, Outliers.NONE, scale, Map.of());
    }

    /** The {@code preprocess.impute:} section. */
    public record Impute(String numeric, String categorical, double fillNumeric, String fillCategorical,
                         boolean indicator, Map<String, String> columns) {
        public Impute(String numeric, String categorical, double fillNumeric, String fillCategorical) {
            this(numeric, categorical, fillNumeric, fillCategorical, false, Map.of());
        }

        public static final List<Key> KEYS = List.of(
                Key.choice("numeric", "median", Imputer.NUMERIC_STRATEGIES,
                        "fill for missing numbers (drop_rows: drop such training rows; other rows get the median)"),
                Key.choice("categorical", "most_frequent", Imputer.CATEGORICAL_STRATEGIES,
                        "fill for missing categories (drop_rows: drop such training rows; other rows get the most frequent)"),
                Key.number("fill_numeric", 0.0, "value used by numeric: constant"),
                Key.string("fill_categorical", "missing", "value used by categorical: constant"),
                Key.bool("indicator", false, "add a 0/1 column <name>_missing for every column with gaps in the training rows"),
                Key.map("columns", "per-column strategy overriding the per-type default, e.g. {Age: mean, Cabin: constant}"));
    }

    /** The {@code preprocess.outliers:} section. */
    public record Outliers(String method, double factor, double threshold, String action, List<String> columns) {
        static final Outliers NONE = new Outliers("none", 1.5, 3.0, "clip", List.of());

        public static final List<Key> KEYS = List.of(
                Key.choice("method", "none", List.of("none", "iqr", "zscore"),
                        "outlier rule fitted on training rows: iqr (outside quartiles -/+ factor x IQR) or zscore"),
                Key.number("factor", 1.5, "iqr: how many IQRs beyond the quartiles a value must lie"),
                Key.number("threshold", 3.0, "zscore: how many standard deviations from the mean"),
                Key.choice("action", "clip", OutlierHandler.ACTIONS,
                        "clip to the fitted bounds, drop training rows (never test or predict rows), or flag with <name>_outlier"),
                Key.list("columns", List.of(), "numeric columns to check (default: all)"));
    }

    public static final List<Key> KEYS = List.of(
            Key.list("drop", List.of(), "columns to drop before anything else (ids, free text)"),
            Key.bool("drop_constant", false, "drop columns with a single value in the training rows"),
            Key.bool("drop_duplicates", false, "drop training rows equal to an earlier one (features and target)"),
            Key.section("impute", "missing values: numeric, categorical, fill_numeric, fill_categorical, indicator, columns"),
            Key.section("outliers", "outliers: method, factor, threshold, action, columns"),
            Key.choice("scale", "standard", Scaler.METHODS,
                    "numeric scaling fitted on training rows: standard, minmax, robust (median/IQR), maxabs or none"),
            Key.map("scale_columns", "per-column scaling overriding scale, e.g. {Fare: robust, Pclass: none}"));

    public static PreprocessConfig parse(Section p) {
        Section i = p.section("impute", Impute.KEYS);
        Impute impute = new Impute(i.choice("numeric"), i.choice("categorical"), i.number("fill_numeric"),
                i.string("fill_categorical"), i.bool("indicator"), i.stringMap("columns"));
        Section o = p.section("outliers", Outliers.KEYS);
        Outliers outliers = new Outliers(o.choice("method"), o.number("factor"), o.number("threshold"),
                o.choice("action"), o.strings("columns"));
        return new PreprocessConfig(p.strings("drop"), p.bool("drop_constant"), p.bool("drop_duplicates"), impute,
                outliers, p.choice("scale"), p.stringMap("scale_columns"));
    }
}
