package org.workbench.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every documented config key, grouped by section. The single source for validation and help. */
public final class ConfigSchema {
    private ConfigSchema() {
    }

    public static final List<Key> PROBLEM = List.of(
            Key.string("target", Key.REQUIRED, "column to predict"),
            Key.choice("task", "auto", List.of("auto", "classification", "regression"),
                    "auto: numeric target with more than 20 distinct values -> regression, else classification"),
            Key.string("metric", "auto", "primary metric; auto = accuracy (classification) or rmse (regression)"),
            Key.string("positive_class", null, "class treated as positive for binary precision/recall/ROC-AUC; default: the minority class"),
            Key.choice("missing_target", "drop", List.of("drop", "fail"), "rows whose target is missing: drop them (and say how many) or fail"));

    public static final List<Key> SPLIT = List.of(
            Key.number("test", 0.2, "fraction of rows held out for the final test"),
            Key.bool("stratify", true, "keep class proportions in both splits (classification)"));

    public static final List<Key> DATA = List.of(
            Key.string("source", Key.REQUIRED, "CSV file, relative to the config file"),
            Key.string("delimiter", ",", "field separator (one character)"),
            Key.string("quote", "\"", "quote character (one character)"),
            Key.bool("header", true, "first line holds column names"),
            Key.list("missing_values", List.of("", "NA", "?"), "cell values read as missing"),
            Key.map("column_types", "force a column's type: numeric or categorical"),
            Key.section("split", "hold-out split: test, stratify"));

    public static final List<Key> IMPUTE = List.of(
            Key.choice("numeric", "median", List.of("mean", "median", "most_frequent", "constant", "none"), "fill for missing numbers"),
            Key.choice("categorical", "most_frequent", List.of("most_frequent", "constant", "none"), "fill for missing categories"),
            Key.number("fill_numeric", 0.0, "value used by numeric: constant"),
            Key.string("fill_categorical", "missing", "value used by categorical: constant"));

    public static final List<Key> PREPROCESS = List.of(
            Key.list("drop", List.of(), "columns to drop before anything else (ids, free text)"),
            Key.section("impute", "missing values: numeric, categorical, fill_numeric, fill_categorical"),
            Key.choice("scale", "standard", List.of("standard", "minmax", "none"), "numeric scaling fitted on training rows"));

    public static final List<Key> FEATURES = List.of(
            Key.choice("encode", "onehot", List.of("onehot"), "categorical encoding; unseen categories at predict time -> all zeros, counted"));

    public static final List<Key> SELECT = List.of(
            Key.choice("method", "none", List.of("none"), "automatic selection method"),
            Key.list("include", List.of(), "keep only these features (after encoding; a source column keeps all its one-hot columns)"),
            Key.list("exclude", List.of(), "drop these features (same naming as include)"));

    public static final List<Key> TRAIN = List.of(
            Key.string("model", "auto", "algorithm name (see `workbench stages`); auto = logistic_regression or linear_regression"),
            Key.map("params", "algorithm parameters, checked against the algorithm's list"));

    public static final List<Key> EVALUATE = List.of(
            Key.integer("cv_folds", 5, "k-fold cross-validation on the training split (0 or 1 = off); the recipe is refitted per fold"),
            Key.list("metrics", List.of(), "metrics to report; empty = all for the task"));

    public static final List<Key> TUNE = List.of(
            Key.bool("enabled", false, "run the search"),
            Key.choice("method", "grid", List.of("grid"), "search method"),
            Key.map("grid", "config path -> list of values, e.g. train.params.learning_rate: [0.01, 0.1]"),
            Key.integer("cv_folds", 3, "folds per trial (on the training split)"));

    public static final List<Key> DEPLOY = List.of(
            Key.bool("bundle", true, "write model.bundle (model, fitted recipe, schema, metrics, provenance)"));

    public static final List<Key> TOP = List.of(
            Key.string("name", null, "run name; default: the config file name"),
            Key.integer("seed", 42, "seed for splits, folds and trainers"),
            Key.section("problem", "definition stage"),
            Key.section("data", "collection stage"),
            Key.section("preprocess", "preprocessing stage"),
            Key.section("features", "feature engineering stage"),
            Key.section("select", "selection stage"),
            Key.section("train", "training stage"),
            Key.section("evaluate", "evaluation stage"),
            Key.section("tune", "tuning stage"),
            Key.section("deploy", "deployment stage"));

    /** Section name to its keys, nested sections spelled with a dot (e.g. data.split). */
    public static Map<String, List<Key>> sections() {
        Map<String, List<Key>> m = new LinkedHashMap<>();
        m.put("problem", PROBLEM);
        m.put("data", DATA);
        m.put("data.split", SPLIT);
        m.put("preprocess", PREPROCESS);
        m.put("preprocess.impute", IMPUTE);
        m.put("features", FEATURES);
        m.put("select", SELECT);
        m.put("train", TRAIN);
        m.put("evaluate", EVALUATE);
        m.put("tune", TUNE);
        m.put("deploy", DEPLOY);
        return m;
    }
}
