package org.workbench.selection;

import java.util.ArrayList;
import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code select:} section: which features the model sees. */
public record SelectConfig(String method, List<String> include, List<String> exclude, int k, double varianceThreshold,
                           double correlationThreshold, String miMethod, int bins, String model) {

    /** Include / exclude lists only. */
    public SelectConfig(String method, List<String> include, List<String> exclude) {
        this(method, include, exclude, 10, 0.0, 0.95, "mim", 10, "tree");
    }

    public static final List<Key> KEYS = keys();

    private static List<Key> keys() {
        List<String> methods = new ArrayList<>(List.of("none"));
        methods.addAll(ScoredSelector.METHODS);
        return List.of(
                Key.choice("method", "none", methods, "automatic selection fitted on training rows: variance threshold,"
                        + " correlation filter (of each pair above correlation_threshold keep the one closer to the"
                        + " target), top-k by f_test / target_correlation / mutual_info (classification, Tribuo), or"
                        + " model_based (tree importance or l1 weights)"),
                Key.integer("k", 10, "number of features kept by f_test, target_correlation, mutual_info, model_based"),
                Key.number("variance_threshold", 0.0, "variance: keep features whose training variance is above this"),
                Key.number("correlation_threshold", 0.95, "correlation: |r| above which two features count as redundant"),
                Key.choice("mi_method", "mim", TribuoScores.MI_METHODS, "mutual_info criterion: mim, jmi, mrmr, cmim"),
                Key.integer("bins", 10, "mutual_info: bins used to discretise each feature"),
                Key.choice("model", "tree", TribuoScores.MODELS, "model_based: tree (CART split importance) or l1 (weights of L1-regularised logistic regression / lasso)"),
                Key.list("include", List.of(), "keep only these features (after encoding; a source column keeps all its one-hot columns)"),
                Key.list("exclude", List.of(), "drop these features (same naming as include)"));
    }

    public static SelectConfig parse(Section s) {
        int k = s.integer("k");
        if (k < 1) {
            throw new ConfigException(s.join("k"), "must be at least 1, got " + k);
        }
        int bins = s.integer("bins");
        if (bins < 2) {
            throw new ConfigException(s.join("bins"), "must be at least 2, got " + bins);
        }
        return new SelectConfig(s.choice("method"), s.strings("include"), s.strings("exclude"), k,
                s.number("variance_threshold"), s.number("correlation_threshold"), s.choice("mi_method"), bins,
                s.choice("model"));
    }
}
