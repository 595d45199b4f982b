package org.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.config.Suggest;
import org.workbench.config.Yaml;

/**
 * The {@code evaluate:} section: cross-validation, the metrics to report, model comparison,
 * the decision threshold of binary problems, permutation importance, and the two judgements every
 * later stage shares: the significance level of the run's t-tests and where overfitting starts.
 *
 * @param alpha      significance level of every t-test in the run (compare mode, did tuning help, the lab's leak)
 * @param overfitGap share of the baseline-to-perfect room from which a training score beating a held-out
 *                   score counts as overfitting ({@link Overfitting}), in this stage's summary and in the lab
 */
public record EvaluateConfig(int cvFolds, int cvRepeats, String cvMode, List<String> metrics, List<String> compare,
                             JsonNode compareParams, String threshold, int importanceRepeats, double alpha,
                             double overfitGap) {

    /** {@code importance_repeats: auto}, the default. */
    public static final int AUTO = -1;
    /** Shuffles per column when {@code auto} turns permutation importance on. */
    static final int AUTO_REPEATS = 5;
    /** {@code auto} turns permutation importance on when it predicts at most this many rows: seconds, not minutes. */
    static final long AUTO_BUDGET_ROWS = 100_000;

    public static final List<Key> KEYS = List.of(
            Key.integer("cv_folds", 5, "k-fold cross-validation on the training split (0 = off, else 2 or more); the recipe is refitted per fold"),
            Key.integer("cv_repeats", 1, "repeat the k folds this many times, reshuffled each time (repeated k-fold)"),
            Key.choice("cv_mode", "auto", List.of("auto", "stratified", "kfold"),
                    "stratified keeps class shares in every fold; auto = as data.split.stratify (classification only)"),
            Key.list("metrics", List.of(), "metrics to report; empty = all for the task"),
            Key.list("compare", List.of(), "algorithms to cross-validate on the same folds and rank in a leaderboard,"
                    + " with a corrected resampled t-test against the best"),
            Key.map("compare_params", "params per compared algorithm, e.g. {xgboost: {trees: 50}}; default: the"
                    + " algorithm's defaults (train.params for train.model)"),
            Key.string("threshold", "default", "binary problems: the probability of the positive class from which a row"
                    + " is positive; default = the most probable class, f1 / youden = the threshold maximising F1 or"
                    + " Youden's J on out-of-fold training predictions, or a fixed probability such as 0.35;"
                    + " model.bundle stores it and predict applies it"),
            Key.string("importance_repeats", "auto", "permutation importance on the test split: shuffles per source"
                    + " column; auto = " + AUTO_REPEATS + " when that predicts at most " + AUTO_BUDGET_ROWS + " rows (test rows x"
                    + " source columns x " + AUTO_REPEATS + "), else off; 0 = off (the model's own importance is always"
                    + " reported when it has one)"),
            Key.number("alpha", 0.05, "significance level of every t-test of the run: compare mode's leaderboard, the"
                    + " did-tuning-help test (tune.adopt: significant) and the lab's leakage verdict"),
            Key.number("overfit_gap", 0.10, "overfitting: the training score beats the held-out score (test split here,"
                    + " validation folds in the lab) by at least this share of the room between the baseline and a"
                    + " perfect score"),
            Key.section("fairness", "audit the predictions per group of raw columns: groups, min_group_size,"
                    + " max_levels (see evaluate.fairness.*); off when absent"));

    /** The shuffles per column to run on this test split: the configured number, or what {@code auto} decides. */
    public int importanceRepeats(int testRows, int sourceColumns) {
        if (importanceRepeats != AUTO) {
            return importanceRepeats;
        }
        return (long) testRows * sourceColumns * AUTO_REPEATS <= AUTO_BUDGET_ROWS ? AUTO_REPEATS : 0;
    }

    /** What {@code auto} decided, for the terminal; null when the config gave a number. */
    public String importanceNote(int testRows, int sourceColumns) {
        if (importanceRepeats != AUTO) {
            return null;
        }
        long rows = (long) testRows * sourceColumns * AUTO_REPEATS;
        return rows <= AUTO_BUDGET_ROWS
                ? String.format(java.util.Locale.ROOT, "permutation importance is on by default here: %d test rows x %d"
                        + " columns x %d shuffles = %,d rows to predict (at most %,d; evaluate.importance_repeats: 0 turns"
                        + " it off)", testRows, sourceColumns, AUTO_REPEATS, rows, AUTO_BUDGET_ROWS)
                : String.format(java.util.Locale.ROOT, "permutation importance is off by default here: %d test rows x %d"
                        + " columns x %d shuffles = %,d rows to predict (over %,d); set evaluate.importance_repeats to run"
                        + " it", testRows, sourceColumns, AUTO_REPEATS, rows, AUTO_BUDGET_ROWS);
    }

    public static EvaluateConfig parse(Section e) {
        int folds = e.integer("cv_folds");
        if (folds < 0) {
            throw new ConfigException(e.join("cv_folds"), "expected 0 or more, got " + folds);
        }
        if (folds == 1) {
            // scikit-learn refuses n_splits=1 too: one fold leaves no rows to train on
            throw new ConfigException(e.join("cv_folds"), "1 fold cannot cross-validate (it leaves no rows to train on);"
                    + " use 0 to turn cross-validation off, or 2 or more (5 is usual)");
        }
        int repeats = e.integer("cv_repeats");
        if (repeats < 1) {
            throw new ConfigException(e.join("cv_repeats"), "expected 1 or more, got " + repeats);
        }
        JsonNode params = e.raw("compare_params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new ConfigException(e.join("compare_params"), "expected a mapping of algorithm names to params, got " + params);
        }
        String given = e.string("importance_repeats");
        int importance;
        try {
            importance = given.equals("auto") ? AUTO : Integer.parseInt(given);
        } catch (NumberFormatException ex) {
            importance = -2;
        }
        if (importance < AUTO) {
            throw new ConfigException(e.join("importance_repeats"), "expected auto or a whole number 0 or more, got " + given);
        }
        return new EvaluateConfig(folds, repeats, e.choice("cv_mode"), e.strings("metrics"), e.strings("compare"),
                params == null || params.isNull() ? Yaml.MAPPER.createObjectNode() : params, threshold(e), importance,
                between0And1(e, "alpha"), between0And1(e, "overfit_gap"));
    }

    private static double between0And1(Section e, String key) {
        double v = e.number(key);
        if (!(v > 0 && v < 1)) {
            throw new ConfigException(e.join(key), "expected 0 < x < 1, got " + v);
        }
        return v;
    }

    /** A rule ("default", "f1", "youden") or a fixed probability strictly between 0 and 1, kept as written. */
    private static String threshold(Section e) {
        String v = e.string("threshold");
        if (THRESHOLD_RULES.contains(v) || DecisionThreshold.fixedValue(v) != null) {
            return v;
        }
        String nearest = Suggest.nearest(v, THRESHOLD_RULES);
        throw new ConfigException(e.join("threshold"), "'" + v + "' is not one of " + THRESHOLD_RULES
                + " nor a probability between 0 and 1 such as 0.35" + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
    }

    private static final List<String> THRESHOLD_RULES = List.of("default", "f1", "youden");

    /** How the terminal names the cross-validation: "5-fold CV", or "2x5-fold CV" for two repeats of 5 folds. */
    public String cvName() {
        return (cvRepeats > 1 ? cvRepeats + "x" : "") + cvFolds + "-fold CV";
    }

    /** Whether folds keep class shares, given the hold-out split's setting. */
    public boolean stratify(boolean splitStratify) {
        return switch (cvMode) {
            case "stratified" -> true;
            case "kfold" -> false;
            default -> splitStratify;
        };
    }
}
